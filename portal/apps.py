from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from .roles import ensure_role_groups

    ensure_role_groups()


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .search import register_sqlite_fold

        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="portal_ensure_roles")
        connection_created.connect(register_sqlite_fold, dispatch_uid="portal_sqlite_fold")
