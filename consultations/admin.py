from django import forms
from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import MunicipalityScopedMixin, ScopedHistoryAdmin

from . import services
from .models import (
    Event,
    Proposal,
    PublicDiscussion,
    Subscription,
    Survey,
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupProposal,
)


class WorkingGroupMeetingInline(MunicipalityScopedMixin, admin.TabularInline):
    model = WorkingGroupMeeting
    extra = 0
    fields = ["date", "place", "participant_count", "sectors_represented", "notes"]


class WorkingGroupProposalInline(MunicipalityScopedMixin, admin.TabularInline):
    model = WorkingGroupProposal
    extra = 0
    fields = ["position", "text", "outcome"]


# Filters by programme, municipality or discussion offer only what the user's own (scoped)
# list holds: RelatedOnlyFieldListFilter reads the choices from the admin's queryset.


@admin.register(WorkingGroup)
class WorkingGroupAdmin(ScopedHistoryAdmin):
    list_display = [
        "name",
        "programme",
        "kind",
        "topic_display",
        "meeting_count",
        "participant_total",
    ]
    list_filter = ["kind", "sector", ("programme", RelatedOnlyFieldListFilter)]
    search_fields = ["name", "territory", "description"]
    inlines = [WorkingGroupMeetingInline, WorkingGroupProposalInline]
    list_select_related = ["programme"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("meetings")

    @admin.display(description=_("sector or territory"))
    def topic_display(self, obj):
        return obj.topic

    @admin.display(description=_("meetings"))
    def meeting_count(self, obj):
        return len(obj.meetings.all())

    @admin.display(description=_("participants"))
    def participant_total(self, obj):
        # Summed from the meetings, like the public page: never typed in.
        return obj.participant_count


@admin.register(Event)
class EventAdmin(ScopedHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "place", "participant_count", "municipality"]
    list_filter = [
        "kind",
        ("municipality", RelatedOnlyFieldListFilter),
        ("programme", RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "place", "summary"]
    date_hierarchy = "starts_at"
    list_select_related = ["municipality"]


@admin.register(Survey)
class SurveyAdmin(ScopedHistoryAdmin):
    list_display = ["title", "programme", "audience", "opens_on", "closes_on", "respondent_count"]
    list_filter = ["audience", ("programme", RelatedOnlyFieldListFilter)]
    search_fields = ["title", "results"]
    list_select_related = ["programme"]


class PublicDiscussionForm(forms.ModelForm):
    class Meta:
        model = PublicDiscussion
        fields = [
            "redaction",
            "slug",
            "opens_at",
            "closes_at",
            "introduction",
            "materials_places",
            "materials_url",
            "how_to_submit",
            "report_summary",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def _post_clean(self):
        super()._post_clean()
        # Opening the discussion moves a draft redaction to public discussion; find out now,
        # while the planner can still correct the form, whether programmes would refuse.
        if self.instance.pk is None and not self.errors and self.instance.redaction_id:
            try:
                services.check_discussion_can_open(discussion=self.instance, user=self.user)
            except (ValidationError, PermissionDenied) as error:
                self.add_error(None, error.messages if hasattr(error, "messages") else str(error))


@admin.register(PublicDiscussion)
class PublicDiscussionAdmin(ScopedHistoryAdmin):
    form = PublicDiscussionForm
    list_display = ["__str__", "opens_at", "closes_at", "proposal_count"]
    list_filter = [("redaction__programme", RelatedOnlyFieldListFilter)]
    search_fields = ["slug", "introduction", "redaction__programme__title"]
    list_select_related = ["redaction__programme"]
    fieldsets = [
        (None, {"fields": ["redaction", "slug", "opens_at", "closes_at", "introduction"]}),
        (
            _("Materials and submission"),
            {"fields": ["materials_places", "materials_url", "how_to_submit"]},
        ),
        (_("Results"), {"fields": ["report_summary"]}),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class FormWithUser(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return FormWithUser

    def get_readonly_fields(self, request, obj=None):
        return ["redaction", "enter_proposal"] if obj else []

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            *fieldsets,
            (_("Proposals received on paper or by e-mail"), {"fields": ["enter_proposal"]}),
        ]

    @admin.display(description=_("enter a proposal"))
    def enter_proposal(self, obj):
        # The proposal form opens with this discussion chosen, so it offers its parts only.
        url = reverse("admin:consultations_proposal_add")
        return format_html(
            '<a href="{}?discussion={}">{}</a>',
            url,
            obj.pk,
            _("Enter a proposal received on paper, by e-mail or at a meeting"),
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "redaction" and formfield is not None:
            # Only drafts and redactions in public discussion can be put to discussion.
            formfield.queryset = (
                formfield.queryset.filter(status__in=services.OPENABLE_STATUSES)
                .select_related("programme")
                .order_by("programme__title", "number")
            )
        return formfield

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_proposal_count=Count("proposals"))

    @admin.display(description=_("proposals"), ordering="_proposal_count")
    def proposal_count(self, obj):
        return obj._proposal_count

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # The form has already checked (in a rolled-back dry run) that this succeeds.
        services.open_discussion(
            discussion=obj, user=request.user, base_url=request.build_absolute_uri("/")
        )


# How each kind of part reaches its redaction.
PART_REDACTION_PATHS = {
    "section": "redaction",
    "priority": "redaction",
    "action_line": "priority__redaction",
    "task": "action_line__priority__redaction",
}


class ProposalAdminForm(forms.ModelForm):
    """The planner's proposal form.

    A proposal a planner enters came on paper, by e-mail or at a meeting: the portal's form
    is not offered as its channel, and nothing is preselected, so the planner says which.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        channel = self.fields.get("channel")
        if channel is not None and self.instance.pk is None:
            channel.choices = [("", "---------")] + [
                (value, label)
                for value, label in Proposal.Channel.choices
                if value != Proposal.Channel.WEB
            ]
            if self.initial.get("channel") == Proposal.Channel.WEB:
                self.initial["channel"] = ""


class AnswerFilter(admin.SimpleListFilter):
    """The answers, and the proposals still waiting for one (what a planner looks for)."""

    title = _("answer")
    parameter_name = "answer"

    def lookups(self, request, model_admin):
        return [("none", _("Not answered yet")), *Proposal.Answer.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.unanswered()
        if value in Proposal.Answer.values:
            return queryset.filter(answer=value)
        return queryset


@admin.register(Proposal)
class ProposalAdmin(ScopedHistoryAdmin):
    form = ProposalAdminForm
    list_display = [
        "number",
        "discussion",
        "short_text",
        "part_display",
        "author_name",
        "channel",
        "answer",
        "is_published",
        "received_at",
    ]
    list_display_links = ["number", "short_text"]
    list_filter = [
        ("discussion", RelatedOnlyFieldListFilter),
        AnswerFilter,
        "is_published",
        "channel",
    ]
    search_fields = ["text", "author_name", "email", "justification"]
    list_select_related = [
        "discussion__redaction__programme",
        "section",
        "priority",
        "action_line",
        "task",
    ]
    readonly_fields = ["number", "consent_at", "answered_at", "answered_by", "answer_notified_at"]
    date_hierarchy = "received_at"
    fieldsets = [
        (
            _("Proposal"),
            {
                "fields": [
                    "discussion",
                    "number",
                    "text",
                    ("section", "priority", "action_line", "task"),
                ]
            },
        ),
        (
            _("Submitter (not shown to the public)"),
            {
                "fields": [
                    "author_name",
                    "email",
                    "channel",
                    "received_at",
                    "language",
                    "consent_at",
                ]
            },
        ),
        (
            _("Answer"),
            {
                "fields": [
                    "answer",
                    "justification",
                    "answered_at",
                    "answered_by",
                    "answer_notified_at",
                ]
            },
        ),
        (_("Publication"), {"fields": ["is_published", "hidden_reason"]}),
    ]

    @admin.display(description=_("proposal"))
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 80 else f"{obj.text[:79]}…"

    @admin.display(description=_("Part of the redaction"))
    def part_display(self, obj):
        return obj.part_label

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("discussion")
        return fields

    def _may_see_email(self, request):
        # The address is there to send the confirmation and the answer: only those who
        # answer proposals see it, not colleagues with read access (data minimisation).
        return request.user.has_perm("consultations.change_proposal")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self._may_see_email(request):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "email"]})
            for name, options in fieldsets
        ]

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        return fields if self._may_see_email(request) else [f for f in fields if f != "email"]

    def _part_redaction_id(self, request):
        """The redaction whose parts the form offers: that of the proposal's discussion, or
        of the discussion chosen (in the address, ?discussion=, or the form sent); None when
        no discussion is known yet."""
        if not hasattr(request, "_consultations_part_redaction"):
            obj = getattr(request, "_consultations_proposal", None)
            redaction_id = None
            if obj is not None:
                redaction_id = obj.discussion.redaction_id
            else:
                chosen = request.POST.get("discussion") or request.GET.get("discussion") or ""
                if chosen.isdigit():
                    redaction_id = (
                        PublicDiscussion.objects.in_scope_of(request.user)
                        .filter(pk=chosen)
                        .values_list("redaction_id", flat=True)
                        .first()
                    )
            request._consultations_part_redaction = redaction_id
        return request._consultations_part_redaction

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        path = PART_REDACTION_PATHS.get(db_field.name)
        if formfield is None or path is None:
            return formfield
        redaction_id = self._part_redaction_id(request)
        if redaction_id is not None:
            # Parts of the discussion's own redaction only.
            formfield.queryset = formfield.queryset.filter(**{f"{path}_id": redaction_id})
            formfield.error_messages["invalid_choice"] = _(
                "This part belongs to another redaction: choose a part of the redaction "
                "under discussion."
            )
        else:
            # No discussion chosen yet: parts of the redactions that have a discussion, each
            # saying which redaction it is of (VTP1 of the 1st and of the 2nd redaction).
            formfield.queryset = formfield.queryset.filter(
                **{f"{path}__in": PublicDiscussion.objects.values("redaction")}
            ).select_related(f"{path}__programme")
            formfield.label_from_instance = _label_with_redaction
        return formfield

    def get_form(self, request, obj=None, change=False, **kwargs):
        request._consultations_proposal = obj
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        base_url = request.build_absolute_uri("/")
        if not change:
            services.record_proposal(proposal=obj, user=request.user)
        services.answer_proposal(proposal=obj, user=request.user, base_url=base_url)
        if obj.answer_notified_at and "answer" in form.changed_data:
            self.message_user(
                request, _("The submitter was sent the answer by e-mail."), messages.INFO
            )


def _label_with_redaction(part):
    return f"{part} ({part.get_redaction()})"


@admin.register(Subscription)
class SubscriptionAdmin(MunicipalityScopedMixin, admin.ModelAdmin):
    """Residents subscribe and unsubscribe themselves; staff only see and, on request, erase."""

    list_display = ["email", "municipality", "language", "created_at", "confirmed_at"]
    list_filter = [("municipality", RelatedOnlyFieldListFilter), "language"]
    search_fields = ["email"]
    readonly_fields = ["email", "municipality", "language", "created_at", "confirmed_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
