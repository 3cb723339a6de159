"""The site shell: language prefixes, navigation, formats, deploy settings."""

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import MunicipalityFactory, ProgrammeFactory, RedactionFactory, pdf_upload
from tests.projects.factories import image_upload

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_root_redirects_to_latvian(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response.status_code == 302
    assert response["Location"] == "/lv/"


@pytest.mark.django_db
def test_home_is_latvian_by_default_and_english_under_en(client):
    latvian = client.get("/lv/").content.decode()
    assert '<html lang="lv">' in latvian
    assert "Pāriet uz saturu" in latvian
    assert "Programmas" in latvian
    english = client.get("/en/").content.decode()
    assert '<html lang="en">' in english
    assert "Skip to content" in english


@pytest.mark.django_db
def test_main_navigation_reaches_every_section(client):
    page = client.get("/lv/").content.decode()
    for url in ["/lv/programmes/", "/lv/projects/", "/lv/consultations/", "/lv/news/"]:
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_language_switch_keeps_the_page(client):
    page = client.get("/lv/projects/").content.decode()
    assert 'href="/en/projects/"' in page


@pytest.mark.django_db
def test_home_lists_municipalities_with_published_redactions_only(client):
    municipality = MunicipalityFactory(name="Rēzekne", slug="rezekne")
    programme = ProgrammeFactory(municipality=municipality, title="Rēzeknes programma")
    RedactionFactory(programme=programme, number=1, label="Pirmā redakcija", status="approved")
    # The newest redaction is a draft: the home page shows the newest *published* one.
    RedactionFactory(programme=programme, number=2, label="Slepens melnraksts")
    page = client.get("/lv/").content.decode()
    assert "Rēzekne" in page
    assert "Rēzeknes programma" in page
    assert "Apstiprināta</span> Pirmā redakcija" in page
    assert "Slepens melnraksts" not in page


@pytest.mark.django_db
def test_home_query_count_is_fixed(client, django_assert_max_num_queries):
    for _n in range(3):
        programme = ProgrammeFactory()
        RedactionFactory(programme=programme, status="approved")
    with django_assert_max_num_queries(12):
        client.get("/lv/")
    for _n in range(6):
        programme = ProgrammeFactory()
        RedactionFactory(programme=programme, status="approved")
    with django_assert_max_num_queries(12):
        client.get("/lv/")


def test_euro_format_is_latvian_in_latvian_and_english_in_english():
    template = Template("{% load formats %}{{ amount|euro }}")
    with translation.override("lv"):
        assert template.render(Context({"amount": Decimal("99000")})) == "99\xa0000,00\xa0€"
    with translation.override("en"):
        assert template.render(Context({"amount": Decimal("99000")})) == "€99,000.00"


def test_latvian_long_date_format():
    import datetime

    template = Template("{{ day|date }}")
    with translation.override("lv"):
        rendered = template.render(Context({"day": datetime.date(2013, 6, 11)}))
    assert rendered == "2013. gada 11. jūnijs"


@pytest.mark.django_db
def test_robots_txt_keeps_admin_out(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /lv/admin/" in body


def test_production_settings_pass_check_deploy():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "False",
        "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "portals.example.lv",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DEBUG": "False", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_sitemap_lists_published_redactions_in_both_languages_but_not_drafts(client):
    programme = ProgrammeFactory(slug="ap", municipality=MunicipalityFactory(slug="m"))
    RedactionFactory(programme=programme, number=1, status="approved")
    RedactionFactory(programme=programme, number=2)
    body = whole_sitemap(client)
    assert "/lv/programmes/m/ap/redactions/1/" in body
    assert "/en/programmes/m/ap/redactions/1/" in body
    assert "/redactions/2/" not in body
    assert "/lv/programmes/m/ap/monitoring/" in body


@pytest.mark.django_db
def test_sitemap_lists_public_projects_news_and_discussions_only(client):
    from tests.consultations.factories import PublicDiscussionFactory
    from tests.projects.factories import NewsFactory, ProjectFactory

    ProjectFactory(slug="redzams")
    ProjectFactory(slug="paslepts", is_published=False)
    NewsFactory(slug="publiska-zina")
    NewsFactory(slug="melnraksta-zina", is_published=False)
    public = PublicDiscussionFactory(slug="apspriesana")
    draft = PublicDiscussionFactory(slug="melnraksta-apspriesana", redaction=RedactionFactory())
    body = whole_sitemap(client)
    assert "/lv/projects/redzams/" in body and "/en/projects/redzams/" in body
    assert "/lv/news/publiska-zina/" in body
    assert public.get_absolute_url() == "/lv/consultations/apspriesana/"
    assert public.get_absolute_url() in body
    assert "paslepts" not in body
    assert "melnraksta-zina" not in body
    assert draft.redaction.status == "draft"
    assert "melnraksta-apspriesana" not in body


@pytest.mark.django_db
def test_uploaded_files_are_served_by_the_portal_itself(client):
    """Production (gunicorn, DEBUG off) has nothing else to serve redaction PDFs and photos."""
    redaction = RedactionFactory(document=pdf_upload("ap.pdf"), status="public_discussion")
    arms = MunicipalityFactory(coat_of_arms=image_upload("gerbonis.png", fmt="PNG"))
    pdf = client.get(redaction.document.url)
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    image = client.get(arms.coat_of_arms.url)
    assert image["Content-Type"] == "image/png"
    assert "default-src 'none'" in image["Content-Security-Policy"]
    assert client.get("/media/../settings.py").status_code == 404
    assert client.get("/media/redactions/missing.pdf").status_code == 404
    assert client.post(redaction.document.url).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/lv/", "/lv/news/", "/lv/search/?q=livani", "/lv/about/"])
def test_public_pages_answer_head_requests(client, url):
    """Link checkers and monitors ask with HEAD."""
    assert client.head(url).status_code == 200


@pytest.mark.django_db
def test_events_calendar_has_an_address_without_language_prefix(client):
    response = client.get("/events.ics", HTTP_ACCEPT_LANGUAGE="lv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "privacy", "accessibility"),
    [
        ("/lv/", "Personas dati", "Piekļūstamība"),
        ("/en/", "Personal data", "Accessibility"),
    ],
)
def test_every_page_links_the_privacy_notice_and_accessibility_statement(
    client, url, privacy, accessibility
):
    html = client.get(url).content.decode()
    about = url + "about/"
    assert f'<a href="{about}#privacy">{privacy}</a>' in html
    assert f'<a href="{about}#accessibility">{accessibility}</a>' in html


@pytest.mark.django_db
def test_about_page_says_who_processes_residents_data_and_how_accessible_it_is(client):
    html = client.get("/lv/about/").content.decode()
    assert 'id="privacy"' in html and 'id="accessibility"' in html
    assert "Pārzinis" in html
    assert "Jūsu vārds un e-pasta adrese netiek publicēti nekad." in html
    assert "Datu valsts inspekcijā" in html
    assert "WCAG) 2.1 AA līmenī" in html
    assert 'href="/lv/projects/projects.csv"' in html
    assert 'href="/lv/events.ics"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "heading"),
    [("/lv/nav-tadas-lapas/", "Lapa nav atrasta"), ("/en/no-such-page/", "Page not found")],
)
def test_missing_page_is_a_404_in_the_visitors_language_with_a_way_on(client, url, heading):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'role="search"' in html and "main-nav" in html


@pytest.mark.django_db
def test_form_sent_without_its_csrf_token_is_refused_with_a_latvian_explanation():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/lv/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Veidlapas derīgums ir beidzies" in html
    assert "Nekas netika saglabāts." in html


def test_server_error_page_stands_alone_in_both_languages():
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Kļūda serverī" in html and "Server error" in html


@pytest.mark.django_db
def test_public_pages_forbid_inline_scripts_and_other_sites(client):
    policy = client.get("/lv/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "geolocation=()" in client.get("/lv/")["Permissions-Policy"]


def whole_sitemap(client):
    """The sitemap index and every sitemap it lists, as one text."""
    import re

    index = client.get("/sitemap.xml").content.decode()
    texts = [index]
    for location in re.findall(r"<loc>([^<]+)</loc>", index):
        response = client.get(location.replace("&amp;", "&"))
        assert response.status_code == 200, location
        texts.append(response.getvalue().decode())
    return "\n".join(texts)
