"""The demo projects and news from the seeds load, carry the seed facts, and do not double."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import call_command

from portal.models import News, NewsPhoto
from projects.models import Activity, Organisation, Partnership, Project

pytestmark = pytest.mark.django_db

MODELS = [Project, Partnership, Activity, Organisation, News, NewsPhoto]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_loading_twice_doubles_nothing(demo):
    counts = {model: model.objects.count() for model in MODELS}
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert {model: model.objects.count() for model in MODELS} == counts


def test_esf_capacity_project_from_seed_002(demo):
    project = Project.objects.get(agreement_number="1DP/1.5.2.2.3/11/APIA/SIF/110/71")
    assert project.actual_start == datetime.date(2012, 4, 1)
    assert project.eu_share == Decimal("100.00")
    assert project.funding_programme.fund == "esf"
    assert "Latgales plānošanas reģions" in [
        p.organisation.name for p in project.partnerships.all()
    ]
    courses = project.activities.filter(kind=Activity.Kind.TRAINING)
    assert sorted((a.participants, a.certificates) for a in courses) == [(7, None), (20, 20)]
    assert {a.place for a in project.activities.filter(kind="study_visit")} == {
        "Rēzekne",
        "Valmiera",
    }
    assert project.activities.filter(kind=Activity.Kind.AMENDMENT).exists()


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
    assert project.total_cost == Decimal("99000.00") and project.eu_share == 100
    assert (project.planned_start, project.planned_end) == (
        datetime.date(2013, 6, 1),
        datetime.date(2015, 4, 30),
    )
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
    html = client.get(project.get_absolute_url()).text
    assert "14 partneri no 11 valstīm" in html
    assert "<strong>Itālija</strong> (3)" in html and "<strong>Nīderlande</strong> (2)" in html
    assert "2013. gada 11. jūnijs" in html
    assert "<dt>Protokola Nr.</dt><dd>14, 15. §</dd>" in html
    assert "Poznaņas pašvaldība, Polija" in html
    assert "Projekts tiek īstenots ar Eiropas Komisijas finansiālu atbalstu." in html


def test_planning_project_from_seed_000_funds_the_programme(demo):
    project = Project.objects.get(agreement_number="1DP/1.5.3.2.0/10/APIA/VRAA/047/042")
    assert project.total_cost == Decimal("35571.80")
    assert project.planned_end == datetime.date(2014, 6, 30)
    assert "LVL 25 000" in project.description and "0,702804" in project.description
    assert project.funds_programme.slug == "ap-2014-2020"


def test_news_posts_have_generated_photos(demo, client):
    assert News.objects.published().count() == 3
    for photo in NewsPhoto.objects.all():
        assert photo.thumbnail_width == 400 and photo.large_width == 1200 and photo.alt_text
    assert client.get("/lv/news/parmainu-pilsetas-dalijas-pieredze/").status_code == 200
