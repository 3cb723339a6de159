"""The planners' admin: pages render, scoping, the freeze, the redaction actions, history."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from programmes import models as pm
from tests.factories import (
    ActionLineFactory,
    PriorityFactory,
    RedactionFactory,
    SituationSectionFactory,
    SteeringGroupFactory,
    SwotItemFactory,
    full_redaction,
)

Status = pm.Redaction.Status
pytestmark = pytest.mark.django_db

PROGRAMMES_ADMINS = [
    model for model in admin.site._registry if model._meta.app_label == "programmes"
]


def url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


DECISION = {"decision_number": "15", "decision_date": datetime.date(2019, 11, 28)}


def _status(redaction, status, **fields):
    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(status, **fields)
    redaction.refresh_from_db()
    return redaction


@pytest.fixture
def redaction(municipality):
    redaction = full_redaction(municipality)
    SteeringGroupFactory(programme=redaction.programme)
    return redaction


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner)
    return client


def test_every_programmes_model_has_an_admin():
    registered = {m.__name__ for m in PROGRAMMES_ADMINS}
    for name in [
        "Municipality",
        "StaffProfile",
        "DataSource",
        "DevelopmentProgramme",
        "SteeringGroup",
        "Redaction",
        "SituationSection",
        "SwotItem",
        "CoherenceItem",
        "Priority",
        "ActionLine",
        "Task",
        "Action",
        "InvestmentItem",
        "InvestmentAmount",
        "Indicator",
        "IndicatorValue",
    ]:
        assert name in registered


@pytest.mark.parametrize("model", PROGRAMMES_ADMINS, ids=lambda m: m.__name__)
def test_planner_sees_every_changelist_add_and_change_page(
    planner_client, planner, redaction, rf, model
):
    model_admin = admin.site._registry[model]
    request = rf.get("/")
    request.user = planner
    if not model_admin.has_view_or_change_permission(request):
        # Staff profiles are the municipality administrator's business.
        assert model is pm.StaffProfile
        assert planner_client.get(url(model, "changelist")).status_code == 403
        return
    assert planner_client.get(url(model, "changelist")).status_code == 200
    if model_admin.has_add_permission(request):
        assert planner_client.get(url(model, "add")).status_code == 200
    obj = model_admin.get_queryset(request).first()
    if obj is not None:
        assert planner_client.get(url(model, "change", obj.pk)).status_code == 200
        assert planner_client.get(url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", PROGRAMMES_ADMINS, ids=lambda m: m.__name__)
def test_superuser_sees_every_changelist_and_add_page(client, superuser, redaction, model):
    client.force_login(superuser)
    assert client.get(url(model, "changelist")).status_code == 200
    assert client.get(url(model, "add")).status_code == 200


def test_other_municipalitys_objects_are_invisible(client, other_planner, redaction):
    client.force_login(other_planner)
    action = pm.Action.objects.in_redaction(redaction).get()
    for obj in [redaction, redaction.programme, action, redaction.priorities.get()]:
        model = type(obj)
        assert client.get(url(model, "change", obj.pk)).status_code == 404
        assert client.get(url(model, "history", obj.pk)).status_code == 404
        assert client.get(url(model, "delete", obj.pk)).status_code == 404
    page = client.get(url(pm.Action, "changelist"))
    assert action.title not in page.content.decode()
    assert page.context["cl"].result_count == 0


def test_history_version_of_another_municipality_is_404(client, other_planner, redaction):
    client.force_login(other_planner)
    action = pm.Action.objects.in_redaction(redaction).get()
    version = action.history.first()
    response = client.get(url(pm.Action, "simple_history", action.pk, version.history_id))
    assert response.status_code == 404


def test_parent_choices_are_own_drafts_only(planner_client, redaction, other_municipality):
    own_draft = PriorityFactory(redaction=redaction, code="VTP2")
    frozen = _status(full_redaction(redaction.programme.municipality), Status.PUBLIC_DISCUSSION)
    foreign = full_redaction(other_municipality)

    form = planner_client.get(url(pm.ActionLine, "add")).context["adminform"].form
    choices = set(form.fields["priority"].queryset)

    assert own_draft in choices
    assert not choices & set(pm.Priority.objects.filter(redaction__in=[frozen, foreign]))

    form = planner_client.get(url(pm.Indicator, "add")).context["adminform"].form
    assert set(form.fields["redaction"].queryset) == {redaction}


def test_frozen_content_is_read_only_with_a_notice(planner_client, redaction):
    _status(redaction, Status.PUBLIC_DISCUSSION)
    line = pm.ActionLine.objects.in_redaction(redaction).get()

    page = planner_client.get(url(pm.ActionLine, "change", line.pk))
    assert page.status_code == 200
    notices = [str(m) for m in page.context["messages"]]
    assert notices == [
        "Šī redakcija ir nodota sabiedriskajai apspriešanai: tās saturs ir iesaldēts. "
        "Lai veiktu izmaiņas, sāciet nākamo redakciju."
    ]
    with translation.override("en"):
        english = planner_client.get(url(pm.ActionLine, "change", line.pk))
    assert "This redaction is in public discussion: its content is frozen." in (
        english.content.decode()
    )
    assert not page.context["has_change_permission"]
    assert b'name="_save"' not in page.content

    response = planner_client.post(
        url(pm.ActionLine, "change", line.pk),
        {"priority": line.priority_id, "code": "RV9", "title": "Mainīts"},
    )
    assert response.status_code == 403
    line.refresh_from_db()
    assert line.code == "RV1.1"
    assert (
        planner_client.post(url(pm.ActionLine, "delete", line.pk), {"post": "yes"}).status_code
        == 403
    )
    assert pm.ActionLine.objects.filter(pk=line.pk).exists()


INLINE_PREFIXES = [
    "situation_sections",
    "swot_items",
    "coherence_items",
    "priorities",
    "indicators",
]


def _redaction_post(**fields):
    """The change form of a redaction as a browser posts it, its inlines left as they are."""
    data = dict(fields)
    for prefix in INLINE_PREFIXES:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    return data


def pdf_file(name="lemums.pdf"):
    """A small well-formed PDF (one empty page) that any PDF check accepts."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return SimpleUploadedFile(name, out, content_type="application/pdf")


