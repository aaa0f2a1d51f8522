"""Django's Redis cache, made optional: the site must keep serving when Redis does not.

Wagtail looks the site up in the cache on every page, image renditions are remembered there and
the verification page counts requests there: with the plain `RedisCache` an unreachable Redis
turns every page into a 500. `ResilientRedisCache` turns a connection error into a cache miss
(reads return the default, writes are dropped), logs a warning, and then leaves Redis alone for
`RETRY_AFTER` seconds (default 5) so a dead server costs one failed connection per thread and
period rather than one per cache call. Errors other than connection and timeout errors (a
programming mistake) still raise.

    CACHES = {"default": {"BACKEND": "lms.core.cache.ResilientRedisCache",
                          "LOCATION": "redis://127.0.0.1:6379/1",
                          "OPTIONS": {"RETRY_AFTER": 5}}}
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache import BaseCache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
_MISSING = object()


def cache_available(cache: BaseCache) -> bool:
    """False while the cache is known to be unreachable (any other backend: always True)."""
    return getattr(cache, "available", True)


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        # Fail fast: a cache that answers in more than half a second is worse than none.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _attempt(self, fallback: Any, call: Callable, *args: Any) -> Any:
        if not self.available:
            return fallback
        try:
            return call(*args)
        except UNREACHABLE as exc:
            self._down_until = time.monotonic() + self.retry_after
            logger.warning("Cache unreachable, serving without it for %.0f s: %s",
                           self.retry_after, exc)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._attempt({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._attempt(_MISSING, super().incr, key, delta, version)
        if value is _MISSING:  # what callers of incr() already handle: "no such key"
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._attempt(None, super().delete_many, keys, version)

    def clear(self):
        return self._attempt(False, super().clear)
