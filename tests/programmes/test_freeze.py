import copy
import datetime
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction

from programmes.models import (
    Action,
    ActionLine,
    DataSource,
    Indicator,
    IndicatorValue,
    InvalidStatusChange,
    InvestmentAmount,
    Redaction,
    RedactionContent,
    RedactionFrozen,
    SituationSection,
    SwotItem,
    natural_sort_key,
)
from programmes.services import start_next_redaction
from tests.factories import (
    ActionLineFactory,
    DataSourceFactory,
    IndicatorFactory,
    PriorityFactory,
    UserFactory,
    full_redaction,
)


def test_codes_order_naturally():
    codes = ["RV1.10", "RV1.2", "RV2.1", "RV1.1"]
    assert sorted(codes, key=natural_sort_key) == ["RV1.1", "RV1.2", "RV1.10", "RV2.1"]


@pytest.mark.django_db
def test_content_of_a_redaction_in_public_discussion_cannot_change():
    line = ActionLineFactory(code="RV1.1")
    Redaction.objects.filter(pk=line.priority.redaction_id).update(status="public_discussion")
    line.title = "Changed"
    with pytest.raises(RedactionFrozen):
        line.save()
    with pytest.raises(RedactionFrozen):
        line.delete()
    with pytest.raises(RedactionFrozen):
        ActionLine.objects.filter(pk=line.pk).update(title="Bulk")
    with pytest.raises(RedactionFrozen):
        ActionLine.objects.filter(pk=line.pk).delete()
    line.refresh_from_db()
    assert line.title != "Changed"


@pytest.mark.django_db
def test_draft_content_can_change_and_orders_by_code():
    priority = PriorityFactory()
    for code in ["RV1.10", "RV1.2", "RV1.1"]:
        ActionLineFactory(priority=priority, code=code)
    assert [a.code for a in priority.action_lines.all()] == ["RV1.1", "RV1.2", "RV1.10"]


@pytest.mark.django_db
def test_frozen_redaction_vision_cannot_change_but_status_can():
    redaction = PriorityFactory().redaction
    redaction.status = Redaction.Status.PUBLIC_DISCUSSION
    redaction.save()
    redaction.vision = "Cita vīzija"
    with pytest.raises(RedactionFrozen):
        redaction.save()
    redaction.refresh_from_db()
    redaction.status = Redaction.Status.APPROVED
    redaction.decision_number = "15"
    redaction.decision_date = datetime.date(2019, 11, 28)
    redaction.save()
    with pytest.raises(RedactionFrozen):
        redaction.delete()


# --- statuses move only the way the workflow allows, whoever writes them -------------------

STATUSES = list(Redaction.Status)
FORBIDDEN_MOVES = [
    (current, target)
    for current in STATUSES
    for target in STATUSES
    if current != target and current not in Redaction.STATUS_TRANSITIONS.get(target, set())
]
DECISION = {"decision_number": "15", "decision_date": datetime.date(2019, 11, 28)}


def test_nothing_moves_back_to_draft_and_nothing_skips_a_step():
    assert all((status, Redaction.Status.DRAFT) in FORBIDDEN_MOVES for status in STATUSES[1:])
    assert (Redaction.Status.DRAFT, Redaction.Status.APPROVED) in FORBIDDEN_MOVES
    assert (Redaction.Status.DRAFT, Redaction.Status.SUPERSEDED) in FORBIDDEN_MOVES
    assert (Redaction.Status.WITHDRAWN, Redaction.Status.APPROVED) in FORBIDDEN_MOVES


@pytest.mark.django_db
@pytest.mark.parametrize(
    "current,target", FORBIDDEN_MOVES, ids=[f"{c}-to-{t}" for c, t in FORBIDDEN_MOVES]
)
def test_a_forbidden_status_move_is_refused_by_save_and_by_bulk_update(current, target):
    redaction = PriorityFactory(redaction__vision="Zaļa pilsēta").redaction
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(current, **DECISION)
    redaction.refresh_from_db()

    redaction.status = target
    with pytest.raises(InvalidStatusChange) as refusal:
        redaction.save()
    assert refusal.value.messages == [
        f"Redakciju statusā “{Redaction.Status(current).label}” nevar pārcelt uz statusu "
        f"“{Redaction.Status(target).label}”."
    ]
    with pytest.raises(InvalidStatusChange):
        Redaction.objects.filter(pk=redaction.pk).update(status=target)
    assert Redaction.objects.get(pk=redaction.pk).status == current


