"""Spreadsheet import (preview, confirm, refusals) and export of the action plan and others."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from programmes import models as pm
from tests.factories import full_redaction

Status = pm.Redaction.Status
pytestmark = pytest.mark.django_db

XLSX, CSV = "0", "1"

ACTION_HEADER = (
    "task,code,title,responsible,partners,start_year,end_year,financing_sources,"
    "estimated_cost,status,progress"
)


def url(model, view):
    return reverse(f"admin:programmes_{model._meta.model_name}_{view}")


@pytest.fixture
def redaction(municipality):
    return full_redaction(municipality)


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner)
    return client


def _csv(text):
    return SimpleUploadedFile("plan.csv", text.encode("utf-8"), content_type="text/csv")


def _preview(client, model, redaction, upload, file_format=CSV):
    return client.post(
        url(model, "import"),
        {"redaction": redaction.pk, "format": file_format, "resource": "0", "import_file": upload},
    )


def _confirm(client, model, preview):
    confirm = preview.context["confirm_form"]
    data = {name: confirm.initial.get(name, "") for name in confirm.fields}
    return client.post(url(model, "process_import"), data)


def test_import_page_offers_only_own_redactions(planner_client, redaction, other_municipality):
    foreign = full_redaction(other_municipality)
    form = planner_client.get(url(pm.Action, "import")).context["form"]
    choices = set(form.fields["redaction"].queryset)
    assert redaction in choices
    assert foreign not in choices


def test_action_plan_import_previews_then_changes_on_confirm(planner_client, planner, redaction):
    upload = _csv(
        ACTION_HEADER + "\n"
        'U1.1.1,R1,Skolu renovācija,Izglītības pārvalde,,2022,2025,ERAF,"120 000,50",Procesā,40\n'
        "U1.1.1,R2,Jauna rīcība,Attīstības departaments,NVO,2023,2024,,1000,planned,0\n"
    )

    preview = _preview(planner_client, pm.Action, redaction, upload)

    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), [
        (r.number, r.error_dict) for r in result.invalid_rows
    ]
    assert [row.import_type for row in result.rows] == ["update", "new"]
    assert "confirm_form" in preview.context
    # Nothing changes before the planner confirms.
    assert pm.Action.objects.in_redaction(redaction).count() == 1
    assert pm.Action.objects.in_redaction(redaction).get().title != "Skolu renovācija"

    response = _confirm(planner_client, pm.Action, preview)

    assert response.status_code == 302
    actions = {a.code: a for a in pm.Action.objects.in_redaction(redaction)}
    assert set(actions) == {"R1", "R2"}
    assert actions["R1"].title == "Skolu renovācija"
    assert actions["R1"].estimated_cost == Decimal("120000.50")
    assert actions["R1"].status == pm.Action.Status.IN_PROGRESS
    assert actions["R2"].partners == "NVO"
    assert actions["R2"].history.first().history_user == planner


def test_bad_rows_are_refused_naming_row_and_column(planner_client, redaction):
    upload = _csv(
        ACTION_HEADER + "\n"
        "U1.1.1,R1,Labs,Pārvalde,,2022,2025,,100,planned,10\n"
        "U9.9.9,R2,Nav uzdevuma,Pārvalde,,2022,2025,,100,planned,10\n"
        "U1.1.1,R3,Slikts progress,Pārvalde,,2022,2025,,-5,planned,150\n"
    )

    with translation.override("en"):
        preview = _preview(planner_client, pm.Action, redaction, upload)

    result = preview.context["result"]
    assert result.has_validation_errors()
    assert "confirm_form" not in preview.context
    invalid = {row.number: row.field_specific_errors for row in result.invalid_rows}
    assert set(invalid) == {2, 3}
    # Columns are named as the file heads them, in the user's language.
    assert "Task" in invalid[2]
    assert "U9.9.9" in invalid[2]["Task"][0]
    assert {"Progress, %", "Estimated cost, EUR"} <= set(invalid[3])
    page = preview.content.decode()
    # Rows are numbered as in the spreadsheet, whose first row holds the column names.
    assert "<td>3</td>" in page and "<td>4</td>" in page
    assert "<strong>Task:</strong> There is no task with code “U9.9.9”" in page
    assert "Traceback" not in page
    assert pm.Action.objects.in_redaction(redaction).count() == 1


def test_latvian_headings_semicolons_and_windows_encoding_are_understood(planner_client, redaction):
    """A CSV as Excel with Latvian settings saves it: ";" between cells, Windows-1257."""
    text = (
        "Uzdevums;Kods;Rīcība;Atbildīgais izpildītājs;Partneri;Sākuma gads;Beigu gads;"
        "Finansējuma avoti;Indikatīvās izmaksas, EUR;Statuss;Izpilde, %\n"
        "U1.1.1;R9;Ielu apgaismojuma nomaiņa;Komunālā pārvalde;;2023;2025;ERAF;"
        "12 500,50;Procesā;20\n"
    )
    upload = SimpleUploadedFile("plans.csv", text.encode("cp1257"))

    preview = _preview(planner_client, pm.Action, redaction, upload)

    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    _confirm(planner_client, pm.Action, preview)
    action = pm.Action.objects.in_redaction(redaction).get(code="R9")
    assert action.title == "Ielu apgaismojuma nomaiņa"
    assert action.estimated_cost == Decimal("12500.50")
    assert action.status == pm.Action.Status.IN_PROGRESS


def test_file_without_the_needed_columns_is_refused_with_their_names(planner_client, redaction):
    upload = _csv("uzdevums,kods,nosaukums\nU1.1.1,R5,Kaut kas\n")

    preview = _preview(planner_client, pm.Action, redaction, upload)

    page = preview.content.decode()
    assert "confirm_form" not in preview.context
    assert "Failā nav kolonnas „Rīcība”, „Atbildīgais izpildītājs”" in page
    assert "Traceback" not in page and "import_id_fields" not in page
    assert "Nekas netika mainīts." in page
    assert not pm.Action.objects.in_redaction(redaction).filter(code="R5").exists()


def test_import_into_a_frozen_redaction_is_refused(planner_client, redaction):
    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(Status.PUBLIC_DISCUSSION)
    upload = _csv(ACTION_HEADER + "\nU1.1.1,R2,Uzdevums,Pārvalde,,2022,2025,,100,planned,10\n")

    with translation.override("en"):
        preview = _preview(planner_client, pm.Action, redaction, upload)

    assert preview.status_code == 200
    assert preview.context["form"].errors["redaction"] == [
        "This redaction is no longer a draft: its content is frozen and nothing can be "
        "imported into it. Start the next redaction to make changes."
    ]
    assert pm.Action.objects.in_redaction(redaction).count() == 1


def test_action_plan_import_into_the_approved_redaction_is_refused(planner_client, redaction):
    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(Status.APPROVED)
    upload = _csv(ACTION_HEADER + "\nU1.1.1,R1,Cits nosaukums,Pārvalde,,2022,2025,,100,,90\n")
    preview = _preview(planner_client, pm.Action, redaction, upload)
    assert preview.context["form"].errors["redaction"] == [
        "Šī redakcija vairs nav melnraksts: tās saturs ir iesaldēts, un tajā neko nevar "
        "importēt. Lai veiktu izmaiņas, sāciet nākamo redakciju."
    ]
    assert pm.Action.objects.in_redaction(redaction).get().progress == 50


def test_indicator_values_import_into_the_approved_redaction_shows_at_once(
    client, planner_client, planner, redaction
):
    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(Status.APPROVED)
    page = redaction.get_absolute_url()
    assert "175" not in client.get(page).text  # the frozen parts are cached from now on
    upload = _csv("indicator,year,value,note\nR1,2024,175,Pēc CSP datiem\n")

    preview = _preview(planner_client, pm.IndicatorValue, redaction, upload)
    assert not preview.context["result"].has_validation_errors()
    _confirm(planner_client, pm.IndicatorValue, preview)

    value = pm.IndicatorValue.objects.in_redaction(redaction).get(year=2024)
    assert (value.value, value.note) == (Decimal("175"), "Pēc CSP datiem")
    assert value.history.get().history_user == planner
    row = client.get(page).text.split('id="indicators"')[1]
    assert '<td class="num">175 (2024)</td>' in row
    # The rest of the redaction stays frozen.
    assert pm.Redaction.objects.get(pk=redaction.pk).status == Status.APPROVED


def test_indicator_values_import_into_a_redaction_in_discussion_is_refused(
    planner_client, redaction
):
    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(Status.PUBLIC_DISCUSSION)
    upload = _csv("indicator,year,value,note\nR1,2024,175,\n")
    with translation.override("en"):
        preview = _preview(planner_client, pm.IndicatorValue, redaction, upload)
    assert preview.context["form"].errors["redaction"] == [
        "Values can be imported only into a draft or into the approved redaction (the one in "
        "force); this redaction's content is frozen."
    ]
    assert not pm.IndicatorValue.objects.in_redaction(redaction).filter(year=2024).exists()


def test_import_into_another_municipalitys_redaction_is_refused(client, other_planner, redaction):
    client.force_login(other_planner)
    upload = _csv(ACTION_HEADER + "\nU1.1.1,R2,Uzdevums,Pārvalde,,2022,2025,,100,planned,10\n")
    preview = _preview(client, pm.Action, redaction, upload)
    assert "redaction" in preview.context["form"].errors
    assert pm.Action.objects.in_redaction(redaction).count() == 1


def test_project_manager_cannot_import(client, project_manager, redaction):
    client.force_login(project_manager)
    assert client.get(url(pm.Action, "import")).status_code == 403


def test_investment_plan_import_creates_items_and_amounts_from_xlsx(planner_client, redaction):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "item",
            "action_line",
            "task",
            "title",
            "responsible",
            "expected_result",
            "year",
            "source",
            "amount",
        ]
    )
    sheet.append(["I1", "RV1.1", "U1.1.1", "", "", "", 2022, "municipal", 7000])
    sheet.append(
        ["I2", "RV1.1", "", "Jauns projekts", "Būvvalde", "Tilts", 2025, "ES fondi", 50000]
    )
    sheet.append(["I2", "RV1.1", "", "Jauns projekts", "Būvvalde", "Tilts", 2026, "eu", 25000.5])
    data = io.BytesIO()
    book.save(data)
    upload = SimpleUploadedFile("plan.xlsx", data.getvalue())

    preview = _preview(planner_client, pm.InvestmentAmount, redaction, upload, XLSX)

    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), [
        r.error_dict for r in result.invalid_rows
    ]
    assert not pm.InvestmentItem.objects.in_redaction(redaction).filter(code="I2").exists()

    _confirm(planner_client, pm.InvestmentAmount, preview)

    item = pm.InvestmentItem.objects.in_redaction(redaction).get(code="I2")
    assert item.title == "Jauns projekts"
    assert sorted((a.year, a.source, a.amount) for a in item.amounts.all()) == [
        (2025, "eu", Decimal("50000")),
        (2026, "eu", Decimal("25000.50")),
    ]
    first = pm.InvestmentAmount.objects.in_redaction(redaction).get(item__code="I1", year=2022)
    assert first.amount == Decimal("7000")


def test_investment_row_with_unknown_action_line_names_the_column(planner_client, redaction):
    upload = _csv(
        "item,action_line,task,title,responsible,expected_result,year,source,amount\n"
        "I5,RV7.7,,Projekts,Būvvalde,,2025,eu,100\n"
    )
    preview = _preview(planner_client, pm.InvestmentAmount, redaction, upload)
    [row] = preview.context["result"].invalid_rows
    assert row.number == 1
    assert row.field_specific_errors == {
        "Rīcības virziens": ["Šajā redakcijā nav rīcības virziena ar kodu “RV7.7”."]
    }


def test_indicator_values_import(planner_client, redaction):
    upload = _csv("indicator,year,value,note\nR1,2024,175,\nR1,2023,160,labots\n")
    preview = _preview(planner_client, pm.IndicatorValue, redaction, upload)
    assert not preview.context["result"].has_validation_errors()
    _confirm(planner_client, pm.IndicatorValue, preview)
    values = dict(pm.IndicatorValue.objects.in_redaction(redaction).values_list("year", "value"))
    assert values == {2023: Decimal("160"), 2024: Decimal("175")}


def _export(client, model):
    page = client.get(url(model, "export"))
    form = page.context["form"]
    data = {"format": CSV, "resource": "0"}
    for name, field in form.fields.items():
        if getattr(field, "is_selectable_field", False):
            data[name] = "on"
    return client.post(url(model, "export"), data)


def test_export_contains_own_rows_only(planner_client, redaction, other_municipality):
    foreign = full_redaction(other_municipality)
    pm.Action.objects.in_redaction(foreign).update(title="Svešā rīcība")
    pm.Action.objects.in_redaction(redaction).update(title="Mūsu rīcība")

    response = _export(planner_client, pm.Action)

    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its BOM
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Uzdevums;Kods;Rīcība;Atbildīgais izpildītājs")
    assert "U1.1.1;R1;Mūsu rīcība" in text
    assert "Svešā rīcība" not in text


def test_investment_export_is_reimportable(planner_client, redaction):
    response = _export(planner_client, pm.InvestmentAmount)
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == (
        "Kods;Rīcības virziens;Uzdevums;Investīciju projekts;Atbildīgais;"
        "Sagaidāmais rezultāts;Gads;Avots;Summa, EUR"
    )
    assert len(text.strip().splitlines()) == 4
    preview = _preview(planner_client, pm.InvestmentAmount, redaction, _csv(text))
    assert not preview.context["result"].has_validation_errors()


@pytest.mark.parametrize(
    ("name", "content", "file_format"),
    [
        ("plan.xlsx", b"%PDF-1.4 not a spreadsheet", XLSX),
        ("plan.csv", b"kaut kas,cits\n1,2\n", CSV),
        ("plan.csv", b"", CSV),
        ("plan.csv", b"\xff\xfe\x00garbage", CSV),
    ],
)
def test_unreadable_or_wrong_files_get_a_message_not_a_500(
    planner_client, redaction, name, content, file_format
):
    upload = SimpleUploadedFile(name, content)
    preview = _preview(planner_client, pm.Action, redaction, upload, file_format)
    assert preview.status_code == 200
    assert "confirm_form" not in preview.context
    assert pm.Action.objects.in_redaction(redaction).count() == 1


def test_export_follows_the_changelist_redaction_filter(planner_client, planner, redaction):
    from programmes import services

    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(Status.APPROVED)
    redaction.refresh_from_db()
    new = services.start_next_redaction(redaction=redaction, user=planner)
    pm.Action.objects.in_redaction(new).update(title="Jaunās redakcijas rīcība")

    query = f"?task__action_line__priority__redaction__id__exact={new.pk}"
    page = planner_client.get(url(pm.Action, "export") + query)
    data = {"format": CSV, "resource": "0"}
    for name, field in page.context["form"].fields.items():
        if getattr(field, "is_selectable_field", False):
            data[name] = "on"
    text = planner_client.post(url(pm.Action, "export") + query, data).content.decode("utf-8-sig")

    lines = text.strip().splitlines()
    assert len(lines) == 2
    assert "Jaunās redakcijas rīcība" in lines[1]


EXPORTS = {
    pm.Action: ("Uzdevums", "Kods", "Rīcība"),
    pm.InvestmentAmount: ("Kods", "Rīcības virziens", "Uzdevums"),
    pm.IndicatorValue: ("Rādītājs", "Gads", "Vērtība"),
}


def _export_as(client, model, file_format):
    form = client.get(url(model, "export")).context["form"]
    data = {"format": file_format, "resource": "0"}
    for name, field in form.fields.items():
        if getattr(field, "is_selectable_field", False):
            data[name] = "on"
    return client.post(url(model, "export"), data)


@pytest.mark.parametrize("model", list(EXPORTS), ids=lambda m: m.__name__)
def test_each_plan_exports_to_xlsx_with_latvian_headings_and_imports_back(
    planner_client, redaction, model
):
    response = _export_as(planner_client, model, XLSX)

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == EXPORTS[model]
    assert len(rows) == 1 + model.objects.in_redaction(redaction).count()

    # The exported sheet, unchanged, imports back into a draft without errors.
    upload = SimpleUploadedFile("plan.xlsx", response.content)
    preview = _preview(planner_client, model, redaction, upload, XLSX)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), [
        (r.number, r.error_dict) for r in result.invalid_rows
    ]


@pytest.mark.parametrize("model", list(EXPORTS), ids=lambda m: m.__name__)
def test_each_plan_exports_to_csv_in_english_for_english_users(planner_client, redaction, model):
    with translation.override("en"):
        response = _export_as(planner_client, model, CSV)
    header = response.content.decode("utf-8-sig").splitlines()[0]
    english = {
        pm.Action: "Task;Code;Action;Responsible executor",
        pm.InvestmentAmount: "Code;Action line;Task;Investment project",
        pm.IndicatorValue: "Indicator;Year;Value;Note",
    }
    assert header.startswith(english[model])


def test_fractional_years_and_progress_are_refused_not_cut(planner_client, redaction):
    upload = _csv(
        ACTION_HEADER + "\n"
        "U1.1.1,R2,Daļējs gads,Pārvalde,,2022.7,2025,,100,planned,10\n"
        "U1.1.1,R3,Daļējs progress,Pārvalde,,2022,2025.0,,100,planned,40.9\n"
    )
    with translation.override("en"):
        preview = _preview(planner_client, pm.Action, redaction, upload)
    invalid = {
        row.number: row.field_specific_errors for row in preview.context["result"].invalid_rows
    }
    assert invalid[1] == {"Start year": ["“2022.7” is not a whole number."]}
    # "2025.0", as a spreadsheet may store a year, is 2025; 40.9 % is refused.
    assert invalid[2] == {"Progress, %": ["“40.9” is not a whole number."]}
    assert "confirm_form" not in preview.context
    assert pm.Action.objects.in_redaction(redaction).count() == 1


def test_a_record_given_twice_in_one_file_is_refused_on_its_later_row(planner_client, redaction):
    upload = _csv(
        ACTION_HEADER + "\n"
        "U1.1.1,R2,Pirmā versija,Pārvalde,,2022,2025,,100,planned,10\n"
        "U1.1.1,R3,Cita,Pārvalde,,2022,2025,,100,planned,10\n"
        "U1.1.1,R2,Otrā versija,Pārvalde,,2022,2025,,100,planned,10\n"
    )
    with translation.override("lv"):
        preview = _preview(planner_client, pm.Action, redaction, upload)
    result = preview.context["result"]
    invalid = {row.number: row.field_specific_errors for row in result.invalid_rows}
    assert list(invalid) == [3]
    assert invalid[3] == {
        "Kods": [
            "Faila 2. rindā jau ir šī rīcība (tie paši „Uzdevums”, „Kods”); katra failā "
            "var būt tikai vienreiz."
        ]
    }
    assert "confirm_form" not in preview.context
    assert pm.Action.objects.in_redaction(redaction).count() == 1


def test_investment_amount_given_twice_by_code_and_by_label_is_refused(planner_client, redaction):
    header = "item,action_line,task,title,responsible,expected_result,year,source,amount\n"
    upload = _csv(
        header + "I1,RV1.1,U1.1.1,Ceļš,Pārvalde,,2022,municipal,100\n"
        "I1,RV1.1,U1.1.1,Ceļš,Pārvalde,,2022.0,Municipal budget,200\n"
    )
    with translation.override("en"):
        preview = _preview(planner_client, pm.InvestmentAmount, redaction, upload)
    invalid = {r.number: r.field_specific_errors for r in preview.context["result"].invalid_rows}
    assert list(invalid) == [2]
    assert "Row 2 of the file already gives this" in invalid[2]["Source"][0]


def test_a_row_with_more_cells_than_headings_gets_a_message_not_a_500(planner_client, redaction):
    upload = _csv(ACTION_HEADER + "\nU1.1.1,R2,Par daudz,Pārvalde,,2022,2025,,100,planned,10,x,y\n")
    preview = _preview(planner_client, pm.Action, redaction, upload)
    assert preview.status_code == 200
    assert "confirm_form" not in preview.context
    assert pm.Action.objects.in_redaction(redaction).count() == 1


# --- the preview and the export screen tell the truth --------------------------------------


def test_preview_of_an_unchanged_action_plan_marks_nothing_as_changed(planner_client, redaction):
    pm.Action.objects.in_redaction(redaction).update(estimated_cost=Decimal("620000.00"))
    exported = _export_as(planner_client, pm.Action, XLSX).content
    title = pm.Action.objects.in_redaction(redaction).get().title
    # As a planner types it: the amount without decimals, the status by its label.
    typed = _csv(
        ACTION_HEADER + "\n"
        f"U1.1.1,R1,{title},Attīstības departaments,,2022,2024,,620000,Plānota,50\n"
    )

    for upload, file_format in ((SimpleUploadedFile("plan.xlsx", exported), XLSX), (typed, CSV)):
        preview = _preview(planner_client, pm.Action, redaction, upload, file_format)

        result = preview.context["result"]
        assert [row.import_type for row in result.rows] == ["skip"], file_format
        page = preview.content.decode()
        assert "620000" in page
        assert "<del" not in page and "<ins" not in page, file_format


def test_preview_marks_only_what_changes_and_compares_amounts_by_value(planner_client, redaction):
    pm.Action.objects.in_redaction(redaction).update(estimated_cost=Decimal("620000.00"))
    title = pm.Action.objects.in_redaction(redaction).get().title
    upload = _csv(
        ACTION_HEADER + "\n"
        f"U1.1.1,R1,{title},Attīstības departaments,,2022,2024,,650000,Plānota,50\n"
    )

    preview = _preview(planner_client, pm.Action, redaction, upload)

    row = preview.context["result"].rows[0]
    assert row.import_type == "update"
    changed = [cell for cell in row.diff if "<del" in cell or "<ins" in cell]
    assert len(changed) == 1
    assert ">2</del>" in changed[0] and ">5</ins>" in changed[0]
    assert ".00</del>" not in changed[0]


@pytest.mark.parametrize("model", list(EXPORTS), ids=lambda m: m.__name__)
def test_export_screen_names_the_columns_as_the_file_heads_them(planner_client, redaction, model):
    page = planner_client.get(url(model, "export"))

    labels = [
        str(field.label)
        for field in page.context["form"].fields.values()
        if getattr(field, "is_selectable_field", False)
    ]
    assert labels[:3] == list(EXPORTS[model])
    html = page.content.decode()
    for english in ("Task", "Title", "Start Year", "Estimated Cost", "Indicator", "Year"):
        assert f">{english}<" not in html and f">{english} (" not in html, english
    with translation.override("en"):
        page = planner_client.get(url(model, "export").replace("/lv/", "/en/"))
    labels = [
        str(field.label)
        for field in page.context["form"].fields.values()
        if getattr(field, "is_selectable_field", False)
    ]
    assert labels[0] in ("Task", "Code", "Indicator")
