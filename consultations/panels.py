"""What consultations show on programmes' pages (the slots: programmes/panels.py).

The programme page: its redactions' public discussions and the ways to take part. The
redaction page: the state of its public discussions, under each part the published
proposals about it with their answers and, while a discussion is open, a link to propose a
change there, and the proposals about the redaction as a whole. Registered by
`ConsultationsConfig.ready()`.
"""

from django.db.models import Prefetch, prefetch_related_objects

from core.panels import Panel
from programmes.panels import PANELS

from .models import Proposal

# The parts of a redaction a proposal may concern, as paths from the redaction.
PART_PATHS = (
    "situation_sections",
    "priorities",
    "priorities__action_lines",
    "priorities__action_lines__tasks",
)


def prefetch_programme(programmes):
    """The public discussions of each redaction the visitor may see (one query)."""
    prefetch_related_objects(programmes, "visible_redactions__public_discussions")


def prefetch_redaction(redactions):
    """Residents' published proposals about each section, priority, action line and task,
    as their `published_proposals` (four queries); the redaction's public discussions and
    the proposals about no part in particular (two queries). Sets on each redaction
    `whole_redaction_proposals` and `open_discussion`, the discussion open now, if any.

    Proposals change after a redaction freezes: none of this may go into cached content.
    """
    published = Proposal.objects.published().order_by("number")
    whole = published.filter(**{f"{name}__isnull": True for name in Proposal.PART_FIELDS})
    prefetch_related_objects(
        redactions,
        *(
            Prefetch(f"{path}__proposals", published, to_attr="published_proposals")
            for path in PART_PATHS
        ),
        Prefetch("public_discussions__proposals", whole, to_attr="whole_redaction_proposals"),
    )
    for redaction in redactions:
        discussions = list(redaction.public_discussions.all())
        redaction.open_discussion = next((d for d in discussions if d.is_open()), None)
        redaction.whole_redaction_proposals = [
            proposal
            for discussion in discussions
            for proposal in discussion.whole_redaction_proposals
        ]


def register():
    PANELS.register(
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
