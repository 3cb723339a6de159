import pytest
from django.utils.text import slugify

from core.text import fold
from tests.factories import (
    ActionLineFactory,
    MunicipalityFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
)


def test_fold_drops_latvian_diacritics_and_case():
    assert fold("Līvānu Novada ŠĶŪŅI") == "livanu novada skuni"


@pytest.fixture
def livani_programme(db):
    municipality = MunicipalityFactory(name="Līvānu novads", slug="livani-s")
    return ProgrammeFactory(
        municipality=municipality, title="Līvānu novada integrētā attīstības programma"
    )


@pytest.mark.django_db
def test_search_without_diacritics_finds_latvian_titles(client, livani_programme):
    page = client.get("/lv/search/", {"q": "livanu integreta"}).content.decode()
    assert "Līvānu novada integrētā attīstības programma" in page


@pytest.mark.django_db
def test_search_finds_action_lines_of_published_redactions_only(client, livani_programme):
    published = RedactionFactory(programme=livani_programme, number=1)
    line = ActionLineFactory(
        priority=PriorityFactory(redaction=published), code="RV2.3", title="Ūdenssaimniecība"
    )
    published_status = type(published).objects.filter(pk=published.pk)
    published_status.set_status_for_tests("approved")
    draft = RedactionFactory(programme=livani_programme, number=2)
    ActionLineFactory(
        priority=PriorityFactory(redaction=draft), code="RV9.9", title="Ūdens slepenais plāns"
    )
    page = client.get("/lv/search/", {"q": "udens"}).content.decode()
    assert line.title in page
    # The link lands on the action line's heading (its anchor is the slugified code).
    assert f'href="{published.get_absolute_url()}#rv23"' in page
    assert "slepenais" not in page


@pytest.mark.django_db
def test_empty_search_shows_the_form_with_its_hint_and_no_results(client, livani_programme):
    response = client.get("/lv/search/", {"q": "   "})
    assert response.status_code == 200
    page = response.content.decode()
    # The search page's own form (not only the header's), empty, with the hint how to search.
    assert '<input type="search" id="search-q" name="q" value=""' in page
    assert "Burti ar garumzīmēm un mīkstinājuma zīmēm un bez tām tiek uzskatīti par" in page
    # No result count, no result: a blank query does not list everything there is.
    assert response.context["groups"] == []
    assert 'role="status"' not in page and "rezultāt" not in page
    assert "Līvānu novada integrētā attīstības programma" not in page


@pytest.mark.django_db
def test_search_query_count_is_fixed(client, django_assert_max_num_queries, livani_programme):
    found = []
    for n in range(3):
        redaction = RedactionFactory(programme=livani_programme, number=10 + n)
        line = ActionLineFactory(
            priority=PriorityFactory(redaction=redaction), code=f"RV{n}.1", title=f"Ceļi {n}"
        )
        type(redaction).objects.filter(pk=redaction.pk).set_status_for_tests(
            "approved" if n == 0 else "superseded"
        )
        found.append((redaction, line))
    # Session-less page: one query per source (programmes, priorities, action lines, tasks,
    # discussions, working groups, events, surveys, projects, news), none per result.
    with django_assert_max_num_queries(10):
        response = client.get("/lv/search/", {"q": "celi"})
    # ...and the three results are there, each linking to its line in its own redaction.
    page = response.content.decode()
    assert "3 rezultāti vaicājumam „celi”." in page
    for redaction, line in found:
        assert f'href="{redaction.get_absolute_url()}#{slugify(line.code)}">{line}</a>' in page


@pytest.mark.django_db
def test_a_nul_byte_in_the_query_is_ignored_not_a_server_error(client, livani_programme):
    response = client.get("/lv/search/", {"q": "livanu\x00"})
    assert response.status_code == 200
    assert "Līvānu novada integrētā attīstības programma" in response.content.decode()


@pytest.mark.django_db
def test_search_finds_consultations_but_never_a_draft_redactions_discussion(
    client, livani_programme
):
    from consultations.models import PublicDiscussion
    from tests.consultations.factories import (
        EventFactory,
        PublicDiscussionFactory,
        SurveyFactory,
        WorkingGroupFactory,
        published_redaction,
    )

    redaction = published_redaction(programme=livani_programme, number=1)
    discussion = PublicDiscussionFactory(
        redaction=redaction, introduction="Apspriešanā arī Rožupes pagasta ceļi."
    )
    draft = RedactionFactory(programme=livani_programme, number=2)
    # A discussion row of a draft (as a bulk import could leave it) stays out of search.
    PublicDiscussion.objects.bulk_create(
        [
            PublicDiscussion(
                redaction=draft,
                slug="slepena",
                opens_at=discussion.opens_at,
                closes_at=discussion.closes_at,
                introduction="Rožupes slepenais melnraksts.",
            )
        ]
    )
    group = WorkingGroupFactory(
        programme=livani_programme,
        kind="territorial",
        sector="",
        territory="Rožupes pagasts",
        name="Rožupes pagasta darba grupa",
    )
    EventFactory(programme=livani_programme, title="Rožupes iedzīvotāju sanāksme")
    SurveyFactory(programme=livani_programme, title="Rožupes iedzīvotāju aptauja")

    page = client.get("/lv/search/", {"q": "rozupes"}).content.decode()

    assert f'href="{discussion.get_absolute_url()}"' in page
    assert "slepen" not in page
    assert f'href="{group.get_absolute_url()}"' in page
    assert "Rožupes iedzīvotāju sanāksme" in page
    assert "Rožupes iedzīvotāju aptauja" in page
    # The consultations page of Līvāni lists its surveys (the page of all lists the latest).
    slug = livani_programme.municipality.slug
    assert f'href="/lv/consultations/?municipality={slug}">Rožupes iedzīvotāju aptauja' in page
    for heading in ("Sabiedriskās apspriešanas", "Darba grupas", "Aptaujas"):
        assert f"<h2>{heading}</h2>" in page


@pytest.mark.django_db
def test_every_search_result_lands_on_an_anchor_that_exists(client, livani_programme):
    import re

    from tests.factories import TaskFactory

    redaction = RedactionFactory(programme=livani_programme, number=1)
    priority = PriorityFactory(redaction=redaction, code="VTP1", title="Ūdens un ceļi")
    line = ActionLineFactory(priority=priority, code="RV1.1", title="Ūdenssaimniecība")
    TaskFactory(action_line=line, code="U1.1.1", title="Ūdensvada pārbūve")
    type(redaction).objects.filter(pk=redaction.pk).set_status_for_tests("approved")

    page = client.get("/lv/search/", {"q": "udens"}).content.decode()
    links = re.findall(r'href="(/lv/programmes/[^"#]+)#([\w-]+)"', page)
    assert {fragment for _url, fragment in links} == {"vtp1", "rv11", "u111"}
    for url, fragment in links:
        assert f'id="{fragment}"' in client.get(url).content.decode()
