"""Security headers the portal adds to every page."""

from django.conf import settings

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
