"""The staff desk on the admin index: what waits for this user, across the three apps.

A planner opening admin sees the proposals still to answer, the discussions running and
the drafts with what they lack for the next step; a project manager sees their projects
with the last activity logged and their unpublished news. Everything goes through the
same access vocabulary as the admin lists (`in_scope_of`, `editable_by`), so nobody sees another
municipality's work here either. One query per block, a few more per draft redaction
(its checklist), and drafts are few.
"""

from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone

from consultations.models import Proposal, PublicDiscussion
from portal.models import News
from programmes.models import Redaction
from programmes.monitoring import overdue_for
from programmes.services import redaction_problems
from projects.models import Project

SHOWN = 10


def _unanswered_proposals(user):
    """Proposals with no answer yet, counted by discussion; the earliest to close first."""
    rows = (
        Proposal.objects.in_scope_of(user)
        .unanswered()
        .values("discussion_id")
        .annotate(count=Count("id"))
        .order_by("discussion_id")
    )
    counts = {row["discussion_id"]: row["count"] for row in rows}
    if not counts:
        return []
    discussions = PublicDiscussion.objects.filter(pk__in=counts).with_programme()
    changelist = reverse("admin:consultations_proposal_changelist")
    return [
        {
            "discussion": discussion,
            "count": counts[discussion.pk],
            "url": f"{changelist}?discussion__id__exact={discussion.pk}&answer=none",
        }
        for discussion in discussions.order_by("closes_at")[:SHOWN]
    ]


def _open_discussions(user, now):
    discussions = PublicDiscussion.objects.in_scope_of(user).open(now).with_programme()
    return list(discussions.order_by("closes_at")[:SHOWN])


def _drafts(user):
    """Draft redactions with what they still lack before public discussion."""
    drafts = Redaction.objects.in_scope_of(user).drafts().select_related("programme__municipality")
    return [
        {
            "redaction": redaction,
            "problems": redaction_problems(redaction, Redaction.Status.PUBLIC_DISCUSSION),
            "url": reverse("admin:programmes_redaction_change", args=[redaction.pk]),
        }
        for redaction in drafts.order_by("programme__title", "number")[:SHOWN]
    ]


def _my_projects(user):
    projects = (
        Project.objects.editable_by(user)
        .exclude(status=Project.Status.CLOSED)
        .annotate(last_activity=Max("activities__start_date"))
        .order_by("title")
    )
    return [
        {
            "project": project,
            "url": reverse("admin:projects_project_change", args=[project.pk]),
        }
        for project in projects[:SHOWN]
    ]


def _unpublished_news(user, now):
    news = News.objects.editable_by(user).unpublished(now)
    return [
        {"news": post, "url": reverse("admin:portal_news_change", args=[post.pk])}
        for post in news.order_by("-published_at")[:SHOWN]
    ]


def _overdue(user, now):
    """The actions and indicators the user owns whose monitoring is overdue (two queries)."""
    actions, indicators = overdue_for(user, now)
    rows = [
        {
            "item": action,
            "kind": "action",
            "url": reverse("admin:programmes_action_change", args=[action.pk]),
        }
        for action in actions[:SHOWN]
    ]
    rows += [
        {
            "item": indicator,
            "kind": "indicator",
            "url": reverse("admin:programmes_indicator_change", args=[indicator.pk]),
        }
        for indicator in indicators[:SHOWN]
    ]
    return rows


def desk_for(user, now=None):
    """The blocks of the desk the user's permissions call for (empty ones left out)."""
    now = now or timezone.now()
    desk = {}
    if user.has_perm("programmes.change_action") or user.has_perm("programmes.change_indicator"):
        desk["overdue"] = _overdue(user, now)
    if user.has_perm("consultations.change_proposal"):
        desk["unanswered"] = _unanswered_proposals(user)
    if user.has_perm("consultations.change_publicdiscussion"):
        desk["open_discussions"] = _open_discussions(user, now)
    if user.has_perm("programmes.change_redaction"):
        desk["drafts"] = _drafts(user)
    if user.has_perm("projects.change_project"):
        desk["projects"] = _my_projects(user)
    if user.has_perm("portal.change_news"):
        desk["news"] = _unpublished_news(user, now)
    return {name: items for name, items in desk.items() if items}
