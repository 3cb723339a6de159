"""The site shell in a real Chromium: keyboard use, language switch, accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import MunicipalityFactory, ProgrammeFactory, RedactionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_home_page_is_accessible_and_keyboard_usable(live_server, page):
    municipality = MunicipalityFactory(name="Daugavpils", slug="daugavpils")
    programme = ProgrammeFactory(municipality=municipality, title="Daugavpils programma")
    RedactionFactory(programme=programme, number=1, status="public_discussion")

    page.goto(f"{live_server.url}/lv/")
    assert page.locator("html").get_attribute("lang") == "lv"
    assert serious_violations(page) == []

    # The first Tab lands on the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Pāriet uz saturu")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")

    page.get_by_role("link", name="Daugavpils programma").first.wait_for()
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1


def test_search_from_the_header_finds_without_diacritics(live_server, page):
    municipality = MunicipalityFactory(name="Līvānu novads", slug="livani")
    ProgrammeFactory(municipality=municipality, title="Līvānu novada attīstības programma")

    page.goto(f"{live_server.url}/lv/")
    page.get_by_label("Meklēt portālā").fill("livanu")
    page.get_by_label("Meklēt portālā").press("Enter")
    page.get_by_role("link", name="Līvānu novada attīstības programma").wait_for()
    assert serious_violations(page) == []


def test_a_fact_with_two_values_keeps_both_beside_its_term(live_server, page):
    """The key-facts list is a two-column grid: a term with two values (a measure and its
    sub-activity) must not push the following terms into the values' column."""
    from tests.projects.factories import FundingProgrammeFactory, ProjectFactory

    funding = FundingProgrammeFactory(
        name="Eiropa pilsoņiem",
        measure="1. aktivitāte „Aktīvi iedzīvotāji Eiropai”",
        sub_activity="1.2. apakšaktivitāte „Sadraudzības pilsētu tematiskais tīklojums”",
    )
    ProjectFactory(title="Pārmaiņu pilsētas", slug="cities-of-change", funding_programme=funding)

    page.goto(f"{live_server.url}/lv/projects/cities-of-change/")
    facts = page.locator("dl.facts")
    terms_x = {round(box["x"]) for box in facts.locator("dt").evaluate_all(BOXES)}
    values_x = {round(box["x"]) for box in facts.locator("dd").evaluate_all(BOXES)}
    assert len(terms_x) == 1 and len(values_x) == 1
    assert terms_x.pop() < values_x.pop() - 50


BOXES = "els => els.map(el => el.getBoundingClientRect().toJSON())"


def test_monitoring_page_is_accessible(live_server, page):
    from programmes.models import Redaction
    from tests.factories import full_redaction

    redaction = full_redaction(municipality=MunicipalityFactory(name="Daugavpils"))
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("approved")
    programme = redaction.programme

    page.goto(f"{live_server.url}{programme.get_absolute_url()}")
    page.get_by_role("link", name="Uzraudzība: rīcības pēc izpildes statusa").click()
    page.get_by_role("heading", name="Rādītāji pa gadiem", exact=True).wait_for()
    assert serious_violations(page) == []


def test_a_resident_subscribes_from_the_consultations_page(live_server, page, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core import mail

    MunicipalityFactory(name="Līvānu novads")

    page.goto(f"{live_server.url}/lv/consultations/")
    page.get_by_role("link", name="Saņemt e-pastu, kad izsludina sabiedrisko apspriešanu").click()
    assert serious_violations(page) == []
    page.get_by_label("Pašvaldība:").select_option(label="Līvānu novads")
    page.get_by_label("Jūsu e-pasta adrese").fill("iedzivotajs@example.lv")
    page.get_by_label("Piekrītu", exact=False).check()
    page.get_by_role("button", name="Pieteikties").click()
    page.get_by_text("Gandrīz gatavs").wait_for()
    assert [m.to for m in mail.outbox] == [["iedzivotajs@example.lv"]]


def test_a_resident_finds_everything_about_their_municipality(live_server, page):
    """From the home page to the municipality's page (its projects, news, consultations),
    then to all its news, and the news list's municipality choice: accessible throughout."""
    from tests.projects.factories import NewsFactory, ProjectFactory

    town = MunicipalityFactory(name="Rēzekne", slug="rezekne")
    other = MunicipalityFactory(name="Ludza", slug="ludza")
    programme = ProgrammeFactory(municipality=town, title="Rēzeknes programma")
    RedactionFactory(programme=programme, number=1, status="approved")
    ProjectFactory(municipality=town, title="Rēzeknes ielu pārbūve")
    NewsFactory(municipality=town, title="Rēzeknē atklāj skvēru")
    NewsFactory(municipality=other, title="Ludzā atklāj parku")

    page.goto(f"{live_server.url}/lv/")
    page.get_by_role("navigation", name="Galvenā navigācija").get_by_role(
        "link", name="Programmas"
    ).click()
    page.get_by_role("link", name="Rēzekne", exact=True).click()
    page.get_by_role("heading", name="Rēzekne", level=1).wait_for()
    assert page.get_by_role("link", name="Rēzeknes ielu pārbūve").count() == 1
    assert serious_violations(page) == []

    page.get_by_role("link", name="Visi pašvaldības jaunumi").click()
    page.get_by_role("link", name="Rēzeknē atklāj skvēru").wait_for()
    assert page.get_by_role("link", name="Ludzā atklāj parku").count() == 0
    assert serious_violations(page) == []

    page.get_by_label("Pašvaldība", exact=True).select_option("ludza")
    page.get_by_role("button", name="Rādīt").press("Enter")
    page.get_by_role("link", name="Ludzā atklāj parku").wait_for()
    assert page.url.endswith("/lv/news/?municipality=ludza")
