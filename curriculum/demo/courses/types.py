"""The shape of the course data. Prose lives in the TOML files beside this one, one file per
module and language (see __init__.py).

A module body is a list of `(block_type, value)` pairs, the same blocks in both languages.
In a `figure` value, `image` names a key of the course's `figures`; in a `download` value,
`document` names a key of its `documents`. The loader swaps those keys for Wagtail ids.
"""

LANGUAGES = ("en", "fr")
