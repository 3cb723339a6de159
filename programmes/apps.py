from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Development programmes")

    def ready(self):
        from django.db.models.signals import m2m_changed, pre_save

        from core.access import register_municipality_resolver

        from . import panels  # noqa: F401  (declares the slots its pages render)
        from .models import SituationSection, mark_raw_load, refuse_frozen_data_source_changes
        from .models.municipalities import profile_municipality_ids

        # Staff work for the municipality of their profile: core's access rules ask this.
        register_municipality_resolver(profile_municipality_ids)

        m2m_changed.connect(
            refuse_frozen_data_source_changes,
            sender=SituationSection.data_sources.through,
            dispatch_uid="programmes_frozen_data_sources",
        )
        pre_save.connect(mark_raw_load, dispatch_uid="programmes_raw_load")