OFFICIAL_RECORD = {
    "decision_number": "15",
    "decision_date": datetime.date(2019, 11, 28),
    "decision_protocol": "Nr. 14, 3.§",
    "published_on": datetime.date(2019, 12, 2),
}


def test_frozen_redaction_keeps_content_and_shows_its_official_record_read_only(
    planner_client, redaction
):
    _status(redaction, Status.APPROVED, **OFFICIAL_RECORD)
    page = planner_client.get(url(pm.Redaction, "change", redaction.pk))
    assert page.status_code == 200
    form = page.context["adminform"].form
    for name in ["vision", *OFFICIAL_RECORD]:
        assert name not in form.fields, name
    # The document is missing: it can still be attached (once).
    assert "document" in form.fields
    html = page.content.decode()
    assert "Redakcijas oficiālie dati: tos ieraksta redakcijas darbības" in html
    assert "2019. gada 28. novembris" in html and "Nr. 14, 3.§" in html


@pytest.mark.parametrize("status", [Status.APPROVED, Status.SUPERSEDED])
def test_planner_cannot_rewrite_the_official_record_of_a_published_redaction(
    planner_client, redaction, status
):
    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(
        status, document="redactions/lemums.pdf", **OFFICIAL_RECORD
    )
    change = url(pm.Redaction, "change", redaction.pk)
    response = planner_client.post(
        change,
        _redaction_post(
            decision_number="99",
            decision_date="2024-01-01",
            decision_protocol="Nr. 1, 1.§",
            published_on="2024-01-02",
            document=pdf_file("viltots.pdf"),
            vision="Cita vīzija",
        ),
    )
    assert response.status_code in (200, 302, 403)

    redaction.refresh_from_db()
    assert {name: getattr(redaction, name) for name in OFFICIAL_RECORD} == OFFICIAL_RECORD
    assert redaction.document.name == "redactions/lemums.pdf"
    assert redaction.vision != "Cita vīzija"
    page = planner_client.get(change)
    html = page.content.decode()
    assert "Nr. 14, 3.§" in html and "redactions/lemums.pdf" in html
    assert "Nr. 1, 1.§" not in html and "viltots" not in html
    assert "document" not in page.context["adminform"].form.fields


def test_a_missing_document_is_attached_in_admin_once(planner_client, redaction):
    _status(redaction, Status.APPROVED, **OFFICIAL_RECORD)
    change = url(pm.Redaction, "change", redaction.pk)

    response = planner_client.post(change, _redaction_post(document=pdf_file("lemums.pdf")))

    assert response.status_code == 302, response.context["adminform"].form.errors
    redaction.refresh_from_db()
    attached = redaction.document.name
    assert attached.endswith(".pdf")
    # Attached: from now on it is read-only like the rest of the record.
    page = planner_client.get(change)
    assert "document" not in page.context["adminform"].form.fields
    planner_client.post(
        change, _redaction_post(document=pdf_file("cits.pdf"), **{"document-clear": "on"})
    )
    redaction.refresh_from_db()
    assert redaction.document.name == attached


def test_draft_content_can_be_changed_and_history_records_the_user(
    planner_client, planner, redaction
):
    line = pm.ActionLine.objects.in_redaction(redaction).get()
    line_title = line.title
    data = {
        "priority": line.priority_id,
        "code": "RV1.2",
        "title": "Mainīts",
        "description": "",
    }
    for prefix in ["tasks", "investment_items"]:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = planner_client.post(url(pm.ActionLine, "change", line.pk), data)
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.title == "Mainīts"
    assert line.history.first().history_user == planner
    # The object's history page says who changed what, and when, in the planner's language.
    history = planner_client.get(url(pm.ActionLine, "history", line.pk))
    assert history.status_code == 200
    page = history.content.decode()
    rows = history.context["page_obj"].object_list
    assert rows[0].history_user == planner and rows[0].history_date is not None
    assert f"<strong>Nosaukums:</strong> {line_title} &rarr; Mainīts" in page
    changes = {str(c["field"]): (c["old"], c["new"]) for c in rows[0].history_delta_changes}
    assert changes == {"Kods": ("RV1.1", "RV1.2"), "Nosaukums": (line_title, "Mainīts")}
    assert "Mainīja" in page and ">planner</a>" in page and "Mainīts" in page
    for english in ("Changed by", "Change reason", "Date/time", "Choose a date", "None"):
        assert english not in page, english


