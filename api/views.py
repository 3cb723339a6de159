"""The read API, `/api/v1/`: one read-only viewset per kind of record.

Every queryset starts from the model's access vocabulary, `visible_to(request.user)`: a
draft (redaction, project, news post) exists here only for those who may edit it, and a
resident's hidden proposal for nobody. Each endpoint fetches what it shows with
`select_related`/`prefetch_related`, so its query count does not grow with the data.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.routers import APIRootView

from consultations.models import Event, Proposal, PublicDiscussion, WorkingGroup
from portal.models import News
from programmes.models import (
    ActionLine,
    DevelopmentProgramme,
    Municipality,
    Redaction,
)
from programmes.selectors import (
    CONTENT_PREFETCH,
    FROZEN_PARTS_PREFETCH,
    INDICATORS_PREFETCH,
    SECTIONS_PREFETCH,
    TREE_PREFETCH,
    steering_group_prefetch,
)
from projects.models import Partnership, Project

from . import filters, serializers
from .http import SiteRateThrottle, add_cors, conditional


class Pages(PageNumberPagination):
    """`?page=` and `?page_size=` (at most 200); `next` and `previous` are full links."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class OpenData:
    """Read-only, rate-limited like the site, open to every origin, with validators."""

    throttle_classes = [SiteRateThrottle]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return add_cors(conditional(request, response))


class ApiRoot(OpenData, APIRootView):
    """The list of the API's collections."""