@pytest.mark.django_db
@pytest.mark.parametrize("status", STATUSES[1:])
def test_a_published_redaction_put_back_to_draft_keeps_its_content_frozen(status):
    line = ActionLineFactory(code="RV1.1", title="Uzņēmējdarbība")
    redaction = line.priority.redaction
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(status, **DECISION)
    redaction.refresh_from_db()

    redaction.status = Redaction.Status.DRAFT
    with pytest.raises(InvalidStatusChange):
        redaction.save()
    with pytest.raises(InvalidStatusChange):
        Redaction.objects.filter(pk=redaction.pk).update(status="draft")
    line.title = "Pārrakstīts"
    with pytest.raises(RedactionFrozen):
        line.save()
    line.refresh_from_db()
    assert line.title == "Uzņēmējdarbība"
    assert Redaction.objects.get(pk=redaction.pk).status == status


@pytest.mark.django_db
def test_every_allowed_move_goes_through_save_and_bulk_update():
    redaction = PriorityFactory().redaction
    redaction.status = Redaction.Status.PUBLIC_DISCUSSION
    redaction.save()
    Redaction.objects.filter(pk=redaction.pk).update(status="approved", **DECISION)
    redaction.refresh_from_db()
    redaction.status = Redaction.Status.SUPERSEDED
    redaction.save()
    Redaction.objects.filter(pk=redaction.pk).update(status="withdrawn")
    assert Redaction.objects.get(pk=redaction.pk).status == Redaction.Status.WITHDRAWN


@pytest.mark.django_db
def test_approval_without_the_council_decision_is_refused_by_save_and_bulk_update():
    redaction = PriorityFactory().redaction
    Redaction.objects.filter(pk=redaction.pk).update(status="public_discussion")
    redaction.refresh_from_db()
    redaction.status = Redaction.Status.APPROVED
    with pytest.raises(InvalidStatusChange) as refusal:
        redaction.save()
    assert refusal.value.messages == [
        "Pirms apstiprināšanas ierakstiet tā domes lēmuma numuru, ar kuru redakcija tiek "
        "apstiprināta.",
        "Pirms apstiprināšanas ierakstiet tā domes lēmuma datumu, ar kuru redakcija tiek "
        "apstiprināta.",
    ]
    with pytest.raises(InvalidStatusChange):
        Redaction.objects.filter(pk=redaction.pk).update(status="approved", decision_number="1")
    assert Redaction.objects.get(pk=redaction.pk).status == Redaction.Status.PUBLIC_DISCUSSION


@pytest.mark.django_db
def test_a_new_redaction_starts_as_a_draft():
    programme = PriorityFactory().redaction.programme
    with pytest.raises(InvalidStatusChange) as refusal:
        Redaction.objects.create(programme=programme, number=7, status="approved", **DECISION)
    assert refusal.value.messages == [
        "Jauna redakcija sākas kā melnraksts; publicējiet to ar tās darbībām."
    ]
    with pytest.raises(InvalidStatusChange):
        Redaction.objects.bulk_create([Redaction(programme=programme, number=8, status="approved")])
    assert not Redaction.objects.filter(number__in=[7, 8]).exists()


@pytest.mark.django_db
def test_a_draft_others_were_copied_from_cannot_be_deleted():
    # A draft with copies arises only from data older than the one-draft rule: the copy
    # is made from a published redaction, which is then put back (past the workflow).
    source = _frozen_now(full_redaction(), Redaction.Status.PUBLIC_DISCUSSION)
    copy = start_next_redaction(redaction=source, user=None)
    Redaction.objects.filter(pk=copy.pk).set_status_for_tests(Redaction.Status.PUBLIC_DISCUSSION)
    Redaction.objects.filter(pk=source.pk).set_status_for_tests(Redaction.Status.DRAFT)
    source.refresh_from_db()
    for delete in (source.delete, Redaction.objects.filter(pk=source.pk).delete):
        with pytest.raises(RedactionFrozen) as refusal:
            delete()
        assert refusal.value.messages == [
            "No šīs redakcijas ir izveidotas citas redakcijas, kas to glabā kā savu izcelsmi, "
            "tāpēc to nevar dzēst."
        ]
    copy.refresh_from_db()
    assert copy.copied_from_id == source.pk
    # Once its copy is gone, a draft may go.
    Redaction.objects.filter(pk=source.pk).set_status_for_tests(Redaction.Status.WITHDRAWN)
    Redaction.objects.filter(pk=copy.pk).set_status_for_tests(Redaction.Status.DRAFT)
    copy.refresh_from_db()
    copy.delete()
    Redaction.objects.filter(pk=source.pk).set_status_for_tests(Redaction.Status.DRAFT)
    source.refresh_from_db()
    source.delete()
    assert not Redaction.objects.filter(pk=source.pk).exists()


