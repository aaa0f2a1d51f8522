"""Moodle GIFT import and export of question banks (our own parser: no maintained one exists
on PyPI — pygiftparser's last release dates from years ago and pulls markdown/yattag)."""

from .parser import GiftError, GiftQuestion, parse_gift
from .writer import write_gift

__all__ = ["GiftError", "GiftQuestion", "parse_gift", "write_gift"]
