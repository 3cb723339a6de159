"""Django admin's own words in Latvian that read right for every model.

Django's Latvian catalogue puts a model's name in the nominative where Latvian needs
another case ("Pievienot redakcija", "Pēc statuss") and orders its plural forms wrongly;
locale_overrides/ holds the portal's wording, and these pages show it."""

import pytest

from tests.factories import ProgrammeFactory, RedactionFactory

pytestmark = pytest.mark.django_db


def test_changelist_and_add_page_name_the_model_after_a_colon(client, planner, municipality):
    RedactionFactory(programme=ProgrammeFactory(municipality=municipality))
    client.force_login(planner)

    changelist = client.get("/lv/admin/programmes/redaction/").content.decode()
    assert "Izvēlieties, ko labot: redakcija" in changelist
    assert "Pievienot: redakcija" in changelist
    assert "Filtrs: statuss" in changelist
    assert "Pievienot redakcija" not in changelist

    add_page = client.get("/lv/admin/programmes/redaction/add/").content.decode()
    assert "<title>Pievienot: redakcija |" in add_page


def test_search_result_count_uses_the_right_latvian_plural(client, planner, municipality):
    RedactionFactory(programme=ProgrammeFactory(municipality=municipality, title="Ūdens plāns"))
    RedactionFactory(programme=ProgrammeFactory(municipality=municipality, title="Ceļi"))
    client.force_login(planner)
    page = client.get("/lv/admin/programmes/redaction/", {"q": "plāns"}).content.decode()
    assert "1 rezultāts" in page
    assert "1 iznākumu" not in page


def test_english_admin_keeps_djangos_wording(client, planner, municipality):
    client.force_login(planner)
    page = client.get("/en/admin/programmes/redaction/").content.decode()
    assert "Select redaction to change" in page
