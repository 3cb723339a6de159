"""E-mail to many leaves the planner's request: opening a discussion and answering a
proposal only enqueue a task (the database backend of django-tasks, settings.TASKS), and
the worker (`manage.py db_worker`) sends the e-mails. The same across two real servers and
5,000 subscribers: tests/test_two_servers.py."""

import secrets

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import Subscription
from consultations.tasks import ANNOUNCEMENT_BATCH
from tests.factories import ActionLineFactory, PriorityFactory, RedactionFactory

from .factories import ProposalFactory
from .test_admin import answer_data, change_url, discussion_form

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _queued():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.ready().values_list("task_path", flat=True))


@pytest.fixture
def run_worker(monkeypatch):
    """The worker's own loop (`manage.py db_worker --batch`), in the test's transaction: it
    would close the connection between tasks, which here holds the test's data."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_an_announcement_is_only_enqueued_and_the_worker_tells_every_subscriber(
    client, planner, programme, municipality, other_municipality, mailoutbox, settings, run_worker
):
    settings.TASKS = DATABASE_QUEUE
    count = ANNOUNCEMENT_BATCH * 2 + 7
    Subscription.objects.bulk_create(
        [
            Subscription(
                municipality=municipality,
                email=f"iedzivotajs{n}@example.lv",
                token=secrets.token_urlsafe(16),
                language="lv",
                confirmed_at=timezone.now(),
            )
            for n in range(count)
        ]
        + [
            Subscription(
                municipality=municipality,
                email="neapstiprinats@example.lv",
                token=secrets.token_urlsafe(16),
                language="lv",
            ),
            Subscription(
                municipality=other_municipality,
                email="cits@example.lv",
                token=secrets.token_urlsafe(16),
                language="lv",
                confirmed_at=timezone.now(),
            ),
        ]
    )
    draft = RedactionFactory(programme=programme, number=5, vision="Zaļa pilsēta.")
    ActionLineFactory(priority=PriorityFactory(redaction=draft))
    client.force_login(planner)
    response = client.post("/lv/admin/consultations/publicdiscussion/add/", discussion_form(draft))
    assert response.status_code == 302
    assert mailoutbox == []
    assert _queued() == ["consultations.tasks.announce_discussion"]

    run_worker()
    assert _queued() == []
    addresses = sorted(address for mail in mailoutbox for address in mail.to)
    assert len(addresses) == count
    assert addresses == sorted(f"iedzivotajs{n}@example.lv" for n in range(count))
    assert programme.title in mailoutbox[0].subject
    assert "http://testserver/lv/consultations/" in mailoutbox[0].body


def test_an_answer_is_enqueued_with_it_and_e_mailed_once(
    client, planner, discussion, mailoutbox, settings, run_worker
):
    settings.TASKS = DATABASE_QUEUE
    proposal = ProposalFactory(discussion=discussion, email="anna@example.lv")
    client.force_login(planner)
    assert client.post(change_url(proposal), answer_data(proposal)).status_code == 302
    assert mailoutbox == []
    assert _queued() == ["consultations.tasks.send_proposal_answer"]
    run_worker()
    assert [mail.to for mail in mailoutbox] == [["anna@example.lv"]]
    assert "Iekļauts rīcības plānā daļēji." in mailoutbox[0].body
    proposal.refresh_from_db()
    assert proposal.answer_notified_at is not None
    # Saved again: nothing new to send, nothing enqueued.
    client.post(change_url(proposal), answer_data(proposal, justification="Precizēts."))
    assert _queued() == []
    run_worker()
    assert len(mailoutbox) == 1


def test_an_answer_task_run_twice_sends_one_e_mail(discussion, mailoutbox):
    from consultations.tasks import send_proposal_answer

    proposal = ProposalFactory(
        discussion=discussion, email="anna@example.lv", answer="taken", justification="Jā."
    )
    assert send_proposal_answer.call(proposal.pk, "") is True
    assert send_proposal_answer.call(proposal.pk, "") is False
    assert len(mailoutbox) == 1


def test_an_answer_that_cannot_be_sent_stays_unsent_and_the_task_fails(
    discussion, mailoutbox, monkeypatch
):
    from consultations import services
    from consultations.tasks import send_proposal_answer

    proposal = ProposalFactory(
        discussion=discussion, email="anna@example.lv", answer="taken", justification="Jā."
    )
    monkeypatch.setattr(services, "send_answer", lambda *args, **kwargs: False)
    with pytest.raises(RuntimeError):
        send_proposal_answer.call(proposal.pk, "")
    proposal.refresh_from_db()
    assert proposal.answer_notified_at is None
