from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from . import panels, report_sections

        panels.register()
        report_sections.register()
        # Pages stored in the page cache change when a discussion opens or closes and when
        # an event is over (core/pagecache.py).
        from core.pagecache import register_change_source

        from .models import Event, PublicDiscussion

        register_change_source(PublicDiscussion.objects.next_change)
        register_change_source(Event.objects.next_end)
