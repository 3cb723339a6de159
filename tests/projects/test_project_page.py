"""The public project page: key facts, partners by country, activities, news, decision."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programmes.models import Redaction
from projects.models import Activity, CouncilDecision
from tests.factories import (
    ActionLineFactory,
    InvestmentItemFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
)

from .factories import (
    ActivityFactory,
    NewsFactory,
    NewsPhotoFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(municipality):
    decision = CouncilDecision.objects.create(
        municipality=municipality,
        number="228",
        date=datetime.date(2013, 6, 11),
        protocol_number="14",
        paragraph="15",
    )
    project = ProjectFactory(
        title="Pilsētu sadarbība",
        slug="cities-of-change",
        municipality=municipality,
        total_cost=Decimal("99000"),
        eu_funding=Decimal("99000"),
        co_financing=Decimal("0"),
        council_decision=decision,
    )
    countries = ["PL", "LV", "IT", "IT", "IT", "IE", "NL", "NL", "LT", "ES", "FR", "GB", "DE", "RO"]
    for i, country in enumerate(countries):
        PartnershipFactory(
            project=project,
            organisation=OrganisationFactory(country=country, name=f"Partneris {i}"),
            role="lead" if i == 0 else "partner",
        )
    return project


def test_key_facts_and_partner_counts(client, project):
    html = client.get(project.get_absolute_url()).text
    assert "14 partneri no 11 valstīm" in html
    assert "99\xa0000,00\xa0€" in html
    assert "100\xa0%" in html
    assert "2013. gada 11. jūnijs" in html
    assert "Partneris 0" in html
    assert "Šī informācija ir veidota ar Eiropas Savienības" in html
    assert f'href="/lv/projects/{project.slug}/feed/"' in html


def test_english_page_counts_partners_from_data(client, project):
    html = client.get(f"/en/projects/{project.slug}/").text
    assert "14 partners from 11 countries" in html


def test_activities_and_news_and_action_lines_are_shown(client, project):
    ActivityFactory(project=project, title="Konference Poznaņā", participants=30, certificates=0)
    post = NewsFactory(project=project, municipality=project.municipality, title="Par konferenci")
    NewsFactory(
        project=project, municipality=project.municipality, title="Melnraksts", is_published=False
    )
    programme = ProgrammeFactory(municipality=project.municipality)
    redaction = RedactionFactory(programme=programme, number=1)
    line = ActionLineFactory(
        priority=PriorityFactory(redaction=redaction),
        code="RV4.2",
        title="Starptautiskā sadarbība",
    )
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    project.action_lines.add(line)
    html = client.get(project.get_absolute_url()).text
    assert "Konference Poznaņā" in html
    assert post.title in html and "Melnraksts" not in html
    assert "RV4.2" in html and "Starptautiskā sadarbība" in html


def test_unpublished_project_is_404(client, project):
    project.is_published = False
    project.save()
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get(f"/lv/projects/{project.slug}/feed/").status_code == 404


def test_period_elapsed():
    project = ProjectFactory.build(
        planned_start=datetime.date(2013, 6, 1), planned_end=datetime.date(2015, 4, 30)
    )
    assert project.period_elapsed(datetime.date(2013, 1, 1)) == 0
    assert project.period_elapsed(datetime.date(2016, 1, 1)) == 100
    assert 40 < project.period_elapsed(datetime.date(2014, 5, 15)) < 60


def _add_content(project, n):
    """n more of everything the page lists: partners, activities, news with photos, and
    action lines and investment items of an approved redaction of the project's programme."""
    programme = ProgrammeFactory(municipality=project.municipality)
    redaction = RedactionFactory(programme=programme, number=1)
    priority = PriorityFactory(redaction=redaction)
    lines, items = [], []
    for i in range(n):
        ActivityFactory(project=project, kind=Activity.Kind.SEMINAR)
        PartnershipFactory(project=project, organisation=OrganisationFactory(country="IT"))
        post = NewsFactory(
            project=project,
            municipality=project.municipality,
            published_at=timezone.now() - datetime.timedelta(hours=i + 1),
        )
        NewsPhotoFactory(news=post)
        NewsPhotoFactory(news=post)
        line = ActionLineFactory(priority=priority, code=f"RV{n}.{i + 1}")
        lines.append(line)
        items.append(InvestmentItemFactory(action_line=line, code=f"I{n}.{i + 1}"))
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    project.action_lines.add(*lines)
    project.investment_items.add(*items)


def _shown(html, project):
    """How many of each list the page shows: the added data is really on it."""
    return {
        "partners": html.count("<li>Organizācija"),
        "activities": html.count('<h3 lang="lv">Konference'),
        "news": sum(html.count(post.title) > 0 for post in project.news.all()),
        "action lines": html.count("#rv"),
        "investment items": html.count('/investment-plan/"'),
    }


