"""Data sources: the national ones (the superusers') and each municipality's own."""

from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext_lazy as _

from ..models import DATA_SOURCE_CHANGE_REFUSAL, DataSource
from .base import ProgrammesAdmin

NATIONAL_SOURCE_NOTICE = _(
    "This is a national data source that every municipality cites: only the portal's "
    "administrators can change it."
)


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

    # Whose sources a planner may edit is `DataSource.objects.editable_by` (asked by the
    # scoped admin); a cited one stays as it was cited, for anyone.
    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_used_by_frozen_content():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_used_by_frozen_content():
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and obj.is_used_by_frozen_content():
                notice = DATA_SOURCE_CHANGE_REFUSAL
            elif obj is not None and not self.may_edit(request, obj):
                notice = NATIONAL_SOURCE_NOTICE
            else:
                notice = None
            if notice:
                self.message_user(request, notice, level=messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("municipality"), ordering="municipality__name")
    def municipality_column(self, obj):
        return obj.municipality or _("national")
