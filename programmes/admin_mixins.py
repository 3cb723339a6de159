"""Admin building blocks every app uses: municipality scoping and change history."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_noop
from simple_history.admin import SimpleHistoryAdmin

from .access import municipality_path_of, scope_to_user


class MunicipalityScopedMixin:
    """Lists, choices and object lookups limited to the user's municipality.

    Works for any model that declares `municipality_path` (or `municipality_lookup()`);
    foreign-key and many-to-many choices are scoped the same way by their target model.
    Objects outside the user's municipality are not in the queryset, so admin answers 404.
    """

    def get_queryset(self, request):
        return scope_to_user(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and municipality_path_of(db_field.related_model):
            formfield.queryset = scope_to_user(formfield.queryset, request.user)
        return formfield

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and municipality_path_of(db_field.related_model):
            formfield.queryset = scope_to_user(formfield.queryset, request.user)
        return formfield


class ScopedHistoryAdmin(MunicipalityScopedMixin, SimpleHistoryAdmin):
    """The base ModelAdmin of the portal: scoped to a municipality, with change history.

    An object outside the user's admin queryset is simply not there: its change, delete
    and history pages answer 404 (simple_history would otherwise fall back to the
    historical rows and show another municipality's changes), and reverting to an old
    version needs the change permission on the object as it is now.
    """

    def _in_scope_or_404(self, request, object_id):
        try:
            found = self.get_queryset(request).filter(pk=unquote(object_id)).exists()
        except (ValueError, ValidationError):
            found = False
        if not found:
            raise Http404

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        if request.method == "POST":
            obj = self.get_queryset(request).get(pk=unquote(object_id))
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


# django-simple-history ships no Latvian; these are the strings its admin screens and
# history records show, listed here so that they get into this app's Latvian catalogue.
# (The history list and page themselves are overridden in templates/simple_history/.)
SIMPLE_HISTORY_STRINGS = (
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    gettext_noop("View history: %s"),
    gettext_noop("Change history: %s"),
    gettext_noop("View %s"),
    gettext_noop("Revert %s"),
    gettext_noop("You may edit it again below"),
    gettext_noop("View %(verbose_name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Press the 'Revert' button below to revert to this version of the object."),
    gettext_noop("Press the 'Change History' button below to edit the history."),
    gettext_noop("Revert"),
    gettext_noop("Change History"),
    gettext_noop("Close"),
)
