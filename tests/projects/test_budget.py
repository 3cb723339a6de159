"""The budget arithmetic on its own: amounts in, messages out, no database."""

from decimal import Decimal

from django.utils import translation

from projects.budget import budget_errors, eu_share


def _codes(**amounts):
    values = {"total_cost": None, "eu_funding": None, "co_financing": None, "share": None}
    values.update(amounts)
    errors = budget_errors(**values)
    return {field: error.code for field, error in errors.items()}


def test_amounts_that_add_up_with_their_share_are_accepted():
    assert (
        _codes(
            total_cost=Decimal("99000.00"),
            eu_funding=Decimal("74250.00"),
            co_financing=Decimal("24750.00"),
            share=Decimal("75.00"),
        )
        == {}
    )
    assert _codes() == {}


def test_each_way_the_amounts_disagree_has_its_own_message():
    assert _codes(eu_funding=Decimal("1")) == {"total_cost": "total_missing"}
    assert _codes(total_cost=Decimal("10"), eu_funding=Decimal("11")) == {
        "eu_funding": "eu_over_total"
    }
    assert _codes(total_cost=Decimal("10"), eu_funding=Decimal("5"), co_financing=Decimal("4")) == {
        "co_financing": "amounts_add_up"
    }
    assert _codes(total_cost=Decimal("10"), co_financing=Decimal("11")) == {
        "co_financing": "co_over_total"
    }
    assert _codes(total_cost=Decimal("3"), eu_funding=Decimal("1"), share=Decimal("33.35")) == {
        "eu_share": "eu_share_mismatch"
    }


def test_a_negative_amount_leaves_the_relations_for_later():
    assert _codes(total_cost=Decimal("-1"), eu_funding=Decimal("5")) == {}


def test_messages_name_the_amounts_as_the_reader_writes_them():
    errors = budget_errors(
        total_cost=Decimal("99000"),
        eu_funding=Decimal("50000"),
        co_financing=Decimal("1"),
        share=None,
    )
    with translation.override("lv"):
        text = " ".join(errors["co_financing"].messages)
    assert "99\xa0000,00\xa0€" in text and "50\xa0000,00\xa0€" in text


def test_the_share_is_rounded_to_hundredths_and_needs_a_total():
    assert eu_share(Decimal("3"), Decimal("1")) == Decimal("33.33")
    assert eu_share(Decimal("0"), Decimal("0")) is None
    assert eu_share(None, Decimal("1")) is None
