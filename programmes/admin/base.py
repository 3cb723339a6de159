"""What every admin of programmes shares: scoped to the user's municipality (`ScopedHistoryAdmin`)
with change history, and choices limited to draft redactions and their content."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import ScopedHistoryAdmin

from ..models import Redaction, RedactionContent

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
