"""The discussion page and its proposal form, as a resident meets them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from consultations.models import PROPOSAL_MAX_LENGTH, Proposal, PublicDiscussion
from core.ratelimit import client_address
from tests.factories import PriorityFactory, RedactionFactory

from .factories import (
    EventFactory,
    ProposalFactory,
    PublicDiscussionFactory,
    set_redaction_status,
)

pytestmark = pytest.mark.django_db


def url(discussion, lang="lv"):
    return f"/{lang}/consultations/{discussion.slug}/"


def valid_data(discussion, **overrides):
    task = discussion.redaction.priorities.get().action_lines.get().tasks.get()
    data = {
        "text": "Cietoksnī ierīkot tūrisma informācijas centru un velonomu.",
        "part": f"task:{task.pk}",
        "author_name": "Olga Petrova",
        "email": "olga@example.lv",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_open_discussion_shows_dates_materials_and_form(client, discussion):
    response = client.get(url(discussion))
    assert response.status_code == 200
    html = response.content.decode()
    assert discussion.redaction.get_absolute_url() in html
    assert "Pilsētas domē, 1. stāvā" in html
    assert 'name="text"' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert "<fieldset>" in html and "<legend>" in html
    assert "csrfmiddlewaretoken" in html


def test_proposal_is_accepted_numbered_and_confirmed_by_email(client, discussion, mailoutbox):
    response = client.post(url(discussion), valid_data(discussion))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.number == 1
    assert proposal.task.code == "U1.1.1"
    assert proposal.channel == Proposal.Channel.WEB
    assert proposal.consent_at is not None
    assert proposal.language == "lv"
    assert proposal.answer == ""
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["olga@example.lv"]
    assert "Nr. 1" in mail.subject or "No. 1" in mail.subject
    assert discussion.get_absolute_url() in mail.body
    page = client.get(url(discussion))
    assert "olga@example.lv" not in page.content.decode()


def test_confirmation_is_sent_in_the_language_the_resident_used(client, discussion, mailoutbox):
    client.post(url(discussion, "en"), valid_data(discussion))
    assert Proposal.objects.get().language == "en"
    assert "registered" in mailoutbox[0].subject


def test_form_is_gone_after_the_close_time_and_a_direct_post_is_refused(
    client, discussion, mailoutbox
):
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page = client.get(url(discussion))
    assert 'name="text"' not in page.content.decode()
    response = client.post(url(discussion), valid_data(discussion))
    assert response.status_code == 403
    assert "closed" in response.content.decode() or "slēgta" in response.content.decode()
    assert not Proposal.objects.exists()
    assert mailoutbox == []


def test_filled_honeypot_is_refused_and_the_text_kept(client, discussion, mailoutbox):
    data = valid_data(discussion, website="http://spam.example")
    response = client.post(url(discussion), data)
    assert response.status_code == 400
    assert not Proposal.objects.exists()
    assert data["text"] in response.content.decode()
    assert mailoutbox == []


def test_a_refusal_by_the_models_own_checks_is_shown_on_the_form_and_nothing_is_stored(
    client, discussion, mailoutbox, monkeypatch
):
    """The service's full_clean() refuses by field (a ValidationError without one code):
    the page used to read its code and answer 500. Now each message is shown, a field's at
    the field the resident can correct, and the resident keeps what they wrote."""

    def refuse(proposal):
        if proposal.discussion_id is None:
            return  # the form's check; the service's comes once the discussion is set
        raise ValidationError(
            {
                "author_name": "Vārdu nevar pieņemt.",
                "received_at": "Priekšlikums saņemts ārpus apspriešanas.",
            }
        )

    monkeypatch.setattr(Proposal, "clean", refuse)
    data = valid_data(discussion)
    response = client.post(url(discussion), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["author_name"] == ["Vārdu nevar pieņemt."]
    assert form.non_field_errors() == ["Priekšlikums saņemts ārpus apspriešanas."]
    html = response.content.decode()
    assert "Vārdu nevar pieņemt." in html
    assert "Priekšlikums saņemts ārpus apspriešanas." in html
    assert data["text"] in html
    assert not Proposal.objects.exists()
    assert mailoutbox == []


# A small allowance per address, so a test reaches it in a few requests.
LIMIT = 5


@pytest.fixture
def small_rate_limit(settings):
    settings.CONSULTATIONS_BURST_LIMIT = LIMIT
    settings.CONSULTATIONS_RATE_LIMIT = LIMIT


def test_rate_limit_per_address_refuses_and_keeps_the_text(client, discussion, small_rate_limit):
    for n in range(LIMIT):
        response = client.post(
            url(discussion), valid_data(discussion, text=f"Priekšlikums {n} par ceļiem.")
        )
        assert response.status_code == 302
    data = valid_data(discussion, text="Vēl viens priekšlikums par parkiem.")
    response = client.post(url(discussion), data)
    assert response.status_code == 429
    assert data["text"] in response.content.decode()
    assert Proposal.objects.count() == LIMIT
    other = client.post(url(discussion), data, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("lv", "", "Jūsu priekšlikums: Uzrakstiet savu priekšlikumu."),
        ("lv", "   ", "Jūsu priekšlikums: Uzrakstiet savu priekšlikumu."),
        (
            "lv",
            "x" * 5001,
            "Jūsu priekšlikums: Priekšlikums ir par garu: atļautas ne vairāk kā 5000 "
            "rakstzīmes, jūsu tekstā ir 5001. Lūdzu, saīsiniet to.",
        ),
        ("lv", "Par īsu.", "Priekšlikums ir par īsu: uzrakstiet vismaz 10 rakstzīmes."),
        ("en", "", "Your proposal: Write your proposal."),
        (
            "en",
            "x" * 5001,
            "Your proposal: The proposal is too long: at most 5000 characters are allowed, "
            "yours has 5001. Please shorten it.",
        ),
    ],
)
def test_empty_or_overlong_text_is_refused_with_what_was_typed_kept(
    client, discussion, lang, text, expected
):
    data = valid_data(discussion, text=text, author_name="Pēteris Kalns")
    response = client.post(url(discussion, lang), data)
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index('<div class="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert expected in summary
    assert summary.count("<li>") == 1  # one message, not the model's generic one as well
    assert "Pēteris Kalns" in html
    if text.strip():
        assert text in html
    assert not Proposal.objects.exists()


def test_dates_in_sentences_are_declined_in_latvian(client, discussion, mailoutbox):
    """ "līdz 2026. gada 30. decembrim" (dative) and "no … decembra" (genitive), never
    "līdz … decembris"; the English says "until" / "from"."""
    closes = timezone.localtime(discussion.closes_at).replace(
        month=12, day=30, hour=17, minute=0, second=0, microsecond=0
    )
    if closes <= timezone.now():
        closes = closes.replace(year=closes.year + 1)
    PublicDiscussion.objects.filter(pk=discussion.pk).update(closes_at=closes)
    discussion.refresh_from_db()
    until = f"līdz {closes.year}. gada 30. decembrim plkst. 17:00"
    index = client.get("/lv/consultations/").content.decode()
    assert f"Priekšlikumus var iesniegt {until}." in index
    assert "decembris" not in index
    client.post(url(discussion), valid_data(discussion))
    assert f"Apspriešana ilgst {until}." in mailoutbox[0].body
    client.post(url(discussion, "en"), valid_data(discussion, text="Vēl viens priekšlikums."))
    assert f"The discussion is open until 30 December {closes.year}, 17:00." in (
        " ".join(mailoutbox[1].body.split())
    )
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        opens_at=closes - datetime.timedelta(days=400),
        closes_at=closes - datetime.timedelta(days=365),
    )
    closed = client.get(url(discussion)).content.decode()
    assert (
        f"Apspriešana ir slēgta: priekšlikumi tika pieņemti līdz {closes.year - 1}. gada "
        "30. decembrim plkst. 17:00." in " ".join(closed.split())
    )


def test_upcoming_discussion_says_from_when_in_the_genitive(client, redaction):
    opens = timezone.localtime(timezone.now() + datetime.timedelta(days=3)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    discussion = PublicDiscussionFactory(
        redaction=redaction, opens_at=opens, closes_at=opens + datetime.timedelta(days=30)
    )
    from core.formats import MONTHS_GENITIVE

    with translation.override("lv"):
        month = str(MONTHS_GENITIVE[opens.month])
    expected = (
        f"Priekšlikumus var iesniegt no {opens.year}. gada {opens.day}. {month} plkst. 09:00."
    )
    assert expected in client.get(url(discussion)).content.decode()
    assert expected in client.get("/lv/consultations/").content.decode()


def test_consent_is_required(client, discussion):
    data = valid_data(discussion)
    del data["consent"]
    response = client.post(url(discussion), data)
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_part_from_another_redaction_is_refused(client, discussion):
    response = client.post(url(discussion), valid_data(discussion, part="task:999999"))
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_discussion_of_a_draft_redaction_is_404(client, discussion):
    set_redaction_status(discussion.redaction, "draft")
    assert client.get(url(discussion)).status_code == 404
    assert client.post(url(discussion), valid_data(discussion)).status_code == 404


def test_unknown_discussion_is_404(client, db):
    assert client.get("/lv/consultations/nav-tadas/").status_code == 404


def test_upcoming_discussion_has_no_form_yet(client, redaction):
    discussion = PublicDiscussionFactory(
        redaction=redaction,
        opens_at=timezone.now() + datetime.timedelta(days=2),
        closes_at=timezone.now() + datetime.timedelta(days=20),
    )
    page = client.get(url(discussion)).content.decode()
    assert 'name="text"' not in page
    assert client.post(url(discussion), valid_data(discussion)).status_code == 403


def test_submitter_email_is_never_rendered(client, discussion):
    ProposalFactory(discussion=discussion, email="slepens@example.lv")
    pages = [url(discussion), reverse("consultations:index"), "/lv/"]
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    pages += [f"{url(discussion)}report/", f"{url(discussion)}report.csv"]
    pages.append(discussion.redaction.get_absolute_url())
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert b"slepens@example.lv" not in response.getvalue(), page


def test_time_left_is_shown_while_open(client, discussion):
    html = client.get(url(discussion, "en")).content.decode()
    assert "left to submit proposals" in html
    assert "20 days" in html


@pytest.mark.parametrize(
    "delta,expected",
    [
        (datetime.timedelta(days=21, hours=5, minutes=3), "21 diena 5 stundas"),
        (datetime.timedelta(days=2), "2 dienas"),
        (datetime.timedelta(hours=3, minutes=10), "3 stundas 10 minūtes"),
        (datetime.timedelta(minutes=1, seconds=30), "1 minūte"),
        (datetime.timedelta(seconds=-5), "0 minūšu"),
    ],
)
def test_time_left_is_computed_in_words(delta, expected):
    from django.utils import translation

    from consultations.templatetags.consultations_format import time_left

    now = timezone.now()
    with translation.override("lv"):
        assert time_left(now + delta, now) == expected


def test_a_forged_part_of_another_redaction_is_refused_with_the_text_kept(client, discussion):
    """A real priority of another redaction of the same programme, its id typed into the form."""
    other = RedactionFactory(programme=discussion.redaction.programme, number=2)
    foreign = PriorityFactory(redaction=other, code="VTP9", title="Cita prioritāte")
    data = valid_data(discussion, part=f"priority:{foreign.pk}")
    response = client.post(url(discussion, "en"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Which part of the redaction it concerns" in html
    assert "Select a valid choice" in html
    assert data["text"] in html
    assert not Proposal.objects.exists()


def test_a_direct_post_after_close_is_refused_clearly_and_gives_the_text_back(
    client, discussion, mailoutbox
):
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    data = valid_data(discussion, text="Teksts, ko rakstīju līdz pēdējai minūtei.")
    response = client.post(url(discussion), data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sabiedriskā apspriešana ir slēgta: priekšlikumi vairs netiek pieņemti." in html
    assert 'id="unsent-text"' in html and "readonly" in html
    assert "Teksts, ko rakstīju līdz pēdējai minūtei." in html
    assert 'name="text"' not in html  # the text is given back, not offered for sending
    assert not Proposal.objects.exists()
    assert mailoutbox == []


def test_a_post_before_the_discussion_opens_says_it_has_not_opened_yet(client, redaction):
    discussion = PublicDiscussionFactory(
        redaction=redaction,
        opens_at=timezone.now() + datetime.timedelta(days=2),
        closes_at=timezone.now() + datetime.timedelta(days=30),
    )
    response = client.post(url(discussion, "en"), valid_data(discussion))
    assert response.status_code == 403
    assert "has not opened yet" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_robot_filling_the_honeypot_runs_into_the_rate_limit(
    client, discussion, small_rate_limit
):
    for _ in range(LIMIT):
        data = valid_data(discussion, website="http://spam.example")
        assert client.post(url(discussion), data).status_code == 400
    response = client.post(url(discussion), valid_data(discussion))
    assert response.status_code == 429
    assert not Proposal.objects.exists()


def test_a_forged_x_forwarded_for_does_not_escape_the_rate_limit(
    client, discussion, small_rate_limit
):
    """Without trusted proxies the header is ignored: one robot cannot pose as many."""
    for n in range(LIMIT):
        data = valid_data(discussion, text=f"Priekšlikums {n} par ceļiem.")
        response = client.post(url(discussion), data, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        assert response.status_code == 302
    response = client.post(
        url(discussion), valid_data(discussion), HTTP_X_FORWARDED_FOR="198.51.100.77"
    )
    assert response.status_code == 429


def _address(rf, remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(rf.post("/", **meta))


def test_behind_a_trusted_proxy_the_client_is_the_first_untrusted_forwarded_hop(rf, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    # Straight from the internet: the header is the client's own words, ignored.
    assert _address(rf, "198.51.100.5", "1.2.3.4") == "198.51.100.5"
    # Through the load balancer (10.0.0.2): the address it appended is the client.
    assert _address(rf, "10.0.0.2", "198.51.100.5") == "198.51.100.5"
    # A client that writes its own header cannot choose its address: its values sit left.
    assert _address(rf, "10.0.0.2", "1.2.3.4, 198.51.100.5") == "198.51.100.5"
    # Two trusted hops (CDN 192.0.2.1, then the balancer) are skipped from the right.
    assert _address(rf, "10.0.0.2", "1.2.3.4, 198.51.100.5, 192.0.2.1") == "198.51.100.5"
    # Garbage where an address should be: the last trustworthy hop counts.
    assert _address(rf, "10.0.0.2", "nonsense") == "10.0.0.2"
    assert _address(rf, "10.0.0.2", "") == "10.0.0.2"


def test_ipv6_clients_are_counted_by_their_64_network(rf):
    first = _address(rf, "2001:db8:1:2::1")
    assert first == _address(rf, "2001:db8:1:2:ffff::9") == "2001:db8:1:2::"
    assert _address(rf, "2001:db8:1:3::1") != first
    assert _address(rf, "::ffff:198.51.100.5") == "198.51.100.5"


def test_a_wrong_trusted_proxies_setting_fails_loudly(rf, settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.TRUSTED_PROXIES = ["not-an-address"]
    with pytest.raises(ImproperlyConfigured):
        _address(rf, "10.0.0.2", "198.51.100.5")


def test_line_breaks_count_once_as_the_browser_counts_them(client, discussion):
    """5000 characters as the browser counts them, sent with CR LF line breaks, are accepted."""
    line = "Rinda ar priekšlikumu.\n"  # 23 characters
    text = (line * 218)[: PROPOSAL_MAX_LENGTH - 1] + "."
    assert len(text) == PROPOSAL_MAX_LENGTH
    sent = text.replace("\n", "\r\n")
    assert len(sent) > PROPOSAL_MAX_LENGTH
    response = client.post(url(discussion), valid_data(discussion, text=sent))
    assert response.status_code == 302
    assert Proposal.objects.get().text == text


def test_english_form_speaks_english_in_its_help_texts(client, discussion):
    html = client.get(url(discussion, "en")).content.decode()
    assert "Up to 5000 characters." in html
    assert "Ne vairāk kā" not in html
    lv = client.get(url(discussion, "lv")).content.decode()
    assert "Ne vairāk kā 5000 rakstzīmes." in lv


def test_hidden_proposals_are_not_counted_on_the_discussion_page(client, discussion):
    ProposalFactory(discussion=discussion)
    ProposalFactory(discussion=discussion, is_published=False, hidden_reason="Personas dati.")
    response = client.get(url(discussion))
    assert response.context["proposal_count"] == 1


def test_discussion_page_lists_its_meetings_and_links_the_programme_calendar(client, discussion):
    programme = discussion.redaction.programme
    start = timezone.now() + datetime.timedelta(days=3)
    EventFactory(
        programme=programme,
        title="Apspriešanas sanāksme",
        kind="discussion_meeting",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    EventFactory(
        programme=programme,
        title="Sen notikušais seminārs",
        starts_at=start.replace(year=2013),
        ends_at=start.replace(year=2013) + datetime.timedelta(hours=1),
    )
    html = client.get(url(discussion, "en")).content.decode()
    assert "Meetings and events during the discussion" in html
    assert "Apspriešanas sanāksme" in html
    assert "Sen notikušais seminārs" not in html
    feed = f"/en/consultations/programmes/{programme.municipality.slug}/{programme.slug}/events.ics"
    assert f'href="{feed}"' in html


def test_materials_and_ways_to_submit_link_their_addresses_and_stay_escaped(client, discussion):
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        materials_places="Domē, 1. stāvā\nhttps://www.daugavpils.lv/ap <b>",
        how_to_submit="Pa e-pastu attistiba@daugavpils.lv",
    )
    html = client.get(url(discussion)).content.decode()
    assert '<a href="https://www.daugavpils.lv/ap"' in html
    assert '<a href="mailto:attistiba@daugavpils.lv">' in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "Domē, 1. stāvā<br>" in html


def test_latvian_time_left_reads_as_a_sentence(client, discussion):
    """ "atlikušais laiks: 20 dienas", not a masculine participle ("atlicis") before plurals."""
    page = client.get(url(discussion)).content.decode()
    assert "Priekšlikumu iesniegšanai atlikušais laiks: 20 dienas" in page
    assert "atlicis" not in page
    index = client.get("/lv/consultations/").content.decode()
    assert "atlikušais laiks: 20 dienas" in index
    assert "atlicis" not in index


@pytest.mark.parametrize(
    "lang,expected",
    [
        (
            "lv",
            [
                "Jūsu vārds, uzvārds: Ierakstiet savu vārdu.",
                "Jūsu e-pasta adrese: Ierakstiet savu e-pasta adresi",
                "Piekrišana: Bez jūsu piekrišanas",
            ],
        ),
        (
            "en",
            [
                "Your name: Write your name.",
                "Your e-mail address: Write your e-mail address",
                "Consent: Without your consent",
            ],
        ),
    ],
)
def test_missing_name_email_and_consent_are_named_plainly(client, discussion, lang, expected):
    """The error summary names each field briefly and says what to do, in the page's language
    (not Django's generic "This field is required", nor the consent's whole sentence)."""
    data = valid_data(discussion, author_name="", email="")
    del data["consent"]
    response = client.post(url(discussion, lang), data)
    assert response.status_code == 400
    html = response.content.decode()
    start = html.index('<div class="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    for text in expected:
        assert text in summary
    assert "Šis lauks ir nepieciešams" not in summary
    assert "This field is required" not in summary
    assert ".:" not in summary
    assert data["text"] in html


def test_a_malformed_email_address_gets_a_plain_example(client, discussion):
    response = client.post(url(discussion), valid_data(discussion, email="olga@"))
    assert response.status_code == 400
    assert "Pārbaudiet e-pasta adresi: pareizas adreses piemērs — vards@example.lv." in (
        response.content.decode()
    )
    assert not Proposal.objects.exists()


def test_a_person_whose_browser_filled_the_honeypot_can_send_again(client, discussion):
    """The hidden field comes back empty with a message a person can follow (they never
    see the field, so "leave the last field empty" would leave them stuck)."""
    data = valid_data(discussion, website="https://autofill.example")
    response = client.post(url(discussion), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Lūdzu, pārbaudiet ierakstīto un nosūtiet veidlapu vēlreiz." in html
    assert "autofill.example" not in html
    assert data["text"] in html
    assert client.post(url(discussion), {**data, "website": ""}).status_code == 302
    assert Proposal.objects.count() == 1
