"""Every spreadsheet the portal hands out: one CSV dialect, and no cell that runs.

Text a resident or a planner typed as a formula (=HYPERLINK to a phishing page, a DDE
command) must open as text in every CSV download and in the admin's XLSX export, while
numbers stay numbers and an exported sheet imports back unchanged.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consultations.models import PublicDiscussion
from core.spreadsheets import csv_cell, needs_neutralising, neutralise, unneutralise
from programmes import models as pm
from tests.consultations.factories import ProposalFactory, PublicDiscussionFactory
from tests.factories import (
    ActionFactory,
    IndicatorValueFactory,
    InvestmentAmountFactory,
    InvestmentItemFactory,
    full_redaction,
)
from tests.projects.factories import ProjectFactory

PAYLOADS = ['=HYPERLINK("http://evil","x")', " =1+1", "@SUM(A1)"]
MORE_PAYLOADS = ["+1+2", "-2+3+cmd|' /C calc'!A0", "\t=1", "\r=1", "\n=1+1", "\u00a0=1", "\0=1"]
HARMLESS = ["Daugavpils", "1+1", "e-pasts", "", "'citēts", "RV1.1", "100 %"]
NUMBER = re.compile(r"-?\d+(,\d+)?")


@pytest.mark.parametrize("text", PAYLOADS + MORE_PAYLOADS)
def test_text_a_spreadsheet_would_run_is_neutralised_and_imports_back_as_typed(text):
    assert needs_neutralising(text)
    assert neutralise(text) == "'" + text
    assert csv_cell(text) == "'" + text
    assert unneutralise(neutralise(text)) == text


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_is_left_as_it_is(text):
    assert not needs_neutralising(text)
    assert csv_cell(text) == text == unneutralise(text)


def test_numbers_stay_numbers_with_a_decimal_comma():
    assert csv_cell(Decimal("-1234.50")) == "-1234,50"
    assert csv_cell(-5) == "-5"
    assert csv_cell(None) == ""
    assert not needs_neutralising(Decimal("-1"))


# --- every download ------------------------------------------------------------------------


@pytest.fixture
def hostile(municipality):
    """A published redaction, a closed discussion and a project, each with text typed as
    formulas wherever text goes, and a negative indicator value."""
    draft = full_redaction(municipality)
    line = draft.priorities.get().action_lines.get()
    task = line.tasks.get()
    indicator = draft.indicators.get()
    for number, payload in enumerate(PAYLOADS, start=2):
        ActionFactory(task=task, code=f"R{number}", title=payload, responsible=payload)
        item = InvestmentItemFactory(action_line=line, code=f"I{number}", title=payload)
        InvestmentAmountFactory(item=item, year=2024)
        IndicatorValueFactory(indicator=indicator, year=2030 + number, note=payload)
    IndicatorValueFactory(indicator=indicator, year=2019, value=Decimal("-1.50"))
    pm.Redaction.objects.filter(pk=draft.pk).set_status_for_tests("public_discussion")
    draft.refresh_from_db()
    discussion = PublicDiscussionFactory(redaction=draft, slug="naidigs")
    for number, payload in enumerate(PAYLOADS, start=1):
        ProposalFactory(
            discussion=discussion,
            number=number,
            text=payload,
            answer="not_taken",
            justification=payload,
        )
    PublicDiscussion.objects.filter(pk=discussion.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    ProjectFactory(
        municipality=municipality,
        title=PAYLOADS[0],
        title_original=PAYLOADS[1],
        acronym=PAYLOADS[2],
    )
    return draft


def public_downloads(redaction):
    programme = redaction.programme
    args = [programme.municipality.slug, programme.slug, redaction.number]
    return [
        *(
            reverse("programmes:redaction_csv", args=[*args, table])
            for table in ("action-plan", "investment-plan", "indicators")
        ),
        reverse("projects:csv"),
        reverse("consultations:report_csv", args=["naidigs"]),
        reverse("consultations:report_counts_csv", args=["naidigs"]),
    ]


ADMIN_EXPORTS = [pm.Action, pm.InvestmentAmount, pm.IndicatorValue]
XLSX, CSV = "0", "1"


def admin_url(model, view):
    return reverse(f"admin:programmes_{model._meta.model_name}_{view}")


def admin_export(client, model, file_format):
    form = client.get(admin_url(model, "export")).context["form"]
    data = {"format": file_format, "resource": "0"}
    for name, field in form.fields.items():
        if getattr(field, "is_selectable_field", False):
            data[name] = "on"
    return client.post(admin_url(model, "export"), data)


def read_csv(response):
    """The rows of a download, checking it is the portal's one dialect: UTF-8 with a byte
    order mark, semicolons (every row as wide as the headings)."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert len(rows[0]) > 1 and {len(row) for row in rows} == {len(rows[0])}
    return rows


