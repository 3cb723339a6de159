"""Public pages of municipalities, programmes and redactions (no login needed)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from programmes import services
from programmes.models import DevelopmentProgramme, Redaction, SwotItem
from tests.factories import (
    ActionFactory,
    ActionLineFactory,
    InvestmentAmountFactory,
    InvestmentItemFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
    SituationSectionFactory,
    TaskFactory,
    full_redaction,
)

pytestmark = pytest.mark.django_db

DAUGAVPILS = ("daugavpils", "ap-2014-2020")
LIVANI = ("livani", "iap-2019-2025")


@pytest.fixture(autouse=True)
def _latvian_urls():
    # reverse() follows the active language, which an earlier /en/ request may have left on.
    with translation.override("lv"):
        yield


@pytest.fixture
def demo_data(demo):
    """The demo, loaded once for all the tests that use it (tests/shared_data.py)."""
    return demo


def redaction_url(slugs, number, language="lv", part=""):
    """The redaction page, or with `part` ("action_plan", "investment_plan") that part's."""
    name = f"programmes:redaction_{part}" if part else "programmes:redaction"
    url = reverse(name, args=[*slugs, number])
    return url.replace("/lv/", f"/{language}/", 1)


def test_list_shows_municipalities_and_programmes(client, demo_data):
    response = client.get(reverse("programmes:list"))
    assert response.status_code == 200
    assert "Līvānu novads" in response.text
    assert "Daugavpils pilsētas attīstības programma 2014.–2020. gadam" in response.text


def test_municipality_page_lists_its_programmes_with_current_redaction(client, demo_data):
    response = client.get(reverse("programmes:municipality", args=["livani"]))
    assert response.status_code == 200
    assert "Līvānu novada integrētā attīstības programma 2019.–2025. gadam" in response.text
    assert 'href="/lv/programmes/livani/iap-2019-2025/redactions/2/"' in response.text
    assert "Latgal" in response.text


def test_unknown_municipality_is_404(client, demo_data):
    assert client.get("/lv/programmes/nav-tadas/").status_code == 404
    assert client.get("/lv/programmes/daugavpils/nav-tadas/").status_code == 404
    assert client.get("/lv/programmes/livani/ap-2014-2020/").status_code == 404


def test_programme_page_shows_facts_redactions_progress_and_steering_group(client, demo_data):
    response = client.get(reverse("programmes:programme", args=DAUGAVPILS))
    assert response.status_code == 200
    text = response.text
    assert "2014–2020" in text
    assert "SIA „Baltijas Konsultācijas”" in text
    assert "Helēna Trošimova" in text
    assert "Sabiedriskā apspriešana" in text or "Public discussion" in text
    # the rollup and how it is computed
    assert "VTP1" in text and "<progress" in text
    assert "vidēj" in text or "average" in text
    # steering group from the seed: order No. 635 of 16.11.2012 and 8 meetings
    assert "635" in text and "2012. gada 16. novembris" in text
    assert text.count("<h4>") >= 8
    assert "Etniskās kultūras centrs" in text


def test_programme_page_links_each_redaction_to_a_comparison_with_the_previous(client, demo_data):
    response = client.get(reverse("programmes:programme", args=LIVANI))
    assert reverse("programmes:compare", args=[*LIVANI, 1, 2]) in response.text
    # the draft (redaction 3) is not listed for a visitor
    assert reverse("programmes:compare", args=[*LIVANI, 2, 3]) not in response.text
    assert redaction_url(LIVANI, 3) not in response.text


