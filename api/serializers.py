"""What the read API says about each record: explicit fields, never a resident's name or
e-mail, nothing a draft holds (the views fetch only what `visible_to(user)` allows).

Nested parts are read from rows the views prefetched, so no serializer runs a query of its
own: an endpoint's query count stays fixed as the data grows (tests/api/test_queries.py).
"""

from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from consultations.models import Event, Proposal, PublicDiscussion, WorkingGroup
from portal.models import News
from programmes.models import (
    Action,
    ActionLine,
    CoherenceItem,
    DevelopmentProgramme,
    Indicator,
    IndicatorValue,
    InvestmentAmount,
    InvestmentItem,
    Municipality,
    Priority,
    Redaction,
    SituationSection,
    SteeringGroup,
    SteeringGroupMeeting,
    SteeringGroupMember,
    SwotItem,
    Task,
)
from projects.models import Activity, FundingProgramme, Organisation, Partnership, Project


class ModelSerializer(serializers.ModelSerializer):
    # A web address the planners may leave empty is a string ("" or a URL): described as
    # a URI, an empty one would match both branches of the schema's `oneOf`.

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: serializers.CharField,
    }


class PageUrlField(serializers.SerializerMethodField):
    """The record's public page, as an absolute URL."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The record's page on the portal.")
        super().__init__(**kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        path = value.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


PageUrlField = extend_schema_field(OpenApiTypes.URI)(PageUrlField)


# --- programmes ----------------------------------------------------------------------------


class MunicipalitySerializer(ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = Municipality
        fields = ["slug", "name", "kind", "planning_region", "website", "description", "url"]


class RedactionSummarySerializer(ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:redaction-detail")

    class Meta:
        model = Redaction
        fields = ["id", "number", "label", "status", "published_on", "api_url"]


class ProgrammeSerializer(ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    redactions = RedactionSummarySerializer(
        source="visible_redactions",
        many=True,
        read_only=True,
        help_text="The redactions the caller may see (published ones; drafts for their planners).",
    )
    url = PageUrlField()

    class Meta:
        model = DevelopmentProgramme
        fields = [
            "id",
            "municipality",
            "title",
            "slug",
            "kind",
            "period_start",
            "period_end",
            "drafter_kind",
            "drafter_name",
            "summary",
            "redactions",
            "url",
        ]


class DataSourceField(serializers.SerializerMethodField):
    def to_representation(self, value):
        return [source.code for source in value.data_sources.all()]


DataSourceField = extend_schema_field(serializers.ListField(child=serializers.CharField()))(
    DataSourceField
)


class SituationSectionSerializer(ModelSerializer):
    data_sources = DataSourceField(help_text="Abbreviations of the sources cited (CSP, NVA …).")

    class Meta:
        model = SituationSection
        fields = ["id", "area", "title", "position", "text", "data_sources"]


class SwotItemSerializer(ModelSerializer):
    class Meta:
        model = SwotItem
        fields = ["id", "kind", "text", "position"]


class CoherenceItemSerializer(ModelSerializer):
    class Meta:
        model = CoherenceItem
        fields = ["id", "level", "document", "description", "position"]


class StrategicPartSerializer(ModelSerializer):
    coherence = CoherenceItemSerializer(source="coherence_items", many=True, read_only=True)

    class Meta:
        model = Redaction
        fields = ["vision", "specialisation", "functional_links", "coherence"]


class ActionSerializer(ModelSerializer):
    task_code = serializers.CharField(source="task.code", read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "code",
            "task_code",
            "title",
            "responsible",
            "partners",
            "start_year",
            "end_year",
            "financing_sources",
            "estimated_cost",
            "status",
            "progress",
        ]


class TaskSerializer(ModelSerializer):
    actions = ActionSerializer(many=True, read_only=True)

    class Meta:
        model = Task
        fields = ["id", "code", "title", "description", "actions"]


class ActionLineSerializer(ModelSerializer):
    tasks = TaskSerializer(many=True, read_only=True)

    class Meta:
        model = ActionLine
        fields = ["id", "code", "title", "description", "tasks"]


class PrioritySerializer(ModelSerializer):
    action_lines = ActionLineSerializer(many=True, read_only=True)

    class Meta:
        model = Priority
        fields = ["id", "code", "title", "description", "action_lines"]


class InvestmentAmountSerializer(ModelSerializer):
    class Meta:
        model = InvestmentAmount
        fields = ["year", "source", "amount"]


class InvestmentItemSerializer(ModelSerializer):
    action_line_code = serializers.CharField(source="action_line.code", read_only=True)
    task_code = serializers.SerializerMethodField()
    amounts = InvestmentAmountSerializer(many=True, read_only=True)
    total = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True)

    class Meta:
        model = InvestmentItem
        fields = [
            "id",
            "code",
            "action_line_code",
            "task_code",
            "title",
            "responsible",
            "expected_result",
            "amounts",
            "total",
        ]

    def get_task_code(self, item) -> str | None:
        return item.task.code if item.task_id else None


class IndicatorValueSerializer(ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["year", "value", "note"]


class IndicatorSerializer(ModelSerializer):
    priority_code = serializers.SerializerMethodField()
    values = IndicatorValueSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "unit",
            "priority_code",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_value",
            "source",
            "values",
        ]

    def get_priority_code(self, indicator) -> str | None:
        return indicator.priority.code if indicator.priority_id else None


class SteeringGroupMemberSerializer(ModelSerializer):
    class Meta:
        model = SteeringGroupMember
        fields = ["name", "position", "organisation", "role"]


class SteeringGroupMeetingSerializer(ModelSerializer):
    class Meta:
        model = SteeringGroupMeeting
        fields = ["number", "date", "place", "agenda", "decisions"]


class SteeringGroupSerializer(ModelSerializer):
    members = SteeringGroupMemberSerializer(many=True, read_only=True)
    meetings = SteeringGroupMeetingSerializer(many=True, read_only=True)

    class Meta:
        model = SteeringGroup
        fields = ["name", "order_number", "order_date", "purpose", "members", "meetings"]


class RedactionSerializer(ModelSerializer):
    programme = serializers.PrimaryKeyRelatedField(read_only=True)
    programme_title = serializers.CharField(source="programme.title", read_only=True)
    municipality = serializers.CharField(source="programme.municipality.slug", read_only=True)
    api_url = serializers.HyperlinkedIdentityField(view_name="api:redaction-detail")
    url = PageUrlField()

    class Meta:
        model = Redaction
        fields = [
            "id",
            "programme",
            "programme_title",
            "municipality",
            "number",
            "label",
            "status",
            "summary",
            "published_on",
            "decision_number",
            "decision_date",
            "decision_protocol",
            "api_url",
            "url",
        ]


def action_plan(redaction):
    """Every action of the redaction, in code order, from its prefetched tree."""
    return [
        action
        for priority in redaction.priorities.all()
        for line in priority.action_lines.all()
        for task in line.tasks.all()
        for action in task.actions.all()
    ]


def investment_plan(redaction):
    return [
        item
        for priority in redaction.priorities.all()
        for line in priority.action_lines.all()
        for item in line.investment_items.all()
    ]


def steering_group(redaction):
    return getattr(redaction.programme, "steering_group", None)


class RedactionDocumentSerializer(RedactionSerializer):
    """A published redaction's whole content tree in one document."""

    situation_analysis = SituationSectionSerializer(
        source="situation_sections", many=True, read_only=True
    )
    strategic_part = StrategicPartSerializer(source="*", read_only=True)
    swot = SwotItemSerializer(source="swot_items", many=True, read_only=True)
    priorities = PrioritySerializer(many=True, read_only=True)
    action_plan = serializers.SerializerMethodField()
    investment_plan = serializers.SerializerMethodField()
    indicators = IndicatorSerializer(many=True, read_only=True)
    steering_group = serializers.SerializerMethodField()

    class Meta(RedactionSerializer.Meta):
        fields = [
            *RedactionSerializer.Meta.fields,
            "situation_analysis",
            "strategic_part",
            "swot",
            "priorities",
            "action_plan",
            "investment_plan",
            "indicators",
            "steering_group",
        ]

    @extend_schema_field(ActionSerializer(many=True))
    def get_action_plan(self, redaction):
        return ActionSerializer(action_plan(redaction), many=True, context=self.context).data

    @extend_schema_field(InvestmentItemSerializer(many=True))
    def get_investment_plan(self, redaction):
        items = investment_plan(redaction)
        return InvestmentItemSerializer(items, many=True, context=self.context).data

    @extend_schema_field(SteeringGroupSerializer(allow_null=True))
    def get_steering_group(self, redaction):
        group = steering_group(redaction)
        return SteeringGroupSerializer(group).data if group else None


