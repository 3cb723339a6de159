"""Frozen public pages from the shared cache: what an anonymous visitor reads is rendered
once per change of the data, not once per request.

`PageCacheMiddleware` answers an anonymous GET (or HEAD) of a page named in
`settings.PAGE_CACHE_VIEWS` from the default cache: Redis when `CACHE_URL` is set, the
database cache otherwise, so every worker and every app server shares one copy. It stores
only what is safe to hand to every anonymous visitor:

- the request carries no session (nobody logged in, no flash message waiting) and no
  `Authorization`; staff always get a fresh page;
- the answer is a 200 HTML page with no cookie set, and the page used no CSRF token: a
  page with a form (the discussion page) is never stored, so its token stays the
  visitor's own;
- a draft never gets there: drafts are a 404 for anonymous visitors, and 404s are not
  stored.

Invalidation is by generation, not by timeout. Every page is stored under the current
generation, a random token in the cache; any write to the database (INSERT, UPDATE, DELETE,
TRUNCATE through Django's connection: a model's save() or delete(), a queryset's update(),
bulk_create(), m2m changes, migrations) on a table not in `PAGE_CACHE_IGNORED_TABLES`
replaces the token when its transaction commits (at once in autocommit), so no page
rendered from the old data is ever read again. Watching the SQL rather than model
signals also catches `QuerySet.update()` and bulk writes, which send no signals (a
redaction's status changes through update()).

Some pages change with time alone: a discussion opens or closes, an event passes, a
post's publication time comes, "3 days 5 hours left". A stored page is kept only until the
earliest such moment: the next local midnight (dates), the moments the sources registered
with `register_change_source` name (the next publication time of a post, the next
opening or closing of a discussion …), and any `changes_at(moment)` said while the page
was rendered (the time-left filter).

Every stored page is answered with `ETag` and `Last-Modified` and `Cache-Control: no-cache`:
browsers ask again each time, and a matching `If-None-Match` / `If-Modified-Since` gets a
304 without a body.

A page is stored gzip-compressed (a tenth of its size: the biggest, a redaction's action
plan, is over 100 KiB of HTML), and handed as it is to a visitor whose browser accepts
gzip (every browser does), with `Content-Encoding: gzip`, `Vary: Accept-Encoding` and an
ETag of its own; anyone else gets it unpacked. Compressing these pages is safe from
BREACH-style attacks: a stored page holds no secret (no CSRF token, nobody's data).
"""

import contextvars
import gzip
import hashlib
import re
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

GENERATION_KEY = "pagecache:generation"
# The cache the pages are kept in: the "pages" alias of settings.CACHES (the same Redis as
# the default cache, or a database cache table of its own, so that culling pages never
# drops a rate-limit count).
CACHE_ALIAS = "pages"


def _cache():
    return caches[CACHE_ALIAS]


# Raise to forget every stored page when what is stored changes shape.
# 2: the content is stored gzip-compressed.
FORMAT = 2

# --- the generation -----------------------------------------------------------------------


def generation():
    """The current generation's token (made when the cache has none, e.g. after a restart
    of Redis: a fresh random token never meets a page stored under an old one)."""
    token = _cache().get(GENERATION_KEY)
    if token is None:
        _cache().add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = _cache().get(GENERATION_KEY)
    return token


def bump():
    """Forget every stored page: the data they were rendered from changed."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


_WRITE = re.compile(
    r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?[\"`]?([\w.]+)",
    re.IGNORECASE,
)


def written_table(sql):
    """The table a write statement changes, or None for a read (or anything else)."""
    if not sql or sql.lstrip()[:1].upper() not in "IUDT":
        return None
    match = _WRITE.match(sql)
    return match.group(1).lower() if match else None


def _ignored_tables():
    tables = {table.lower() for table in settings.PAGE_CACHE_IGNORED_TABLES}
    for config in settings.CACHES.values():
        if config["BACKEND"].endswith("DatabaseCache"):
            tables.add(config["LOCATION"].lower())
    return tables


class _BumpOnCommit:
    """`bump` as a transaction's on-commit callback, registered once per transaction."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        bump()


def _bump_pending(connection):
    """Whether a bump waits for this commit already, registered within the same savepoints
    (so run, or dropped by a rollback, together with what is written now)."""
    current = set(connection.savepoint_ids)
    return any(
        isinstance(callback, _BumpOnCommit) and not callback.done and savepoints == current
        for savepoints, callback, *_rest in connection.run_on_commit
    )


# While `migrate` runs, writes are not watched: the database cache's tables may not exist
# yet (a fresh database), and every page is forgotten once, when it ends.
_migrating = False


def suspend_for_migrate(**kwargs):
    """`pre_migrate` receiver: stop watching until the migrations are done."""
    global _migrating
    _migrating = True