def test_only_tests_call_the_status_escape_hatch():
    """`set_status_for_tests` bypasses the workflow: no application code may use it."""
    root = Path(__file__).resolve().parents[2]
    callers = [
        path.relative_to(root).as_posix()
        for app in ("portal", "programmes", "projects", "consultations")
        for path in (root / app).rglob("*.py")
        if ".set_status_for_tests(" in path.read_text(encoding="utf-8")
    ]
    assert callers == []


# --- the freeze holds for every kind of content and every way of writing -----------------

CONTENT_MODELS = [
    model
    for model in apps.get_app_config("programmes").get_models()
    if issubclass(model, RedactionContent)
]


def _frozen(status=Redaction.Status.APPROVED):
    return _frozen_now(full_redaction(), status)


def _frozen_now(redaction, status=Redaction.Status.APPROVED):
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(status, **DECISION)
    redaction.refresh_from_db()
    return redaction


@pytest.fixture
def frozen():
    return _frozen()


MONITORING_MODELS = [
    model
    for model in CONTENT_MODELS
    if model in (Action, IndicatorValue, InvestmentAmount, Indicator)
]
# Every kind of content is frozen in every published status; monitoring (an action's
# status and progress, indicators' actual values, what was spent of a planned amount, who
# owns an action or indicator) stays open in the approved redaction.
FROZEN_CASES = [
    (model, status)
    for model in CONTENT_MODELS
    for status in STATUSES[1:]
    if not (model in MONITORING_MODELS and status == Redaction.Status.APPROVED)
]


def test_every_content_model_is_covered():
    names = {model.__name__ for model in CONTENT_MODELS}
    assert names == {
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
    }


def test_monitoring_is_progress_values_spending_and_ownership():
    assert {m.__name__ for m in MONITORING_MODELS} == {
        "Action",
        "IndicatorValue",
        "InvestmentAmount",
        "Indicator",
    }
    ownership = ("owner", "update_interval", "last_updated_at")
    assert Action.monitoring_fields == ("status", "progress", *ownership)
    assert Indicator.monitoring_fields == ownership
    assert InvestmentAmount.monitoring_fields == ("spent",)
    assert IndicatorValue.monitoring_rows
    assert not any(m.monitoring_fields for m in CONTENT_MODELS if m not in MONITORING_MODELS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model,status", FROZEN_CASES, ids=[f"{m.__name__}-{s}" for m, s in FROZEN_CASES]
)
def test_frozen_content_refuses_save_delete_and_bulk_writes(model, status):
    frozen = _frozen(status)
    rows = model.objects.in_redaction(frozen)
    obj = rows.first()
    assert obj is not None, "full_redaction() has one of everything"
    before = model.objects.count()

    with pytest.raises(RedactionFrozen):
        obj.save()
    with pytest.raises(RedactionFrozen):
        obj.delete()
    with pytest.raises(RedactionFrozen):
        rows.update(copied_from=None)
    with pytest.raises(RedactionFrozen):
        rows.delete()
    with pytest.raises(RedactionFrozen):
        model.objects.bulk_update([obj], ["copied_from"])
    clone = copy.copy(obj)
    clone.pk = None
    with pytest.raises(RedactionFrozen):
        model.objects.bulk_create([clone])

    assert model.objects.count() == before


@pytest.mark.django_db
def test_draft_content_cannot_be_moved_or_bulk_created_under_a_frozen_parent(frozen):
    draft = full_redaction()
    frozen_priority = frozen.priorities.get()
    draft_line = ActionLine.objects.in_redaction(draft).get()

    with pytest.raises(RedactionFrozen):
        ActionLine.objects.filter(pk=draft_line.pk).update(priority=frozen_priority)
    with pytest.raises(RedactionFrozen):
        ActionLine.objects.filter(pk=draft_line.pk).update(priority_id=frozen_priority.pk)
    draft_line.priority = frozen_priority
    with pytest.raises(RedactionFrozen):
        ActionLine.objects.bulk_update([draft_line], ["priority"])
    with pytest.raises(RedactionFrozen):
        ActionLine.objects.bulk_create([ActionLine(priority=frozen_priority, code="RV9")])
    with pytest.raises(RedactionFrozen):
        SwotItem.objects.create(redaction=frozen, kind="threat", text="Jauns")

    assert frozen_priority.action_lines.count() == 1
    # Draft content moves freely between draft parents.
    other_priority = PriorityFactory(redaction=draft, code="VTP2")
    ActionLine.objects.filter(pk=draft_line.pk).update(priority=other_priority)


