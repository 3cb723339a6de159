import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from programmes import models as pm
from programmes import services
from tests.factories import (
    ActionFactory,
    InvestmentAmountFactory,
    PriorityFactory,
    RedactionFactory,
    full_redaction,
)

Status = pm.Redaction.Status
pytestmark = pytest.mark.django_db


DECISION = {"decision_number": "15", "decision_date": datetime.date(2013, 6, 11)}


def _status(redaction, status, **fields):
    pm.Redaction.objects.filter(pk=redaction.pk).set_status_for_tests(status, **fields)
    redaction.refresh_from_db()
    return redaction


# --- the deep copy ------------------------------------------------------------------------


CONTENT_MODELS = [
    pm.SituationSection,
    pm.SwotItem,
    pm.CoherenceItem,
    pm.Priority,
    pm.ActionLine,
    pm.Task,
    pm.Action,
    pm.InvestmentItem,
    pm.InvestmentAmount,
    pm.Indicator,
    pm.IndicatorValue,
]


def test_next_redaction_copies_everything_with_lineage(planner, municipality):
    source = _status(full_redaction(municipality, label="1. redakcija"), Status.APPROVED)

    new = services.start_next_redaction(redaction=source, user=planner)

    assert new.number == source.number + 1
    assert new.status == Status.DRAFT
    assert new.copied_from == source
    assert new.vision == source.vision
    for model in CONTENT_MODELS:
        originals = list(model.objects.in_redaction(source))
        copies = list(model.objects.in_redaction(new))
        assert originals, model
        assert len(copies) == len(originals), model
        assert {c.copied_from_id for c in copies} == {o.pk for o in originals}, model
        assert not {c.pk for c in copies} & {o.pk for o in originals}, model


def test_next_redaction_repoints_references_inside_the_copy(planner, municipality):
    source = _status(full_redaction(municipality), Status.PUBLIC_DISCUSSION)

    new = services.start_next_redaction(redaction=source, user=planner)

    item = pm.InvestmentItem.objects.in_redaction(new).get()
    assert item.task.get_redaction() == new
    assert item.action_line.get_redaction() == new
    indicator = new.indicators.get()
    assert indicator.priority.redaction == new
    section = new.situation_sections.get()
    assert [s.code for s in section.data_sources.all()] == ["CSP"]
    assert item.amounts.count() == 3
    assert indicator.values.count() == 1


def test_next_redaction_leaves_the_original_untouched(planner, municipality):
    source = _status(full_redaction(municipality), Status.PUBLIC_DISCUSSION)
    before = {
        m: sorted(m.objects.in_redaction(source).values_list("pk", flat=True))
        for m in CONTENT_MODELS
    }

    services.start_next_redaction(redaction=source, user=planner)

    source.refresh_from_db()
    assert source.status == Status.PUBLIC_DISCUSSION
    after = {
        m: sorted(m.objects.in_redaction(source).values_list("pk", flat=True))
        for m in CONTENT_MODELS
    }
    assert after == before


def test_next_redaction_takes_the_highest_number_plus_one(planner, municipality):
    first = _status(full_redaction(municipality, number=1), Status.SUPERSEDED)
    RedactionFactory(programme=first.programme, number=4, status=Status.APPROVED)

    new = services.start_next_redaction(redaction=first, user=planner)

    assert new.number == 5


def test_next_redaction_records_history_with_the_user(planner, municipality):
    source = _status(full_redaction(municipality), Status.APPROVED)

    new = services.start_next_redaction(redaction=source, user=planner)

    assert new.history.first().history_user == planner
    action = pm.Action.objects.in_redaction(new).get()
    assert action.history.first().history_user == planner


def test_planner_cannot_copy_another_municipalitys_redaction(other_planner, municipality):
    source = full_redaction(municipality)
    with pytest.raises(PermissionDenied):
        services.start_next_redaction(redaction=source, user=other_planner)
    assert pm.Redaction.objects.count() == 1


# --- status workflow ----------------------------------------------------------------------


def test_open_public_discussion_sets_status_and_dates(planner, municipality):
    redaction = full_redaction(municipality)

    redaction = services.open_public_discussion(redaction=redaction, user=planner)

    redaction.refresh_from_db()
    assert redaction.status == Status.PUBLIC_DISCUSSION
    assert redaction.published_on is not None
    assert redaction.status_changed_at is not None
    assert redaction.history.first().history_user == planner


