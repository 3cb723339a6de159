"""Who a request comes from, and how often an address may do something.

One answer to "which address is this?" for everything that counts clients: the public
forms' rate limits and the admin's login lockout (django-axes, AXES_CLIENT_IP_CALLABLE).
The counts live in the default cache, which every worker shares in production (Redis, or
the database cache: never per-process memory, see settings.py), and each count is taken
with cache.add() and cache.incr(), which are atomic there.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured


def _trusted_proxies():
    """Networks of the reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES)."""
    networks = []
    for value in settings.TRUSTED_PROXIES:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {value!r} is not an IP address or network."
            ) from exc
    return networks


def _parse_ip(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def client_address(request):
    """The client's IP address as far as it can be trusted, or None when there is none.

    By default REMOTE_ADDR only: anyone can write an X-Forwarded-For header, so believing
    it would let one robot pose as any number of residents. When the portal runs behind
    reverse proxies, list them in TRUSTED_PROXIES (addresses or networks): then, and only
    when the request came from one of them, X-Forwarded-For is read from the right,
    skipping the trusted proxies, and the first other address is the client. Addresses a
    client wrote into the header itself sit further left and are never reached.

    An IPv6 client stands for its whole /64 network, which one household or server gets:
    otherwise a robot could step through its addresses and never be counted twice. The
    network is given by its first address (2001:db8:1:2::), so the answer is always an IP
    address, as django-axes stores it.
    """
    remote = _parse_ip(request.META.get("REMOTE_ADDR", ""))
    trusted = _trusted_proxies()

    def is_trusted(ip):
        return any(ip in network for network in trusted)

    client = remote
    if remote is not None and trusted and is_trusted(remote):
        hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        for hop in reversed(hops):
            ip = _parse_ip(hop)
            if ip is None:
                break  # garbage from the client side: keep the last trustworthy hop
            client = ip
            if not is_trusted(ip):
                break
    if client is None:
        return None
    if client.version == 6 and client.ipv4_mapped is not None:
        return str(client.ipv4_mapped)
    if client.version == 6:
        return str(ipaddress.ip_network(f"{client}/64", strict=False).network_address)
    return str(client)


def _key(scope, address, window):
    return f"ratelimit:{scope}:{window}:{address or 'unknown'}"


def _increment(key, window):
    """Add one to the count under `key`, which lives `window` seconds from its first use."""
    for _attempt in range(3):
        if cache.add(key, 1, timeout=window):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # the window ended between add() and incr(): start the next one
            continue
    return 1


def take(scope, address, limits):
    """Count one use of `scope` by `address`; False, counting nothing, when over a limit.

    `limits` is a list of (most uses, window in seconds), e.g. a short burst limit and an
    hourly one. Every window's count is incremented atomically first, then any that went
    past its limit are given back: of 64 requests at once exactly as many as the limit
    allows are let through, in any number of workers, and a refused request does not use
    up the allowance of the residents who come after the flood.
    """
    counted = []
    allowed = True
    for limit, window in limits:
        key = _key(scope, address, window)
        counted.append(key)
        if _increment(key, window) > limit:
            allowed = False
            break
    if not allowed:
        for key in counted:
            try:
                cache.decr(key)
            except ValueError:  # its window has just ended: nothing left to give back
                pass
    return allowed


def count(scope, address, limits):
    """Count one use of `scope` by `address` whatever the limits (a robot's failed tries)."""
    for _limit, window in limits:
        _increment(_key(scope, address, window), window)
