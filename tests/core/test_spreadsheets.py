import pytest

from lms.core.spreadsheets import spreadsheet_row, spreadsheet_safe


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0",
                                  "-2+3", "@SUM(A1:A2)", "\t=1", "=1"])
def test_formula_like_text_is_neutralised(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Aminata", "+223 76 12 34 56", "-5", "12.5", 3, None,
                                   "", "O'Neil", "Traoré = Diallo"])
def test_other_values_are_kept(value):
    assert spreadsheet_safe(value) == value


def test_row():
    assert spreadsheet_row(["=1", 2]) == ["'=1", 2]