def test_redaction_page_shows_every_part(client, demo_data):
    """The redaction page, its action plan's and its investment plan's: each part on one of
    them, and each page links to the other two."""
    pages = {
        part: client.get(redaction_url(DAUGAVPILS, 1, part=part))
        for part in ("", "action_plan", "investment_plan")
    }
    assert {response.status_code for response in pages.values()} == {200}
    for response in pages.values():
        for part in ("", "action_plan", "investment_plan"):
            assert f'href="{redaction_url(DAUGAVPILS, 1, part=part)}"' in response.text
    text = "".join(response.text for response in pages.values())
    for expected in [
        "Dabas un kultūrvēsturiskās vērtības",  # situation analysis
        "Izglītība un zinātne",
        '<abbr title="Centrālā statistikas pārvalde">CSP</abbr>',  # data sources
        "Latgales reģiona attīstības centrs",  # vision
        "Latgales plānošanas reģiona ekonomikas profila",  # specialisation
        "Zarasu",  # functional links
        "Latvija 2030",  # coherence
        'class="swot"',
        "RV1.1",
        "U1.1.1",
        "R1.1.1.1",  # action plan
        "Pilsētplānošanas un būvniecības departaments",
        "Ziemeļu industriālās teritorijas infrastruktūras izbūve",  # investment plan
        "<meter",  # indicators
        "Bezdarba līmenis",
    ]:
        assert expected in text, expected
    programme = DevelopmentProgramme.objects.get(slug=DAUGAVPILS[1])
    # The steering group is the programme's: its page shows it, the redaction links there.
    assert f'{programme.get_absolute_url()}#steering-group-heading">Vadības grupa' in text
    assert (
        "sabiedriskajai apspriešanai" in text
        or "publiskajai apspriešanai" in text
        or ("public discussion" in text)
    )


def test_one_year_action_shows_its_year_once_and_area_titles_are_not_repeated(client):
    redaction = RedactionFactory(number=1)
    ActionFactory(task__action_line__priority__redaction=redaction, start_year=2020, end_year=2020)
    ActionFactory(task__action_line__priority__redaction=redaction, start_year=2019, end_year=2025)
    SituationSectionFactory(redaction=redaction, area="population", title="Iedzīvotāji")
    SituationSectionFactory(redaction=redaction, area="living", title="Izglītība un zinātne")
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("public_discussion")
    plan = client.get(redaction.get_action_plan_url()).text
    assert "<td>2020</td>" in plan and "2020–2020" not in plan
    assert "<td>2019–2025</td>" in plan
    text = client.get(redaction.get_absolute_url()).text
    # A section named like its thematic area gets no second heading of the same words.
    assert text.count("Iedzīvotāji</h") == 1
    assert "<h3>Iedzīvotāju dzīves vide</h3>" in text
    assert "<h4>Izglītība un zinātne</h4>" in text


def test_codes_order_naturally_on_the_page(client, demo_data):
    text = client.get(redaction_url(DAUGAVPILS, 1)).text
    indicators = text[text.index('id="indicators"') :]
    assert indicators.index(">R2<") < indicators.index(">R9<") < indicators.index(">R10<")


def test_investment_plan_totals_by_year_and_source_in_latvian_euro_format(client):
    redaction = RedactionFactory()
    item = InvestmentItemFactory(action_line__priority__redaction=redaction, code="I1")
    InvestmentAmountFactory(item=item, year=2022, source="eu", amount=Decimal("90000"))
    InvestmentAmountFactory(item=item, year=2022, source="municipal", amount=Decimal("9000"))
    InvestmentAmountFactory(item=item, year=2023, source="eu", amount=Decimal("1000.50"))
    other = InvestmentItemFactory(action_line=item.action_line, code="I2")
    InvestmentAmountFactory(item=other, year=2024, source="state", amount=Decimal("500"))
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    text = client.get(redaction.get_investment_plan_url()).text
    plan = text[text.index('id="investment-plan"') :]
    assert "99\xa0000,00\xa0€" in plan  # 2022 total (both sources)
    assert "91\xa0000,50\xa0€" in plan  # EU funds total
    assert "100\xa0500,50\xa0€" in plan  # grand total
    for year in ("2022", "2023", "2024"):
        assert f'<th scope="col" class="num">{year}</th>' in plan


def test_pages_are_in_english_too(client, demo_data):
    response = client.get(redaction_url(LIVANI, 2, language="en"))
    assert response.status_code == 200
    assert "Situation analysis" in response.text
    assert "Read the investment plan" in response.text
    plan = client.get(redaction_url(LIVANI, 2, language="en", part="investment_plan"))
    assert "Financing by source and year, EUR" in plan.text and "€" in plan.text


def test_superseded_redaction_says_so_and_links_to_comparison(client, demo_data):
    text = client.get(redaction_url(LIVANI, 1, language="en")).text
    assert "Superseded." in text
    text = client.get(redaction_url(LIVANI, 2, language="en")).text
    assert reverse("programmes:compare", args=[*LIVANI, 1, 2]).replace("/lv/", "/en/") in text


