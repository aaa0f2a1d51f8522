import pytest

from lms.certificates.codes import ALPHABET, code_generate, code_normalise


def test_generated_codes_are_grouped_unambiguous_and_distinct():
    codes = {code_generate() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        groups = code.split("-")
        assert [len(group) for group in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(ALPHABET)
    assert not set("01ILOU") & set(ALPHABET)


@pytest.mark.parametrize("typed", ["abcd-efgh-jkmn", " ABCD EFGH JKMN ", "abcdefghjkmn",
                                   "ABCD_EFGH.JKMN", "abcd - efgh - jkmn"])
def test_normalise_accepts_case_spaces_and_dashes(typed):
    assert code_normalise(typed) == "ABCD-EFGH-JKMN"


@pytest.mark.parametrize("typed", ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-P", "ABCD-EFGH-JKM0",
                                   "<script>", "ABCD-EFGH-JKMI"])
def test_normalise_rejects_what_cannot_be_a_code(typed):
    assert code_normalise(typed) is None
