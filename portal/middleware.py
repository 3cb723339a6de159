"""Security headers the portal adds to every public page; the 503 page of a database outage."""

import logging
import sys
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views import defaults

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on the portal's own pages.

    The admin is left to Django (its widgets and django-import-export still use inline
    scripts); a response that set its own policy (uploaded images) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_marker = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if self.admin_marker not in request.path and settings.CONTENT_SECURITY_POLICY:
            response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


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