def test_pdf_link_is_shown_when_a_document_is_set(client):
    redaction = RedactionFactory(number=1, document="redactions/ap.pdf")
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    programme = redaction.programme
    url = reverse("programmes:redaction", args=[programme.municipality.slug, programme.slug, 1])
    assert "redactions/ap.pdf" in client.get(url).text


def test_user_text_is_escaped(client):
    line = ActionLineFactory(title="<script>alert(1)</script>")
    Redaction.objects.filter(pk=line.priority.redaction_id).set_status_for_tests("approved")
    redaction = line.priority.redaction
    programme = redaction.programme
    url = reverse(
        "programmes:redaction",
        args=[programme.municipality.slug, programme.slug, redaction.number],
    )
    text = client.get(url).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# --- drafts -------------------------------------------------------------------------------


@pytest.fixture
def draft(municipality):
    programme = ProgrammeFactory(municipality=municipality, slug="ap")
    return RedactionFactory(programme=programme, number=1, label="Melnraksts")


def draft_url(draft):
    return reverse("programmes:redaction", args=[draft.programme.municipality.slug, "ap", 1])


def test_anonymous_visitor_gets_404_for_a_draft(client, draft):
    assert client.get(draft_url(draft)).status_code == 404


def test_planner_of_another_municipality_gets_404_for_a_draft(client, draft, other_planner):
    client.force_login(other_planner)
    assert client.get(draft_url(draft)).status_code == 404


def test_planner_of_the_same_municipality_sees_the_draft_with_a_notice(client, draft, planner):
    client.force_login(planner)
    response = client.get(draft_url(draft).replace("/lv/", "/en/"))
    assert response.status_code == 200
    assert "You see a draft because you may edit it" in response.text


@pytest.mark.parametrize("role", ["project_manager", "municipality_admin"])
def test_staff_of_the_same_municipality_who_cannot_edit_redactions_get_404(
    client, draft, role, request
):
    client.force_login(request.getfixturevalue(role))
    assert client.get(draft_url(draft)).status_code == 404
    programme = reverse("programmes:programme", args=[draft.programme.municipality.slug, "ap"])
    assert "Melnraksts" not in client.get(programme).text


def test_superuser_sees_any_draft(client, draft, superuser):
    client.force_login(superuser)
    assert client.get(draft_url(draft)).status_code == 200


def test_programme_page_lists_drafts_only_for_its_planners(client, draft, planner):
    url = reverse("programmes:programme", args=[draft.programme.municipality.slug, "ap"])
    assert "Melnraksts" not in client.get(url).text
    client.force_login(planner)
    assert "Melnraksts" in client.get(url).text


# --- query counts: fixed whatever the data size ----------------------------------------


def grow(redaction, n):
    """Add n of everything a redaction page shows: situation sections with data sources,
    SWOT and coherence items, priorities with lines, tasks, actions, investments (by year
    and source), indicators with values, and steering group members and meetings."""
    from programmes.models import SteeringGroupMeeting, SteeringGroupMember
    from tests.factories import (
        CoherenceItemFactory,
        DataSourceFactory,
        IndicatorFactory,
        IndicatorValueFactory,
        SituationSectionFactory,
        SteeringGroupFactory,
        SwotItemFactory,
    )

    group = SteeringGroupFactory._meta.model.objects.filter(programme=redaction.programme).first()
    group = group or SteeringGroupFactory(programme=redaction.programme)
    for _ in range(n):
        section = SituationSectionFactory(redaction=redaction)
        section.data_sources.add(DataSourceFactory(), DataSourceFactory())
        SwotItemFactory(redaction=redaction, kind="weakness")
        SwotItemFactory(redaction=redaction, kind="threat")
        CoherenceItemFactory(redaction=redaction)
        priority = PriorityFactory(redaction=redaction)
        for _ in range(2):
            line = ActionLineFactory(priority=priority)
            for _ in range(2):
                action = ActionFactory(task__action_line=line)
                ActionFactory(task=action.task)
            item = InvestmentItemFactory(action_line=line, task=action.task)
            InvestmentAmountFactory(item=item, year=2022)
            InvestmentAmountFactory(item=item, year=2023, source="eu")
        indicator = IndicatorFactory(redaction=redaction, priority=priority)
        IndicatorValueFactory(indicator=indicator, year=2023)
        IndicatorValueFactory(indicator=indicator, year=2024)
        number = group.meetings.count() + 1
        SteeringGroupMember.objects.create(group=group, name=f"Loceklis {number}")
        SteeringGroupMeeting.objects.create(
            group=group, number=number, date=datetime.date(2013, 1, number)
        )


