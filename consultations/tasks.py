"""E-mail that goes out of the planner's request: the queue's tasks (django-tasks).

The planner's request only enqueues: in the database backend (settings.TASKS) the task's row
is written in the request's own transaction, so a worker (`manage.py db_worker`) sends
exactly what was committed, and a change rolled back sends nothing. Each task reads its
records again by id, so what it sends is the state at sending time.

- `announce_discussion`: a discussion announced to its municipality's confirmed
  subscribers. It only splits them into batches of ANNOUNCEMENT_BATCH and enqueues one
  `send_announcement` per batch, so several workers share the work and a failure costs a
  batch, not the announcement.
- `send_proposal_answer`: the first answer to a proposal, to its submitter, once.
"""

from django.utils import timezone
from django_tasks import task

from .models import Proposal, PublicDiscussion, Subscription

ANNOUNCEMENT_BATCH = 200


@task()
def announce_discussion(discussion_id, base_url=""):
    """Enqueue the announcement of a discussion in batches; returns how many are told."""
    discussion = PublicDiscussion.objects.with_programme().filter(pk=discussion_id).first()
    if discussion is None:
        return 0
    ids = list(
        Subscription.objects.filter(municipality=discussion.redaction.programme.municipality)
        .confirmed()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), ANNOUNCEMENT_BATCH):
        send_announcement.enqueue(discussion_id, ids[start : start + ANNOUNCEMENT_BATCH], base_url)
    return len(ids)


@task()
def send_announcement(discussion_id, subscription_ids, base_url=""):
    """One batch of an announcement, over one mail connection; returns how many went out.
    An address unsubscribed meanwhile is skipped."""
    from .services import notify_subscribers

    discussion = PublicDiscussion.objects.filter(pk=discussion_id).first()
    if discussion is None:
        return 0
    return notify_subscribers(discussion, subscription_ids=subscription_ids, base_url=base_url)


@task()
def send_proposal_answer(proposal_id, base_url=""):
    """E-mail a proposal's first answer to its submitter, once: the proposal is marked as
    notified before the e-mail is sent, and unmarked if sending fails (the task then fails,
    and can be run again)."""
    from .services import send_answer

    now = timezone.now()
    claimed = (
        Proposal.objects.filter(pk=proposal_id, answer_notified_at__isnull=True)
        .exclude(answer="")
        .exclude(email="")
        .update(answer_notified_at=now)
    )
    if not claimed:
        return False
    proposal = Proposal.objects.select_related("discussion").get(pk=proposal_id)
    if not send_answer(proposal, base_url=base_url):
        Proposal.objects.filter(pk=proposal_id).update(answer_notified_at=None)
        raise RuntimeError(f"The answer to proposal {proposal_id} could not be e-mailed.")
    return True