def test_public_discussion_needs_vision_and_an_action_line(planner, municipality):
    redaction = RedactionFactory(programme__municipality=municipality, vision="")
    PriorityFactory(redaction=redaction)

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.open_public_discussion(redaction=redaction, user=planner)

    assert error.value.messages == [
        "The redaction has no vision.",
        "The redaction needs at least one medium-term priority with an action line.",
    ]
    redaction.refresh_from_db()
    assert redaction.status == Status.DRAFT


def test_refusal_messages_are_translated_to_latvian(planner, municipality):
    redaction = RedactionFactory(programme__municipality=municipality, vision="")
    with translation.override("lv"), pytest.raises(ValidationError) as error:
        services.open_public_discussion(redaction=redaction, user=planner)
    assert "The redaction has no vision." not in error.value.messages


def test_approval_needs_three_investment_years_and_an_action(planner, municipality):
    redaction = full_redaction(municipality)
    pm.Action.objects.in_redaction(redaction).delete()
    pm.InvestmentAmount.objects.in_redaction(redaction).filter(year=2024).delete()
    _status(redaction, Status.PUBLIC_DISCUSSION)

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.approve_redaction(redaction=redaction, user=planner)

    assert error.value.messages == [
        "The investment plan must cover at least 3 years; it covers 2.",
        "The action plan has no actions.",
        "Enter the number of the council decision that approves the redaction before approving it.",
        "Enter the date of the council decision that approves the redaction before approving it.",
    ]
    redaction.refresh_from_db()
    assert redaction.status == Status.PUBLIC_DISCUSSION


def test_approval_needs_the_council_decision_number_and_date(planner, municipality):
    redaction = _status(full_redaction(municipality), Status.PUBLIC_DISCUSSION)

    with translation.override("lv"), pytest.raises(ValidationError) as error:
        services.approve_redaction(redaction=redaction, user=planner, decision_number="15")

    assert error.value.messages == [
        "Pirms apstiprināšanas ierakstiet tā domes lēmuma datumu, ar kuru redakcija tiek "
        "apstiprināta."
    ]
    redaction.refresh_from_db()
    assert redaction.status == Status.PUBLIC_DISCUSSION
    assert redaction.decision_number == ""


def test_approval_takes_the_decision_entered_on_the_redaction(planner, municipality):
    redaction = _status(full_redaction(municipality), Status.PUBLIC_DISCUSSION, **DECISION)

    approved = services.approve_redaction(redaction=redaction, user=planner)

    assert approved.status == Status.APPROVED
    assert (approved.decision_number, approved.decision_date) == ("15", DECISION["decision_date"])


def test_approval_supersedes_an_earlier_redaction_still_in_public_discussion(planner, municipality):
    first = _status(full_redaction(municipality), Status.PUBLIC_DISCUSSION)
    second = services.start_next_redaction(redaction=first, user=planner)
    services.open_public_discussion(redaction=second, user=planner)

    services.approve_redaction(redaction=second, user=planner, **DECISION)

    first.refresh_from_db()
    assert first.status == Status.SUPERSEDED


def test_draft_cannot_be_approved_directly(planner, municipality):
    redaction = full_redaction(municipality)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.approve_redaction(redaction=redaction, user=planner)
    assert error.value.messages == ["A redaction in status “Draft” cannot be moved to “Approved”."]


def test_approved_redaction_cannot_reopen_public_discussion(planner, municipality):
    redaction = _status(full_redaction(municipality), Status.APPROVED)
    assert services.redaction_problems(redaction, Status.PUBLIC_DISCUSSION)


def test_approval_records_decision_and_supersedes_previous(planner, municipality):
    first = _status(full_redaction(municipality), Status.APPROVED)
    second = services.start_next_redaction(redaction=first, user=planner)
    services.open_public_discussion(redaction=second, user=planner)

    approved = services.approve_redaction(
        redaction=second,
        user=planner,
        decision_number="15",
        decision_date=datetime.date(2013, 6, 11),
    )

    first.refresh_from_db()
    assert first.status == Status.SUPERSEDED
    assert approved.status == Status.APPROVED
    assert approved.decision_number == "15"
    assert approved.decision_date == datetime.date(2013, 6, 11)
    assert pm.Redaction.objects.filter(status=Status.APPROVED).count() == 1