# --- projects ------------------------------------------------------------------------------


class FundingProgrammeSerializer(ModelSerializer):
    class Meta:
        model = FundingProgramme
        fields = ["fund", "name", "operational_programme", "measure", "sub_activity"]


class OrganisationSerializer(ModelSerializer):
    country = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2")

    class Meta:
        model = Organisation
        fields = ["name", "name_en", "country", "city", "kind", "website"]


class PartnershipSerializer(ModelSerializer):
    organisation = OrganisationSerializer(read_only=True)

    class Meta:
        model = Partnership
        fields = ["role", "organisation", "budget"]


class ActivitySerializer(ModelSerializer):
    class Meta:
        model = Activity
        fields = [
            "id",
            "kind",
            "title",
            "start_date",
            "end_date",
            "month_only",
            "place",
            "participants",
            "certificates",
            "description",
            "outcomes",
        ]


class ActionLineRefSerializer(ModelSerializer):
    redaction = serializers.IntegerField(source="priority.redaction_id", read_only=True)

    class Meta:
        model = ActionLine
        fields = ["id", "code", "title", "redaction"]


class ProjectSerializer(ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    funding_programme = FundingProgrammeSerializer(read_only=True)
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:project-detail", lookup_field="slug"
    )
    url = PageUrlField()

    class Meta:
        model = Project
        fields = [
            "slug",
            "title",
            "title_original",
            "acronym",
            "agreement_number",
            "municipality",
            "municipality_role",
            "status",
            "funding_programme",
            "total_cost",
            "eu_funding",
            "co_financing",
            "eu_share",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "api_url",
            "url",
        ]