def test_history_shows_values_as_the_form_does_not_as_stored(planner_client, planner, redaction):
    # A planner reads "Melnraksts → Sabiedriskā apspriešana", not "draft → public_discussion",
    # dates in Latvian, a dash for an empty value, never "None" or an ISO timestamp.
    from programmes import services

    services.open_public_discussion(redaction=redaction, user=planner)
    redaction.refresh_from_db()
    page = planner_client.get(url(pm.Redaction, "history", redaction.pk)).content.decode()
    assert "<strong>Statuss:</strong> Melnraksts &rarr; Sabiedriskā apspriešana" in page
    published = f"{redaction.published_on.year}. gada"
    assert f"<strong>Publicēšanas datums:</strong> — &rarr; {published}" in page
    for raw in ("public_discussion", "None", "+00:00", " chars]"):
        assert raw not in page, raw


def test_history_cuts_long_texts_without_english(planner_client, redaction):
    redaction.vision = "Sākums " + "vārds " * 60 + "beigas."
    redaction.save()
    page = planner_client.get(url(pm.Redaction, "history", redaction.pk)).content.decode()
    assert "<strong>Vīzija:</strong>" in page
    assert " … " in page and "chars]" not in page


def test_action_start_next_redaction(planner_client, redaction):
    _status(redaction, Status.APPROVED)
    response = planner_client.post(
        url(pm.Redaction, "changelist"),
        {"action": "start_next_redaction", "_selected_action": [redaction.pk]},
        follow=True,
    )
    assert response.status_code == 200
    new = pm.Redaction.objects.get(copied_from=redaction)
    assert new.status == Status.DRAFT
    assert new.number == redaction.number + 1


def test_action_open_public_discussion_and_its_refusal(planner_client, redaction, municipality):
    empty = RedactionFactory(programme__municipality=municipality, vision="")
    response = planner_client.post(
        url(pm.Redaction, "changelist"),
        {"action": "open_public_discussion", "_selected_action": [redaction.pk, empty.pk]},
        follow=True,
    )
    assert response.status_code == 200
    messages = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert messages == [
        (
            "error",
            f"{empty}: Redakcijai nav vīzijas. Redakcijā jābūt vismaz vienai vidēja termiņa "
            "prioritātei ar rīcības virzienu.",
        ),
        ("success", "1 redakcija nodota sabiedriskajai apspriešanai."),
    ]
    redaction.refresh_from_db()
    empty.refresh_from_db()
    assert redaction.status == Status.PUBLIC_DISCUSSION
    assert empty.status == Status.DRAFT