def assert_nothing_runs(rows):
    for row in rows:
        for cell in row:
            assert not needs_neutralising(cell) or NUMBER.fullmatch(cell), cell


def test_every_public_csv_download_neutralises_formulas(client, hostile):
    for url in public_downloads(hostile):
        rows = read_csv(client.get(url))
        assert_nothing_runs(rows)
        cells = {cell for row in rows for cell in row}
        if "report-counts" not in url:  # counts only: no typed text
            assert {"'" + payload for payload in PAYLOADS} <= cells, url


def test_a_negative_value_stays_a_number_in_the_csv(client, hostile):
    url = public_downloads(hostile)[2]
    rows = read_csv(client.get(url))
    assert ["R1", "2019", "-1,50"] == rows[1][:3]


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner)
    return client


@pytest.mark.parametrize("model", ADMIN_EXPORTS, ids=lambda m: m.__name__)
def test_admin_csv_export_is_the_same_dialect_and_neutralises_formulas(
    planner_client, hostile, model
):
    rows = read_csv(admin_export(planner_client, model, CSV))
    assert_nothing_runs(rows)
    assert {"'" + PAYLOADS[0]} <= {cell for row in rows for cell in row}


@pytest.mark.parametrize("model", ADMIN_EXPORTS, ids=lambda m: m.__name__)
def test_admin_xlsx_export_has_no_formula_and_numbers_stay_numbers(planner_client, hostile, model):
    response = admin_export(planner_client, model, XLSX)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    typed = [cell for cell in cells if cell.value in PAYLOADS]
    assert {cell.value for cell in typed} == set(PAYLOADS)
    # Strings with Excel's own quote prefix: shown as typed, kept text when edited.
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in typed)
    numbers = [cell for cell in cells if isinstance(cell.value, int | float)]
    assert numbers and all(cell.data_type == "n" for cell in numbers)
    if model is pm.IndicatorValue:
        assert -1.5 in {cell.value for cell in numbers}


@pytest.mark.parametrize("file_format", [XLSX, CSV], ids=["xlsx", "csv"])
def test_an_exported_action_plan_imports_back_unchanged(planner_client, municipality, file_format):
    draft = full_redaction(municipality)
    task = draft.priorities.get().action_lines.get().tasks.get()
    ActionFactory(task=task, code="R2", title=PAYLOADS[0], estimated_cost=Decimal("1500.50"))
    before = list(pm.Action.objects.in_redaction(draft).order_by("code").values())
    exported = admin_export(planner_client, pm.Action, file_format)
    name = "plan.xlsx" if file_format == XLSX else "plan.csv"

    preview = planner_client.post(
        admin_url(pm.Action, "import"),
        {
            "redaction": draft.pk,
            "format": file_format,
            "resource": "0",
            "import_file": SimpleUploadedFile(name, exported.content),
        },
    )

    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["skip", "skip"]
    assert list(pm.Action.objects.in_redaction(draft).order_by("code").values()) == before
