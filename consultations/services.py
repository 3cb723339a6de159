"""Workflows of public discussions: opening one, receiving proposals, answering them.

Each service is keyword-only, validates with `full_clean()` and writes in one transaction;
e-mails go out after the transaction, so a mail server that is down never loses a proposal.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from programmes.models import Redaction

from .models import Proposal, PublicDiscussion

logger = logging.getLogger(__name__)

# At most RATE_LIMIT proposals from one client address per RATE_WINDOW seconds.
RATE_LIMIT = getattr(settings, "CONSULTATIONS_RATE_LIMIT", 5)
RATE_WINDOW = getattr(settings, "CONSULTATIONS_RATE_WINDOW", 10 * 60)


class DiscussionClosed(ValidationError):
    def __init__(self):
        super().__init__(
            _("The public discussion is closed: proposals are no longer accepted."),
            code="closed",
        )


class RateLimited(ValidationError):
    def __init__(self):
        super().__init__(
            _(
                "Too many proposals were sent from your address in a short time. "
                "Please wait ten minutes and try again."
            ),
            code="rate_limited",
        )


def client_address(request):
    """The client's IP address as the web server saw it.

    REMOTE_ADDR only: X-Forwarded-For can be forged by anyone. Behind a reverse proxy,
    the proxy must set REMOTE_ADDR (e.g. gunicorn `--forwarded-allow-ips` with the
    proxy's address, or the proxy's real-IP module); otherwise every resident shares
    the proxy's address and one rate limit.
    """
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _rate_key(address):
    return f"consultations:proposals:{address}"


def is_rate_limited(address):
    """True when the address already sent RATE_LIMIT proposals in the current window.

    The count lives in the cache (Redis in production), so every app server sees it.
    """
    return (cache.get(_rate_key(address)) or 0) >= RATE_LIMIT


def count_submission(address):
    key = _rate_key(address)
    if cache.add(key, 1, timeout=RATE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=RATE_WINDOW)


def _next_number(discussion):
    # Lock the discussion row so two submissions at once cannot take the same number.
    PublicDiscussion.objects.select_for_update().filter(pk=discussion.pk).first()
    current = discussion.proposals.aggregate(top=Max("number"))["top"] or 0
    return current + 1


@transaction.atomic
def open_discussion(*, discussion, user):
    """Save a new public discussion; a draft redaction moves to public discussion.

    A redaction already published (in public discussion) is only linked. Raises
    ValidationError when the redaction cannot be opened for discussion.
    """
    discussion.full_clean()
    redaction = discussion.redaction
    if redaction.status == Redaction.Status.DRAFT:
        from programmes.services import open_public_discussion

        open_public_discussion(redaction=redaction, user=user)
    discussion.save()
    return discussion


def check_discussion_can_open(*, discussion, user):
    """Raise ValidationError if `open_discussion` would refuse; changes nothing."""

    class _DryRun(Exception):
        pass

    try:
        with transaction.atomic():
            redaction = Redaction.objects.get(pk=discussion.redaction_id)
            if redaction.status == Redaction.Status.DRAFT:
                from programmes.services import open_public_discussion

                open_public_discussion(redaction=redaction, user=user)
            raise _DryRun
    except _DryRun:
        pass


def submit_proposal(*, discussion, proposal, address, base_url="", now=None):
    """Accept a resident's proposal from the public form.

    `proposal` is an unsaved Proposal built by the form. Refuses (ValidationError) when
    the discussion is not open or the address is over its rate limit; on success the
    submitter gets a confirmation e-mail.
    """
    now = now or timezone.now()
    if not discussion.is_open(now):
        raise DiscussionClosed()
    if is_rate_limited(address):
        raise RateLimited()
    with transaction.atomic():
        proposal.discussion = discussion
        proposal.channel = Proposal.Channel.WEB
        proposal.received_at = now
        proposal.consent_at = now
        proposal.number = _next_number(discussion)
        proposal.full_clean()
        proposal.save()
    count_submission(address)
    send_confirmation(proposal, base_url=base_url)
    return proposal


def record_proposal(*, proposal, user):
    """Save a proposal a planner enters (received on paper, by e-mail or at a meeting)."""
    with transaction.atomic():
        if proposal.number is None:
            proposal.number = _next_number(proposal.discussion)
        proposal.full_clean()
        proposal.save()
    return proposal


def answer_proposal(*, proposal, user, base_url="", now=None):
    """Save a planner's changes to a proposal; the first answer is e-mailed to the submitter."""
    now = now or timezone.now()
    with transaction.atomic():
        if proposal.answer and proposal.answered_at is None:
            proposal.answered_at = now
            proposal.answered_by = user
        proposal.full_clean()
        proposal.save()
    if proposal.answer and proposal.answer_notified_at is None and proposal.email:
        if send_answer(proposal, base_url=base_url):
            proposal.answer_notified_at = now
            Proposal.objects.filter(pk=proposal.pk).update(answer_notified_at=now)
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
