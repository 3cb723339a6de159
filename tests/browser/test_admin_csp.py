"""The admin works under its own Content-Security-Policy: every kind of admin screen a
planner uses (desk, lists with filters and actions, change forms with date and time
widgets, import, export with "select all", history) runs in Chromium with no violation."""

import datetime

import pytest

from consultations.models import Event
from programmes.models import Action
from tests.consultations.factories import EventFactory
from tests.factories import full_redaction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def violations(page):
    """Every CSP violation the page reports, from the DOM event and from the console."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.expose_function("reportViolation", lambda text: found.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "window.reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`))"
    )
    return found


def test_admin_screens_work_under_the_admin_policy(
    live_server, page, violations, planner, municipality
):
    redaction = full_redaction(municipality)
    action = Action.objects.in_redaction(redaction).get()
    event = EventFactory(programme=redaction.programme)
    admin = f"{live_server.url}/lv/admin"

    response = page.goto(f"{admin}/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.fill("#id_username", "planner")
    page.fill("#id_password", "parole-123")
    page.click("input[type=submit]")
    page.wait_for_url(f"{admin}/")

    # A list with its filters and actions.
    page.goto(f"{admin}/programmes/redaction/")
    page.locator(f'input[name="_selected_action"][value="{redaction.pk}"]').check()
    assert page.locator(".action-counter").inner_text().startswith("1 ")

    # Date widgets: the calendar picks a day, "Now" fills a time.
    page.goto(f"{admin}/programmes/redaction/{redaction.pk}/change/")
    page.locator("#id_decision_date").fill("")
    link = page.locator("#id_decision_date + .datetimeshortcuts a[id^=calendarlink]")
    number = link.get_attribute("id").removeprefix("calendarlink")
    link.click()
    page.locator(f"#calendarbox{number}").wait_for()
    page.locator(f"#calendarin{number} td a").first.click()
    assert page.locator("#id_decision_date").input_value().endswith("-01")
    page.goto(f"{admin}/consultations/event/{event.pk}/change/")
    page.locator("#id_starts_at_1").fill("")
    link = page.locator("#id_starts_at_1 + .datetimeshortcuts a[id^=clocklink]")
    number = link.get_attribute("id").removeprefix("clocklink")
    link.click()
    page.locator(f"#clockbox{number} a").first.click()
    assert page.locator("#id_starts_at_1").input_value() != ""
    page.locator("#id_starts_at_0").fill("")
    page.locator("#id_starts_at_0 + .datetimeshortcuts a").first.click()
    assert page.locator("#id_starts_at_0").input_value() == datetime.date.today().isoformat()
    page.locator('input[name="_save"]').click()
    page.wait_for_url(f"{admin}/consultations/event/")
    assert Event.objects.filter(pk=event.pk).exists()

    # A change form and its history.
    page.goto(f"{admin}/programmes/action/{action.pk}/change/")
    page.locator("#id_title").fill("Skolu renovācija")
    page.locator('input[name="_save"]').click()
    page.wait_for_url(f"{admin}/programmes/action/")
    page.goto(f"{admin}/programmes/action/{action.pk}/history/")
    assert page.get_by_text("Skolu renovācija").count() >= 1

    # Import and export pages of django-import-export.
    page.goto(f"{admin}/programmes/action/import/")
    assert page.locator("#id_import_file").count() == 1
    page.goto(f"{admin}/programmes/action/export/")
    toggle = page.locator("input.select-toggle")
    boxes = page.locator(".selectable-field-export-row input[type=checkbox]:visible")
    assert boxes.count() > 1
    toggle.uncheck()
    assert all(not boxes.nth(i).is_checked() for i in range(boxes.count()))
    toggle.check()
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))

    assert violations == []
