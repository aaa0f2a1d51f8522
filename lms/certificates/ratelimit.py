"""A fixed-window request counter in the cache (Redis in production), per key (the
verification page keys it on the client's address, lms.core.client_address).

When the cache is unreachable the limiter fails open (the page is served, a warning is logged):
a limit nobody can count is not worth a site that answers 500 to everyone."""

import logging
import time

from django.core.cache import cache

from lms.core.cache import cache_available

logger = logging.getLogger(__name__)


def rate_limit_exceeded(*, scope: str, key: str, limit: int, window: int) -> bool:
    """Count one hit for `key`; True once more than `limit` hits fall in the current window."""
    cache_key = f"ratelimit:{scope}:{key}:{int(time.time() // window)}"
    try:
        cache.add(cache_key, 0, timeout=window + 5)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=window + 5)
            count = 1
    except Exception:  # a cache backend that raises when its server is gone
        logger.exception("Rate limit %r not enforced: the cache failed", scope)
        return False
    if not cache_available(cache):
        logger.warning("Rate limit %r not enforced: the cache is unreachable", scope)
        return False
    return count > limit
