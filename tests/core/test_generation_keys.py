"""Keys of generation-cached values stay plain (no spaces, quotes or non-ASCII from filters or
paths), so every cache backend accepts them, and different parts never share a key."""

import warnings

from django.core.cache import CacheKeyWarning

from lms.core.generations import Generation


def test_keys_from_filters_are_plain_and_distinct():
    generation = Generation("test-keys")
    calls = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        for parts in [(1, [("region", "kayes")]), (1, [("region", "mopti")]),
                      (1, "Ségou"), (1, "a b")]:
            generation.cached(None, "panel", parts, lambda p=parts: calls.append(p) or p)
            assert generation.cached(None, "panel", parts, lambda: "again") == parts
    assert len(calls) == 4
