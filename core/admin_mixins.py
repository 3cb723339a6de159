"""Admin building blocks every app uses: access by the models' vocabulary, change history."""

import datetime
from decimal import Decimal

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models
from django.http import Http404, HttpResponseRedirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay

from .access import municipality_ids_for, speaks_the_vocabulary


class MunicipalityScopedMixin:
    """The one admin of the access vocabulary (core.access), for a ModelAdmin or an inline:

    - lists and object pages hold the model's `in_scope_of(user)`; anything outside it is
      not in the queryset, so admin answers 404;
    - an object may be changed or deleted only if the model's `editable_by(user)` holds it
      (an inline's rows: if the parent's holds the parent), besides the permissions;
    - foreign-key and many-to-many choices are the target model's `in_scope_of(user)`, or
      its `editable_by(user)` for the fields named in `editable_choices` (the parent a
      row hangs off: a project manager adds activities only to the projects they manage);
    - a new record's municipality is the user's own when they work for one.

    A model without the vocabulary (a user, a group) is left to the admin's own rules.
    """

    editable_choices = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if speaks_the_vocabulary(queryset):
            queryset = queryset.in_scope_of(request.user)
        return queryset

    def may_edit(self, request, obj):
        """Does `editable_by(user)` hold `obj`? For an inline, `obj` is the parent object
        (what Django passes there). One query per object and request at most."""
        if obj is None or obj.pk is None or municipality_ids_for(request.user) is None:
            return True
        model = getattr(self, "parent_model", None) or self.model
        rows = model._default_manager.all()
        if not speaks_the_vocabulary(rows) or not rows.narrows_editing():
            return True  # its admin page shows only rows in scope, and those it edits
        answers = request.__dict__.setdefault("_editable_by_user", {})
        key = (model._meta.label, obj.pk)
        if key not in answers:
            answers[key] = rows.editable_by(request.user).filter(pk=obj.pk).exists()
        return answers[key]

    def has_add_permission(self, request, *obj):
        # A ModelAdmin is asked (request); an inline (request, parent object).
        allowed = super().has_add_permission(request, *obj)
        return allowed and (not obj or self.may_edit(request, obj[0]))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.may_edit(request, obj)

    def _scope_choices(self, db_field, request, formfield):
        if formfield is None or not speaks_the_vocabulary(getattr(formfield, "queryset", None)):
            return formfield
        if db_field.name in self.editable_choices:
            formfield.queryset = formfield.queryset.editable_by(request.user)
        else:
            formfield.queryset = formfield.queryset.in_scope_of(request.user)
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._scope_choices(db_field, request, formfield)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._scope_choices(db_field, request, formfield)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        ids = municipality_ids_for(request.user)
        has_field = any(field.name == "municipality" for field in self.model._meta.fields)
        if has_field and ids and len(ids) == 1:
            initial.setdefault("municipality", next(iter(ids)))
        return initial


def is_possible_pk(model, value):
    """Can `value` (from a request) be a primary key of `model` in this database?

    Text that is not a number, or a number past the column's range, selects nothing; asked
    as it is, SQLite raises OverflowError and PostgreSQL a data error.
    """
    field = model._meta.pk
    try:
        value = field.to_python(value)
    except ValidationError:
        return False
    if isinstance(value, int):
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        return (low is None or value >= low) and (high is None or value <= high)
    return value is not None


def in_scope_or_404(model_admin, request, object_id):
    """Http404 unless `object_id` (from the URL) is an object of the admin's queryset:
    asked before anything looks it up, so an impossible id is a 404, not a database
    error, and an object outside the user's scope is as if it did not exist."""
    object_id = unquote(object_id)
    found = (
        is_possible_pk(model_admin.model, object_id)
        and model_admin.get_queryset(request).filter(pk=object_id).exists()
    )
    if not found:
        raise Http404


