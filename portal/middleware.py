"""Security headers the portal adds to every public page."""

from django.conf import settings

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