def resume_after_migrate(using="default", **kwargs):
    """`post_migrate` receiver: make the database cache's tables when they are missing
    (`migrate` alone readies a fresh database), then forget every stored page."""
    global _migrating
    if not _migrating:
        return
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
    _migrating = False
    bump()


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    table = None if _migrating else written_table(sql)
    if table and table not in _ignored_tables():
        connection = context["connection"]
        if not connection.in_atomic_block:
            bump()  # the statement is committed already
        elif not _bump_pending(connection):
            # At the commit: until then nobody else sees the change, and a page rendered
            # meanwhile from the old data was stored under the token this replaces. (Not
            # at the statement as well: with the database cache, that would hold a lock
            # on the token's row until the commit, and writers would queue on it.)
            connection.on_commit(_BumpOnCommit())
    return result


def watch_writes(sender, connection, **kwargs):
    """`connection_created` receiver (core/apps.py): every write through this connection
    ends the generation."""
    if _watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch)


# --- pages that change with time alone --------------------------------------------------

_CHANGE_SOURCES = []


def register_change_source(source):
    """`source(now)` returns the next moment after `now` at which some public page changes
    with no write to the database (a post's publication time, a discussion's closing), or
    None. Apps register theirs in `AppConfig.ready()`; they are asked once per generation."""
    if source not in _CHANGE_SOURCES:
        _CHANGE_SOURCES.append(source)
    return source


_rendering = contextvars.ContextVar("pagecache_rendering", default=None)


def changes_at(moment):
    """Say, while a page is rendered, that what it shows changes by itself at `moment`."""
    holder = _rendering.get()
    if holder is not None and moment is not None:
        stamp = moment.timestamp()
        if holder[0] is None or stamp < holder[0]:
            holder[0] = stamp


def next_midnight(now):
    local = timezone.localtime(now)
    tomorrow = datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    return timezone.make_aware(tomorrow, local.tzinfo)


def _next_change(token, now):
    """The earliest moment a registered source names, as a timestamp; kept per generation."""
    key = f"pagecache:next-change:{token}"
    stamp = _cache().get(key)
    if stamp is not None and stamp > now.timestamp():
        return stamp
    moments = [next_midnight(now)]
    for source in _CHANGE_SOURCES:
        moment = source(now)
        if moment is not None and moment > now:
            moments.append(moment)
    stamp = min(moments).timestamp()
    _cache().set(key, stamp, max(1, int(stamp - now.timestamp())))
    return stamp


# --- the middleware -------------------------------------------------------------------------


def _view_name(path):
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None, language
    return match.view_name, language


def page_key(request, token):
    """The key of the request's page under the generation `token`, or None when the page
    is not one that is stored (another view, a query parameter it does not read)."""
    return _page(request, token)[0]


def _page(request, token):
    """(key, whether the page holds a form: its view is in PAGE_CACHE_FORM_VIEWS)."""
    view_name, language = _view_name(request.path_info)
    allowed = settings.PAGE_CACHE_VIEWS.get(view_name)
    if allowed is None:
        return None, False
    query = []
    for name in request.GET:
        values = request.GET.getlist(name)
        if name not in allowed or len(values) != 1 or len(values[0]) > 20:
            return None, False
        query.append((name, values[0]))
    try:
        host = request.get_host()
    except DisallowedHost:
        return None, False  # answered 400 further down, as without the cache
    text = "\n".join([host, request.path, language, *(f"{k}={v}" for k, v in sorted(query))])
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"pagecache:v{FORMAT}:{token}:{digest}", view_name in settings.PAGE_CACHE_FORM_VIEWS