def date_hierarchy_refusal(model_admin, params):
    """Why the date hierarchy's year / month / day in `params` cannot be shown, or None.

    Django builds a datetime from them and the following year or month from that, which
    raises OverflowError past year 9999 (a 500); years 1–9998 are the ones it can handle.
    """
    field = model_admin.date_hierarchy
    if not field:
        return None
    year, month, day = (params.get(f"{field}__{part}") for part in ("year", "month", "day"))
    if year is None:
        return None
    try:
        year = int(year)
        if not 1 <= year < datetime.MAXYEAR:
            raise ValueError(year)
        datetime.date(year, int(month or 1), int(day or 1))
    except (ValueError, OverflowError):
        return _("There is no such date: the list shows all dates instead.")
    return None


def view_on_site(request, content_type_id, object_id):
    """Admin's "view on site" redirect, for an object the user may see in admin only.

    Django's own (contenttypes' `shortcut`) sends any staff user to any object's public
    address: another municipality's staff could read the address, and so the slug (the
    title), of an unpublished news post by counting ids. Here an object outside the user's
    admin queryset is a 404 like on its change page. Wired in `portal/urls.py` in front of
    the admin's own pattern.
    """
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        model_admin = admin.site.get_model_admin(model)
    except (ValueError, OverflowError, ContentType.DoesNotExist, NotRegistered) as missing:
        raise Http404 from missing
    object_id = unquote(object_id)
    obj = None
    if is_possible_pk(model, object_id):
        obj = model_admin.get_queryset(request).filter(pk=object_id).first()
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)


class ShortenedDiffDisplay(ObjDiffDisplay):
    """Long texts cut to their ends with an ellipsis, instead of simple_history's untranslated
    “[401 chars]” (the whole text is on the version's own page)."""

    def shortened_str(self, prefix, num_skipped_chars, suffix):
        return f"{prefix} … {suffix}"


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    """Shows a history entry's old and new values as the change form shows them: a choice
    by its label (“Melnraksts”, not `draft`), dates and times in the user's language and
    time zone, numbers localised, an empty value as a dash, never `None`."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return "—"
        if getattr(field, "flatchoices", None) and not isinstance(value, list):
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return formats.date_format(value, "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        if isinstance(value, Decimal | float) or (
            isinstance(value, int) and not isinstance(field, models.ForeignKey)
        ):
            return formats.number_format(value, use_l10n=True, force_grouping=False)
        if isinstance(value, models.fields.files.FieldFile):
            return value.name or "—"
        return value

    def get_obj_diff_display(self):
        return ShortenedDiffDisplay(max_length=self.max_displayed_delta_change_chars)


class ScopedHistoryAdmin(MunicipalityScopedMixin, SimpleHistoryAdmin):
    """The base ModelAdmin of the portal: scoped to a municipality, with change history.

    An object outside the user's admin queryset is simply not there: its change, delete
    and history pages answer 404 (simple_history would otherwise fall back to the
    historical rows and show another municipality's changes), and reverting to an old
    version needs the change permission on the object as it is now.
    """

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)

    def changelist_view(self, request, extra_context=None):
        refusal = date_hierarchy_refusal(self, request.GET)
        if refusal:
            self.message_user(request, refusal, level=messages.ERROR)
            params = request.GET.copy()
            for part in ("year", "month", "day"):
                params.pop(f"{self.date_hierarchy}__{part}", None)
            query = params.urlencode()
            return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))
        return super().changelist_view(request, extra_context)

    def response_action(self, request, queryset):
        # Selected ids that cannot exist select nothing, rather than failing in the database.
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        possible = [value for value in selected if is_possible_pk(self.model, value)]
        if possible != selected:
            post = request.POST.copy()
            post.setlist(helpers.ACTION_CHECKBOX_NAME, possible)
            request.POST = post
        return super().response_action(request, queryset)

    def _in_scope_or_404(self, request, object_id):
        in_scope_or_404(self, request, object_id)

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
        if not is_possible_pk(self.model.history.model, unquote(version_id)):
            raise Http404
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