@pytest.fixture
def published(municipality):
    programme = ProgrammeFactory(municipality=municipality, slug="ap")
    from tests.factories import SteeringGroupFactory

    SteeringGroupFactory(programme=programme)
    first = RedactionFactory(programme=programme, number=1)
    grow(first, 2)
    return first


def _publish(redaction):
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(
        "approved", published_on=datetime.date(2024, 1, 1)
    )


PAGES = {
    "list": lambda r: reverse("programmes:list"),
    "municipality": lambda r: reverse("programmes:municipality", args=["daugavpils"]),
    "programme": lambda r: reverse("programmes:programme", args=["daugavpils", "ap"]),
    "redaction": lambda r: reverse("programmes:redaction", args=["daugavpils", "ap", 1]),
    "action plan": lambda r: reverse(
        "programmes:redaction_action_plan", args=["daugavpils", "ap", 1]
    ),
    "investment plan": lambda r: reverse(
        "programmes:redaction_investment_plan", args=["daugavpils", "ap", 1]
    ),
    "monitoring": lambda r: reverse("programmes:monitoring", args=["daugavpils", "ap"]),
}

BOUNDS = {
    # municipalities, programmes, their published redactions
    "list": 3,
    # + its open discussions, coming events, projects counted, the latest projects, the
    # latest news and their photos (the panels: tests/test_municipality_page.py)
    "municipality": 9,
    # programme (with municipality and steering group), redactions, monitoring reports,
    # members, meetings,
    # news about the programme, their photos, projects funding its drafting, the public
    # discussions of its redactions; the current redaction's priorities, action lines,
    # tasks with their actions' average progress
    "programme": 12,
    # redaction (with programme, municipality, steering group, source), sections, their
    # data sources, priorities, action lines, tasks (with their actions' average progress
    # and counts by status), indicators (with priority), their values; the redaction's
    # public discussions and their published proposals counted by part; projects counted
    # by action line = 11; and, unless the strategic part is cached: SWOT, coherence = 13
    "redaction": 13,
    # redaction (with programme, municipality), priorities, action lines, tasks, actions
    "action plan": 5,
    # redaction; unless the plan is cached: priorities, action lines, investment items,
    # their amounts
    "investment plan": 5,
    # the programme page's own nine (not what its panels show: news, funding projects,
    # discussions), then the redaction in force's indicators and their values
    "monitoring": 11,
}


@pytest.mark.parametrize(("page", "bound"), [("redaction", 11), ("investment plan", 1)])
def test_a_frozen_redaction_page_costs_fewer_queries_once_its_parts_are_cached(
    client, published, page, bound, django_assert_max_num_queries
):
    _publish(published)
    url = PAGES[page](published)
    assert client.get(url).status_code == 200  # renders and caches the frozen parts
    with django_assert_max_num_queries(bound):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", sorted(PAGES))
def test_query_count_is_fixed_whatever_the_data_size(
    client, published, page, django_assert_max_num_queries
):
    _publish(published)
    url = PAGES[page](published)
    with django_assert_max_num_queries(BOUNDS[page]):
        assert client.get(url).status_code == 200
    # as much again: more priorities, more programmes and redactions
    Redaction.objects.filter(pk=published.pk).set_status_for_tests("draft")
    grow(published, 2)
    _publish(published)
    for number in (2, 3):
        other = RedactionFactory(programme=published.programme, number=number)
        grow(other, 1)
        Redaction.objects.filter(pk=other.pk).set_status_for_tests("superseded")
    ProgrammeFactory(municipality=published.programme.municipality)
    with django_assert_max_num_queries(BOUNDS[page]):
        assert client.get(url).status_code == 200