@pytest.mark.django_db
def test_frozen_redaction_refuses_bulk_changes_of_its_content_but_not_of_its_status(frozen):
    rows = Redaction.objects.filter(pk=frozen.pk)
    with pytest.raises(RedactionFrozen):
        rows.update(vision="Cita vīzija")
    with pytest.raises(RedactionFrozen):
        rows.update(number=7)
    with pytest.raises(RedactionFrozen):
        rows.delete()
    # Superseding records no decision: the approved one stays as it was.
    with pytest.raises(RedactionFrozen):
        rows.update(status=Redaction.Status.SUPERSEDED, decision_number="12")
    rows.update(status=Redaction.Status.SUPERSEDED)
    frozen.refresh_from_db()
    assert frozen.status == Redaction.Status.SUPERSEDED
    assert frozen.decision_number == DECISION["decision_number"]
    assert frozen.vision != "Cita vīzija"
    assert Redaction.objects.filter(pk=frozen.pk).exists()


@contextmanager
def refused():
    """Expect a refusal; the savepoint keeps the test's transaction usable after it (Django
    runs many-to-many changes in an atomic block that a refusal inside marks as broken)."""
    with pytest.raises(RedactionFrozen), transaction.atomic():
        yield


@pytest.mark.django_db
def test_frozen_section_keeps_its_data_sources_from_either_side(frozen):
    section = frozen.situation_sections.get()
    source = section.data_sources.get()
    new_source = DataSourceFactory(code="NVA", name="Nodarbinātības valsts aģentūra")

    with refused():
        section.data_sources.add(new_source)
    with refused():
        section.data_sources.remove(source)
    with refused():
        section.data_sources.clear()
    with refused():
        section.data_sources.set([new_source])
    with refused():
        new_source.sections.add(section)
    with refused():
        source.sections.clear()
    with refused():
        source.delete()
    with refused():
        DataSource.objects.filter(pk=source.pk).delete()

    assert list(section.data_sources.all()) == [source]
    # A data source only drafts cite may go.
    draft_section = full_redaction().situation_sections.get()
    draft_section.data_sources.add(new_source)
    new_source.delete()
    assert list(draft_section.data_sources.all()) == [source]


@pytest.mark.django_db
def test_only_a_raw_fixture_load_writes_a_frozen_section_and_its_data_sources(frozen, tmp_path):
    """Restoring a backup with `loaddata` writes frozen rows as they were (raw saves, the
    section's data sources set on the loaded object) and adds no history; every ordinary
    write to the same frozen section is still refused."""
    section = frozen.situation_sections.get()
    source = section.data_sources.get()
    fixture = tmp_path / "section.json"
    fixture.write_text(serializers.serialize("json", [section]), encoding="utf-8")
    history = section.history.count()
    # The database as a fresh restore finds it: the section and its sources not there.
    through = SituationSection.data_sources.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {through} WHERE situationsection_id = %s", [section.pk])
        cursor.execute("DELETE FROM programmes_situationsection WHERE id = %s", [section.pk])

    call_command("loaddata", fixture, verbosity=0)

    restored = SituationSection.objects.get(pk=section.pk)
    assert restored.text == section.text
    assert list(restored.data_sources.all()) == [source]
    assert restored.history.count() == history
    new_source = DataSourceFactory(code="NVA", name="Nodarbinātības valsts aģentūra")
    restored.text = "Pārrakstīts"
    with refused():
        restored.save()
    with refused():
        restored.delete()
    with refused():
        restored.data_sources.add(new_source)
    with refused():
        restored.data_sources.set([new_source])
    with refused():
        new_source.sections.add(restored)
    restored.refresh_from_db()
    assert restored.text == section.text
    assert list(restored.data_sources.all()) == [source]


# --- monitoring stays open while the redaction is in force ---------------------------------


