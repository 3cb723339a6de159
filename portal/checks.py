"""System checks of how uploaded files are served (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security)
def media_accel_prefix(app_configs, **kwargs):
    prefix = settings.MEDIA_ACCEL_REDIRECT_PREFIX
    if prefix and not (prefix.startswith("/") and prefix.endswith("/")):
        return [
            Error(
                "MEDIA_ACCEL_REDIRECT_PREFIX must start and end with '/' "
                f"(e.g. '/protected-media/'), not {prefix!r}.",
                id="portal.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def media_served_by_the_portal(app_configs, **kwargs):
    if settings.SERVE_MEDIA:
        return []
    return [
        Warning(
            "SERVE_MEDIA is False: whatever serves MEDIA_URL instead hands every uploaded "
            "file to anyone, the PDFs of draft redactions and replaced files included.",
            hint="Keep SERVE_MEDIA=True and let nginx send the files with "
            "MEDIA_ACCEL_REDIRECT_PREFIX (README: “Uploaded files behind nginx”).",
            id="portal.W001",
        )
    ]
