"""Model rules: dates in order, no negative money, progress 0–100, codes unique per redaction."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.periods import check_period, period_errors
from programmes import models as pm
from tests.factories import (
    ActionFactory,
    ActionLineFactory,
    IndicatorFactory,
    InvestmentAmountFactory,
    InvestmentItemFactory,
    PriorityFactory,
    ProgrammeFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def _errors(obj):
    with pytest.raises(ValidationError) as error:
        obj.full_clean()
    return error.value.message_dict


def test_action_cannot_end_before_it_starts():
    action = ActionFactory.build(task=TaskFactory(), code="R9", start_year=2024, end_year=2022)
    assert "end_year" in _errors(action)


def test_programme_period_cannot_end_before_it_starts():
    programme = ProgrammeFactory.build(
        municipality=ProgrammeFactory().municipality, period_start=2027, period_end=2021
    )
    assert "period_end" in _errors(programme)


def test_indicator_target_year_not_before_baseline():
    indicator = IndicatorFactory.build(
        redaction=PriorityFactory().redaction, baseline_year=2020, target_year=2019
    )
    assert "target_year" in _errors(indicator)


def test_negative_amounts_are_refused():
    action = ActionFactory.build(task=TaskFactory(), code="R9", estimated_cost=Decimal("-1"))
    assert "estimated_cost" in _errors(action)
    amount = InvestmentAmountFactory.build(item=InvestmentItemFactory(), amount=Decimal("-5"))
    assert "amount" in _errors(amount)
    with pytest.raises(IntegrityError), transaction.atomic():
        InvestmentAmountFactory(amount=Decimal("-5"))


@pytest.mark.parametrize("progress", [101, 150])
def test_progress_is_at_most_100(progress):
    action = ActionFactory.build(task=TaskFactory(), code="R9", progress=progress)
    assert "progress" in _errors(action)


def test_completed_action_has_full_progress():
    action = ActionFactory.build(task=TaskFactory(), code="R9", status="completed", progress=90)
    assert "progress" in _errors(action)


def test_priority_codes_unique_per_redaction():
    priority = PriorityFactory(code="VTP1")
    duplicate = pm.Priority(redaction=priority.redaction, code="VTP1", title="Cita")
    assert "__all__" in _errors(duplicate) or "code" in _errors(duplicate)
    # Another redaction may reuse the code.
    PriorityFactory(code="VTP1").full_clean()


def test_action_line_and_task_codes_unique_across_priorities_of_a_redaction():
    line = ActionLineFactory(code="RV1.1")
    other_priority = PriorityFactory(redaction=line.priority.redaction, code="VTP2")
    assert "code" in _errors(pm.ActionLine(priority=other_priority, code="RV1.1", title="x"))

    task = TaskFactory(action_line=line, code="U1.1.1")
    other_line = ActionLineFactory(priority=other_priority, code="RV2.1")
    assert "code" in _errors(pm.Task(action_line=other_line, code=task.code, title="x"))


def test_investment_item_codes_unique_per_redaction_and_task_on_its_line():
    item = InvestmentItemFactory(code="I1")
    other_line = ActionLineFactory(priority=item.action_line.priority, code="RV1.9")
    duplicate = pm.InvestmentItem(action_line=other_line, code="I1", title="x", responsible="y")
    assert "code" in _errors(duplicate)
    foreign_task = TaskFactory(action_line=other_line)
    item.task = foreign_task
    assert "task" in _errors(item)


def test_codes_of_another_redaction_and_an_items_own_code_are_no_clash():
    line = ActionLineFactory(code="RV1.1")
    task = TaskFactory(action_line=line, code="U1.1.1")
    item = InvestmentItemFactory(action_line=line, code="I1")
    # Saved again as they are, each keeps its own code.
    for obj in (line, task, item):
        obj.full_clean()
    # The next redaction (another programme's here) reuses every code.
    other_line = ActionLineFactory(code="RV1.1")
    assert other_line.priority.redaction_id != line.priority.redaction_id
    pm.Task(action_line=other_line, code="U1.1.1", title="x").full_clean()
    pm.InvestmentItem(action_line=other_line, code="I1", title="x", responsible="y").full_clean()


def test_a_period_is_judged_only_when_both_ends_are_given():
    message = "Beidzas pirms sākuma."
    assert period_errors(2024, None, field="end", message=message) == {}
    assert period_errors(None, 2020, field="end", message=message) == {}
    assert period_errors(2024, 2024, field="end", message=message) == {}
    errors = period_errors(2024, 2024, field="end", message=message, strict=True)
    assert [error.code for error in errors["end"].error_list] == ["period"]
    with pytest.raises(ValidationError) as error:
        check_period(2024, 2023, field="end", message=message, code="years")
    assert error.value.message_dict == {"end": [message]}


def test_codes_sort_naturally_in_every_coded_model():
    priority = PriorityFactory()
    line = ActionLineFactory(priority=priority, code="RV1.1")
    for code in ["U1.1.10", "U1.1.2", "U1.1.1"]:
        TaskFactory(action_line=line, code=code)
    assert [t.code for t in line.tasks.all()] == ["U1.1.1", "U1.1.2", "U1.1.10"]
    task = line.tasks.first()
    for code in ["R10", "R2", "R1"]:
        ActionFactory(task=task, code=code)
    assert [a.code for a in task.actions.all()] == ["R1", "R2", "R10"]


def test_indicator_progress_toward_target():
    indicator = IndicatorFactory(baseline_value=Decimal("100"), target_value=Decimal("200"))
    assert indicator.progress is None
    pm.IndicatorValue.objects.create(indicator=indicator, year=2023, value=Decimal("150"))
    assert indicator.progress == 50
