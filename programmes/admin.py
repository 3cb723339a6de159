"""The planners' side of development programmes.

Every admin here is scoped to the user's municipality (`ScopedHistoryAdmin`) and keeps
change history. Content of a redaction that left draft is shown read-only with a notice;
the only ways forward are the redaction actions, which call `programmes.services`.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter, helpers
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin

from core.access import can_edit_municipality, municipality_ids_for, scope_to_user
from core.admin_mixins import MunicipalityScopedMixin, ScopedHistoryAdmin, is_possible_pk
from core.images import PhotoFormField

from . import services
from .forms import (
    CouncilDecisionForm,
    HeadedExportForm,
    RedactionConfirmImportForm,
    RedactionImportForm,
)
from .models import (
    DATA_SOURCE_CHANGE_REFUSAL,
    Action,
    ActionLine,
    CoherenceItem,
    DataSource,
    DevelopmentProgramme,
    Indicator,
    IndicatorValue,
    InvestmentAmount,
    InvestmentItem,
    Municipality,
    Priority,
    Redaction,
    RedactionContent,
    SituationSection,
    StaffProfile,
    SteeringGroup,
    SteeringGroupMeeting,
    SteeringGroupMember,
    SwotItem,
    Task,
    ThematicArea,
)
from .resources import (
    ActionResource,
    IndicatorValueResource,
    InvestmentAmountResource,
    SpreadsheetCSV,
    SpreadsheetXLSX,
)
from .roles import ROLE_LABELS

Status = Redaction.Status

FROZEN_NOTICES = {
    Status.PUBLIC_DISCUSSION: _(
        "This redaction is in public discussion: its content is frozen. "
        "Start the next redaction to make changes."
    ),
    Status.APPROVED: _(
        "This redaction is approved: its content is frozen. "
        "Start the next redaction to make changes."
    ),
    Status.SUPERSEDED: _(
        "This redaction has been superseded: its content is frozen. "
        "Start the next redaction to make changes."
    ),
    Status.WITHDRAWN: _(
        "This redaction has been withdrawn: its content is frozen. "
        "Start the next redaction to make changes."
    ),
}


NATIONAL_SOURCE_NOTICE = _(
    "This is a national data source that every municipality cites: only the portal's "
    "administrators can change it."
)

OFFICIAL_RECORD_HELP = _(
    "The official record of the redaction: the workflow actions write it (the council "
    "decision when the redaction is approved, the publication date when it is first "
    "published) and it does not change afterwards; to correct something, start the next "
    "redaction. A missing document can be attached once."
)

MONITORING_NOTICE = _(
    "This redaction is approved: its content is frozen, but its monitoring can still be "
    "recorded here (an action's status and progress, indicators' actual values by year)."
)


def choice_order(field, choices):
    """An expression ordering rows by `field` in the order its `choices` are declared
    (thematic areas as in a programme, SWOT as strengths, weaknesses, opportunities,
    threats), not alphabetically by their stored values."""
    return Case(
        *(When(**{field: value}, then=Value(index)) for index, value in enumerate(choices.values)),
        output_field=IntegerField(),
    )


def redaction_of(obj):
    """The redaction an admin object belongs to (itself for a redaction), or None."""
    if isinstance(obj, Redaction):
        return obj
    if isinstance(obj, RedactionContent):
        try:
            return obj.get_redaction()
        except (AttributeError, Redaction.DoesNotExist):
            return None
    return None


def is_frozen(obj):
    redaction = redaction_of(obj)
    return redaction is not None and redaction.pk is not None and redaction.is_frozen


def monitoring_open(obj):
    """Is `obj` in the redaction in force (approved), where monitoring is still recorded?"""
    redaction = redaction_of(obj)
    return (
        redaction is not None and redaction.pk is not None and redaction.status == Status.APPROVED
    )


def _content_choices(queryset, request, statuses=(Status.DRAFT,)):
    """Parent choices for new or moved content: redactions in `statuses` (drafts; the
    approved one too for monitoring rows), within the parent being edited."""
    model = queryset.model
    parent_redaction = redaction_of(getattr(request, "_programmes_parent", None))
    if model is Redaction:
        queryset = queryset.filter(status__in=statuses)
        if parent_redaction is not None:
            queryset = queryset.filter(pk=parent_redaction.pk)
    elif issubclass(model, RedactionContent):
        queryset = queryset.filter(**{f"{model.redaction_path}__status__in": statuses})
        if parent_redaction is not None:
            queryset = queryset.filter(**{model.redaction_path: parent_redaction})
    return queryset


class DraftChoicesMixin:
    """Redaction and content choices offered in forms are drafts of the user's municipality
    (and, for monitoring rows such as indicator values, the approved redaction's items)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and hasattr(formfield, "queryset"):
            statuses = (Status.DRAFT,)
            if issubclass(self.model, RedactionContent):
                statuses = tuple(self.model.open_statuses())
            formfield.queryset = _content_choices(formfield.queryset, request, statuses)
        return formfield


class ProgrammesAdmin(DraftChoicesMixin, ScopedHistoryAdmin):
    """Base admin of the app: scoped, with history that is scoped and freeze-aware too."""

    list_per_page = 50

    def get_formsets_with_inlines(self, request, obj=None):
        # Inline choices are limited to the redaction of the object being edited.
        request._programmes_parent = obj
        yield from super().get_formsets_with_inlines(request, obj)


class FreezeInlineMixin:
    """An inline is read-only when the object it sits in belongs to a frozen redaction,
    unless its rows are monitoring (indicator values) and the redaction is approved."""

    def _closed(self, obj):
        if obj is None or not is_frozen(obj):
            return False
        return not (self.model.monitoring_rows and monitoring_open(obj))

    def has_add_permission(self, request, obj=None):
        if self._closed(obj):
            return False
        return super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if self._closed(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._closed(obj):
            return False
        return super().has_delete_permission(request, obj)


class ContentInline(FreezeInlineMixin, DraftChoicesMixin, MunicipalityScopedMixin):
    extra = 0


class ContentTabularInline(ContentInline, admin.TabularInline):
    pass


class ContentStackedInline(ContentInline, admin.StackedInline):
    pass


class ContentAdmin(ProgrammesAdmin):
    """Admin of redaction content: read-only, with a notice, once the redaction left draft.

    Monitoring is the exception: in the approved redaction, a model's `monitoring_fields`
    stay editable (the rest of its page read-only), and an inline of monitoring rows
    (indicator values under an indicator) takes new and changed rows.
    """

    readonly_fields = ("copied_from_link",)

    def _own_monitoring(self, obj):
        """May monitoring fields of `obj` itself be recorded now?"""
        model = self.model
        return bool(model.monitoring_fields or model.monitoring_rows) and monitoring_open(obj)

    def records_monitoring(self, obj):
        """Does this page record monitoring for `obj` (itself or in an inline)?"""
        if obj is None or not monitoring_open(obj):
            return False
        return self._own_monitoring(obj) or any(
            inline.model.monitoring_rows for inline in self.inlines
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and is_frozen(obj) and not self.records_monitoring(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and is_frozen(obj):
            if not (self.model.monitoring_rows and monitoring_open(obj)):
                return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and is_frozen(obj):
            # Only monitoring is recorded here: everything else is shown as it is.
            editable = set(self.model.monitoring_fields) if self._own_monitoring(obj) else set()
            opts = self.model._meta
            fields += [
                field.name
                for field in [*opts.fields, *opts.many_to_many]
                if field.editable
                and not field.primary_key
                and field.name not in editable
                and field.name not in fields
            ]
        return fields

    def save_model(self, request, obj, form, change):
        if change and is_frozen(obj) and not self._own_monitoring(obj):
            # Nothing of the object itself was editable: only its inline rows change.
            return
        super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and is_frozen(obj):
                if self.records_monitoring(obj):
                    notice = MONITORING_NOTICE
                else:
                    notice = FROZEN_NOTICES[redaction_of(obj).status]
                self.message_user(request, notice, level=messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        ids = municipality_ids_for(request.user)
        if ids is None or len(ids) > 1:
            path = f"{self.model.redaction_path}__programme__municipality"
            filters.append((path, RelatedOnlyFieldListFilter))
        return filters

    @admin.display(description=_("copied from"))
    def copied_from_link(self, obj):
        source = getattr(obj, "copied_from", None)
        if source is None:
            return "—"
        opts = source._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[source.pk])
        return format_html(
            '<a href="{}">{} ({})</a>', url, source, redaction_of(source).display_label
        )

    @admin.display(description=_("code"), ordering="sort_key")
    def code_column(self, obj):
        """The code, sorted naturally when its column is clicked (RV1.2 before RV1.10)."""
        return obj.code

    @admin.display(description=_("redaction"))
    def redaction_column(self, obj):
        return redaction_of(obj).display_label

    @admin.display(description=_("programme"))
    def programme_column(self, obj):
        return redaction_of(obj).programme


class RedactionStatusFilter(admin.ChoicesFieldListFilter):
    """The status of the redaction an item belongs to, titled so it is not the item's own."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = _("redaction status")


def _redaction_filters(path):
    """Changelist filters by redaction status, programme and redaction, scoped to the user."""
    return [
        (f"{path}__status", RedactionStatusFilter),
        (f"{path}__programme", RelatedOnlyFieldListFilter),
        (path, RelatedOnlyFieldListFilter),
    ]


class RedactionImportExportMixin(ImportExportMixin):
    """Import into one draft redaction chosen on the form; export what the changelist shows.

    Import needs add and change permission; export needs view permission. Exports follow
    the changelist's filters and the user's municipality.
    """

    formats = [SpreadsheetXLSX, SpreadsheetCSV]
    export_form_class = HeadedExportForm
    import_form_class = RedactionImportForm
    confirm_form_class = RedactionConfirmImportForm
    import_error_display = ("message",)
    # Shows refusals without tracebacks and numbers rows as the spreadsheet does.
    import_template_name = "admin/programmes/import.html"

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context and "fields_list" in context:
            # The columns as the file heads them, in the user's language.
            resources = [
                cls(**self.get_import_resource_kwargs(request))
                for cls in self.get_import_resource_classes(request)
            ]
            context["fields_list"] = [
                (resource.get_display_name(), [f"„{label}”" for label in resource.column_labels()])
                for resource in resources
            ]
            result = context.get("result")
            if result is not None and len(resources) == 1:
                result.diff_headers = resources[0].column_labels()
        return response

    def add_data_read_fail_error_to_form(self, form, e):
        form.add_error(
            "import_file",
            _(
                "The file could not be read as the chosen format. Save it from the "
                "spreadsheet as XLSX (or as CSV) and choose that format here."
            ),
        )

    def _import_redactions(self, request):
        return scope_to_user(Redaction.objects.all(), request.user)

    def create_import_form(self, request):
        form = super().create_import_form(request)
        form.set_redactions(self._import_redactions(request), self.model.open_statuses())
        return form

    def create_confirm_form(self, request, import_form=None):
        form = super().create_confirm_form(request, import_form)
        form.set_redactions(self._import_redactions(request), self.model.open_statuses())
        return form

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["redaction"] = import_form.cleaned_data["redaction"].pk
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        cleaned = getattr(form, "cleaned_data", None) or {}
        return {"redaction": cleaned.get("redaction")}

    def get_export_resource_kwargs(self, request, **kwargs):
        return {}

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)


# --- municipalities, people, data sources -------------------------------------------------


@admin.register(Municipality)
class MunicipalityAdmin(ProgrammesAdmin):
    list_display = ("name", "kind", "planning_region", "website")
    list_filter = ("kind", "planning_region")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    # The coat of arms gets the specific refusals of the news photos' checks.
    formfield_overrides = {models.ImageField: {"form_class": PhotoFormField}}


@admin.register(StaffProfile)
class StaffProfileAdmin(ProgrammesAdmin):
    list_display = ("user", "municipality", "position", "phone")
    list_filter = (("municipality", RelatedOnlyFieldListFilter),)
    search_fields = ("user__username", "user__first_name", "user__last_name", "position")
    list_select_related = ("user", "municipality")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "user" and not request.user.is_superuser:
            ids = municipality_ids_for(request.user) or set()
            formfield.queryset = formfield.queryset.filter(
                Q(staff_profile__municipality_id__in=ids) | Q(staff_profile__isnull=True),
                is_superuser=False,
            )
        return formfield


class DataSourceOwnerFilter(RelatedOnlyFieldListFilter):
    """The owner municipality, with the national sources (no owner) named as such."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.empty_value_display = _("national")


@admin.register(DataSource)
class DataSourceAdmin(ProgrammesAdmin):
    """A planner sees and cites the national sources and their municipality's own, and
    edits only their own; national ones are the superusers'. A source cited by a published
    redaction stays as it was cited (the model refuses), so its page is read-only."""

    list_display = ("code", "name", "municipality_column", "url")
    list_filter = (("municipality", DataSourceOwnerFilter),)
    search_fields = ("code", "name")
    list_select_related = ("municipality",)

    def _editable(self, request, obj):
        return can_edit_municipality(request.user, obj.municipality_id) and not (
            obj.is_used_by_frozen_content()
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self._editable(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not self._editable(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("municipality")
        if field is not None and not request.user.is_superuser:
            # A planner's sources are their municipality's; national ones are not theirs.
            field.required = True
            field.empty_label = None
            field.help_text = ""
        return form

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        ids = municipality_ids_for(request.user)
        if ids and len(ids) == 1:
            initial.setdefault("municipality", next(iter(ids)))
        return initial

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and obj.is_used_by_frozen_content():
                notice = DATA_SOURCE_CHANGE_REFUSAL
            elif obj is not None and not can_edit_municipality(request.user, obj.municipality_id):
                notice = NATIONAL_SOURCE_NOTICE
            else:
                notice = None
            if notice:
                self.message_user(request, notice, level=messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("municipality"), ordering="municipality__name")
    def municipality_column(self, obj):
        return obj.municipality or _("national")


# --- programmes and steering groups -------------------------------------------------------


class RedactionLinkInline(admin.TabularInline):
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

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        ids = municipality_ids_for(request.user)
        if ids and len(ids) == 1 and "municipality" not in initial:
            initial["municipality"] = next(iter(ids))
        return initial


class SteeringGroupMemberInline(MunicipalityScopedMixin, admin.TabularInline):
    model = SteeringGroupMember
    fields = ("position_in_list", "name", "position", "organisation", "role")
    extra = 0


class SteeringGroupMeetingInline(MunicipalityScopedMixin, admin.StackedInline):
    model = SteeringGroupMeeting
    fields = ("number", "date", "place", "agenda", "decisions")
    extra = 0


@admin.register(SteeringGroup)
class SteeringGroupAdmin(ProgrammesAdmin):
    list_display = ("name", "programme", "order_number", "order_date", "member_count")
    list_filter = (("programme__municipality", RelatedOnlyFieldListFilter),)
    search_fields = ("name", "programme__title", "order_number")
    list_select_related = ("programme",)
    inlines = [SteeringGroupMemberInline, SteeringGroupMeetingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_total=Count("members"))

    @admin.display(description=_("members"), ordering="member_total")
    def member_count(self, obj):
        return obj.member_total


@admin.register(SteeringGroupMember)
class SteeringGroupMemberAdmin(ProgrammesAdmin):
    list_display = ("name", "position", "organisation", "role", "group")
    list_filter = ("role", ("group", RelatedOnlyFieldListFilter))
    search_fields = ("name", "position", "organisation")
    list_select_related = ("group__programme",)


@admin.register(SteeringGroupMeeting)
class SteeringGroupMeetingAdmin(ProgrammesAdmin):
    list_display = ("__str__", "date", "place", "group")
    list_filter = (("group", RelatedOnlyFieldListFilter),)
    search_fields = ("place", "agenda", "decisions")
    date_hierarchy = "date"
    list_select_related = ("group__programme",)


# --- redactions ---------------------------------------------------------------------------


class SituationSectionInline(ContentStackedInline):
    model = SituationSection
    fields = ("area", "title", "position", "text", "data_sources")
    filter_horizontal = ("data_sources",)
    show_change_link = True


class SwotItemInline(ContentTabularInline):
    model = SwotItem
    fields = ("kind", "text", "position")


class CoherenceItemInline(ContentTabularInline):
    model = CoherenceItem
    fields = ("level", "document", "description", "position")


class PriorityInline(ContentTabularInline):
    model = Priority
    fields = ("code", "title")
    show_change_link = True


class IndicatorInline(ContentTabularInline):
    model = Indicator
    fields = (
        "code",
        "name",
        "unit",
        "priority",
        "baseline_year",
        "baseline_value",
        "target_year",
        "target_value",
        "source",
    )
    show_change_link = True


@admin.register(Redaction)
class RedactionAdmin(ProgrammesAdmin):
    list_display = (
        "programme",
        "number",
        "label",
        "status",
        "published_on",
        "decision_number",
        "decision_date",
    )
    list_display_links = ("programme", "number")
    list_filter = (
        "status",
        ("programme", RelatedOnlyFieldListFilter),
        ("programme__municipality", RelatedOnlyFieldListFilter),
    )
    search_fields = ("label", "programme__title", "vision", "decision_number")
    list_select_related = ("programme",)
    ordering = ("programme", "-number")
    inlines = [
        SituationSectionInline,
        SwotItemInline,
        CoherenceItemInline,
        PriorityInline,
        IndicatorInline,
    ]
    actions = [
        "start_next_redaction",
        "open_public_discussion",
        "approve_redaction",
        "withdraw_redaction",
    ]
    # The actions offered as buttons on a redaction's own page, by its status.
    WORKFLOW_BUTTONS = {
        Status.DRAFT: ["open_public_discussion"],
        Status.PUBLIC_DISCUSSION: ["approve_redaction", "start_next_redaction"],
        Status.APPROVED: ["start_next_redaction"],
        Status.SUPERSEDED: ["start_next_redaction"],
        Status.WITHDRAWN: ["start_next_redaction"],
    }
    fieldsets = (
        (
            None,
            {"fields": ("programme", "number", "label", "status", "next_step", "copied_from")},
        ),
        (_("Strategic part"), {"fields": ("vision", "specialisation", "functional_links")}),
        (_("Summary of changes"), {"fields": ("summary",)}),
        (
            _("Publication and council decision"),
            {
                "fields": (
                    "published_on",
                    "status_changed_at",
                    "decision_number",
                    "decision_date",
                    "decision_protocol",
                    "document",
                )
            },
        ),
    )
    ALWAYS_READONLY = ("status", "next_step", "status_changed_at", "copied_from")
    CONTENT_READONLY = (
        "programme",
        "number",
        "label",
        "summary",
        "vision",
        "specialisation",
        "functional_links",
    )

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.ALWAYS_READONLY)
        if obj is not None:
            fields.append("programme")
        if obj is not None and obj.is_frozen:
            fields += [f for f in self.CONTENT_READONLY if f not in fields]
            # The official record: only the workflow writes it; a missing document may
            # still be attached (once: then it is read-only too).
            record = [f for f in Redaction.OFFICIAL_RECORD_FIELDS if f != "document"]
            if obj.document:
                record.append("document")
            fields += [f for f in record if f not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.is_frozen:
            return fieldsets
        # Say why the decision and the publication are read-only, beside them.
        return [
            (name, {**options, "description": OFFICIAL_RECORD_HELP})
            if "decision_number" in options["fields"]
            else (name, options)
            for name, options in fieldsets
        ]

    def has_delete_permission(self, request, obj=None):
        # A redaction others were copied from is their lineage: deleting it would rewrite
        # the `copied_from` of redactions that may already be frozen.
        if obj is not None and (obj.is_frozen or obj.copies.exists()):
            return False
        return super().has_delete_permission(request, obj)

    def get_changeform_initial_data(self, request):
        """`?programme=<id>` (the programme page's link) preselects the programme and the
        next free number; an id that is no programme of the user's is ignored."""
        initial = super().get_changeform_initial_data(request)
        programme_id = initial.pop("programme", None)
        programmes = scope_to_user(DevelopmentProgramme.objects.all(), request.user)
        if not (
            is_possible_pk(DevelopmentProgramme, programme_id)
            and programmes.filter(pk=programme_id).exists()
        ):
            return initial
        initial["programme"] = programme_id
        if "number" not in initial:
            numbers = Redaction.objects.filter(programme_id=programme_id).values_list(
                "number", flat=True
            )
            initial["number"] = max(numbers, default=0) + 1
        return initial

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        extra_context = extra_context or {}
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            if request.method == "GET" and obj.is_frozen:
                notice = FROZEN_NOTICES[obj.status]
                self.message_user(request, notice, level=messages.WARNING)
            allowed = self.get_actions(request)
            extra_context["workflow_actions"] = [
                (name, allowed[name][2])
                for name in self.WORKFLOW_BUTTONS.get(obj.status, [])
                if name in allowed
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("next step"))
    def next_step(self, obj):
        """What the redaction needs before it can move on, so planners see it before trying."""
        target = {
            Status.DRAFT: Status.PUBLIC_DISCUSSION,
            Status.PUBLIC_DISCUSSION: Status.APPROVED,
        }.get(obj.status)
        if obj.pk is None:
            return "—"
        if target is None:
            return _("None: start the next redaction to make changes.")
        problems = services.redaction_problems(obj, target)
        if not problems:
            return _("Ready for “%(status)s”.") % {"status": Status(target).label}
        return format_html(
            "{}<ul>{}</ul>",
            _("Before “%(status)s”:") % {"status": Status(target).label},
            format_html_join("", "<li>{}</li>", ((problem,) for problem in problems)),
        )

    def _run(self, request, queryset, service, success):
        done = 0
        for redaction in queryset.select_related("programme"):
            try:
                service(redaction=redaction, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                self._report_refusal(
                    request, redaction, getattr(error, "messages", None) or [str(error)]
                )
            else:
                done += 1
        if done:
            self.message_user(request, success(done), level=messages.SUCCESS)

    @admin.action(description=_("Start the next redaction from this one"), permissions=["add"])
    def start_next_redaction(self, request, queryset):
        self._run(
            request,
            queryset,
            services.start_next_redaction,
            lambda n: (
                ngettext(
                    "Started %(count)d new draft redaction.",
                    "Started %(count)d new draft redactions.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Open public discussion"), permissions=["change"])
    def open_public_discussion(self, request, queryset):
        self._run(
            request,
            queryset,
            services.open_public_discussion,
            lambda n: (
                ngettext(
                    "%(count)d redaction opened for public discussion.",
                    "%(count)d redactions opened for public discussion.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Withdraw the redaction"), permissions=["change"])
    def withdraw_redaction(self, request, queryset):
        self._run(
            request,
            queryset,
            services.withdraw_redaction,
            lambda n: (
                ngettext("%(count)d redaction withdrawn.", "%(count)d redactions withdrawn.", n)
                % {"count": n}
            ),
        )

    @admin.action(
        description=_("Approve (asks for the council decision)"),
        permissions=["change"],
    )
    def approve_redaction(self, request, queryset):
        """Ask for the council decision, then approve: the decision is written on the
        redaction here and nowhere else once it left draft. One redaction at a time, as
        each has its own decision."""
        redactions = list(queryset.select_related("programme")[:2])
        if len(redactions) != 1:
            self.message_user(
                request,
                _("Approve one redaction at a time: each is approved by its own council decision."),
                level=messages.ERROR,
            )
            return None
        redaction = redactions[0]
        if redaction.status not in services.ALLOWED_TRANSITIONS[Status.APPROVED]:
            # Nothing to ask for: say at once why it cannot be approved.
            problems = services.redaction_problems(redaction, Status.APPROVED)
            self._report_refusal(request, redaction, problems)
            return None
        if "apply" in request.POST:
            form = CouncilDecisionForm(request.POST)
            if form.is_valid():
                try:
                    services.approve_redaction(
                        redaction=redaction, user=request.user, **form.cleaned_data
                    )
                except (ValidationError, PermissionDenied) as error:
                    form.add_error(None, getattr(error, "messages", None) or [str(error)])
                else:
                    self.message_user(
                        request,
                        ngettext(
                            "%(count)d redaction approved.", "%(count)d redactions approved.", 1
                        )
                        % {"count": 1},
                        level=messages.SUCCESS,
                    )
                    return None
        else:
            form = CouncilDecisionForm(initial=CouncilDecisionForm.initial_for(redaction))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Approve the redaction"),
            "opts": self.model._meta,
            "redaction": redaction,
            "form": form,
            "action_name": "approve_redaction",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/programmes/redaction/approve.html", context)

    def _report_refusal(self, request, redaction, problems):
        reasons = " ".join(str(problem) for problem in problems)
        self.message_user(
            request,
            _("%(redaction)s: %(reasons)s") % {"redaction": redaction, "reasons": reasons},
            level=messages.ERROR,
        )


# --- strategic part and situation analysis ------------------------------------------------


@admin.register(SituationSection)
class SituationSectionAdmin(ContentAdmin):
    list_display = ("title", "area_column", "position", "redaction_column", "programme_column")
    list_filter = ["area", *_redaction_filters("redaction")]
    search_fields = ("title", "text")
    list_select_related = ("redaction__programme",)
    filter_horizontal = ("data_sources",)
    ordering = ("redaction", choice_order("area", ThematicArea), "position")

    @admin.display(description=_("thematic area"), ordering=choice_order("area", ThematicArea))
    def area_column(self, obj):
        return obj.get_area_display()


@admin.register(SwotItem)
class SwotItemAdmin(ContentAdmin):
    list_display = ("text", "kind_column", "position", "redaction_column", "programme_column")
    list_filter = ["kind", *_redaction_filters("redaction")]
    search_fields = ("text",)
    list_select_related = ("redaction__programme",)
    ordering = ("redaction", choice_order("kind", SwotItem.Kind), "position")

    @admin.display(description=_("kind"), ordering=choice_order("kind", SwotItem.Kind))
    def kind_column(self, obj):
        return obj.get_kind_display()


@admin.register(CoherenceItem)
class CoherenceItemAdmin(ContentAdmin):
    list_display = ("document", "level", "redaction_column", "programme_column")
    list_filter = ["level", *_redaction_filters("redaction")]
    search_fields = ("document", "description")
    list_select_related = ("redaction__programme",)


# --- priorities, action lines, tasks, action plan -----------------------------------------


class ActionLineInline(ContentTabularInline):
    model = ActionLine
    fields = ("code", "title")
    show_change_link = True


@admin.register(Priority)
class PriorityAdmin(ContentAdmin):
    list_display = ("code_column", "title", "redaction_column", "programme_column")
    list_display_links = ("code_column", "title")
    list_filter = _redaction_filters("redaction")
    search_fields = ("code", "title", "description")
    list_select_related = ("redaction__programme",)
    ordering = ("redaction", "sort_key")
    inlines = [ActionLineInline]


class TaskInline(ContentTabularInline):
    model = Task
    fields = ("code", "title")
    show_change_link = True


class InvestmentItemInline(ContentTabularInline):
    model = InvestmentItem
    fields = ("code", "title", "task", "responsible")
    show_change_link = True


@admin.register(ActionLine)
class ActionLineAdmin(ContentAdmin):
    list_display = ("code_column", "title", "priority", "redaction_column", "programme_column")
    list_display_links = ("code_column", "title")
    list_filter = _redaction_filters("priority__redaction")
    search_fields = ("code", "title", "description")
    list_select_related = ("priority__redaction__programme",)
    ordering = ("priority__redaction", "sort_key")
    inlines = [TaskInline, InvestmentItemInline]


class ActionInline(ContentTabularInline):
    model = Action
    fields = (
        "code",
        "title",
        "responsible",
        "start_year",
        "end_year",
        "estimated_cost",
        "status",
        "progress",
    )
    show_change_link = True


@admin.register(Task)
class TaskAdmin(ContentAdmin):
    list_display = ("code_column", "title", "action_line", "redaction_column", "programme_column")
    list_display_links = ("code_column", "title")
    list_filter = _redaction_filters("action_line__priority__redaction")
    search_fields = ("code", "title", "description")
    list_select_related = ("action_line__priority__redaction__programme",)
    ordering = ("action_line__priority__redaction", "sort_key")
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(RedactionImportExportMixin, ContentAdmin):
    resource_classes = [ActionResource]
    list_display = (
        "code_column",
        "title",
        "task",
        "responsible",
        "start_year",
        "end_year",
        "estimated_cost",
        "status",
        "progress",
        "redaction_column",
    )
    list_display_links = ("code_column", "title")
    list_filter = ["status", *_redaction_filters("task__action_line__priority__redaction")]
    search_fields = ("code", "title", "responsible", "partners", "task__code")
    list_select_related = ("task__action_line__priority__redaction__programme",)
    ordering = ("task__action_line__priority__redaction", "task__sort_key", "sort_key")


# --- investment plan ----------------------------------------------------------------------


class InvestmentAmountInline(ContentTabularInline):
    model = InvestmentAmount
    fields = ("year", "source", "amount")


@admin.register(InvestmentItem)
class InvestmentItemAdmin(ContentAdmin):
    list_display = (
        "code_column",
        "title",
        "action_line",
        "task",
        "responsible",
        "total_amount",
        "redaction_column",
    )
    list_display_links = ("code_column", "title")
    list_filter = _redaction_filters("action_line__priority__redaction")
    search_fields = ("code", "title", "responsible", "expected_result")
    list_select_related = ("action_line__priority__redaction__programme", "task")
    ordering = ("action_line__priority__redaction", "sort_key")
    inlines = [InvestmentAmountInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(amount_total=Sum("amounts__amount"))

    @admin.display(description=_("total, EUR"), ordering="amount_total")
    def total_amount(self, obj):
        return obj.amount_total


@admin.register(InvestmentAmount)
class InvestmentAmountAdmin(RedactionImportExportMixin, ContentAdmin):
    resource_classes = [InvestmentAmountResource]
    list_display = ("item", "year", "source", "amount", "redaction_column")
    list_filter = [
        "year",
        "source",
        *_redaction_filters("item__action_line__priority__redaction"),
    ]
    search_fields = ("item__code", "item__title")
    list_select_related = ("item__action_line__priority__redaction__programme",)
    ordering = ("item__action_line__priority__redaction", "item__sort_key", "year", "source")


# --- indicators ---------------------------------------------------------------------------


class IndicatorValueInline(ContentTabularInline):
    model = IndicatorValue
    fields = ("year", "value", "note")


@admin.register(Indicator)
class IndicatorAdmin(ContentAdmin):
    list_display = (
        "code_column",
        "name",
        "unit",
        "baseline_value",
        "target_value",
        "target_year",
        "priority",
        "redaction_column",
    )
    list_display_links = ("code_column", "name")
    list_filter = _redaction_filters("redaction")
    search_fields = ("code", "name", "source")
    list_select_related = ("redaction__programme", "priority")
    ordering = ("redaction", "sort_key")
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(RedactionImportExportMixin, ContentAdmin):
    resource_classes = [IndicatorValueResource]
    list_display = ("indicator", "year", "value", "note", "redaction_column")
    list_filter = ["year", *_redaction_filters("indicator__redaction")]
    search_fields = ("indicator__code", "indicator__name")
    list_select_related = ("indicator__redaction__programme",)
    ordering = ("indicator__redaction", "indicator__sort_key", "year")


# --- users of a municipality --------------------------------------------------------------

User = get_user_model()


class StaffProfileInline(MunicipalityScopedMixin, admin.StackedInline):
    model = StaffProfile
    can_delete = False
    fk_name = "user"
    extra = 0
    max_num = 1

    def get_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ("municipality", "position", "phone")
        # A municipality administrator's users always belong to their own municipality.
        return ("position", "phone")


class RoleGroupField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(ROLE_LABELS.get(obj.name, obj.name))


class MunicipalityUserAdmin(UserAdmin):
    """Users; a municipality administrator sees and edits only their municipality's users.

    They can give only the role groups, never superuser status or single permissions, and
    every user they create belongs to their municipality.
    """

    inlines = [StaffProfileInline]
    list_display = ("username", "first_name", "last_name", "email", "is_active", "municipality")
    list_select_related = ("staff_profile__municipality",)

    limited_fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Access"), {"fields": ("is_active", "is_staff", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        pk = unquote(object_id)
        found = is_possible_pk(self.model, pk) and self.get_queryset(request).filter(pk=pk).exists()
        if not found:
            raise Http404
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("municipality"))
    def municipality(self, obj):
        profile = getattr(obj, "staff_profile", None)
        return profile.municipality if profile else "—"

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return (*super().get_list_filter(request), "staff_profile__municipality")
        return ("is_active", "groups")

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        ids = municipality_ids_for(request.user) or set()
        return queryset.filter(staff_profile__municipality_id__in=ids, is_superuser=False)

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.limited_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("last_login", "date_joined")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=list(ROLE_LABELS))
            kwargs["form_class"] = RoleGroupField
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.is_superuser = False
            if not change:
                obj.is_staff = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not request.user.is_superuser:
            for formset in formsets:
                for profile_form in formset.forms:
                    ids = municipality_ids_for(request.user)
                    if ids and not profile_form.instance.municipality_id:
                        profile_form.instance.municipality_id = next(iter(ids))
        super().save_related(request, form, formsets, change)
        user = form.instance
        ids = municipality_ids_for(request.user)
        if ids and not StaffProfile.objects.filter(user=user).exists():
            StaffProfile.objects.create(user=user, municipality_id=next(iter(ids)))


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, MunicipalityUserAdmin)
