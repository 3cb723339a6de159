"""The yearly monitoring report: a planner creates it for a year, (re)generates its
figures from the data, writes a narrative per section and publishes it; a published
report is read-only (the model refuses changes too)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_mixins import MunicipalityScopedMixin

from .. import services
from ..models import MonitoringReport, MonitoringReportSection
from ..reports import translated
from .base import ProgrammesAdmin


class SectionInline(MunicipalityScopedMixin, admin.StackedInline):
    model = MonitoringReportSection
    fields = ("section_heading", "narrative")
    readonly_fields = ("section_heading",)
    extra = 0
    can_delete = False

    @admin.display(description=_("heading"))
    def section_heading(self, obj):
        return translated(obj.heading) if obj.heading else ""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)


@admin.register(MonitoringReport)
class MonitoringReportAdmin(ProgrammesAdmin):
    list_display = ("title_column", "programme", "year", "status", "generated_at", "page_link")
    list_filter = ["status", "year"]
    list_select_related = ("programme__municipality",)
    search_fields = ("title", "programme__title")
    ordering = ("programme", "-year")
    fields = ("programme", "year", "title", "introduction", "status", "generated_at")
    readonly_fields = ("status", "generated_at")
    inlines = [SectionInline]
    actions = ["generate", "publish"]

    @admin.display(description=_("title"), ordering="title")
    def title_column(self, obj):
        return str(obj)

    @admin.display(description=_("page"))
    def page_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("view"))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            # The programme and year name the report; a published one is frozen whole.
            if obj.is_published:
                return self.fields
            return ("programme", "year", *self.readonly_fields)
        return self.readonly_fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.generated_at is None:
            services.generate_report(report=form.instance, user=request.user)

    def _run(self, request, queryset, service, done):
        count = 0
        for report in queryset.select_related("programme"):
            if not self.may_edit(request, report):
                continue
            try:
                service(report=report, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                for message in getattr(error, "messages", [str(error)]):
                    self.message_user(request, f"{report}: {message}", level=messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, done(count), level=messages.SUCCESS)

    @admin.action(description=_("Generate the figures from the data again"), permissions=["change"])
    def generate(self, request, queryset):
        self._run(
            request,
            queryset,
            services.generate_report,
            lambda n: (
                ngettext(
                    "The figures of %(count)d report were generated.",
                    "The figures of %(count)d reports were generated.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Publish (the report is then frozen)"), permissions=["change"])
    def publish(self, request, queryset):
        self._run(
            request,
            queryset,
            services.publish_report,
            lambda n: (
                ngettext("%(count)d report was published.", "%(count)d reports were published.", n)
                % {"count": n}
            ),
        )