def test_project_page_query_count_does_not_grow(client, project, django_assert_max_num_queries):
    _add_content(project, 2)
    url = project.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        html = client.get(url).text
    assert _shown(html, project) == {
        "partners": 2,
        "activities": 2,
        "news": 2,
        "action lines": 2,
        "investment items": 2,
    }
    _add_content(project, 3)
    # project with fund, municipality, decision, programme; partnerships with organisations;
    # activities; action lines with their redaction; investment items with theirs; news;
    # news photos
    with django_assert_max_num_queries(7):
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        html = client.get(url).text
    assert len(second.captured_queries) == len(first.captured_queries)
    assert _shown(html, project) == {
        "partners": 5,
        "activities": 5,
        "news": 5,
        "action lines": 5,
        "investment items": 5,
    }


def test_home_lists_running_projects_first_then_upcoming_then_finished(client, municipality):
    status = ProjectFactory._meta.model.Status
    ProjectFactory(
        title="Pabeigtais",
        status=status.COMPLETED,
        municipality=municipality,
        planned_start=datetime.date(2020, 1, 1),
        planned_end=datetime.date(2021, 1, 1),
    )
    ProjectFactory(
        title="Īstenojamais",
        status=status.IN_PROGRESS,
        municipality=municipality,
        planned_start=datetime.date(2012, 1, 1),
    )
    ProjectFactory(
        title="Plānotais",
        status=status.PLANNED,
        municipality=municipality,
        planned_start=datetime.date(2027, 1, 1),
        planned_end=datetime.date(2028, 1, 1),
    )
    ProjectFactory(title="Slēptais", is_published=False, municipality=municipality)
    html = client.get("/lv/").text
    positions = [html.index(title) for title in ("Īstenojamais", "Plānotais", "Pabeigtais")]
    assert positions == sorted(positions)
    assert "Tiek īstenots" in html and "Pabeigts" in html
    assert "Slēptais" not in html


def test_home_says_when_no_project_is_running(client, municipality):
    status = ProjectFactory._meta.model.Status
    ProjectFactory(title="Pabeigtais", status=status.COMPLETED, municipality=municipality)
    html = client.get("/lv/").text
    assert "Pabeigtais" in html
    assert "Šobrīd netiek īstenots neviens projekts. Jaunākie projekti:" in html
    english = client.get("/en/").text
    assert "No project is being carried out at the moment. The latest projects:" in english
    ProjectFactory(title="Īstenojamais", status=status.IN_PROGRESS, municipality=municipality)
    assert "Šobrīd netiek īstenots" not in client.get("/lv/").text


def test_council_decision_is_shown_with_number_date_protocol_and_paragraph(client, project):
    html = client.get(f"/lv/projects/{project.slug}/").text
    assert "<dt>Lēmuma Nr.</dt><dd>228</dd>" in html
    assert '<time datetime="2013-06-11">2013. gada 11. jūnijs</time>' in html
    assert "<dt>Protokola Nr.</dt><dd>14, 15. §</dd>" in html
    english = client.get(f"/en/projects/{project.slug}/").text
    assert "<dt>Decision No.</dt><dd>228</dd>" in english
    assert "<dt>Protocol No.</dt><dd>14, § 15</dd>" in english
    assert "11 June 2013" in english


def test_key_facts_say_how_much_of_the_period_has_passed(client, municipality):
    today = timezone.localdate()
    project = ProjectFactory(
        municipality=municipality,
        planned_start=today - datetime.timedelta(days=100),
        planned_end=today + datetime.timedelta(days=100),
    )
    html = client.get(f"/lv/projects/{project.slug}/").text
    assert '<progress id="period-progress" max="100" value="50"' in html
    assert "pagājuši 50\xa0% no perioda" in html
    english = client.get(f"/en/projects/{project.slug}/").text
    assert "50\xa0% of the period has passed" in english


def test_publicity_statement_shows_with_the_fund_emblem(client, project):
    from portal.demo.pictures import emblem_png

    fund = project.funding_programme
    fund.emblem_alt = "Eiropas Savienības karogs"
    fund.emblem.save("es.png", ContentFile(emblem_png()), save=True)
    html = client.get(f"/lv/projects/{project.slug}/").text
    assert f'<img src="{fund.emblem.url}" alt="Eiropas Savienības karogs" lang="lv">' in html
    assert "Eiropas Sociālā fonda finansiālu atbalstu" in html


def test_fund_emblem_needs_a_text_alternative(project):
    from django.core.exceptions import ValidationError

    from portal.demo.pictures import emblem_png

    fund = project.funding_programme
    fund.emblem = SimpleUploadedFile("es.png", emblem_png(), content_type="image/png")
    fund.emblem_alt = ""
    with pytest.raises(ValidationError) as caught:
        fund.full_clean()
    assert "emblem_alt" in caught.value.message_dict


