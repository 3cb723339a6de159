"""Security headers the portal adds to every page."""

from django.conf import settings
from django.shortcuts import render

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
