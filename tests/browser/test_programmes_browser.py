"""A planner drafts the next redaction in admin; a visitor reads it and the comparison."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.demo import programmes as demo
from programmes.models import Priority, Redaction
from programmes.roles import PLANNER
from tests.factories import MunicipalityFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROGRAMME = "/lv/programmes/daugavpils/ap-2014-2020/"
NEW_TITLE = "Zināšanās balstīta un zaļa ekonomika"


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def run_action(page, live_server, redaction, action):
    """Select one redaction on the admin changelist and run an admin action on it."""
    page.goto(f"{live_server.url}/lv/admin/programmes/redaction/")
    page.locator(f'input[name="_selected_action"][value="{redaction.pk}"]').check()
    page.locator('select[name="action"]').select_option(action)
    page.locator('button[name="index"]').click()
    page.wait_for_load_state()


def test_planner_starts_next_redaction_and_visitor_sees_the_change(
    live_server, page, browser, roles
):
    demo.load()
    daugavpils = MunicipalityFactory(slug="daugavpils")
    UserFactory(username="helena", municipality=daugavpils, role=PLANNER)
    first = Redaction.objects.get(programme__slug="ap-2014-2020", number=1)

    page.goto(f"{live_server.url}/lv/admin/")
    page.locator("#id_username").fill("helena")
    page.locator("#id_password").fill("parole-123")
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()

    run_action(page, live_server, first, "start_next_redaction")
    second = Redaction.objects.get(programme__slug="ap-2014-2020", number=2)
    assert second.status == Redaction.Status.DRAFT
    assert second.copied_from_id == first.pk

    priority = Priority.objects.get(redaction=second, code="VTP1")
    page.goto(f"{live_server.url}/lv/admin/programmes/priority/{priority.pk}/change/")
    page.locator("#id_title").fill(NEW_TITLE)
    page.locator('input[name="_save"]').click()
    page.wait_for_load_state()
    priority.refresh_from_db()
    assert priority.title == NEW_TITLE

    run_action(page, live_server, second, "open_public_discussion")
    second.refresh_from_db()
    assert second.status == Redaction.Status.PUBLIC_DISCUSSION

    visitor = browser.new_context()
    try:
        anonymous = visitor.new_page()
        anonymous.goto(f"{live_server.url}{PROGRAMME}")
        assert serious_violations(anonymous) == []
        anonymous.goto(f"{live_server.url}{PROGRAMME}redactions/2/")
        assert anonymous.get_by_role("heading", name=f"VTP1 {NEW_TITLE}").count() == 1
        assert serious_violations(anonymous) == []

        # The action plan and the investment plan are pages of their own, a click away.
        parts = anonymous.get_by_role("navigation", name="Redakcijas daļas")
        for name, address in [
            ("Rīcības plāns", "action-plan"),
            ("Investīciju plāns", "investment-plan"),
        ]:
            parts.get_by_role("link", name=name).click()
            anonymous.wait_for_load_state()
            assert anonymous.url.endswith(f"{PROGRAMME}redactions/2/{address}/")
            current = parts.get_by_role("link", name=name)
            assert current.get_attribute("aria-current") == "page"
            assert serious_violations(anonymous) == []
        parts.get_by_role("link", name="Pārskats, stratēģija un prioritātes").click()
        anonymous.wait_for_load_state()

        anonymous.get_by_role("link", name="skatīt, kas mainīts").click()
        anonymous.wait_for_load_state()
        assert anonymous.url.endswith(f"{PROGRAMME}redactions/1/compare/2/")
        heading = "Redakciju salīdzinājums: 1. redakcija un 2. redakcija"
        assert anonymous.get_by_role("heading", level=1, name=heading).count() == 1
        changes = anonymous.locator("#compare-priorities").locator("..")
        assert "VTP1" in changes.inner_text()
        assert anonymous.locator("#compare-priorities ~ ul ins").first.inner_text() != ""
        assert "zaļa" in changes.inner_text()
        assert serious_violations(anonymous) == []
    finally:
        visitor.close()
