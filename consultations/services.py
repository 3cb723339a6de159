"""Workflows of public discussions: opening one, receiving proposals, answering them.

Each service is keyword-only, validates with `full_clean()` and writes in one transaction;
e-mails go out after the transaction, so a mail server that is down never loses a proposal.
"""

import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core import ratelimit
from programmes.models import Redaction

from .models import Proposal, PublicDiscussion, Subscription

logger = logging.getLogger(__name__)

# Proposals and subscriptions share one count per client address.
RATE_SCOPE = "consultations"


class DiscussionClosed(ValidationError):
    def __init__(self):
        super().__init__(
            _("The public discussion is closed: proposals are no longer accepted."),
            code="closed",
        )


class DiscussionNotOpenYet(ValidationError):
    def __init__(self):
        super().__init__(
            _("The public discussion has not opened yet: proposals are not accepted yet."),
            code="not_open_yet",
        )


class RedactionRetired(ValidationError):
    def __init__(self, redaction):
        super().__init__(
            _(
                "The public discussion is over: the redaction “%(label)s” is “%(status)s”, "
                "so proposals are no longer accepted."
            )
            % {"label": redaction.display_label, "status": redaction.get_status_display()},
            code="redaction_retired",
        )


class RateLimited(ValidationError):
    def __init__(self):
        super().__init__(
            _(
                "Too many proposals were sent from your address in a short time. "
                "Please wait a while (at most an hour) and try again."
            ),
            code="rate_limited",
        )


def discussion_refusal(discussion, now=None):
    """Why the discussion takes no proposals at `now` (a ValidationError), or None if open."""
    now = now or timezone.now()
    if discussion.is_retired:
        return RedactionRetired(discussion.redaction)
    if discussion.is_upcoming(now):
        return DiscussionNotOpenYet()
    if discussion.is_closed(now):
        return DiscussionClosed()
    return None


def _limits():
    """The public forms' rate limits: a short burst limit and an hourly one (settings.py)."""
    return [
        (settings.CONSULTATIONS_BURST_LIMIT, settings.CONSULTATIONS_BURST_WINDOW),
        (settings.CONSULTATIONS_RATE_LIMIT, settings.CONSULTATIONS_RATE_WINDOW),
    ]


def take_submission(address):
    """Count a proposal or subscription from `address`; False when it is over its limit.

    The counts live in the shared cache and are taken atomically (core/ratelimit.py), so
    every worker sees them and 64 residents at once get exactly their allowance.
    """
    return ratelimit.take(RATE_SCOPE, address, _limits())


def count_submission(address):
    """Count a refused submission (a robot's honeypot) against the address's limit."""
    ratelimit.count(RATE_SCOPE, address, _limits())


def _next_number(discussion):
    # Lock the discussion row so two submissions at once cannot take the same number.
    PublicDiscussion.objects.select_for_update().filter(pk=discussion.pk).first()
    current = discussion.proposals.aggregate(top=Max("number"))["top"] or 0
    return current + 1


# Statuses of a redaction that may get a (new) public discussion.
OPENABLE_STATUSES = (Redaction.Status.DRAFT, Redaction.Status.PUBLIC_DISCUSSION)

# The PostgreSQL exclusion constraint behind "at most one open discussion per redaction"
# (migration 0002): a race that slips past clean() ends here, not in a second discussion.
OVERLAP_CONSTRAINT = "consultations_discussion_one_open_per_redaction"


def _open(discussion, user):
    """The work of `open_discussion`, inside the caller's transaction."""
    # Lock the redaction first: two planners opening discussions of one redaction at once
    # are served one after the other, so the overlap check in full_clean() holds.
    redaction = Redaction.objects.select_for_update().get(pk=discussion.redaction_id)
    if redaction.status not in OPENABLE_STATUSES:
        raise ValidationError(
            _(
                "Only a draft redaction or one in public discussion can be put to public "
                "discussion; this redaction is “%(status)s”. Start the next redaction instead."
            )
            % {"status": redaction.get_status_display()},
            code="redaction_status",
        )
    discussion.full_clean()
    if redaction.status == Redaction.Status.DRAFT:
        from programmes.services import open_public_discussion

        open_public_discussion(redaction=redaction, user=user)
        discussion.redaction = Redaction.objects.get(pk=redaction.pk)
    try:
        with transaction.atomic():
            discussion.save()
    except IntegrityError as error:
        if OVERLAP_CONSTRAINT in str(error):
            raise ValidationError(_overlap_message(), code="overlap") from error
        raise
    return discussion


