"""Security headers the portal adds to every page; request size limits; the 503 page of a
database outage."""

import logging
import sys
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views import defaults

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def is_admin_request(request):
    """Was the request answered by the admin site? Decided by the URL it resolved to (the
    admin's namespace), never by the path's text: a public address with "/admin/" in it
    is a public page."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.namespaces[:1] == ["admin"]


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every page.

    Public pages get CONTENT_SECURITY_POLICY, the admin ADMIN_CONTENT_SECURITY_POLICY
    (settings say what each allows and why); a response that set its own policy (uploaded
    images) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_admin_request(request):
            policy = settings.ADMIN_CONTENT_SECURITY_POLICY
        else:
            policy = settings.CONTENT_SECURITY_POLICY
        if policy:
            response.setdefault("Content-Security-Policy", policy)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than its sender may send, judged by Content-Length
    before anything reads it (the CSRF check and the forms would otherwise read a 60 MB
    upload whole into a temporary file first): 413 with a page in the visitor's language.

    Visitors (the public forms, the admin's login) may send MAX_PUBLIC_REQUEST_KB; logged-in
    staff MAX_STAFF_REQUEST_MB, for uploads in admin. Runs as a view middleware, before
    CsrfViewMiddleware; the front web server's own limit (client_max_body_size) should be
    the staff one (README).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None  # Django answers 400 to a malformed length itself
        limit = settings.MAX_PUBLIC_REQUEST_KB * 1024
        if length <= limit:
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_active and user.is_staff:
            limit = settings.MAX_STAFF_REQUEST_MB * 1024 * 1024
            if length <= limit:
                return None
        return render(request, "413.html", {"limit": limit}, status=413)


# --- Database outages: a 503 page in the visitor's language ------------------------------

logger = logging.getLogger("portal.outage")

# How long a visitor (or a crawler) is asked to wait: a PostgreSQL restart takes seconds.
OUTAGE_RETRY_AFTER = 10
OUTAGE_ERRORS = (OperationalError, InterfaceError)

# Whether this process is in an outage: only so that it is logged once, when it starts and
# when it ends, not once per failing request. Nothing else depends on it.
_outage_since = None


def _outage_started(error):
    global _outage_since
    if _outage_since is None:
        _outage_since = time.monotonic()
        logger.error("The database does not answer (%s): pages get 503 until it does.", error)


def note_database_answers(sender, connection, **kwargs):
    """connection_created: a new connection opened, so an outage (if any) is over."""
    global _outage_since
    if _outage_since is not None:
        seconds = time.monotonic() - _outage_since
        _outage_since = None
        logger.warning("The database answers again after %.1f s.", seconds)


def outage_response(request):
    """The 503 page, rendered without the database: no context processors, no session."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = loader.get_template("503.html").render({"LANGUAGE_CODE": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(OUTAGE_RETRY_AFTER)
    # Nothing about it may be cached: the page is back as soon as the database is.
    response["Cache-Control"] = "no-store"
    # Logged once by _outage_started, not again by Django for every request.
    response._has_been_logged = True
    return response


class DatabaseOutageMiddleware:
    """Answers 503 with Retry-After while the database cannot be reached.

    A view (or its template) that meets OperationalError or InterfaceError comes here
    through process_exception; an error raised inside another middleware (the session
    middleware saving a session) is turned into a response by Django before any middleware
    sees it, so the root URLconf's handler500 (server_error below) answers those the same way.
    Django closes the broken connection at the end of the request and opens a new one on
    the next, so the portal recovers by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            _outage_started(exception)
            return outage_response(request)
        return None


def server_error(request):
    """handler500: the 503 page for a database outage, Django's 500 page for anything else."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE_ERRORS):
        _outage_started(error)
        return outage_response(request)
    return defaults.server_error(request)
