"""The redaction page shows, under each part, the published proposals about it and answers."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SituationSectionFactory

from .factories import ProposalFactory, set_redaction_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def parts(discussion):
    redaction = discussion.redaction
    set_redaction_status(redaction, "draft")
    section = SituationSectionFactory(redaction=redaction, title="Iedzīvotāji")
    set_redaction_status(redaction, "public_discussion")
    priority = redaction.priorities.get()
    line = priority.action_lines.get()
    return {"section": section, "priority": priority, "action_line": line, "task": line.tasks.get()}


def add_proposals(discussion, parts, n):
    for _ in range(n):
        for name, part in parts.items():
            ProposalFactory(
                discussion=discussion,
                **{name: part},
                text=f"Priekšlikums par {name}.",
                answer="taken",
                justification=f"Ņemts vērā: {name}.",
            )


def test_each_part_shows_how_many_published_proposals_it_received_and_links_them(
    client, discussion, parts
):
    add_proposals(discussion, parts, 2)
    ProposalFactory(
        discussion=discussion,
        priority=parts["priority"],
        text="Slēpjams teksts par prioritāti.",
        is_published=False,
        hidden_reason="Personas dati.",
    )
    html = client.get(discussion.redaction.get_absolute_url()).content.decode()
    proposals = f"/lv/consultations/{discussion.slug}/proposals/"
    for name, part in parts.items():
        link = f'<a href="{proposals}?part={name}:{part.pk}">2 priekšlikumi un atbildes</a>'
        assert link in html, name  # the hidden one is not counted
    # The page counts and links; the texts are on the paginated proposals page.
    assert "Priekšlikums par priority." not in html
    assert "Slēpjams teksts" not in html
    listed = client.get(f"{proposals}?part=priority:{parts['priority'].pk}").content.decode()
    assert listed.count("Priekšlikums par priority.") == 2
    assert "Ņemts vērā: priority." in listed
    assert "Priekšlikums par task." not in listed
    assert "Slēpjams teksts" not in listed


def test_redaction_page_size_does_not_grow_with_proposals(client, discussion, parts):
    url = discussion.redaction.get_absolute_url()
    add_proposals(discussion, parts, 2)
    small = len(client.get(url).content)
    add_proposals(discussion, parts, 7)  # 9 a part: the count keeps its one digit
    cache.clear()
    assert len(client.get(url).content) == small


def test_redaction_page_query_count_does_not_grow_with_proposals(client, discussion, parts):
    url = discussion.redaction.get_absolute_url()
    add_proposals(discussion, parts, 1)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    add_proposals(discussion, parts, 3)
    cache.clear()  # the page's frozen parts are cached; measure the whole page again
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)


def test_proposals_about_the_whole_redaction_have_their_own_section(client, discussion, parts):
    ProposalFactory(
        discussion=discussion,
        text="Programmā trūkst rādītāju.",
        answer="taken",
        justification="Papildināts ar rādītājiem.",
    )
    ProposalFactory(
        discussion=discussion,
        text="Slēpts vispārīgs teksts.",
        is_published=False,
        hidden_reason="Aizskarošs.",
    )
    ProposalFactory(discussion=discussion, priority=parts["priority"], text="Par prioritāti.")
    html = client.get(discussion.redaction.get_absolute_url()).content.decode()
    assert 'href="#whole-redaction-proposals"' in html
    section = html.split('id="whole-redaction-proposals"')[1].split("</section>")[0]
    assert "Priekšlikumi par redakciju kopumā" in section
    whole = f"/lv/consultations/{discussion.slug}/proposals/?part=whole"
    assert f'<a href="{whole}">1 priekšlikums un atbilde</a>' in section
    listed = client.get(whole).content.decode()
    assert "Programmā trūkst rādītāju." in listed and "Papildināts ar rādītājiem." in listed
    assert "Par prioritāti." not in listed
    assert "Slēpts vispārīgs teksts" not in listed


def test_without_proposals_about_the_whole_redaction_there_is_no_such_section(
    client, discussion, parts
):
    ProposalFactory(discussion=discussion, priority=parts["priority"], text="Par prioritāti.")
    html = client.get(discussion.redaction.get_absolute_url()).content.decode()
    assert "whole-redaction-proposals" not in html


def test_a_resident_reading_a_redaction_in_discussion_is_led_to_the_proposal_form(
    client, discussion
):
    html = client.get(discussion.redaction.get_absolute_url()).content.decode()
    assert html.count('role="note"') == 1  # one notice: the status and how to take part
    assert f'href="{discussion.get_absolute_url()}#form-heading"' in html
    assert "Priekšlikumus var iesniegt līdz" in html


def test_after_the_discussion_the_redaction_and_programme_pages_link_its_report(
    client, discussion, django_assert_max_num_queries
):
    import datetime

    from django.utils import timezone

    discussion.opens_at = timezone.now() - datetime.timedelta(days=40)
    discussion.closes_at = timezone.now() - datetime.timedelta(days=10)
    discussion.save()
    report = f'href="/lv/consultations/{discussion.slug}/report/"'

    redaction_page = client.get(discussion.redaction.get_absolute_url()).content.decode()
    assert report in redaction_page
    assert "#form-heading" not in redaction_page

    programme = discussion.redaction.programme
    with django_assert_max_num_queries(12):  # the bound of tests/programmes' page counts
        programme_page = client.get(programme.get_absolute_url()).content.decode()
    assert "Sabiedrības līdzdalība" in programme_page
    assert f'href="{discussion.get_absolute_url()}"' in programme_page
    assert report in programme_page
    slug = programme.municipality.slug
    assert f'href="/lv/consultations/?municipality={slug}#groups-{programme.pk}"' in programme_page
    assert (
        f'href="/lv/consultations/programmes/{programme.municipality.slug}/{programme.slug}'
        '/events.ics"' in programme_page
    )


def test_each_part_of_a_redaction_in_discussion_links_to_the_form_with_it_chosen(
    client, discussion, parts
):
    page = client.get(discussion.redaction.get_absolute_url()).content.decode()
    line = parts["action_line"]
    link = f"{discussion.get_absolute_url()}?part=action_line:{line.pk}#form-heading"
    assert f'href="{link}"' in page
    assert f"Iesniegt priekšlikumu: {line.code}" in page
    assert f"?part=section:{parts['section'].pk}" in page
    assert f"?part=priority:{parts['priority'].pk}" in page

    form = client.get(link.split("#")[0]).content.decode()
    assert f'<option value="action_line:{line.pk}" selected>' in form


def test_no_proposal_links_once_the_discussion_is_closed(client, discussion, parts):
    import datetime

    from django.utils import timezone

    discussion.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    discussion.opens_at = discussion.closes_at - datetime.timedelta(days=30)
    discussion.save()
    page = client.get(discussion.redaction.get_absolute_url()).content.decode()
    assert "?part=" not in page


def test_the_redaction_page_loads_the_stylesheet_that_styles_its_proposals(
    client, discussion, parts
):
    from django.conf import settings
    from django.contrib.staticfiles import finders

    add_proposals(discussion, parts, 1)
    html = client.get(discussion.redaction.get_absolute_url()).content.decode()
    assert 'class="part-proposals"' in html
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    loaded = [
        Path(finders.find(href.removeprefix(settings.STATIC_URL))).read_text()
        for href in stylesheets
    ]
    assert any(".part-proposals {" in css for css in loaded), stylesheets
