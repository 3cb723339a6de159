import pytest

from programmes.models import ActionLine, Redaction, RedactionFrozen, natural_sort_key
from tests.factories import ActionLineFactory, PriorityFactory


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