def _overlap_message():
    return _(
        "This redaction already has a public discussion in this period: "
        "a redaction has at most one open discussion."
    )


@transaction.atomic
def open_discussion(*, discussion, user, base_url=""):
    """Save a new public discussion of a redaction; a draft redaction moves to public discussion.

    The move goes through `programmes.services.open_public_discussion`, which checks the
    planner's rights and that the draft is complete. A redaction already in public
    discussion is only linked (a second period, after the first closed). Raises
    ValidationError when the redaction cannot be opened: approved, superseded or withdrawn,
    incomplete, or already under discussion in an overlapping period.

    Once saved, the municipality's confirmed e-mail subscribers are told of it, by the
    task queue's worker.
    """
    from .tasks import announce_discussion

    discussion = _open(discussion, user)
    # Only enqueued: a worker sends the e-mails (consultations/tasks.py). In the database
    # backend the task is committed with the discussion, or not at all.
    announce_discussion.enqueue(discussion.pk, base_url)
    return discussion


def check_discussion_can_open(*, discussion, user):
    """Raise ValidationError (or PermissionDenied) if `open_discussion` would refuse.

    Runs the real workflow in a transaction that is always rolled back, so the admin form
    can show the refusal while the planner can still correct it; changes nothing.
    """

    class _DryRun(Exception):
        pass

    original = discussion.redaction
    try:
        with transaction.atomic():
            _open(discussion, user)
            raise _DryRun
    except _DryRun:
        pass
    finally:
        # Forget what the rolled-back save left on the object; the real save starts afresh.
        discussion.pk = None
        discussion._state.adding = True
        discussion.redaction = original


def submit_proposal(*, discussion, proposal, address, base_url="", now=None):
    """Accept a resident's proposal from the public form.

    `proposal` is an unsaved Proposal built by the form. Refuses (ValidationError) when
    the discussion is not open (before it opens, after it closes, or once its redaction
    was approved, superseded or withdrawn) or the address is over its rate limit; on
    success the submitter gets a confirmation e-mail.
    """
    now = now or timezone.now()
    refusal = discussion_refusal(discussion, now)
    if refusal is not None:
        raise refusal
    if not take_submission(address):
        raise RateLimited()
    with transaction.atomic():
        proposal.discussion = discussion
        proposal.channel = Proposal.Channel.WEB
        proposal.received_at = now
        proposal.consent_at = now
        proposal.number = _next_number(discussion)
        proposal.full_clean()
        proposal.save()
    send_confirmation(proposal, base_url=base_url)
    return proposal


def record_proposal(*, proposal, user):
    """Save a proposal a planner enters (received on paper, by e-mail or at a meeting).

    Refuses (ValidationError) a proposal marked as sent through the portal's form, which
    only residents use, and one received outside the discussion (`Proposal.clean`).
    """
    if proposal.channel == Proposal.Channel.WEB:
        raise ValidationError(
            {
                "channel": _(
                    "Say how the proposal was received: on paper, by e-mail or at a meeting."
                )
            },
            code="channel",
        )
    with transaction.atomic():
        if proposal.number is None:
            proposal.number = _next_number(proposal.discussion)
        proposal.full_clean()
        proposal.save()
    return proposal


def answer_proposal(*, proposal, user, base_url="", now=None):
    """Save a planner's changes to a proposal; the first answer is e-mailed to the submitter
    by the task queue's worker (`tasks.send_proposal_answer`), enqueued with the answer."""
    from .tasks import send_proposal_answer

    now = now or timezone.now()
    with transaction.atomic():
        if proposal.answer and proposal.answered_at is None:
            proposal.answered_at = now
            proposal.answered_by = user
        proposal.full_clean()
        proposal.save()
        if proposal.answer and proposal.answer_notified_at is None and proposal.email:
            send_proposal_answer.enqueue(proposal.pk, base_url)
    return proposal


def _send(proposal, template, context):
    with translation.override(proposal.language or settings.LANGUAGE_CODE):
        context = {"proposal": proposal, "discussion": proposal.discussion, **context}
        subject = render_to_string(f"consultations/email/{template}_subject.txt", context)
        body = render_to_string(f"consultations/email/{template}_body.txt", context)
    try:
        send_mail(
            " ".join(subject.split()),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [proposal.email],
        )
    except Exception:  # noqa: BLE001 — a mail failure must not lose the proposal
        logger.exception("Could not send %s e-mail for proposal %s", template, proposal.pk)
        return False
    return True