class ProjectDetailSerializer(ProjectSerializer):
    partners = PartnershipSerializer(source="partnerships", many=True, read_only=True)
    activities = ActivitySerializer(many=True, read_only=True)
    action_lines = ActionLineRefSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [
            *ProjectSerializer.Meta.fields,
            "objective",
            "main_activities",
            "expected_results",
            "description",
            "website",
            "partners",
            "activities",
            "action_lines",
        ]


# --- the shell: news -----------------------------------------------------------------------


class NewsSerializer(ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    programme = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    url = PageUrlField()

    class Meta:
        model = News
        fields = [
            "slug",
            "title",
            "lead",
            "body",
            "published_at",
            "municipality",
            "programme",
            "project",
            "url",
        ]


# --- consultations -------------------------------------------------------------------------


class WorkingGroupSerializer(ModelSerializer):
    programme = serializers.PrimaryKeyRelatedField(read_only=True)
    municipality = serializers.CharField(source="programme.municipality.slug", read_only=True)
    meetings = serializers.SerializerMethodField()
    proposals = serializers.SerializerMethodField()

    class Meta:
        model = WorkingGroup
        fields = [
            "id",
            "programme",
            "municipality",
            "kind",
            "name",
            "sector",
            "territory",
            "description",
            "meetings",
            "proposals",
        ]

    @extend_schema_field(
        serializers.ListField(child=serializers.DictField(), help_text="date, place, count")
    )
    def get_meetings(self, group):
        return [
            {
                "date": meeting.date.isoformat(),
                "place": meeting.place,
                "participant_count": meeting.participant_count,
                "sectors_represented": meeting.sectors_represented,
                "notes": meeting.notes,
            }
            for meeting in group.meetings.all()
        ]

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_proposals(self, group):
        return [
            {"text": proposal.text, "outcome": proposal.outcome}
            for proposal in group.given_proposals.all()
        ]


class EventSerializer(ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    programme = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "municipality",
            "programme",
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "participant_count",
            "summary",
        ]


class DiscussionSerializer(ModelSerializer):
    redaction = serializers.PrimaryKeyRelatedField(read_only=True)
    municipality = serializers.CharField(
        source="redaction.programme.municipality.slug", read_only=True
    )
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:discussion-detail", lookup_field="slug"
    )
    proposals_url = serializers.HyperlinkedIdentityField(
        view_name="api:discussion-proposals", lookup_field="slug"
    )
    url = PageUrlField()

    class Meta:
        model = PublicDiscussion
        fields = [
            "slug",
            "redaction",
            "municipality",
            "opens_at",
            "closes_at",
            "introduction",
            "materials_places",
            "materials_url",
            "report_summary",
            "api_url",
            "proposals_url",
            "url",
        ]


class ProposalSerializer(ModelSerializer):
    """A published proposal and its answer; the author's name and e-mail are never here."""

    part = serializers.SerializerMethodField(help_text="The part of the redaction it concerns.")

    class Meta:
        model = Proposal
        fields = ["number", "received_at", "text", "part", "answer", "justification"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_part(self, proposal) -> str:
        for name in Proposal.PART_FIELDS:
            part = getattr(proposal, name)
            if part is not None:
                code = getattr(part, "code", "")
                title = getattr(part, "title", "")
                return f"{code} {title}".strip()
        return ""
