from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Development programmes")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from .models import SituationSection, refuse_frozen_data_source_changes

        m2m_changed.connect(
            refuse_frozen_data_source_changes,
            sender=SituationSection.data_sources.through,
            dispatch_uid="programmes_frozen_data_sources",
        )