class ReadOnly(OpenData, viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    filter_backends = [DjangoFilterBackend]
    # An id is digits, a slug letters, digits and dashes: anything else is a 404 before any
    # query (a NUL byte or "abc" for an id would otherwise reach the database).
    lookup_value_converter = "int"


SLUG = "slug"


class MunicipalityViewSet(ReadOnly):
    """Municipalities (pašvaldības)."""

    serializer_class = serializers.MunicipalitySerializer
    lookup_field = "slug"
    lookup_value_converter = SLUG

    def get_queryset(self):
        return Municipality.objects.visible_to(self.request.user).order_by("name")


class ProgrammeViewSet(ReadOnly):
    """Development programmes with the redactions the caller may see."""

    serializer_class = serializers.ProgrammeSerializer
    filterset_class = filters.ProgrammeFilter

    def get_queryset(self):
        user = self.request.user
        redactions = Redaction.objects.visible_to(user).order_by("number")
        return (
            DevelopmentProgramme.objects.visible_to(user)
            .select_related("municipality")
            .prefetch_related(Prefetch("redactions", redactions, to_attr="visible_redactions"))
            .order_by("municipality__name", "-period_start", "title")
        )


# A redaction's parts, each on its own address, and what each needs fetched.
REDACTION_PARTS = {
    "situation-analysis": (SECTIONS_PREFETCH, serializers.SituationSectionSerializer),
    "strategic-part": (["coherence_items"], serializers.StrategicPartSerializer),
    "swot": (FROZEN_PARTS_PREFETCH["strategy"][:1], serializers.SwotItemSerializer),
    "priorities": (TREE_PREFETCH, serializers.PrioritySerializer),
    "action-plan": (TREE_PREFETCH, serializers.ActionSerializer),
    "investment-plan": (FROZEN_PARTS_PREFETCH["plans"], serializers.InvestmentItemSerializer),
    "indicators": (INDICATORS_PREFETCH, serializers.IndicatorSerializer),
    "steering-group": (steering_group_prefetch("programme__"), serializers.SteeringGroupSerializer),
}


def _part(redaction, name):
    if name == "situation-analysis":
        return redaction.situation_sections.all()
    if name == "strategic-part":
        return redaction
    if name == "swot":
        return redaction.swot_items.all()
    if name == "priorities":
        return redaction.priorities.all()
    if name == "action-plan":
        return serializers.action_plan(redaction)
    if name == "investment-plan":
        return serializers.investment_plan(redaction)
    if name == "indicators":
        return redaction.indicators.all()
    return serializers.steering_group(redaction)


def _part_action(name):
    prefetch, serializer_class = REDACTION_PARTS[name]
    many = name not in ("strategic-part", "steering-group")

    def part(self, request, pk=None):
        redaction = get_object_or_404(self.base_queryset().prefetch_related(*prefetch), pk=pk)
        content = _part(redaction, name)
        if content is None:
            raise Http404("The programme has no steering group on record.")
        data = serializer_class(content, many=many, context=self.get_serializer_context()).data
        return Response(data)

    # The router maps GET to the function by its name, so it is named before decorating.
    part.__name__ = name.replace("-", "_")
    part.__doc__ = f"One part of the redaction: {name.replace('-', ' ')}."
    part = action(
        detail=True, url_path=name, url_name=name, pagination_class=None, filter_backends=[]
    )(part)
    part = extend_schema(
        responses=serializer_class(many=many),
        filters=False,
    )(part)
    return part


class RedactionViewSet(ReadOnly):
    """Redactions of development programmes. The list gives each redaction's record; one
    redaction's address gives its whole content tree in one document, and each part has
    an address of its own (`…/situation-analysis/`, `…/priorities/`, …)."""

    filterset_class = filters.RedactionFilter

    def base_queryset(self):
        return Redaction.objects.visible_to(self.request.user).select_related(
            "programme__municipality", "programme__steering_group"
        )

    def get_queryset(self):
        queryset = self.base_queryset().order_by(
            "programme__municipality__name", "programme", "number"
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                *CONTENT_PREFETCH, *steering_group_prefetch("programme__")
            )
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.RedactionDocumentSerializer
        return serializers.RedactionSerializer

    situation_analysis = _part_action("situation-analysis")
    strategic_part = _part_action("strategic-part")
    swot = _part_action("swot")
    priorities = _part_action("priorities")
    action_plan = _part_action("action-plan")
    investment_plan = _part_action("investment-plan")
    indicators = _part_action("indicators")
    steering_group = _part_action("steering-group")


class ProjectViewSet(ReadOnly):
    """Projects with their funding; one project's address adds its partners, activities and
    the action lines it serves. Filters are the registry's."""

    lookup_field = "slug"
    lookup_value_converter = SLUG
    filterset_class = filters.ApiProjectFilter

    def get_queryset(self):
        queryset = (
            Project.objects.visible_to(self.request.user)
            .select_related("funding_programme", "municipality")
            .order_by("-planned_start", "title", "pk")
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("partnerships", Partnership.objects.select_related("organisation")),
                "activities",
                Prefetch(
                    "action_lines",
                    ActionLine.objects.published().select_related("priority"),
                ),
            )
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ProjectDetailSerializer
        return serializers.ProjectSerializer


class NewsViewSet(ReadOnly):
    """News posts."""

    serializer_class = serializers.NewsSerializer
    lookup_field = "slug"
    lookup_value_converter = SLUG
    filterset_class = filters.NewsFilter

    def get_queryset(self):
        return (
            News.objects.visible_to(self.request.user)
            .select_related("municipality", "project")
            .order_by("-published_at", "pk")
        )


class WorkingGroupViewSet(ReadOnly):
    """Working groups of the programmes, with their meetings and the proposals they gave."""

    serializer_class = serializers.WorkingGroupSerializer
    filterset_class = filters.WorkingGroupFilter

    def get_queryset(self):
        return (
            WorkingGroup.objects.visible_to(self.request.user)
            .select_related("programme__municipality")
            .prefetch_related("meetings", "given_proposals")
            .order_by("programme__municipality__name", "programme", "kind", "position", "name")
        )


class EventViewSet(ReadOnly):
    """Consultation events: working group sessions, discussion meetings, seminars."""

    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .select_related("municipality")
            .order_by("-starts_at", "pk")
        )


@extend_schema_view(
    proposals=extend_schema(
        responses=serializers.ProposalSerializer(many=True),
        parameters=[
            OpenApiParameter("answer", str, enum=[value for value, _ in Proposal.Answer.choices])
        ],
        filters=False,
    )
)
class DiscussionViewSet(ReadOnly):
    """Public discussions; `…/proposals/` lists the published proposals with their answers
    (never the author's name or e-mail)."""

    serializer_class = serializers.DiscussionSerializer
    lookup_field = "slug"
    lookup_value_converter = SLUG
    filterset_class = filters.DiscussionFilter

    def get_queryset(self):
        return (
            PublicDiscussion.objects.visible_to(self.request.user)
            .select_related("redaction__programme__municipality")
            .order_by("-opens_at", "pk")
        )

    @action(detail=True, filter_backends=[])
    def proposals(self, request, slug=None):
        discussion = get_object_or_404(self.get_queryset(), slug=slug)
        proposals = Proposal.objects.for_report().filter(discussion=discussion).order_by("number")
        answer = request.query_params.get("answer")
        if answer in Proposal.Answer.values:
            proposals = proposals.filter(answer=answer)
        page = self.paginate_queryset(proposals)
        data = serializers.ProposalSerializer(page, many=True).data
        return self.get_paginated_response(data)