@pytest.mark.django_db
def test_approved_redaction_takes_new_indicator_values_and_keeps_their_history():
    draft = full_redaction()
    other = IndicatorFactory(redaction=draft, code="R2")
    frozen = _frozen_now(draft)
    indicator = frozen.indicators.get(code="R1")
    value = IndicatorValue.objects.create(indicator=indicator, year=2024, value=Decimal("170"))
    value.value = Decimal("175")
    value.note = "Precizēts"
    value.save()
    IndicatorValue.objects.filter(pk=value.pk).update(note="Pēc CSP datiem")
    IndicatorValue.objects.bulk_create([IndicatorValue(indicator=indicator, year=2025, value=1)])
    IndicatorValue.objects.filter(indicator=indicator, year=2025).delete()

    value.refresh_from_db()
    assert (value.value, value.note) == (Decimal("175"), "Pēc CSP datiem")
    assert [h.value for h in value.history.order_by("history_date")] == [
        Decimal("170"),
        Decimal("175"),
    ]
    # A value stays with its indicator: moving it is not monitoring.
    value.indicator = other
    with pytest.raises(RedactionFrozen):
        value.save()
    with pytest.raises(RedactionFrozen):
        IndicatorValue.objects.filter(pk=value.pk).update(indicator=other)
    with pytest.raises(RedactionFrozen):
        IndicatorValue.objects.filter(pk=value.pk).update(copied_from=None)


@pytest.mark.django_db
def test_approved_redaction_records_action_progress_but_nothing_else(frozen):
    action = Action.objects.in_redaction(frozen).get()
    action.status = Action.Status.IN_PROGRESS
    action.progress = 70
    action.save()
    Action.objects.filter(pk=action.pk).update(progress=80)
    action.refresh_from_db()
    assert (action.status, action.progress) == (Action.Status.IN_PROGRESS, 80)

    action.title = "Cita rīcība"
    with pytest.raises(RedactionFrozen):
        action.save()
    with pytest.raises(RedactionFrozen):
        Action.objects.filter(pk=action.pk).update(progress=90, estimated_cost=1)
    with pytest.raises(RedactionFrozen):
        action.delete()
    clone = copy.copy(action)
    clone.pk, clone.code = None, "R99"
    with pytest.raises(RedactionFrozen):
        Action.objects.bulk_create([clone])
    action.refresh_from_db()
    assert (action.title, action.progress) != ("Cita rīcība", 90)


@pytest.mark.django_db
def test_approved_redaction_records_spending_and_owners_but_not_plans(frozen):
    amount = InvestmentAmount.objects.in_redaction(frozen).first()
    amount.spent = Decimal("1000")
    amount.save()
    InvestmentAmount.objects.filter(pk=amount.pk).update(spent=Decimal("1200"))
    amount.refresh_from_db()
    assert amount.spent == Decimal("1200")
    amount.amount += 1
    with pytest.raises(RedactionFrozen):
        amount.save()
    with pytest.raises(RedactionFrozen):
        InvestmentAmount.objects.filter(pk=amount.pk).update(amount=1)

    indicator = frozen.indicators.first()
    owner = UserFactory()
    indicator.owner = owner
    indicator.update_interval = 3
    indicator.save()
    indicator.refresh_from_db()
    assert indicator.owner == owner
    indicator.target_value += 1
    with pytest.raises(RedactionFrozen):
        indicator.save()


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["public_discussion", "superseded", "withdrawn"])
def test_monitoring_is_closed_unless_the_redaction_is_in_force(status):
    frozen = _frozen(status)
    indicator = frozen.indicators.get()
    with pytest.raises(RedactionFrozen):
        IndicatorValue.objects.create(indicator=indicator, year=2024, value=1)
    action = Action.objects.in_redaction(frozen).get()
    action.progress = 90
    with pytest.raises(RedactionFrozen):
        action.save()


# --- the official record of a redaction that left draft ------------------------------------

PUBLISHED_STATUSES = [status for status in STATUSES if status != Redaction.Status.DRAFT]
NEW_RECORD = {
    "decision_number": "99",
    "decision_date": datetime.date(2020, 1, 1),
    "decision_protocol": "Nr. 1, 1.§",
    "published_on": datetime.date(2020, 1, 2),
    "status_changed_at": datetime.datetime(2020, 1, 3, tzinfo=datetime.UTC),
}


