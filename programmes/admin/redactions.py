"""Redactions: their content inline, and the workflow actions that call `programmes.services`."""

from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter, helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.admin_mixins import is_possible_pk

from .. import services
from ..forms import CouncilDecisionForm
from ..models import (
    CoherenceItem,
    DevelopmentProgramme,
    Indicator,
    Priority,
    Redaction,
    SituationSection,
    SwotItem,
)
from .base import FROZEN_NOTICES, ProgrammesAdmin, Status
from .content import ContentStackedInline, ContentTabularInline

OFFICIAL_RECORD_HELP = _(
    "The official record of the redaction: the workflow actions write it (the council "
    "decision when the redaction is approved, the publication date when it is first "
    "published) and it does not change afterwards; to correct something, start the next "
    "redaction. A missing document can be attached once."
)


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


def workflow_action(service, *, description, permission, done):
    """An admin action that runs the workflow `service(redaction=…, user=…)` on each
    selected redaction: each refusal is reported with its reasons, then how many moved
    (`done`, an ngettext_lazy message counting `%(count)d`)."""

    @admin.action(description=description, permissions=[permission])
    def action(model_admin, request, queryset):
        moved = 0
        for redaction in queryset.select_related("programme"):
            try:
                service(redaction=redaction, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                model_admin._report_refusal(request, redaction, _reasons(error))
            else:
                moved += 1
        if moved:
            model_admin._report_done(request, done, moved)

    action.__name__ = service.__name__
    return action


def _reasons(error):
    return getattr(error, "messages", None) or [str(error)]


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
            {"fields": Redaction.OFFICIAL_RECORD_FIELDS},
        ),
    )
    ALWAYS_READONLY = ("status", "next_step", "status_changed_at", "copied_from")
    # The redaction's own content (the form names the programme by its field).
    CONTENT_READONLY = tuple(name.removesuffix("_id") for name in Redaction.CONTENT_FIELDS)

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
        programmes = DevelopmentProgramme.objects.in_scope_of(request.user)
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

    start_next_redaction = workflow_action(
        services.start_next_redaction,
        description=_("Start the next redaction from this one"),
        permission="add",
        done=ngettext_lazy(
            "Started %(count)d new draft redaction.",
            "Started %(count)d new draft redactions.",
            "count",
        ),
    )
    open_public_discussion = workflow_action(
        services.open_public_discussion,
        description=_("Open public discussion"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d redaction opened for public discussion.",
            "%(count)d redactions opened for public discussion.",
            "count",
        ),
    )
    withdraw_redaction = workflow_action(
        services.withdraw_redaction,
        description=_("Withdraw the redaction"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d redaction withdrawn.", "%(count)d redactions withdrawn.", "count"
        ),
    )
    APPROVED_MESSAGE = ngettext_lazy(
        "%(count)d redaction approved.", "%(count)d redactions approved.", "count"
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
                    form.add_error(None, _reasons(error))
                else:
                    self._report_done(request, self.APPROVED_MESSAGE, 1)
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

    def _report_done(self, request, done, count):
        self.message_user(request, done % {"count": count}, level=messages.SUCCESS)

    def _report_refusal(self, request, redaction, problems):
        reasons = " ".join(str(problem) for problem in problems)
        self.message_user(
            request,
            _("%(redaction)s: %(reasons)s") % {"redaction": redaction, "reasons": reasons},
            level=messages.ERROR,
        )
