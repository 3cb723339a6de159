from axes import apps as axes_apps
from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from .roles import ensure_role_groups

    ensure_role_groups()


def _ensure_cache_table(sender, using="default", **kwargs):
    """Make the database cache's table on every `migrate`, so a deploy needs no extra step.

    Does nothing when the cache is Redis or memory, and nothing when the table is there.
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


def _register_page_changes():
    """A post whose publication time comes changes the stored pages (core/pagecache.py)."""
    from core.pagecache import register_change_source

    from .models import News

    register_change_source(News.objects.next_publication)


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import checks, panels  # noqa: F401  (checks: registers the system checks)
        from .middleware import note_database_answers
        from .search import register_sqlite_fold

        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="portal_ensure_roles")
        post_migrate.connect(
            _ensure_cache_table, sender=self, dispatch_uid="portal_ensure_cache_table"
        )
        connection_created.connect(register_sqlite_fold, dispatch_uid="portal_sqlite_fold")
        connection_created.connect(note_database_answers, dispatch_uid="portal_outage_over")
        panels.register()
        _register_page_changes()


class LoginAttemptsConfig(axes_apps.AppConfig):
    """django-axes, named in the admin's language (its own name is "Axes")."""

    default = False
    verbose_name = _("Login attempts")