def test_compare_query_count_is_fixed(client, published, django_assert_max_num_queries):
    _publish(published)
    second = services.start_next_redaction(redaction=published, user=None)
    Redaction.objects.filter(pk=second.pk).set_status_for_tests("public_discussion")
    url = reverse("programmes:compare", args=["daugavpils", "ap", 1, 2])
    # both redactions (with programme and municipality), then their content: sections
    # (with their data sources' codes), SWOT, coherence, priorities, lines, tasks,
    # actions, investment items, amounts, indicators (with their values) = 11. The lineage
    # is not needed for a direct copy.
    with django_assert_max_num_queries(11):
        assert client.get(url).status_code == 200
    assert DevelopmentProgramme.objects.count() == 1

    # Twice the content in both: the same number of queries.
    # One draft at a time per programme: each grows in turn.
    Redaction.objects.filter(pk=published.pk).set_status_for_tests("draft")
    grow(published, 2)
    Redaction.objects.filter(pk=published.pk).set_status_for_tests("superseded")
    Redaction.objects.filter(pk=second.pk).set_status_for_tests("draft")
    grow(second, 2)
    Redaction.objects.filter(pk=second.pk).set_status_for_tests("approved")
    with django_assert_max_num_queries(11):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["comparison"].added > 0


def test_compare_across_a_redaction_in_between_costs_fixed_queries_too(
    client, published, django_assert_max_num_queries
):
    Redaction.objects.filter(pk=published.pk).set_status_for_tests("superseded")
    previous = published
    for _redaction_2_then_3 in range(2):
        nxt = services.start_next_redaction(redaction=previous, user=None)
        Redaction.objects.filter(pk=nxt.pk).set_status_for_tests("superseded")
        previous = nxt
    url = reverse("programmes:compare", args=["daugavpils", "ap", 1, 3])
    # 11 as above, + the lineage of every kind of item (one query), as the chain passes
    # through 2.
    with django_assert_max_num_queries(11 + 1):
        assert client.get(url).status_code == 200
    Redaction.objects.filter(pk=previous.pk).set_status_for_tests("draft")
    grow(previous, 3)
    Redaction.objects.filter(pk=previous.pk).set_status_for_tests("approved")
    with django_assert_max_num_queries(11 + 1):
        response = client.get(url)
    assert response.context["comparison"].changed == 0
    assert response.context["comparison"].added > 0


# --- a frozen redaction's content is rendered once and cached ---------------------------


def _redaction_page(client, redaction, language="lv"):
    programme = redaction.programme
    with translation.override("lv"):
        url = reverse(
            "programmes:redaction",
            args=[programme.municipality.slug, programme.slug, redaction.number],
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url.replace("/lv/", f"/{language}/", 1))
    assert response.status_code == 200
    return response.text, len(queries)


def test_frozen_parts_are_cached_and_a_status_change_shows_at_once(client, planner):
    from programmes import services

    redaction = full_redaction(vision="Pirmā vīzija")
    services.open_public_discussion(redaction=redaction, user=None)

    text, first = _redaction_page(client, redaction)
    assert "Pirmā vīzija" in text and "Sabiedriskā apspriešana" in text
    again, cached = _redaction_page(client, redaction)
    assert again == text
    # Not fetched again: SWOT and coherence items.
    assert cached == first - 2
    # The investment plan's page: its items and amounts, the priorities and action lines
    # they hang from, fetched once; then only the redaction.
    plan_url = redaction.get_investment_plan_url()
    with CaptureQueriesContext(connection) as plan_first:
        assert client.get(plan_url).status_code == 200
    with CaptureQueriesContext(connection) as plan_cached:
        assert client.get(plan_url).status_code == 200
    assert len(plan_cached) == len(plan_first) - 4
    # The other language has its own copy.
    english, _queries = _redaction_page(client, redaction, "en")
    assert "Strategic part" in english and "Stratēģiskā daļa" not in english

    # Back to draft (as a database fix would), a new vision, then public discussion again:
    # the page shows the new content at once, with the new status.
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("draft")
    redaction.refresh_from_db()
    redaction.vision = "Otrā vīzija"
    redaction.save()
    services.open_public_discussion(redaction=redaction, user=None)
    text, queries = _redaction_page(client, redaction)
    assert "Otrā vīzija" in text and "Pirmā vīzija" not in text
    assert queries == first

    services.approve_redaction(
        redaction=redaction,
        user=None,
        decision_number="7",
        decision_date=datetime.date(2024, 3, 28),
    )
    text, _queries = _redaction_page(client, redaction)
    assert "Apstiprināta" in text and "Nr. 7" in text and "Otrā vīzija" in text


def test_a_draft_is_never_cached(client, planner):
    redaction = full_redaction(municipality=planner.staff_profile.municipality, vision="Viens")
    client.force_login(planner)
    assert "Viens" in _redaction_page(client, redaction)[0]
    redaction.vision = "Divi"
    redaction.save()
    text, _queries = _redaction_page(client, redaction)
    assert "Divi" in text and "Viens" not in text