def _discussion_url(proposal, base_url):
    """The discussion's address in the submitter's language, absolute when base_url is known."""
    with translation.override(proposal.language or settings.LANGUAGE_CODE):
        path = proposal.discussion.get_absolute_url()
    return f"{base_url.rstrip('/')}{path}"


def send_confirmation(proposal, *, base_url=""):
    if not proposal.email:
        return False
    url = _discussion_url(proposal, base_url)
    return _send(proposal, "proposal_received", {"discussion_url": url})


def send_answer(proposal, *, base_url=""):
    url = _discussion_url(proposal, base_url)
    return _send(proposal, "proposal_answered", {"discussion_url": url})


# --- e-mail subscriptions: told when a discussion is announced ------------------------


def _subscription_urls(subscription, base_url):
    with translation.override(subscription.language or settings.LANGUAGE_CODE):
        confirm = reverse("consultations:subscription_confirm", args=[subscription.token])
        unsubscribe = reverse("consultations:unsubscribe", args=[subscription.token])
    base = base_url.rstrip("/")
    return f"{base}{confirm}", f"{base}{unsubscribe}"


def _send_to_subscriber(subscription, template, context, connection=None):
    with translation.override(subscription.language or settings.LANGUAGE_CODE):
        context = {"subscription": subscription, **context}
        subject = render_to_string(f"consultations/email/{template}_subject.txt", context)
        body = render_to_string(f"consultations/email/{template}_body.txt", context)
    try:
        send_mail(
            " ".join(subject.split()),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [subscription.email],
            connection=connection,
        )
    except Exception:  # noqa: BLE001 — one address that fails must not stop the others
        logger.exception("Could not send %s e-mail to subscription %s", template, subscription.pk)
        return False
    return True


def subscribe(*, email, municipality, language, address, base_url=""):
    """Ask `email` to confirm it wants to hear of `municipality`'s public discussions.

    The answer is the same whether or not the address was subscribed already, so the form
    tells nobody who follows what; a confirmed address gets no second e-mail. Counts
    against the address's rate limit like a proposal.
    """
    if not take_submission(address):
        raise ValidationError(
            _(
                "Too many requests were sent from your address in a short time. "
                "Please wait a while (at most an hour) and try again."
            ),
            code="rate_limited",
        )
    email = email.strip().lower()
    subscription, _created = Subscription.objects.get_or_create(
        municipality=municipality,
        email=email,
        defaults={"token": secrets.token_urlsafe(32), "language": language},
    )
    if subscription.confirmed_at is None:
        confirm, unsubscribe = _subscription_urls(subscription, base_url)
        _send_to_subscriber(
            subscription,
            "subscription_confirm",
            {"confirm_url": confirm, "unsubscribe_url": unsubscribe},
        )
    return subscription


def confirm_subscription(*, token, now=None):
    """Confirm the subscription with this token (again is harmless); None if there is none."""
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is not None and subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe(*, token):
    """Delete the subscription with this token: the address is no longer kept."""
    return Subscription.objects.filter(token=token).delete()[0] > 0


def notify_subscribers(discussion, *, subscription_ids=None, base_url=""):
    """Tell the confirmed subscribers of the discussion's municipality (those of
    `subscription_ids` only, when given) that it is announced, over one mail connection.

    Run by the task queue's worker (tasks.py), never in the planner's request: a mail
    server that is down never keeps a discussion from opening. Returns how many e-mails
    went out.
    """
    discussion = PublicDiscussion.objects.with_programme().get(pk=discussion.pk)
    municipality = discussion.redaction.programme.municipality
    subscriptions = municipality.consultation_subscriptions.confirmed().order_by("pk")
    if subscription_ids is not None:
        subscriptions = subscriptions.filter(pk__in=subscription_ids)
    sent = 0
    connection = get_connection()
    connection.open()
    try:
        for subscription in subscriptions:
            with translation.override(subscription.language or settings.LANGUAGE_CODE):
                url = f"{base_url.rstrip('/')}{discussion.get_absolute_url()}"
            _confirm, unsubscribe_url = _subscription_urls(subscription, base_url)
            context = {
                "discussion": discussion,
                "discussion_url": url,
                "unsubscribe_url": unsubscribe_url,
            }
            sent += _send_to_subscriber(subscription, "discussion_announced", context, connection)
    finally:
        connection.close()
    return sent
