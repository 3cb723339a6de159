from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from programmes.models import Municipality

        from . import panels, report_sections
        from .filters import forget_registry_choices
        from .models import Organisation, Partnership, Project

        panels.register()
        report_sections.register()
        for model in (Project, Partnership, Organisation, Municipality):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_registry_choices, sender=model, dispatch_uid=f"registry-{model}"
                )
