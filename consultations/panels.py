"""What consultations show on programmes' pages (the slots: programmes/panels.py).

The programme page: its redactions' public discussions and the ways to take part. The
redaction page: the state of its public discussions, under each part how many published
proposals it received with a link to them on the discussion's paginated proposals page
and, while a discussion is open, a link to propose a change there; the same for the
proposals about the redaction as a whole. Registered by
`ConsultationsConfig.ready()`.
"""

from dataclasses import dataclass

from django.db.models import Count, prefetch_related_objects
from django.urls import reverse

from core.panels import Panel
from programmes.panels import PANELS

from .models import Proposal, WorkingGroup
from .selectors import WHOLE_REDACTION, upcoming_for_home


@dataclass
class ProposalLink:
    """How many published proposals a part received in one discussion, and where they are."""

    discussion: object
    count: int
    url: str


def prefetch_programme(programmes):
    """The public discussions of each redaction the visitor may see (one query), and where
    the programme's working groups are listed (`working_groups_url`)."""
    prefetch_related_objects(programmes, "visible_redactions__public_discussions")
    for programme in programmes:
        programme.working_groups_url = WorkingGroup.programme_groups_url(programme)


def prefetch_municipality(municipalities):
    """Each municipality's open discussions and upcoming events, as `consultations` (two
    queries; the page shows one municipality)."""
    for municipality in municipalities:
        municipality.consultations = upcoming_for_home(municipality=municipality)


def part_key(proposal_row):
    """("kind", pk) of the part a proposal row (a dict of its part ids) concerns, or
    (WHOLE_REDACTION, None) for the redaction as a whole."""
    for name in Proposal.PART_FIELDS:
        if proposal_row[f"{name}_id"]:
            return name, proposal_row[f"{name}_id"]
    return WHOLE_REDACTION, None


def prefetch_redaction(redactions):
    """Each redaction's public discussions (one query) and, per part, how many published
    proposals it received in each (one query, counted by the database): sets
    `proposal_links` ({(kind, pk): [ProposalLink]}, kind WHOLE_REDACTION for the redaction
    as a whole) and `open_discussion`, the discussion open now, if any.

    The page shows counts and links, never the proposals: a big discussion's thousands of
    proposals are on its paginated proposals page. Proposals change after a redaction
    freezes: none of this may go into cached content.
    """
    prefetch_related_objects(redactions, "public_discussions")
    by_pk = {}
    for redaction in redactions:
        discussions = list(redaction.public_discussions.all())
        redaction.open_discussion = next((d for d in discussions if d.is_open()), None)
        redaction.proposal_links = {}
        for discussion in discussions:
            by_pk[discussion.pk] = (redaction, discussion)
    if not by_pk:
        return
    part_ids = [f"{name}_id" for name in Proposal.PART_FIELDS]
    rows = (
        Proposal.objects.published()
        .filter(discussion_id__in=by_pk)
        .values("discussion_id", *part_ids)
        .annotate(count=Count("pk"))
        .order_by("discussion__opens_at")
    )
    urls = {}
    for row in rows:
        redaction, discussion = by_pk[row["discussion_id"]]
        if discussion.pk not in urls:
            urls[discussion.pk] = reverse("consultations:proposals", args=[discussion.slug])
        kind, pk = part_key(row)
        value = WHOLE_REDACTION if pk is None else f"{kind}:{pk}"
        redaction.proposal_links.setdefault((kind, pk), []).append(
            ProposalLink(discussion, row["count"], f"{urls[discussion.pk]}?part={value}")
        )


def register():
    PANELS.register(
        Panel(
            "consultations.municipality",
            "municipality.sections",
            "consultations/includes/municipality_panel.html",
            prefetch=prefetch_municipality,
            order=10,
        ),
        Panel(
            "consultations.participation",
            "programme.sections",
            "consultations/includes/programme_participation.html",
            prefetch=prefetch_programme,
            order=10,
        ),
        # .part-proposals and the report's answer colours.
        Panel(
            "consultations.stylesheet", "redaction.head", "consultations/includes/stylesheet.html"
        ),
        Panel(
            "consultations.discussion_state",
            "redaction.notice",
            "consultations/includes/redaction_notice.html",
            prefetch=prefetch_redaction,
        ),
        Panel(
            "consultations.discussions",
            "redaction.top",
            "consultations/includes/redaction_discussions.html",
            prefetch=prefetch_redaction,
        ),
        Panel(
            "consultations.whole_redaction_contents",
            "redaction.contents",
            "consultations/includes/whole_redaction_contents.html",
            prefetch=prefetch_redaction,
        ),
        Panel(
            "consultations.part_proposals",
            "redaction.part",
            "consultations/includes/redaction_part.html",
            prefetch=prefetch_redaction,
            order=20,
        ),
        Panel(
            "consultations.whole_redaction_proposals",
            "redaction.end",
            "consultations/includes/whole_redaction_proposals.html",
            prefetch=prefetch_redaction,
        ),
    )
