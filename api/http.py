"""What every API answer shares: the site's rate limit, CORS for reading, validators.

- Rate limit: the API counts requests per client address in the shared cache, the way the
  public forms do (core/ratelimit.py): a burst limit and an hourly one, both settings.
- CORS: anyone's page may read the API from a browser (GET, HEAD, OPTIONS); nothing is
  written through it, and no cookie is honoured across origins (no
  `Access-Control-Allow-Credentials`), so a third-party page sees what an anonymous
  visitor sees.
- `ETag` is a hash of the body; `Last-Modified` is when this exact body was first served
  (kept in the shared cache), so both change exactly when the answer does, for endpoints
  whose records carry no modification time of their own. A GET with a matching
  `If-None-Match` (or, without one, `If-Modified-Since` not older) gets 304.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.throttling import BaseThrottle

from core.ratelimit import client_address, take

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
    "Access-Control-Max-Age": "86400",
}
# How long the first-seen time of a body is remembered; an answer unchanged for longer
# gets a newer Last-Modified, which is harmless (a client downloads it once more).
SEEN_FOR = 60 * 60 * 24 * 30


def rate_limits():
    return [
        (settings.API_BURST_LIMIT, settings.API_BURST_WINDOW),
        (settings.API_RATE_LIMIT, settings.API_RATE_WINDOW),
    ]


class SiteRateThrottle(BaseThrottle):
    """The site's rate limit (core/ratelimit.py), counted per client address."""

    def allow_request(self, request, view):
        return take("api", client_address(request), rate_limits())

    def wait(self):
        return settings.API_BURST_WINDOW


def add_cors(response):
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def conditional(request, response):
    """Render `response`, give it ETag and Last-Modified, and answer 304 where the client's
    copy is current. Only successful GET and HEAD answers are validated."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.streaming:
        return response
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    key = f"api:first-served:{etag}"
    now = int(timezone.now().timestamp())
    cache.add(key, now, timeout=SEEN_FOR)
    first_served = cache.get(key) or now
    response["ETag"] = etag
    response["Last-Modified"] = http_date(first_served)
    response["Cache-Control"] = "no-cache"
    answer = get_conditional_response(
        request, etag=etag, last_modified=first_served, response=response
    )
    return answer
