"""Cache entries that a change makes unreachable at once, in every process.

A `Generation` is one token kept in the configured Django cache (Redis in production, so
every web process and worker reads the same one). Keys built by `cached()` carry the token;
`invalidate()` replaces it, which makes every older entry unreachable (they expire on their
own). It is replaced at once and again when the transaction commits: a request that read the
database before the commit may have stored old data under the intermediate token, never under
the final one. A cache that is down only costs the work (every read misses).

Used by the published pages (`curriculum/page_cache.py`), the question bank
(`lms/quizzes/bank_cache.py`) and the dashboard (`lms/reporting/dashboard_cache.py`).
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

T = TypeVar("T")
TIMEOUT = 24 * 3600  # entries of older generations simply expire
_MISSING = object()


class Generation:
    def __init__(self, name: str) -> None:
        self.name = name
        self.key = f"{name}:generation"
        self._memo = f"_generation_{name}"

    def token(self, request: HttpRequest | None = None) -> str:
        """The current token (read once per request when a request is given)."""
        if request is not None and hasattr(request, self._memo):
            return getattr(request, self._memo)
        token = cache.get(self.key)
        if token is None:
            token = uuid.uuid4().hex
            if not cache.add(self.key, token, None):
                token = cache.get(self.key) or token
        if request is not None:
            setattr(request, self._memo, token)
        return token

    def _replace(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, None)

    def invalidate(self, **_signal_kwargs: Any) -> None:
        """Forget every entry of this generation (now, and once more on commit)."""
        self._replace()
        transaction.on_commit(self._replace)

    def cached(self, request: HttpRequest | None, name: str, parts: tuple,
               compute: Callable[[], T], *, timeout: int = TIMEOUT) -> T:
        """`compute()` once per token for `name` + `parts` (None is a value too), kept at
        most `timeout` seconds."""
        raw = ":".join(str(part) for part in parts)
        if len(raw) > 120 or not raw.isascii() or any(c.isspace() for c in raw):
            # parts may come from a request path or filters: keep keys short and plain
            raw = hashlib.sha256(raw.encode()).hexdigest()
        key = f"{self.name}:{name}:{self.token(request)}:{raw}"
        found = cache.get(key, _MISSING)
        if found is not _MISSING:
            return found[0]
        value = compute()
        cache.set(key, (value,), timeout)
        return value
