"""Kept for the migrations that name this module as a model base: the code is `lms.core.i18n`."""

from lms.core.i18n import BilingualMixin, pick

__all__ = ["BilingualMixin", "pick"]
