"""64 residents submit a proposal at the same moment: every one is stored, numbered 1 to
64 without a gap or a duplicate.

A proposal's number is the discussion's highest number plus one, taken under a lock on the
discussion's row (`consultations.services`); without the lock two submissions read the
same highest number and one of them fails on the unique constraint. Only PostgreSQL
runs the submissions truly in parallel (SQLite serialises every write), so the test runs
there only.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from consultations.models import Proposal
from tests.consultations.factories import PublicDiscussionFactory

RESIDENTS = 64

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writes"
)


@pytest.mark.django_db(transaction=True)
def test_64_simultaneous_proposals_are_all_stored_with_numbers_1_to_64(settings):
    # Each resident writes from an address of their own; the limit is raised as well, so
    # what is measured is the numbering, whatever the rate limit counts.
    settings.CONSULTATIONS_RATE_LIMIT = 10 * RESIDENTS
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    discussion = PublicDiscussionFactory()
    url = discussion.get_absolute_url()
    start = threading.Barrier(RESIDENTS)
    statuses = [None] * RESIDENTS
    errors = []

    def resident(index):
        try:
            client = Client(REMOTE_ADDR=f"192.0.2.{index + 1}")
            post = {
                "text": f"Iedzīvotāja {index} priekšlikums: vairāk soliņu parkā.",
                "author_name": f"Iedzīvotājs {index}",
                "email": f"iedzivotajs{index}@example.lv",
                "consent": "on",
            }
            start.wait(timeout=60)
            statuses[index] = client.post(url, post).status_code
        except Exception as error:  # noqa: BLE001 — reported by the main thread below
            errors.append(error)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=resident, args=(i,)) for i in range(RESIDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors[:3]
    assert statuses == [302] * RESIDENTS
    proposals = Proposal.objects.filter(discussion=discussion)
    assert sorted(proposals.values_list("number", flat=True)) == list(range(1, RESIDENTS + 1))
    texts = set(proposals.values_list("text", flat=True))
    assert texts == {f"Iedzīvotāja {i} priekšlikums: vairāk soliņu parkā." for i in range(64)}