def test_action_lines_and_investment_items_link_to_the_programme(client, project):
    programme = ProgrammeFactory(municipality=project.municipality, slug="ap-2014-2020")
    redaction = RedactionFactory(programme=programme, number=1)
    line = ActionLineFactory(priority=PriorityFactory(redaction=redaction), code="RV4.2")
    item = InvestmentItemFactory(action_line=line, code="I4.2.1", title="Sadarbības tīkls")
    draft_line = ActionLineFactory(code="RV9.9", title="Melnraksta virziens")
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    project.action_lines.add(line, draft_line)
    project.investment_items.add(item)
    html = client.get(f"/lv/projects/{project.slug}/").text
    redaction_url = f"/lv/programmes/{project.municipality.slug}/ap-2014-2020/redactions/1/"
    assert f'<a href="{redaction_url}#rv42"><span class="code">RV4.2</span>' in html
    plan_url = f"{redaction_url}investment-plan/"
    assert f'<a href="{plan_url}"><span class="code">I4.2.1</span>' in html
    assert "Melnraksta virziens" not in html
    # The anchor is there on the programme's page, and the item on its investment plan's.
    assert 'id="rv42"' in client.get(redaction_url).text
    assert "Sadarbības tīkls" in client.get(plan_url).text


def test_project_page_offers_its_news_feed(client, project):
    html = client.get(f"/lv/projects/{project.slug}/").text
    feed = f"/lv/projects/{project.slug}/feed/"
    assert (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="Projekta „{project.title}” jaunumi" href="{feed}">'
    ) in html
    assert f'<a href="{feed}">' in html


def test_english_page_names_partners_in_english_where_known(client, project):
    lead = project.lead_partnership.organisation
    lead.name, lead.name_en = "Poznaņas pašvaldība", "City of Poznań"
    lead.save()
    english = client.get(f"/en/projects/{project.slug}/").text
    assert "City of Poznań, Poland" in english
    latvian = client.get(f"/lv/projects/{project.slug}/").text
    assert "Poznaņas pašvaldība, Polija" in latvian


def test_english_page_interface_is_english(client, project):
    ActivityFactory(project=project, participants=30, certificates=20)
    html = client.get(f"/en/projects/{project.slug}/").text
    for text in [
        "Key facts",
        "Agreement No.",
        "Total cost",
        "€99,000.00",
        "EU funding",
        "Lead partner",
        "Partners",
        "Activity log",
        "30 participants, 20 certificates issued",
        "Council decision",
        "News of the project",
        "In progress",
        "Poland",
    ]:
        assert text in html, text
    for latvian in [">Galvenie fakti<", ">Partneri<", "Aktivitāšu žurnāls", "Polija", "dalībnieki"]:
        assert latvian not in html, latvian


def test_future_news_is_not_on_the_project_page(client, project):
    NewsFactory(
        project=project,
        municipality=project.municipality,
        title="Rītdienas ziņa",
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert "Rītdienas ziņa" not in client.get(f"/lv/projects/{project.slug}/").text


@pytest.mark.parametrize(
    "dates, latvian, english",
    [
        (
            {"planned_start": datetime.date(2012, 4, 1), "planned_end": None},
            "no 2012. gada aprīļa",
            "from April 2012",
        ),
        (
            {"planned_start": None, "planned_end": datetime.date(2014, 6, 30)},
            "līdz 2014. gada jūnijam",
            "until June 2014",
        ),
    ],
    ids=["start-only", "end-only"],
)
def test_open_period_reads_as_a_sentence(client, municipality, dates, latvian, english):
    project = ProjectFactory(municipality=municipality, **dates)
    for url in (project.get_absolute_url(), "/lv/projects/"):
        html = client.get(url).text
        assert latvian in html, url
        assert "g. aprīlis" not in html and "g. jūnijs" not in html
    for url in (f"/en/projects/{project.slug}/", "/en/projects/"):
        assert english in client.get(url).text, url


def test_notes_and_the_projects_publicity_line_are_public(client, project):
    project.description = "Izmaksas avotā norādītas latos: LVL 25 000."
    project.publicity_note = "Par informācijas saturu atbild Daugavpils pilsētas dome."
    project.save()
    html = client.get(project.get_absolute_url()).text
    assert '<h2 id="notes-heading">Piezīmes</h2>' in html
    assert "Izmaksas avotā norādītas latos: LVL 25 000." in html
    assert (
        "Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu "
        "atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome.</p>"
    ) in html
    english = client.get(f"/en/projects/{project.slug}/").text
    assert '<h2 id="notes-heading">Notes</h2>' in english


def test_key_facts_show_programme_measure_and_sub_activity_once_each(client, project):
    fund = project.funding_programme
    fund.name = "ESF 1.5.2.2.3"
    fund.operational_programme = "Darbības programma „Cilvēkresursi un nodarbinātība”"
    fund.measure = "1.5. prioritāte"
    fund.sub_activity = "1.5.2.2.3. apakšaktivitāte"
    fund.save()
    html = client.get(project.get_absolute_url()).text
    assert (
        '<dt>Darbības programma</dt><dd lang="lv">Darbības programma „Cilvēkresursi un '
        "nodarbinātība”</dd>"
    ) in html
    assert (
        '<dt>Pasākums / apakšaktivitāte</dt><dd lang="lv">1.5. prioritāte</dd>'
        '<dd lang="lv">1.5.2.2.3. apakšaktivitāte</dd>'
    ) in html
    assert html.count("1.5.2.2.3. apakšaktivitāte") == 1
    english = client.get(f"/en/projects/{project.slug}/").text
    assert "<dt>Operational programme</dt>" in english
    assert "<dt>Measure / sub-activity</dt>" in english
