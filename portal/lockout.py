"""Login lockouts (django-axes): one limit per kind of lockout, and the page a locked-out
login gets. settings.py says which lockouts there are and why."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render


def _limit_of(parameter, base_limit):
    if parameter == "ip_address":
        return settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    if parameter == "username":
        return settings.LOGIN_FAILURE_LIMIT_PER_USERNAME
    return base_limit


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes's database handler, with a limit of its own for each lockout parameter.

    Axes locks when the failures of any parameter (username and address together, the
    address alone, the username alone) reach AXES_FAILURE_LIMIT. Each parameter's count is
    scaled here so that it reaches that limit exactly when it reaches its own: a whole
    office behind one address may mistype more often than one person at one username.
    """

    def get_failures(self, request, credentials=None):
        base_limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        # filter_user_attempts() builds one queryset per parameter, in the same order.
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, failures * base_limit // _limit_of(parameter, base_limit))
        return worst


def lockout_response(request, original_response=None, credentials=None):
    """The admin's login page saying, in the page's language, that logging in is locked."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": admin.site.site_header,
        "minutes": minutes,
    }
    response = render(request, "admin/locked_out.html", context, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
