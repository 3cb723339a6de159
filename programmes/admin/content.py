"""The admin of a redaction's content: read-only with a notice once the redaction left draft
(monitoring excepted), filters by redaction, and spreadsheet import into a draft."""

from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import unquote
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from core.access import municipality_ids_for
from core.admin_mixins import MunicipalityScopedMixin

from ..forms import HeadedExportForm, RedactionConfirmImportForm, RedactionImportForm
from ..models import Redaction, users_in_scope_of
from ..resources import SpreadsheetCSV, SpreadsheetXLSX
from .base import (
    FROZEN_NOTICES,
    DraftChoicesMixin,
    ProgrammesAdmin,
    is_frozen,
    monitoring_open,
    redaction_of,
)

MONITORING_NOTICE = _(
    "This redaction is approved: its content is frozen, but its monitoring can still be "
    "recorded here (an action's status and progress, indicators' actual values by year)."
)


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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "owner" and formfield is not None:
            # An owner is a staff member of the planner's own municipality.
            formfield.queryset = users_in_scope_of(request.user).filter(
                is_staff=True, is_active=True
            )
        return formfield

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


def redaction_filters(path):
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
        return Redaction.objects.in_scope_of(request.user)

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
