import copy
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.db import transaction

from programmes.models import (
    ActionLine,
    DataSource,
    Redaction,
    RedactionContent,
    RedactionFrozen,
    SwotItem,
    natural_sort_key,
)
from tests.factories import (
    ActionLineFactory,
    DataSourceFactory,
    PriorityFactory,
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
    redaction.save()
    with pytest.raises(RedactionFrozen):
        redaction.delete()


# --- the freeze holds for every kind of content and every way of writing -----------------

CONTENT_MODELS = [
    model
    for model in apps.get_app_config("programmes").get_models()
    if issubclass(model, RedactionContent)
]


@pytest.fixture
def frozen():
    redaction = full_redaction()
    Redaction.objects.filter(pk=redaction.pk).update(status=Redaction.Status.APPROVED)
    redaction.refresh_from_db()
    return redaction


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


@pytest.mark.django_db
@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_frozen_content_refuses_save_delete_and_bulk_writes(frozen, model):
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
    rows.update(status=Redaction.Status.SUPERSEDED, decision_number="12")
    frozen.refresh_from_db()
    assert frozen.status == Redaction.Status.SUPERSEDED
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