def _pdf(name="lemums.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def _with_record(status, document=""):
    redaction = full_redaction()
    Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(
        status,
        decision_protocol="Nr. 14, 3.§",
        published_on=datetime.date(2019, 12, 2),
        document=document,
        **DECISION,
    )
    redaction.refresh_from_db()
    return redaction


@pytest.mark.django_db
@pytest.mark.parametrize("status", PUBLISHED_STATUSES)
@pytest.mark.parametrize("field", list(NEW_RECORD))
def test_official_record_refuses_save_and_update_once_out_of_draft(status, field):
    redaction = _with_record(status, document="redactions/lemums.pdf")
    before = Redaction.objects.filter(pk=redaction.pk).values(*Redaction.OFFICIAL_RECORD_FIELDS)[0]

    setattr(redaction, field, NEW_RECORD[field])
    with pytest.raises(RedactionFrozen) as refusal:
        redaction.save()
    assert refusal.value.messages == [
        "Kad redakcija vairs nav melnraksts, tās oficiālos datus (domes lēmumu, publicēšanas "
        "datumu un dokumentu) mainīt nevar. Lai kaut ko labotu, sāciet nākamo redakciju."
    ]
    with pytest.raises(RedactionFrozen):
        Redaction.objects.filter(pk=redaction.pk).update(**{field: NEW_RECORD[field]})
    with pytest.raises(RedactionFrozen):
        Redaction.objects.bulk_update([redaction], [field])

    after = Redaction.objects.filter(pk=redaction.pk).values(*Redaction.OFFICIAL_RECORD_FIELDS)[0]
    assert after == before


@pytest.mark.django_db
@pytest.mark.parametrize("status", PUBLISHED_STATUSES)
def test_a_missing_document_is_attached_once_then_never_replaced(status):
    redaction = _with_record(status)
    assert not redaction.document

    redaction.document = _pdf()
    redaction.save()
    redaction.refresh_from_db()
    attached = redaction.document.name
    assert attached

    for replacement in (_pdf("cits.pdf"), None):
        redaction.document = replacement
        with pytest.raises(RedactionFrozen) as refusal:
            redaction.save()
        assert refusal.value.messages == [
            "Redakcijas dokuments jau ir pievienots, un to nevar aizstāt vai noņemt. Lai kaut "
            "ko labotu, sāciet nākamo redakciju."
        ]
    for replacement in ("redactions/cits.pdf", ""):
        with pytest.raises(RedactionFrozen):
            Redaction.objects.filter(pk=redaction.pk).update(document=replacement)
    redaction.refresh_from_db()
    assert redaction.document.name == attached


@pytest.mark.django_db
def test_a_missing_document_can_be_attached_by_update_too():
    redaction = _with_record(Redaction.Status.APPROVED)
    Redaction.objects.filter(pk=redaction.pk).update(document="redactions/lemums.pdf")
    with pytest.raises(RedactionFrozen):
        Redaction.objects.filter(pk=redaction.pk).update(document="redactions/cits.pdf")
    assert Redaction.objects.get(pk=redaction.pk).document.name == "redactions/lemums.pdf"


@pytest.mark.django_db
def test_only_the_move_to_approved_records_the_decision():
    redaction = full_redaction()
    redaction.status = Redaction.Status.PUBLIC_DISCUSSION
    redaction.save()
    first_published = Redaction.objects.get(pk=redaction.pk).published_on

    # In public discussion the decision waits for the approval that records it.
    redaction.decision_number = "15"
    with pytest.raises(RedactionFrozen):
        redaction.save()
    with pytest.raises(RedactionFrozen):
        Redaction.objects.filter(pk=redaction.pk).update(decision_number="15")
    # Withdrawing records no decision either.
    with pytest.raises(RedactionFrozen):
        Redaction.objects.filter(pk=redaction.pk).update(status="withdrawn", decision_number="1")

    redaction.status = Redaction.Status.APPROVED
    redaction.decision_date = DECISION["decision_date"]
    redaction.decision_protocol = "Nr. 14, 3.§"
    redaction.published_on = datetime.date(2019, 12, 2)  # missing until now: recorded
    redaction.save()
    redaction.refresh_from_db()
    assert (redaction.decision_number, redaction.decision_protocol) == ("15", "Nr. 14, 3.§")
    assert first_published is None and redaction.published_on == datetime.date(2019, 12, 2)

    # From now on the decision and the date stay, whatever moves next.
    redaction.status = Redaction.Status.SUPERSEDED
    redaction.decision_number = "16"
    with pytest.raises(RedactionFrozen):
        redaction.save()
    redaction.refresh_from_db()
    redaction.status = Redaction.Status.SUPERSEDED
    redaction.published_on = datetime.date(2024, 1, 1)
    with pytest.raises(RedactionFrozen):
        redaction.save()
    assert Redaction.objects.get(pk=redaction.pk).decision_number == "15"