def test_swot_is_a_four_part_grid_with_headings(client):
    redaction = full_redaction()
    for kind, text in [
        ("weakness", "Novecojis dzīvojamais fonds"),
        ("opportunity", "ES fondu finansējums"),
        ("threat", "Iedzīvotāju aizplūšana"),
    ]:
        SwotItem.objects.create(redaction=redaction, kind=kind, text=text)
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    text, _queries = _redaction_page(client, redaction)
    start = text.index('<div class="swot">')
    grid = text[start : text.index("</div>", start)]
    parts = grid.split("<section ")[1:]
    assert len(parts) == 4
    expected = [
        ("strength", "Stiprās puses", "Stiprā puse"),
        ("weakness", "Vājās puses", "Novecojis dzīvojamais fonds"),
        ("opportunity", "Iespējas", "ES fondu finansējums"),
        ("threat", "Draudi", "Iedzīvotāju aizplūšana"),
    ]
    for part, (kind, heading, item) in zip(parts, expected, strict=True):
        assert f'class="{kind}"' in part and f">{heading}</h3>" in part and item in part


@pytest.mark.parametrize("huge", ["99999999999999999999", "32768", "0"])
def test_out_of_range_numbers_are_404_not_500(client, huge):
    redaction = RedactionFactory(number=1)
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    programme = redaction.programme
    base = f"/lv/programmes/{programme.municipality.slug}/{programme.slug}/redactions/"
    assert client.get(f"{base}1/").status_code == 200
    for path in (f"{huge}/", f"1/compare/{huge}/", f"{huge}/compare/1/"):
        assert client.get(base + path).status_code == 404, path


def test_municipality_page_shows_the_coat_of_arms(client, demo_data):
    from programmes.models import Municipality

    Municipality.objects.filter(slug="livani").update(coat_of_arms="municipalities/livani.png")
    text = client.get(reverse("programmes:municipality", args=["livani"])).text
    assert 'src="/media/municipalities/livani.png"' in text or "municipalities/livani.png" in text
    assert "Līvānu novads" in text


def test_programme_page_explains_how_progress_is_averaged(client, demo_data):
    url = reverse("programmes:programme", args=LIVANI).replace("/lv/", "/en/")
    text = client.get(url).text
    assert "each child counts the same" in text
    assert "Steering group" in text and "1-12/38" in text


def test_programme_page_rolls_up_progress_as_the_redaction_page_does(client):
    """The programme page has the database average each task's actions; the redaction page
    averages the actions it fetched. Both must show the same figures, halves included."""
    redaction = RedactionFactory(number=1)
    task = TaskFactory(action_line__priority__redaction=redaction)
    for progress in (10, 25, 41):  # 25.33 → 25
        ActionFactory(task=task, progress=progress)
    halves = TaskFactory(action_line=task.action_line)
    for progress in (2, 5):  # 3.5 → 4, rounded as Python rounds
        ActionFactory(task=halves, progress=progress)
    TaskFactory(action_line=task.action_line)  # no actions: no data, not a zero
    _publish(redaction)
    programme = redaction.programme
    page = client.get(programme.get_absolute_url()).text
    expected = round((25 + 4) / 2)  # the action line's, and so its priority's
    assert f"<span>{expected}&nbsp;%</span>" in page
    tree = client.get(redaction.get_absolute_url()).text
    assert f"<span>{expected}&nbsp;%</span>" in tree


def test_redaction_page_counts_the_action_plan_by_status(client, demo_data):
    from collections import Counter

    from programmes.models import Action

    redaction = Redaction.objects.get(programme__slug=LIVANI[1], number=2)
    actions = Action.objects.filter(task__action_line__priority__redaction=redaction)
    expected = Counter(actions.values_list("status", flat=True))
    assert len(expected) > 1, "the demo's action plan has actions in several statuses"
    summary = client.get(redaction.get_absolute_url()).context["action_plan_summary"]
    assert summary.actions == actions.count()
    assert {value: count for value, _label, count in summary.statuses} == expected
    assert (
        summary.tasks
        == redaction.priorities.values("action_lines__tasks")
        .exclude(action_lines__tasks=None)
        .count()
    )