def test_withdraw_only_published(planner, municipality):
    redaction = full_redaction(municipality)
    with pytest.raises(ValidationError):
        services.withdraw_redaction(redaction=redaction, user=planner)
    services.open_public_discussion(redaction=redaction, user=planner)

    withdrawn = services.withdraw_redaction(redaction=redaction, user=planner)

    assert withdrawn.status == Status.WITHDRAWN


def test_redaction_problems_is_empty_when_ready(municipality):
    redaction = full_redaction(municipality)
    assert services.redaction_problems(redaction, Status.PUBLIC_DISCUSSION) == []
    _status(redaction, Status.PUBLIC_DISCUSSION, **DECISION)
    assert services.redaction_problems(redaction, Status.APPROVED) == []


def test_investment_years_count_distinct_years(municipality):
    redaction = full_redaction(municipality)
    item = pm.InvestmentItem.objects.in_redaction(redaction).get()
    InvestmentAmountFactory(item=item, year=2022, source=pm.FundingSource.EU)
    ActionFactory(task=pm.Task.objects.in_redaction(redaction).get())
    _status(redaction, Status.PUBLIC_DISCUSSION, **DECISION)
    assert services.redaction_problems(redaction, Status.APPROVED) == []


def _copy_queries(redaction, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = type(user).objects.get(pk=user.pk)  # a fresh user: no permission cache yet
    with CaptureQueriesContext(connection) as queries:
        services.start_next_redaction(redaction=redaction, user=user)
    return len(queries)


def test_copy_costs_the_same_number_of_queries_whatever_the_size(planner, municipality):
    small = _status(full_redaction(municipality), Status.APPROVED)
    big = full_redaction(municipality)
    priority = big.priorities.get()
    for n in range(2, 6):
        line = pm.ActionLine.objects.create(priority=priority, code=f"RV1.{n}", title="x")
        task = pm.Task.objects.create(action_line=line, code=f"U1.{n}.1", title="y")
        ActionFactory(task=task)
        pm.SwotItem.objects.create(redaction=big, kind="threat", text=f"t{n}")
    _status(big, Status.APPROVED)

    assert _copy_queries(big, planner) == _copy_queries(small, planner)


# --- one draft per programme ----------------------------------------------------------------


def test_next_redaction_is_refused_while_the_programme_has_a_draft_naming_it(planner, municipality):
    approved = _status(full_redaction(municipality, label="1. redakcija"), Status.APPROVED)
    draft = services.start_next_redaction(redaction=approved, user=planner)
    pm.Redaction.objects.filter(pk=draft.pk).update(label="2. redakcija (darba versija)")

    with translation.override("lv"), pytest.raises(ValidationError) as refusal:
        services.start_next_redaction(redaction=approved, user=planner)

    assert refusal.value.messages == [
        "Programmai jau ir melnraksts “2. redakcija (darba versija)”: turpiniet darbu ar to "
        "(programmai vienlaikus var būt tikai viens melnraksts)."
    ]
    assert list(approved.programme.redactions.values_list("number", "status")) == [
        (approved.number, Status.APPROVED),
        (approved.number + 1, Status.DRAFT),
    ]
    # Once the draft is published, the next one can start.
    services.open_public_discussion(redaction=draft, user=planner)
    third = services.start_next_redaction(redaction=draft, user=planner)
    assert (third.number, third.status) == (approved.number + 2, Status.DRAFT)


def test_the_database_holds_one_draft_per_programme(municipality):
    from django.db import IntegrityError, transaction

    draft = full_redaction(municipality)
    with pytest.raises(IntegrityError), transaction.atomic():
        pm.Redaction.objects.create(programme=draft.programme, number=2)
    assert draft.programme.redactions.count() == 1
    # Another programme has its own draft.
    RedactionFactory(programme__municipality=municipality)


def test_approval_records_the_decision_protocol_given_to_it(planner, municipality):
    redaction = _status(full_redaction(municipality), Status.PUBLIC_DISCUSSION)

    approved = services.approve_redaction(
        redaction=redaction, user=planner, decision_protocol="Nr. 14, 3.§", **DECISION
    )

    approved.refresh_from_db()
    assert (approved.decision_number, approved.decision_protocol) == ("15", "Nr. 14, 3.§")
