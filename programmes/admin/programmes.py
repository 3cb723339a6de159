"""Development programmes, with their redactions and steering group inline."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import MunicipalityScopedMixin

from ..models import DevelopmentProgramme, Redaction, SteeringGroup
from .base import ProgrammesAdmin


class RedactionLinkInline(MunicipalityScopedMixin, admin.TabularInline):
    """The programme's redactions, each a link to its own page."""

    model = Redaction
    fields = ("number", "label", "status", "published_on", "decision_number")
    readonly_fields = fields
    show_change_link = True
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = _("redactions (open one to edit it; use its actions to publish)")

    def has_add_permission(self, request, obj=None):
        return False


class SteeringGroupInline(MunicipalityScopedMixin, admin.StackedInline):
    model = SteeringGroup
    fields = ("name", "order_number", "order_date", "purpose")
    show_change_link = True
    extra = 0


@admin.register(DevelopmentProgramme)
class DevelopmentProgrammeAdmin(ProgrammesAdmin):
    list_display = (
        "title",
        "municipality",
        "kind",
        "period",
        "drafter_kind",
        "redaction_count",
    )
    list_filter = (("municipality", RelatedOnlyFieldListFilter), "kind", "drafter_kind")
    search_fields = ("title", "slug", "drafter_name", "municipality__name")
    prepopulated_fields = {"slug": ("title",)}
    list_select_related = ("municipality",)
    inlines = [RedactionLinkInline, SteeringGroupInline]
    fieldsets = (
        (None, {"fields": ("municipality", "title", "slug", "kind")}),
        (_("Period and drafting"), {"fields": ("period_start", "period_end")}),
        (None, {"fields": ("drafter_kind", "drafter_name", "summary", "contact")}),
        (_("Redactions"), {"fields": ("add_redaction_link",)}),
    )
    readonly_fields = ("add_redaction_link",)

    def get_fieldsets(self, request, obj=None):
        # The "add a redaction" link is for those who may add one (a project manager
        # reading the programme would get a refusal).
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.has_perm("programmes.add_redaction"):
            return fieldsets
        return [fs for fs in fieldsets if "add_redaction_link" not in fs[1]["fields"]]

    @admin.display(description=_("new redaction"))
    def add_redaction_link(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the programme first.")
        url = reverse("admin:programmes_redaction_add") + f"?programme={obj.pk}"
        return format_html(
            '<a href="{}" class="addlink">{}</a> {}',
            url,
            _("Add an empty redaction"),
            _("(to continue from an existing one, use its “Start the next redaction” action)"),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(redaction_total=Count("redactions"))

    @admin.display(description=_("redactions"), ordering="redaction_total")
    def redaction_count(self, obj):
        url = reverse("admin:programmes_redaction_changelist") + f"?programme__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.redaction_total)