# --- pages with a form: each visitor's own CSRF token put in ------------------------------
# A page with a form (the discussion page) is stored with its CSRF token taken out, and each
# visitor's answer gets that visitor's own token (Django's: `get_token`, masked afresh each
# time, from the secret in the visitor's CSRF cookie or a new one with its cookie), through
# Django's CsrfViewMiddleware, so the form's protection is what it is without the cache.
_TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{64})(")')
_PLACEHOLDER = b"pagecache-csrf-token"


def without_tokens(content):
    """The page with its CSRF tokens taken out, or None when they cannot all be (a token
    anywhere but in a form's hidden field)."""
    tokens = {match.group(2) for match in _TOKEN_FIELD.finditer(content)}
    if not tokens:
        return None
    stripped = _TOKEN_FIELD.sub(rb"\g<1>" + _PLACEHOLDER + rb"\g<3>", content)
    if any(token in stripped for token in tokens):
        return None
    return stripped


def _with_token(content, token):
    field = b'name="csrfmiddlewaretoken" value="'
    return content.replace(field + _PLACEHOLDER + b'"', field + token.encode() + b'"')


def _anonymous(request):
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def _storable(request, response, form=False):
    if response.status_code != 200 or response.streaming:
        return False
    # A page that used a CSRF token sets the CSRF cookie (CsrfViewMiddleware renews it on
    # every use): the token is the visitor's own, so such a page is stored only as a page
    # with a form, without it (`PageCacheMiddleware`, `without_tokens`).
    cookies = set(response.cookies)
    if form:
        cookies.discard(settings.CSRF_COOKIE_NAME)
    if cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not form:
        return False  # a token was used and its cookie is still to be set
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


# Headers made again by the middleware above this one on every answer, or per answer.
_NOT_STORED = {"set-cookie", "date", "content-length", "x-page-cache"}

_GZIP_TOKEN = re.compile(r"(?:^|,)\s*gzip\s*(?:,|;(?!\s*q=0(?:\.0*)?\s*(?:,|$))|$)")


def accepts_gzip(request):
    """Whether the request's Accept-Encoding takes gzip (and not with q=0)."""
    return bool(_GZIP_TOKEN.search(request.META.get("HTTP_ACCEPT_ENCODING", "").lower()))


def _validators(response, etag, last_modified, *, compressed):
    response["ETag"] = f'{etag[:-1]}-gzip"' if compressed else etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ["Accept-Encoding"])
    if compressed:
        response["Content-Encoding"] = "gzip"


def _keep(key, token, holder, response, **entry):
    """Store `entry` (the page, packed) with the response's headers under `key`, until the
    page's next change by time alone (`holder`: what was said while it was rendered)."""
    now = timezone.now()
    until = _next_change(token, now)
    if holder[0] is not None:
        until = min(until, holder[0])
    timeout = min(int(until - now.timestamp()), settings.PAGE_CACHE_MAX_SECONDS)
    if timeout >= 1:
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED
        ]
        _cache().set(key, {**entry, "headers": headers, "until": until}, timeout)


class PageCacheMiddleware:
    """Place it above SessionMiddleware (settings.py): it must see every cookie the page
    sets, and a stored page is answered without opening a session or the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.PAGE_CACHE_ENABLED
            or request.method not in ("GET", "HEAD")
            or not _anonymous(request)
        ):
            return self.get_response(request)
        token = generation()
        key, form = _page(request, token)
        if key is None:
            return self.get_response(request)
        entry = _cache().get(key)
        if entry is not None and entry["until"] > timezone.now().timestamp():
            if entry["form"]:
                return self._answer_form(request, entry)
            return self._answer_stored(request, entry)
        holder = [None]
        reset = _rendering.set(holder)
        try:
            response = self.get_response(request)
        finally:
            _rendering.reset(reset)
        if not _storable(request, response, form):
            return response
        if form and settings.CSRF_COOKIE_NAME in response.cookies:
            # A page with a form: kept without its token; the visitor gets it as rendered.
            stripped = without_tokens(response.content)
            if stripped is not None:
                packed = gzip.compress(stripped, 6, mtime=0)
                _keep(key, token, holder, response, gzip=packed, form=True)
                response["X-Page-Cache"] = "miss"
            return response
        content = response.content
        etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
        last_modified = int(timezone.now().timestamp())
        packed = gzip.compress(content, compresslevel=6, mtime=0)
        _keep(
            key,
            token,
            holder,
            response,
            gzip=packed,
            etag=etag,
            last_modified=last_modified,
            form=False,
        )
        compressed = accepts_gzip(request)
        if compressed:
            response.content = packed
            response["Content-Length"] = str(len(packed))
        _validators(response, etag, last_modified, compressed=compressed)
        response["X-Page-Cache"] = "miss"
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )

    def _answer_form(self, request, entry):
        """A stored page with a form, with this visitor's own CSRF token (and cookie)."""
        csrf = CsrfViewMiddleware(self.get_response)
        csrf.process_request(request)  # the secret of the visitor's cookie, if valid
        body = _with_token(gzip.decompress(entry["gzip"]), get_token(request))
        compressed = accepts_gzip(request)
        if compressed:
            # Safe from BREACH as Django's own pages are: the token is masked afresh each time.
            body = gzip.compress(body, 6, mtime=0)
        response = HttpResponse(body)
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(body))
        patch_vary_headers(response, ["Accept-Encoding"])
        if compressed:
            response["Content-Encoding"] = "gzip"
        response["X-Page-Cache"] = "hit"
        return csrf.process_response(request, response)

    def _answer_stored(self, request, entry):
        compressed = accepts_gzip(request)
        body = entry["gzip"] if compressed else gzip.decompress(entry["gzip"])
        response = HttpResponse(body)
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(body))
        _validators(response, entry["etag"], entry["last_modified"], compressed=compressed)
        response["X-Page-Cache"] = "hit"
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=entry["last_modified"], response=response
        )
