"""The public report after the discussion: every published proposal with its answer."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone

from consultations.models import Proposal, PublicDiscussion

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db


def close(discussion):
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )


@pytest.fixture
def answered(discussion):
    priority = discussion.redaction.priorities.get()
    line = priority.action_lines.get()
    ProposalFactory(
        discussion=discussion,
        number=1,
        priority=priority,
        text="Uzsvērt mazos uzņēmumus.",
        answer="taken",
        justification="Papildināts prioritātes apraksts.",
    )
    ProposalFactory(
        discussion=discussion,
        number=2,
        action_line=line,
        text="Velomaršruts gar Daugavu.",
        answer="partly",
        justification="Izpēte iekļauta rīcības plānā.",
    )
    ProposalFactory(
        discussion=discussion,
        number=3,
        text="Nomainīt apgaismojumu manā ielā.",
        answer="not_relevant",
        justification="Nodots izpildei komunālajai daļai.",
    )
    ProposalFactory(
        discussion=discussion,
        number=4,
        text="Aizskarošs teksts par darbinieku.",
        answer="not_relevant",
        justification="Neattiecas.",
        is_published=False,
        hidden_reason="Aizskarošs saturs.",
    )
    ProposalFactory(discussion=discussion, number=5, text="Vēl neatbildēts priekšlikums.")
    close(discussion)
    return discussion


def report_url(discussion, lang="en"):
    return f"/{lang}/consultations/{discussion.slug}/report/"


def test_report_lists_published_proposals_with_answers_and_counts(client, answered):
    response = client.get(report_url(answered))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uzsvērt mazos uzņēmumus." in html
    assert "Papildināts prioritātes apraksts." in html
    assert "VTP1" in html and "RV1.1" in html
    assert "The redaction as a whole" in html
    assert "Partly taken into account" in html
    assert "Aizskarošs teksts" not in html
    counts = response.context["answer_counts"]
    by_answer = {item.answer: item.count for item in counts}
    assert by_answer == {"taken": 1, "partly": 1, "not_taken": 0, "not_relevant": 1, "": 1}
    assert response.context["page"].paginator.count == 4


def test_report_csv_is_utf8_with_bom_and_has_every_published_proposal(client, answered):
    response = client.get(f"/lv/consultations/{answered.slug}/report.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{answered.slug}-zinojums.csv"'
    )
    body = response.getvalue().decode("utf-8")
    assert body.startswith("\ufeff")
    rows = csv_rows(body)
    assert rows[0] == ["Nr.", "Saņemts", "Redakcijas daļa", "Priekšlikums", "Atbilde", "Pamatojums"]
    assert len(rows) == 1 + 4
    numbers = [row[0] for row in rows[1:]]
    assert numbers == ["1", "2", "3", "5"]
    assert rows[2][2].startswith("RV1.1")
    assert rows[2][3] == "Velomaršruts gar Daugavu."
    assert rows[2][4] == "Daļēji ņemts vērā"
    assert rows[2][5] == "Izpēte iekļauta rīcības plānā."
    assert rows[4][4] == "Vēl nav atbildēts"
    assert "Aizskarošs" not in body
    assert "@example.lv" not in body and "Anna Bērziņa" not in body


def csv_rows(body):
    """Rows as a spreadsheet reads them: semicolons, the list separator of Latvian Excel."""
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))


def test_csv_file_name_and_header_follow_the_language(client, answered):
    response = client.get(f"/en/consultations/{answered.slug}/report.csv")
    assert response["Content-Disposition"] == f'attachment; filename="{answered.slug}-report.csv"'
    header = csv_rows(response.getvalue().decode())[0]
    assert header == [
        "No.",
        "Received",
        "Part of the redaction",
        "Proposal",
        "Answer",
        "Justification",
    ]


def test_report_waits_until_the_discussion_closes(client, discussion):
    ProposalFactory(discussion=discussion)
    response = client.get(report_url(discussion))
    assert response.status_code == 302
    assert client.get(f"/lv/consultations/{discussion.slug}/report.csv").status_code == 404


def test_hidden_proposal_is_never_shown(client, answered):
    hidden = Proposal.objects.get(is_published=False)
    pages = [
        report_url(answered),
        f"/lv/consultations/{answered.slug}/",
        answered.redaction.get_absolute_url(),
        "/lv/consultations/",
    ]
    for page in pages:
        assert hidden.text.encode() not in client.get(page).content, page


def test_closed_discussion_page_links_the_report_and_has_no_form(client, answered):
    html = client.get(f"/en/consultations/{answered.slug}/").content.decode()
    assert "The discussion is closed: proposals were accepted until " in html
    assert f"/en/consultations/{answered.slug}/report/" in html
    assert 'name="text"' not in html


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","klikšķini")',
        "+37120000000 zvaniet",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1 ar tabulāciju",
    ],
)
def test_csv_neutralises_formulas_typed_by_residents(client, discussion, text):
    ProposalFactory(
        discussion=discussion,
        number=1,
        text=text,
        answer="not_taken",
        justification="=1+1 arī pamatojumā",
    )
    close(discussion)
    body = client.get(f"/lv/consultations/{discussion.slug}/report.csv").getvalue().decode()
    row = csv_rows(body)[1]
    assert row[3] == f"'{text}"
    assert row[5] == "'=1+1 arī pamatojumā"


def test_report_page_counts_by_answer_from_the_data(client, answered):
    page = client.get(report_url(answered)).content.decode()
    html = re.sub(r"</?a\b[^>]*>", "", page)  # each count links its proposals
    assert "<dt>Published proposals</dt><dd>4</dd>" in html
    assert "<dt>Taken into account</dt><dd>1</dd>" in html
    assert "<dt>Not taken into account</dt><dd>0</dd>" in html
    assert "<dt>Not answered yet</dt><dd>1</dd>" in html
    assert f'href="/en/consultations/{answered.slug}/report.csv"' in page
    assert f'href="/en/consultations/{answered.slug}/report-counts.csv"' in page
    assert f'href="/en/consultations/{answered.slug}/proposals/?answer=unanswered"' in page


def test_counts_by_answer_are_a_csv_of_their_own(client, answered):
    """The proposals CSV stays one row per proposal; the counts are a second small table."""
    response = client.get(f"/lv/consultations/{answered.slug}/report-counts.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{answered.slug}-skaits-pa-atbildem.csv"'
    )
    body = response.getvalue().decode("utf-8")
    assert body.startswith("\ufeff")
    assert csv_rows(body) == [
        ["Atbilde", "Priekšlikumi"],
        ["Ņemts vērā", "1"],
        ["Daļēji ņemts vērā", "1"],
        ["Nav ņemts vērā", "0"],
        ["Neattiecas uz programmu", "1"],
        ["Vēl nav atbildēts", "1"],
    ]
    # The hidden proposal (not relevant, too) is not counted; the rows add up to the
    # published proposals, which the proposals CSV lists one by one.
    proposals = client.get(f"/lv/consultations/{answered.slug}/report.csv").getvalue().decode()
    assert sum(int(row[1]) for row in csv_rows(body)[1:]) == len(csv_rows(proposals)) - 1


def test_counts_csv_follows_the_language_and_waits_for_the_close(client, answered, discussion):
    response = client.get(f"/en/consultations/{answered.slug}/report-counts.csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="{answered.slug}-counts-by-answer.csv"'
    )
    rows = csv_rows(response.getvalue().decode())
    assert rows[0] == ["Answer", "Proposals"]
    assert rows[1] == ["Taken into account", "1"]
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert client.get(f"/en/consultations/{discussion.slug}/report-counts.csv").status_code == 404


def test_latvian_closed_discussion_says_closed_in_the_feminine(client, answered):
    """ "Slēgta" (apspriešana), not another app's "Slēgts": the words are in their own context."""
    html = client.get(f"/lv/consultations/{answered.slug}/").content.decode()
    assert '<span class="badge badge-closed">Slēgta</span>' in html
    index = client.get("/lv/consultations/").content.decode()
    assert '<span class="badge badge-closed">Slēgta</span>' in index


def test_report_says_how_many_proposals_it_leaves_out(client, answered):
    html = client.get(report_url(answered, lang="lv")).content.decode()
    assert "Vēl 1 priekšlikums tika saņemts, bet nav publicēts" in html
    assert "Aizskarošs teksts" not in html


def test_a_report_of_hidden_proposals_only_does_not_claim_none_were_received(client, discussion):
    ProposalFactory(discussion=discussion, is_published=False, hidden_reason="Personas dati.")
    ProposalFactory(discussion=discussion, is_published=False, hidden_reason="Personas dati.")
    close(discussion)
    html = client.get(report_url(discussion)).content.decode()
    assert "No proposals were received." not in html
    assert "2 more proposals were received but are not published" in html


def test_the_answer_to_a_hidden_proposal_does_not_promise_publication(answered):
    from django.core import mail

    from consultations.services import send_answer

    hidden = answered.proposals.get(number=4)
    hidden.language = "lv"
    assert send_answer(hidden)
    body = mail.outbox[-1].body
    assert "netiek publicēts" in body
    assert "Iemesls: Aizskarošs saturs." in body
    assert "tiek publicēti ziņojumā" not in body
