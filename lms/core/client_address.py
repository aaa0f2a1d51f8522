"""The client's network address, one rule for every feature that keys on it (django-axes's
login lockout through AXES_CLIENT_IP_CALLABLE, the verification page's rate limit).

Behind `TRUSTED_PROXY_COUNT` reverse proxies (nginx, Caddy, a load balancer), REMOTE_ADDR is
the nearest proxy and each proxy appends the address it received the request from to
X-Forwarded-For. The client is therefore the entry that many places from the right; anything
further left was written by the client and is ignored. With no proxy (the default, 0) the
header is ignored altogether: a client cannot choose its own address by sending it.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:  # did not come through the proxies: trust only the socket
        return remote
    address = forwarded[-proxies]
    return address if _valid(address) else remote


def client_ip_or_none(request: HttpRequest) -> str | None:
    """For django-axes, whose logs store an IP address column (`inet` on PostgreSQL): None,
    not "unknown", when the request has no address (e.g. the test client's force_login)."""
    address = client_address(request)
    return address if _valid(address) else None
