"""A redaction's action plan, investment plan and indicator values download as CSV."""

import csv
import io

import pytest
from django.urls import reverse

from programmes.models import Action, Redaction
from tests.factories import ActionFactory, TaskFactory, full_redaction

pytestmark = pytest.mark.django_db


def csv_url(redaction, table, language="lv"):
    programme = redaction.programme
    url = reverse(
        "programmes:redaction_csv",
        args=[programme.municipality.slug, programme.slug, redaction.number, table],
    )
    return url.replace("/lv/", f"/{language}/", 1)


def rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads ā, č, ē right
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def publish(redaction):
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("public_discussion")
    redaction.refresh_from_db()
    return redaction


@pytest.fixture
def redaction(municipality):
    draft = full_redaction(municipality=municipality)
    task = draft.priorities.get().action_lines.get().tasks.get()
    ActionFactory(task=task, code="R2", title='=HYPERLINK("http://example.com")')
    return publish(draft)


def test_each_plan_downloads_with_headings_in_the_pages_language(client, redaction):
    action_plan = rows(client.get(csv_url(redaction, "action-plan")))
    assert action_plan[0][:3] == ["Uzdevums", "Kods", "Rīcība"]
    assert [row[1] for row in action_plan[1:]] == ["R1", "R2"]

    investment_plan = rows(client.get(csv_url(redaction, "investment-plan", "en")))
    assert investment_plan[0][0] == "Code"
    assert {row[6] for row in investment_plan[1:]} == {"2022", "2023", "2024"}

    indicators = rows(client.get(csv_url(redaction, "indicators")))
    assert indicators[1][:3] == ["R1", "2023", "150,00"]  # a number to Latvian Excel


def test_a_title_written_as_a_formula_opens_as_text(client, redaction):
    action_plan = rows(client.get(csv_url(redaction, "action-plan")))
    assert action_plan[2][2] == '\'=HYPERLINK("http://example.com")'


def test_the_redaction_page_links_its_downloads(client, redaction):
    page = client.get(redaction.get_absolute_url()).content.decode()
    for table in ("action-plan", "investment-plan", "indicators"):
        assert f'href="{csv_url(redaction, table)}"' in page


def test_a_drafts_tables_are_404_for_visitors_but_open_to_its_planners(
    client, planner, municipality
):
    draft = full_redaction(municipality=municipality)
    assert client.get(csv_url(draft, "action-plan")).status_code == 404
    client.force_login(planner)
    assert client.get(csv_url(draft, "action-plan")).status_code == 200


def test_an_unknown_table_is_404(client, redaction):
    assert client.get(csv_url(redaction, "steering-group")).status_code == 404


def test_a_download_costs_two_queries_whatever_its_size(
    client, redaction, django_assert_max_num_queries
):
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests("draft")
    line = redaction.priorities.get().action_lines.get()
    for n in range(3, 13):
        ActionFactory(task=TaskFactory(action_line=line, code=f"U1.1.{n}"), code=f"R{n}")
    publish(redaction)
    assert Action.objects.in_redaction(redaction).count() == 12
    for table in ("action-plan", "investment-plan", "indicators"):
        url = csv_url(redaction, table)
        # the redaction (with programme and municipality), then the table's rows
        with django_assert_max_num_queries(2):
            client.get(url)
