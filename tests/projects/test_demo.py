"""The demo projects and news from the seeds load, carry the seed facts, and do not double."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest

from portal.models import News, NewsPhoto
from projects.models import Activity, Organisation, Partnership, Project
from tests.demo import load_demo

pytestmark = pytest.mark.django_db

MODELS = [Project, Partnership, Activity, Organisation, News, NewsPhoto]


def test_loading_twice_doubles_nothing(demo):
    counts = {model: model.objects.count() for model in MODELS}
    load_demo()
    assert {model: model.objects.count() for model in MODELS} == counts


def test_esf_capacity_project_from_seed_002(demo):
    project = Project.objects.get(agreement_number="1DP/1.5.2.2.3/11/APIA/SIF/110/71")
    assert project.actual_start == datetime.date(2012, 4, 1)
    # The seed (autumn 2012) reports it under way and gives no end. A 2007–2013 ESF project
    # is not "in progress" years later: completed, with a planned end the notes call
    # illustrative; no actual end or cost is made up.
    assert project.status == Project.Status.COMPLETED
    assert project.planned_end == datetime.date(2013, 12, 31)
    assert (project.actual_end, project.total_cost) == (None, None)
    assert "ilustratīvas" in project.description
    project.full_clean()
    assert project.eu_share == Decimal("100.00")
    assert project.funding_programme.fund == "esf"
    assert "Latgales plānošanas reģions" in [
        p.organisation.name for p in project.partnerships.all()
    ]
    courses = project.activities.filter(kind=Activity.Kind.TRAINING)
    assert sorted((a.participants, a.certificates) for a in courses) == [(7, None), (20, 20)]
    # The seed does not say where the courses were held.
    assert {a.place for a in courses} == {""}
    assert {a.place for a in project.activities.filter(kind="study_visit")} == {
        "Rēzekne",
        "Valmiera",
    }
    valmiera = project.activities.get(place="Valmiera")
    for sight in [
        "Valmieras vecpilsēta – muzeja restaurētās ēkas",
        "piestātne Gaujas krastā",
        "garšvielu dārziņš",
        "Gaujas tramvajs",
        "Valmieras teātris",
        "Valmieras biznesa inkubators",
        "Valmieras sākumskolas ēka",
    ]:
        assert sight in valmiera.description, sight
    assert valmiera.outcomes == "Īpašu uzmanību ieguva Biznesa inkubatora veiksmes stāsti."
    change = project.activities.get(kind=Activity.Kind.AMENDMENT)
    assert change.title == "Izmaiņas projekta laika grafikā"
    assert (
        "Tomēr ir bijusi nepieciešamība arī veikt dažas izmaiņas projekta norises ietvaros, "
        "piemēram, laika grafikā."
    ) in change.description
    # Dated by the month of the seed's news post, shown as a month only.
    assert (change.start_date, change.month_only) == (datetime.date(2012, 10, 1), True)
    assert News.objects.get(
        slug="esf-kapacitates-projekta-aktivitates-2012"
    ).published_at.date() == (change.start_date)


def test_no_demo_project_of_2012_to_2015_is_shown_as_running(demo, client):
    assert not Project.objects.running().exists()
    assert "badge-in_progress" not in client.get("/lv/projects/").text
    # Active in 2026: none of them (a project known only by its start would be).
    assert client.get("/lv/projects/", {"year": 2026}).context["page"].paginator.count == 0
    # Nor before they began: seed 000's project, known by its end, from its first activity.
    assert client.get("/lv/projects/", {"year": 2005}).context["page"].paginator.count == 0
    assert client.get("/lv/projects/", {"year": 2012}).context["page"].paginator.count == 2
    home = client.get("/lv/").text
    assert "badge-in_progress" not in home
    assert "Šobrīd netiek īstenots neviens projekts." in home


def test_esf_capacity_page_shows_the_seeds_publicity_and_programme_once(demo, client):
    html = client.get("/lv/projects/esf-kapacitate-projektu-ieviesanai/").text
    assert (
        "Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu "
        "atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome."
    ) in html
    assert "<dt>Fonds</dt><dd>Eiropas Sociālais fonds (ESF)</dd>" in html
    assert (
        '<dt>Darbības programma</dt><dd lang="lv">Darbības programma „Cilvēkresursi un '
        "nodarbinātība” (2007–2013)</dd>"
    ) in html
    assert '<dd lang="lv">1.5. prioritāte „Administratīvās kapacitātes stiprināšana”</dd>' in html
    assert html.count("1.5.2.2.3. apakšaktivitāte") == 1
    # Started as the seed says; the end is the illustrative one, which the notes explain.
    assert "2012. g. aprīlis – 2013. g. decembris" in html
    assert "badge-completed" in html and "badge-in_progress" not in html
    assert "Plānotās beigas (2013. gada decembris) šajos demonstrācijas datos ir ilustratīvas" in (
        html
    )


def test_cities_of_change_from_seeds_003_and_004(demo, client):
    project = Project.objects.get(slug="cities-of-change")
    assert (project.partner_count, project.country_count) == (14, 11)
    # Seed 003: Latvia, Italy (3), Ireland, the Netherlands (2), Lithuania, Spain, France,
    # the United Kingdom, Germany, Romania, and the lead partner in Poland.
    by_country = Counter(p.organisation.country.code for p in project.partnerships.all())
    assert by_country == {
        "PL": 1,
        "LV": 1,
        "IT": 3,
        "IE": 1,
        "NL": 2,
        "LT": 1,
        "ES": 1,
        "FR": 1,
        "GB": 1,
        "DE": 1,
        "RO": 1,
    }
    assert project.lead_partnership.organisation.city == "Poznań"
    # Named only where a seed names them; the others by their country, no city invented.
    named = {
        p.organisation.name
        for p in project.partnerships.all()
        if not p.organisation.name.startswith("Partnerpašvaldība")
    }
    assert named == {
        "Poznaņas pašvaldība",
        "Daugavpils pilsētas dome",
        "Hāgas pašvaldība",
        "Klaipēdas pašvaldība",
    }
    unnamed = [
        p.organisation for p in project.partnerships.all() if p.organisation.name not in named
    ]
    assert {o.city for o in unnamed} == {""}
    assert sorted(o.name for o in unnamed if o.country.code == "IT") == [
        "Partnerpašvaldība Nr. 1 (Itālija)",
        "Partnerpašvaldība Nr. 2 (Itālija)",
        "Partnerpašvaldība Nr. 3 (Itālija)",
    ]
    assert "Partnerpašvaldība (Īrija)" in {o.name for o in unnamed}
    # Europe for Citizens, 1. aktivitāte, 1.2. apakšaktivitāte (seeds 003 and 004).
    fund = project.funding_programme
    assert fund.fund == "efc"
    assert fund.measure == "1. aktivitāte „Aktīvi iedzīvotāji Eiropai”"
    assert fund.sub_activity == "1.2. apakšaktivitāte „Sadraudzības pilsētu tematiskais tīklojums”"
    assert project.total_cost == Decimal("99000.00") and project.eu_share == 100
    assert (project.planned_start, project.planned_end) == (
        datetime.date(2013, 6, 1),
        datetime.date(2015, 4, 30),
    )
    # Seed 003 gives the planned period only.
    assert (project.actual_start, project.actual_end) == (None, None)
    assert project.status == Project.Status.COMPLETED
    decision = project.council_decision
    assert (decision.number, decision.date, decision.protocol_number, decision.paragraph) == (
        "228",
        datetime.date(2013, 6, 11),
        "14",
        "15",
    )
    conference = project.activities.get(kind="conference")
    assert (conference.start_date, conference.end_date) == (
        datetime.date(2013, 11, 13),
        datetime.date(2013, 11, 14),
    )
    assert (
        "projekta trim komponentiem: stratēģiskā uzraudzība, publiskās konsultācijas un dzīves "
        "līmeņa rādītāju analīze"
    ) in conference.description
    assert "„Publiskās konsultācijas – veids kā būt tuvāk pilsētas iedzīvotājiem”" in (
        conference.description
    )
    html = client.get(project.get_absolute_url()).text
    assert '<dd lang="lv">1. aktivitāte „Aktīvi iedzīvotāji Eiropai”</dd>' in html
    assert (
        '<dd lang="lv">1.2. apakšaktivitāte „Sadraudzības pilsētu tematiskais tīklojums”</dd>'
    ) in html
    assert "1. darbība" not in html and "apakšpasākums" not in html
    assert "<li>Partnerpašvaldība (Īrija)</li>" in html
    assert "14 partneri no 11 valstīm" in html
    assert "<strong>Itālija</strong> (3)" in html and "<strong>Nīderlande</strong> (2)" in html
    assert "2013. gada 11. jūnijs" in html
    assert "<dt>Protokola Nr.</dt><dd>14, 15. §</dd>" in html
    assert "Poznaņas pašvaldība, Polija" in html
    assert "Projekts tiek īstenots ar Eiropas Komisijas finansiālu atbalstu." in html


def test_planning_project_from_seed_000_funds_the_programme(demo, client):
    project = Project.objects.get(agreement_number="1DP/1.5.3.2.0/10/APIA/VRAA/047/042")
    assert project.total_cost == Decimal("35571.80")
    # "Projektu plānots pabeigt 2014. gada 30. jūnijā": a planned end, which has passed.
    assert (project.planned_end, project.actual_end) == (datetime.date(2014, 6, 30), None)
    assert project.status == Project.Status.COMPLETED
    assert "LVL 25 000" in project.description and "0,702804" in project.description
    assert project.funds_programme.slug == "ap-2014-2020"
    html = client.get(project.get_absolute_url()).text
    assert "līdz 2014. gada jūnijam" in html and "Slēgts" not in html
    # The euro amount is shown as a conversion from the seed's lats, not as a source figure.
    assert '<h2 id="notes-heading">Piezīmes</h2>' in html
    assert (
        "Plānotās kopējās izmaksas avotā norādītas latos: LVL 25 000. Eiro tās pārrēķinātas pēc "
        "oficiālā kursa 0,702804 LVL par 1 EUR: 35 571,80 EUR."
    ) in html
    assert "Daugavpils" not in {a.place for a in project.activities.all()}


def test_loading_again_removes_partner_names_an_older_demo_made_up(demo):
    from portal.demo.projects import INVENTED_PARTNERS

    project = Project.objects.get(slug="cities-of-change")
    name, country = INVENTED_PARTNERS[0]
    invented = Organisation.objects.create(name=name, country=country, city="Bologna")
    Partnership.objects.create(project=project, organisation=invented)
    load_demo()
    assert not Organisation.objects.filter(name=name).exists()
    assert project.partnerships.count() == 14


def test_news_posts_have_generated_photos(demo, client):
    assert News.objects.published().count() == 4  # Daugavpils' three, Līvāni's one
    for photo in NewsPhoto.objects.all():
        assert photo.thumbnail_width == 400 and photo.large_width == 1200 and photo.alt_text
    assert client.get("/lv/news/parmainu-pilsetas-dalijas-pieredze/").status_code == 200


# Sentences of the seed news, as the posts must carry them (typography set right).
SEED_SENTENCES = {
    "uzsakts-darbs-pie-ap-1-redakcijas": [
        "Vadības grupas pamatuzdevums ir nodrošināt regulāru AP 1. redakcijas projekta "
        "izskatīšanu, precizējot un savlaicīgi novēršot potenciālas pretrunas.",
        "izvērtējot Latgales plānošanas reģiona ekonomikas profilu",
        "Projekta plānotās kopējās izmaksas – LVL 25 000.",
    ],
    "esf-kapacitates-projekta-aktivitates-2012": [
        "centās izstrādāt panākumu formulu projektu veiksmīgai vadībai",
        "Visi apskatītie objekti bija sajūsmas vērti un iedvesmoja jaunām idejām.",
        "Šie braucieni tiešām deva iespēju dalīties pieredzē un uzzināt daudz ko jaunu",
        "Šos kursus apgūst 7 Daugavpils pašvaldības projektu speciālisti.",
        "Tomēr ir bijusi nepieciešamība arī veikt dažas izmaiņas projekta norises ietvaros, "
        "piemēram, laika grafikā.",
        "www.latgale.lv, kur pieejams arī metodisko materiālu kopums un foto no projekta "
        "aktivitātēm.",
    ],
    "livanu-iap-izstrade-12-darba-grupas": [
        "ietvaros 19. un 20. martā norisinājās 7 tematiskās jeb sektorālās darba grupas",
        "(kopā 61 dalībnieks)",
        "Vēlamies pateikties ikvienam Līvānu novada iedzīvotājam par līdzdarbošanos",
    ],
    "parmainu-pilsetas-dalijas-pieredze": [
        "Pieredze par šiem komponentiem tika iegūta lekcijās, prezentācijās un sadarbojoties "
        "darba grupās.",
        "14 partneri no 11 valstīm: Polijas, Latvijas, Itālijas, Īrijas, Nīderlandes, Lietuvas, "
        "Spānijas, Francijas, Lielbritānijas, Vācijas un Rumānijas.",
        "– iegūti jauni starptautiski sadarbības kontakti starp projekta iesaistītajām pusēm un "
        "apspriestas turpmākas aktivitātes šī projekta ietvaros.",
    ],
}


def test_news_posts_carry_the_seed_texts(demo, client):
    for slug, sentences in SEED_SENTENCES.items():
        post = News.objects.get(slug=slug)
        for sentence in sentences:
            assert sentence in post.body, (slug, sentence)
    html = client.get("/lv/news/parmainu-pilsetas-dalijas-pieredze/").text
    # The list of outcomes keeps its lines.
    assert "apspriestas turpmākas aktivitātes šī projekta ietvaros." in html
    assert "plānošanas jomās;<br>– gūta pieredze par Hāgas" in html