def test_action_approve_refuses_a_draft_without_500(planner_client, redaction):
    response = planner_client.post(
        url(pm.Redaction, "changelist"),
        {"action": "approve_redaction", "_selected_action": [redaction.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert [(m.level_tag, str(m)) for m in response.context["messages"]] == [
        (
            "error",
            f"{redaction}: Redakciju statusā “Melnraksts” nevar pārcelt uz statusu “Apstiprināta”.",
        )
    ]
    redaction.refresh_from_db()
    assert redaction.status == Status.DRAFT


def _approve(client, redaction, **decision):
    """Press “Approve” on the redaction, then (with `decision`) submit the council decision."""
    data = {"action": "approve_redaction", "_selected_action": [redaction.pk]}
    if decision:
        data["apply"] = "1"
        data.update(decision)
    else:
        data["index"] = "0"
    return client.post(url(pm.Redaction, "changelist"), data, follow=True)


def test_action_approve_asks_for_the_council_decision_and_records_it(planner_client, redaction):
    _status(redaction, Status.PUBLIC_DISCUSSION)

    page = _approve(planner_client, redaction)

    assert page.status_code == 200
    assert page.templates[0].name == "admin/programmes/redaction/approve.html"
    html = page.content.decode()
    assert "Domes lēmuma Nr." in html and "Protokola Nr." in html
    redaction.refresh_from_db()
    assert redaction.status == Status.PUBLIC_DISCUSSION

    # Without the decision's number and date nothing is approved, and the form says why.
    page = _approve(planner_client, redaction, decision_number="", decision_date="")
    assert page.context["form"].errors.keys() == {"decision_number", "decision_date"}
    redaction.refresh_from_db()
    assert redaction.status == Status.PUBLIC_DISCUSSION

    response = _approve(
        planner_client,
        redaction,
        decision_number="15",
        decision_date="2019-11-28",
        decision_protocol="Nr. 14, 3.§",
    )
    assert [str(m) for m in response.context["messages"]] == ["Apstiprināta 1 redakcija."]
    redaction.refresh_from_db()
    assert redaction.status == Status.APPROVED
    assert (redaction.decision_number, redaction.decision_protocol) == ("15", "Nr. 14, 3.§")
    assert redaction.decision_date == datetime.date(2019, 11, 28)


def test_action_approve_shows_what_stops_the_approval_on_its_form(planner_client, redaction):
    pm.Action.objects.in_redaction(redaction).delete()
    _status(redaction, Status.PUBLIC_DISCUSSION)

    page = _approve(planner_client, redaction, decision_number="15", decision_date="2019-11-28")

    assert page.status_code == 200
    assert page.context["form"].non_field_errors() == ["Rīcības plānā nav nevienas rīcības."]
    assert page.context["form"]["decision_number"].value() == "15"
    redaction.refresh_from_db()
    assert (redaction.status, redaction.decision_number) == (Status.PUBLIC_DISCUSSION, "")


def test_action_approve_takes_one_redaction_at_a_time(planner_client, redaction, municipality):
    other = _status(full_redaction(municipality), Status.PUBLIC_DISCUSSION)
    _status(redaction, Status.PUBLIC_DISCUSSION)
    response = planner_client.post(
        url(pm.Redaction, "changelist"),
        {
            "action": "approve_redaction",
            "_selected_action": [redaction.pk, other.pk],
            "apply": "1",
            **DECISION,
        },
        follow=True,
    )
    assert [(m.level_tag, str(m)) for m in response.context["messages"]] == [
        (
            "error",
            "Apstipriniet pa vienai redakcijai: katru redakciju apstiprina ar savu domes lēmumu.",
        )
    ]
    assert not pm.Redaction.objects.filter(status=Status.APPROVED).exists()


def test_action_approve_supersedes_previous(planner_client, redaction):
    _status(redaction, Status.APPROVED)
    planner_client.post(
        url(pm.Redaction, "changelist"),
        {"action": "start_next_redaction", "_selected_action": [redaction.pk]},
    )
    new = pm.Redaction.objects.get(copied_from=redaction)
    _status(new, Status.PUBLIC_DISCUSSION)
    _approve(planner_client, new, decision_number="16", decision_date="2021-05-27")
    redaction.refresh_from_db()
    new.refresh_from_db()
    assert (redaction.status, new.status) == (Status.SUPERSEDED, Status.APPROVED)
    assert redaction.decision_number == "" and new.decision_number == "16"


def test_start_next_redaction_while_a_draft_exists_is_refused_naming_it(planner_client, redaction):
    _status(redaction, Status.APPROVED)
    start = {"action": "start_next_redaction", "_selected_action": [redaction.pk]}
    planner_client.post(url(pm.Redaction, "changelist"), start, follow=True)
    draft = pm.Redaction.objects.get(copied_from=redaction)

    response = planner_client.post(url(pm.Redaction, "changelist"), start, follow=True)

    assert [(m.level_tag, str(m)) for m in response.context["messages"]] == [
        (
            "error",
            f"{redaction}: Programmai jau ir melnraksts “{draft.display_label}”: turpiniet "
            "darbu ar to (programmai vienlaikus var būt tikai viens melnraksts).",
        )
    ]
    assert redaction.programme.redactions.count() == 2
    assert redaction.programme.redactions.filter(status=Status.DRAFT).get() == draft


def test_actions_cannot_touch_another_municipality(client, other_planner, redaction):
    client.force_login(other_planner)
    for action in ["open_public_discussion", "start_next_redaction"]:
        client.post(
            url(pm.Redaction, "changelist"),
            {"action": action, "_selected_action": [redaction.pk]},
        )
    redaction.refresh_from_db()
    assert redaction.status == Status.DRAFT
    assert pm.Redaction.objects.count() == 1


def test_project_manager_cannot_run_redaction_actions(client, project_manager, redaction):
    client.force_login(project_manager)
    client.post(
        url(pm.Redaction, "changelist"),
        {"action": "open_public_discussion", "_selected_action": [redaction.pk]},
    )
    redaction.refresh_from_db()
    assert redaction.status == Status.DRAFT


def test_new_action_line_is_saved_with_natural_code_order(planner_client, redaction):
    priority = redaction.priorities.get()
    for code in ["RV1.10", "RV1.2"]:
        data = {"priority": priority.pk, "code": code, "title": code, "description": ""}
        for prefix in ["tasks", "investment_items"]:
            data[f"{prefix}-TOTAL_FORMS"] = "0"
            data[f"{prefix}-INITIAL_FORMS"] = "0"
        assert planner_client.post(url(pm.ActionLine, "add"), data).status_code == 302
    assert [line.code for line in priority.action_lines.all()] == ["RV1.1", "RV1.2", "RV1.10"]


def test_duplicate_code_in_redaction_is_refused_in_admin(planner_client, redaction):
    other_priority = PriorityFactory(redaction=redaction, code="VTP2")
    data = {"priority": other_priority.pk, "code": "RV1.1", "title": "x", "description": ""}
    for prefix in ["tasks", "investment_items"]:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = planner_client.post(url(pm.ActionLine, "add"), data)
    assert response.status_code == 200
    assert "code" in response.context["adminform"].form.errors
    assert ActionLineFactory._meta.model.objects.filter(code="RV1.1").count() == 1


def test_redaction_page_shows_next_step_and_workflow_buttons(planner_client, redaction):
    empty = RedactionFactory(programme__municipality=redaction.programme.municipality, vision="")
    page = planner_client.get(url(pm.Redaction, "change", empty.pk))
    html = page.content.decode()
    assert page.context["workflow_actions"][0][0] == "open_public_discussion"
    assert 'value="open_public_discussion"' in html
    with translation.override("lv"):
        assert str(_("The redaction has no vision.")) in html

    ready = planner_client.get(url(pm.Redaction, "change", redaction.pk)).content.decode()
    assert "Gatava" in ready or "Ready" in ready


def test_project_manager_gets_no_workflow_buttons(client, project_manager, redaction):
    client.force_login(project_manager)
    page = client.get(url(pm.Redaction, "change", redaction.pk))
    assert page.status_code == 200
    assert page.context["workflow_actions"] == []


def test_withdraw_action(planner_client, redaction):
    _status(redaction, Status.APPROVED)
    planner_client.post(
        url(pm.Redaction, "changelist"),
        {"action": "withdraw_redaction", "_selected_action": [redaction.pk]},
    )
    redaction.refresh_from_db()
    assert redaction.status == Status.WITHDRAWN


def test_add_redaction_from_programme_suggests_next_number(planner_client, redaction):
    page = planner_client.get(url(pm.DevelopmentProgramme, "change", redaction.programme.pk))
    add = url(pm.Redaction, "add") + f"?programme={redaction.programme.pk}"
    assert add in page.content.decode()
    form = planner_client.get(add).context["adminform"].form
    assert form.initial["number"] == redaction.number + 1


def test_forged_inline_rows_do_not_reach_a_frozen_redaction(planner_client, redaction):
    _status(redaction, Status.PUBLIC_DISCUSSION)
    swot = redaction.swot_items.get()
    data = {"published_on": "", "decision_number": "", "decision_date": "", "decision_protocol": ""}
    for prefix in ["situation_sections", "coherence_items", "priorities", "indicators"]:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(
        {
            "swot_items-TOTAL_FORMS": "2",
            "swot_items-INITIAL_FORMS": "1",
            "swot_items-0-id": swot.pk,
            "swot_items-0-redaction": redaction.pk,
            "swot_items-0-kind": "threat",
            "swot_items-0-text": "Pārrakstīts",
            "swot_items-0-position": "0",
            "swot_items-0-DELETE": "on",
            "swot_items-1-redaction": redaction.pk,
            "swot_items-1-kind": "threat",
            "swot_items-1-text": "Iestumts",
            "swot_items-1-position": "1",
        }
    )
    response = planner_client.post(url(pm.Redaction, "change", redaction.pk), data)
    assert response.status_code in (200, 302, 403)
    assert list(redaction.swot_items.values_list("text", flat=True)) == [swot.text]


def test_reverting_frozen_content_from_history_is_refused(planner_client, redaction):
    line = pm.ActionLine.objects.in_redaction(redaction).get()
    version = line.history.first()
    _status(redaction, Status.PUBLIC_DISCUSSION)
    revert = url(pm.ActionLine, "simple_history", line.pk, version.history_id)
    assert planner_client.get(revert).status_code == 200
    response = planner_client.post(
        revert, {"priority": line.priority_id, "code": "RV5", "title": "Atjaunots"}
    )
    assert response.status_code == 403
    line.refresh_from_db()
    assert line.code == "RV1.1"


def test_changelist_filters_by_redaction_status(planner_client, redaction):
    frozen = _status(full_redaction(redaction.programme.municipality), Status.APPROVED)
    changelist = url(pm.Action, "changelist")
    page = planner_client.get(changelist + "?task__action_line__priority__redaction__status=draft")
    assert set(page.context["cl"].result_list) == set(pm.Action.objects.in_redaction(redaction))
    page = planner_client.get(
        changelist + "?task__action_line__priority__redaction__status=approved"
    )
    assert set(page.context["cl"].result_list) == set(pm.Action.objects.in_redaction(frozen))


def test_draft_redaction_can_be_deleted_unless_it_was_copied(planner_client, planner, redaction):
    from programmes import services

    spare = full_redaction(redaction.programme.municipality)
    response = planner_client.post(url(pm.Redaction, "delete", spare.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not pm.Redaction.objects.filter(pk=spare.pk).exists()

    # A draft with copies is older data (a copy is made from a published redaction now).
    _status(redaction, Status.PUBLIC_DISCUSSION)
    copy = services.start_next_redaction(redaction=redaction, user=planner)
    _status(copy, Status.PUBLIC_DISCUSSION)
    _status(redaction, Status.DRAFT)
    response = planner_client.post(url(pm.Redaction, "delete", redaction.pk), {"post": "yes"})
    assert response.status_code == 403
    assert pm.Redaction.objects.filter(pk=redaction.pk).exists()


def test_bulk_delete_of_frozen_content_is_refused_not_500(planner_client, redaction):
    _status(redaction, Status.APPROVED)
    actions = list(pm.Action.objects.in_redaction(redaction))
    response = planner_client.post(
        url(pm.Action, "changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in actions], "post": "yes"},
    )
    assert response.status_code in (200, 403)
    assert pm.Action.objects.in_redaction(redaction).count() == len(actions)


def test_data_source_cited_by_a_published_redaction_cannot_be_deleted(client, superuser, redaction):
    client.force_login(superuser)
    _status(redaction, Status.PUBLIC_DISCUSSION)
    source = redaction.situation_sections.get().data_sources.get()
    response = client.post(url(pm.DataSource, "delete", source.pk), {"post": "yes"})
    assert response.status_code == 403
    assert pm.DataSource.objects.filter(pk=source.pk).exists()
    assert client.get(url(pm.DataSource, "history", source.pk)).status_code == 200


# --- bad input in admin addresses: a clear answer, never a 500 -----------------------------

HUGE = "99999999999999999999"  # past a 64-bit integer: SQLite cannot even bind it


@pytest.mark.parametrize("programme", ["abc", HUGE, "-1", "0"])
def test_add_redaction_ignores_a_programme_that_is_not_one(planner_client, redaction, programme):
    response = planner_client.get(url(pm.Redaction, "add") + f"?programme={programme}")
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "programme" not in form.initial and "number" not in form.initial


def test_add_redaction_ignores_another_municipalitys_programme(
    planner_client, redaction, other_municipality
):
    other = full_redaction(other_municipality)
    response = planner_client.get(url(pm.Redaction, "add") + f"?programme={other.programme_id}")
    assert response.status_code == 200
    assert "programme" not in response.context["adminform"].form.initial


@pytest.mark.parametrize("object_id", [HUGE, "abc"])
def test_change_pages_of_ids_that_cannot_exist_are_404(planner_client, redaction, object_id):
    for model in (pm.Redaction, pm.ActionLine, pm.SteeringGroupMeeting):
        assert planner_client.get(url(model, "change", object_id)).status_code == 404
        assert planner_client.get(url(model, "history", object_id)).status_code == 404
    version = url(pm.Redaction, "simple_history", redaction.pk, object_id)
    assert planner_client.get(version).status_code == 404


@pytest.mark.parametrize("selected", [HUGE, "abc"])
def test_admin_action_on_an_id_that_cannot_exist_changes_nothing(
    planner_client, redaction, selected
):
    response = planner_client.post(
        url(pm.Redaction, "changelist"),
        {"action": "open_public_discussion", "_selected_action": [selected]},
        follow=True,
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Vienumi ir jāatlasa, lai ar tiem veiktu darbības. Neviens vienums nav mainīts."
    ]
    redaction.refresh_from_db()
    assert redaction.status == Status.DRAFT


def test_admin_action_runs_on_the_possible_ids_it_was_given(planner_client, redaction):
    response = planner_client.post(
        url(pm.Redaction, "changelist"),
        {"action": "open_public_discussion", "_selected_action": [HUGE, redaction.pk]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "1 redakcija nodota sabiedriskajai apspriešanai."
    ]


@pytest.mark.parametrize(
    "query",
    [
        "date__year=99999999999",
        "date__year=9999",
        "date__year=2013&date__month=99999999999",
        "date__year=2013&date__month=2&date__day=30",
        "date__year=abc",
    ],
)
def test_date_hierarchy_with_an_impossible_date_shows_the_whole_list(
    planner_client, redaction, query
):
    meeting = pm.SteeringGroupMeeting.objects.create(
        group=redaction.programme.steering_group, number=1, date=datetime.date(2012, 12, 20)
    )
    changelist = url(pm.SteeringGroupMeeting, "changelist")
    response = planner_client.get(f"{changelist}?{query}&q=")
    assert response.status_code == 302
    assert response["Location"] == f"{changelist}?q="
    response = planner_client.get(response["Location"])
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Tāda datuma nav: sarakstā redzami visi datumi."
    ]
    assert list(response.context["cl"].result_list) == [meeting]
    # A real year still narrows the list.
    response = planner_client.get(f"{changelist}?date__year=2012")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [meeting]


# --- monitoring: recorded in the approved redaction, everything else stays frozen ----------


def _inline_management(prefix, total, initial):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def test_planner_adds_an_actual_value_to_the_approved_redaction_and_the_page_shows_it(
    client, planner_client, planner, redaction
):
    _status(redaction, Status.APPROVED, **DECISION)
    indicator = pm.Indicator.objects.in_redaction(redaction).get()
    public = redaction.get_absolute_url()
    assert "180 (2024)" not in client.get(public).text  # its frozen parts are cached now

    add = url(pm.IndicatorValue, "add")
    page = planner_client.get(add)
    assert indicator in page.context["adminform"].form.fields["indicator"].queryset
    response = planner_client.post(
        add, {"indicator": indicator.pk, "year": "2024", "value": "180", "note": "CSP"}
    )

    assert response.status_code == 302
    value = indicator.values.get(year=2024)
    assert value.history.get().history_user == planner
    indicators = client.get(public).text.split('id="indicators"')[1]
    assert '<td class="num">180 (2024)</td>' in indicators
    assert "80&nbsp;%" in indicators  # (180 − 100) / (200 − 100) of the way to the target


def test_indicator_page_of_the_approved_redaction_records_values_only(planner_client, redaction):
    _status(redaction, Status.APPROVED, **DECISION)
    indicator = pm.Indicator.objects.in_redaction(redaction).get()
    [old] = indicator.values.all()
    change = url(pm.Indicator, "change", indicator.pk)

    page = planner_client.get(change)
    assert [str(m) for m in page.context["messages"]] == [
        "Šī redakcija ir apstiprināta: tās saturs ir iesaldēts, bet tās uzraudzību šeit "
        "joprojām var ierakstīt (rīcības statusu un izpildi, rādītāju faktiskās vērtības "
        "pa gadiem)."
    ]
    # Of the indicator itself, only who keeps it up to date and how often (monitoring too).
    assert set(page.context["adminform"].form.fields) == {"owner", "update_interval"}
    data = {
        "name": "Pārdēvēts",
        "target_value": "999",
        "owner": "",
        "update_interval": "12",
        **_inline_management("values", 2, 1),
        "values-0-id": old.pk,
        "values-0-indicator": indicator.pk,
        "values-0-year": old.year,
        "values-0-value": "155",
        "values-0-note": "",
        "values-1-indicator": indicator.pk,
        "values-1-year": "2024",
        "values-1-value": "170",
        "values-1-note": "",
    }
    response = planner_client.post(change, data)

    assert response.status_code == 302, response.context and [
        formset.errors for formset in response.context["inline_admin_formsets"]
    ]
    indicator.refresh_from_db()
    assert (indicator.name, indicator.target_value) != ("Pārdēvēts", Decimal("999"))
    assert dict(indicator.values.values_list("year", "value")) == {
        old.year: Decimal("155"),
        2024: Decimal("170"),
    }


def test_action_of_the_approved_redaction_takes_status_and_progress_only(
    client, planner_client, redaction
):
    _status(redaction, Status.APPROVED, **DECISION)
    action = pm.Action.objects.in_redaction(redaction).get()
    change = url(pm.Action, "change", action.pk)
    form = planner_client.get(change).context["adminform"].form
    assert set(form.fields) == {"status", "progress", "owner", "update_interval"}

    response = planner_client.post(
        change,
        {
            "status": "in_progress",
            "progress": "75",
            "title": "Pārrakstīta",
            "owner": "",
            "update_interval": "3",
        },
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.progress, action.update_interval) == ("in_progress", 75, 3)
    assert action.last_updated_at is not None
    assert action.title != "Pārrakstīta"
    assert 'value="75"' in client.get(redaction.get_absolute_url()).text
    # It stays an action of the plan: it cannot be deleted.
    assert planner_client.post(
        url(pm.Action, "delete", action.pk), {"post": "yes"}
    ).status_code == (403)


@pytest.mark.parametrize("status", [Status.PUBLIC_DISCUSSION, Status.SUPERSEDED])
def test_monitoring_is_read_only_unless_the_redaction_is_in_force(
    planner_client, redaction, status
):
    _status(redaction, status, **DECISION)
    indicator = pm.Indicator.objects.in_redaction(redaction).get()
    action = pm.Action.objects.in_redaction(redaction).get()
    add = url(pm.IndicatorValue, "add")
    assert (
        indicator
        not in planner_client.get(add).context["adminform"].form.fields["indicator"].queryset
    )
    response = planner_client.post(add, {"indicator": indicator.pk, "year": "2024", "value": "1"})
    assert response.status_code == 200 and not indicator.values.filter(year=2024).exists()
    assert planner_client.post(
        url(pm.Action, "change", action.pk), {"progress": "90"}
    ).status_code == (403)
    assert not planner_client.get(url(pm.Indicator, "change", indicator.pk)).context[
        "has_change_permission"
    ]


# --- lists in the order planners read them --------------------------------------------------


def test_clicking_the_code_column_sorts_codes_naturally(planner_client, redaction):
    priority = redaction.priorities.get()
    for code in ("RV1.10", "RV1.2"):
        ActionLineFactory(priority=priority, code=code)
    for query in ("", "?o=1", "?o=-1"):
        response = planner_client.get(url(pm.ActionLine, "changelist") + query)
        codes = [line.code for line in response.context["cl"].result_list]
        expected = ["RV1.1", "RV1.2", "RV1.10"]
        assert codes == (expected[::-1] if query == "?o=-1" else expected)


def test_sections_and_swot_are_listed_in_the_programme_order(planner_client, redaction):
    redaction.situation_sections.all().delete()
    redaction.swot_items.all().delete()
    for area in ("economy", "population", "nature"):
        SituationSectionFactory(redaction=redaction, area=area)
    for kind in ("threat", "opportunity", "strength", "weakness"):
        SwotItemFactory(redaction=redaction, kind=kind)
    for query in ("", "?o=2"):
        response = planner_client.get(url(pm.SituationSection, "changelist") + query)
        areas = [section.area for section in response.context["cl"].result_list]
        assert areas == ["nature", "population", "economy"]
        response = planner_client.get(url(pm.SwotItem, "changelist") + query)
        kinds = [item.kind for item in response.context["cl"].result_list]
        assert kinds == ["strength", "weakness", "opportunity", "threat"]


# --- data sources: national ones shared, each municipality's own its own --------------------


@pytest.fixture
def sources(municipality, other_municipality):
    """A national source, this municipality's survey and the other's of the same name."""
    from tests.factories import DataSourceFactory

    return {
        "national": DataSourceFactory(code="NVA", name="Nodarbinātības valsts aģentūra"),
        "own": DataSourceFactory(
            code="Aptauja 2018", name="Daugavpils iedzīvotāju aptauja", municipality=municipality
        ),
        "foreign": DataSourceFactory(
            code="Aptauja 2018", name="Līvānu iedzīvotāju aptauja", municipality=other_municipality
        ),
    }


def _source_post(source, **changes):
    data = {
        "municipality": source.municipality_id or "",
        "code": source.code,
        "name": source.name,
        "url": source.url,
    }
    data.update(changes)
    return data


def test_planner_sees_and_picks_national_and_own_sources_only(planner_client, redaction, sources):
    changelist = planner_client.get(url(pm.DataSource, "changelist"))
    csp = redaction.situation_sections.get().data_sources.get()
    assert set(changelist.context["cl"].result_list) == {sources["national"], sources["own"], csp}
    assert "valsts mēroga" in changelist.content.decode()  # the owner filter names them

    section = redaction.situation_sections.get()
    form = planner_client.get(url(pm.SituationSection, "change", section.pk)).context["adminform"]
    choices = set(form.form.fields["data_sources"].queryset)
    assert choices == {sources["national"], sources["own"], csp}


def test_another_municipalitys_planner_cannot_see_or_edit_its_source(
    planner_client, redaction, sources
):
    foreign = sources["foreign"]
    for view in ("change", "history", "delete"):
        assert planner_client.get(url(pm.DataSource, view, foreign.pk)).status_code == 404
    response = planner_client.post(
        url(pm.DataSource, "change", foreign.pk), _source_post(foreign, name="Pārrakstīts")
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.name == "Līvānu iedzīvotāju aptauja"


def test_planner_cannot_edit_a_national_source(planner_client, redaction, sources):
    national = sources["national"]
    page = planner_client.get(url(pm.DataSource, "change", national.pk))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert [str(m) for m in page.context["messages"]] == [
        "Šis ir valsts mēroga datu avots, uz kuru atsaucas visas pašvaldības: to var mainīt "
        "tikai portāla administratori."
    ]
    response = planner_client.post(
        url(pm.DataSource, "change", national.pk), _source_post(national, name="Pārrakstīts")
    )
    assert response.status_code == 403
    assert planner_client.post(
        url(pm.DataSource, "delete", national.pk), {"post": "yes"}
    ).status_code in (403, 404)
    national.refresh_from_db()
    assert national.name == "Nodarbinātības valsts aģentūra"


def test_planner_edits_own_source_and_adds_only_own(planner_client, municipality, sources):
    own = sources["own"]
    response = planner_client.post(
        url(pm.DataSource, "change", own.pk), _source_post(own, name="Aptauja (2018)")
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Aptauja (2018)"

    add = url(pm.DataSource, "add")
    form = planner_client.get(add).context["adminform"].form
    assert list(form.fields["municipality"].queryset) == [municipality]
    assert form.initial["municipality"] == municipality.pk
    for owner in ("", sources["foreign"].municipality_id):
        response = planner_client.post(
            add, {"municipality": owner, "code": "Jauns", "name": "Jauns avots", "url": ""}
        )
        assert response.status_code == 200
        assert "municipality" in response.context["adminform"].form.errors
    # The national abbreviation is taken for every municipality.
    response = planner_client.post(
        add, {"municipality": municipality.pk, "code": "nva", "name": "NVA filiāle", "url": ""}
    )
    assert "code" in response.context["adminform"].form.errors
    assert not pm.DataSource.objects.filter(name__in=["Jauns avots", "NVA filiāle"]).exists()


def test_source_cited_by_a_frozen_redaction_cannot_be_changed(
    client, planner_client, superuser, redaction, sources
):
    own = sources["own"]
    redaction.situation_sections.get().data_sources.add(own)
    _status(redaction, Status.APPROVED)

    page = planner_client.get(url(pm.DataSource, "change", own.pk))
    assert not page.context["has_change_permission"]
    refusal = (
        "Datu avotu, uz kuru atsaucas publicēta redakcija, nevar mainīt: redakcija to rāda "
        "tādu, kāds tas bija, kad uz to atsaucās."
    )
    assert [str(m) for m in page.context["messages"]] == [refusal]
    response = planner_client.post(
        url(pm.DataSource, "change", own.pk), _source_post(own, name="Pārrakstīts")
    )
    assert response.status_code == 403

    # Nobody changes it, whatever the path.
    own.name = "Pārrakstīts"
    with pytest.raises(pm.RedactionFrozen) as error:
        own.save()
    assert error.value.messages == [refusal]
    with pytest.raises(pm.RedactionFrozen):
        pm.DataSource.objects.filter(pk=own.pk).update(name="Pārrakstīts")
    with pytest.raises(pm.RedactionFrozen):
        pm.DataSource.objects.filter(code="Aptauja 2018").update(url="https://example.com/")
    own.refresh_from_db()
    assert own.name == "Daugavpils iedzīvotāju aptauja"
    # A source no frozen content cites still changes.
    pm.DataSource.objects.filter(pk=sources["foreign"].pk).update(url="https://livani.lv/")


def test_editing_a_national_source_another_municipality_cites_leaves_its_page_as_it_was(
    client, superuser, other_municipality, sources
):
    national = sources["national"]
    foreign = full_redaction(other_municipality)
    foreign.situation_sections.get().data_sources.add(national)
    _status(foreign, Status.APPROVED)
    public = foreign.get_absolute_url()
    before = client.get(public).content.decode()
    assert "NVA" in before

    client.force_login(superuser)
    response = client.post(
        url(pm.DataSource, "change", national.pk), _source_post(national, code="NVA-X")
    )
    assert response.status_code == 403
    national.refresh_from_db()
    assert national.code == "NVA"
    client.logout()
    assert "NVA-X" not in client.get(public).content.decode()
