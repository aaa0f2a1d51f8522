"""A fixed-window request counter in the cache (Redis in production), per key (the
verification page keys it on the client's address, lms.core.client_address)."""

import time

from django.core.cache import cache


def rate_limit_exceeded(*, scope: str, key: str, limit: int, window: int) -> bool:
    """Count one hit for `key`; True once more than `limit` hits fall in the current window."""
    cache_key = f"ratelimit:{scope}:{key}:{int(time.time() // window)}"
    cache.add(cache_key, 0, timeout=window + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 5)
        count = 1
    return count > limit
