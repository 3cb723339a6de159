"""A project's budget arithmetic: the total cost, EU funding, co-financing and EU share.

Pure functions of the amounts (no database, no model): `Project.clean()` asks
`budget_errors()`, `Project.derive_amounts()` and the admin ask `eu_share()`. The database
holds the same rules as constraints (`projects_project_amounts_add_up`,
`projects_project_eu_share_matches_amounts`), within the same tolerance.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core.formats import euro

CENT = Decimal("0.01")


def eu_share(total_cost, eu_funding):
    """EU funding as a percentage of the total cost, to hundredths; None without both
    amounts or with a zero total."""
    if total_cost is None or eu_funding is None or not total_cost:
        return None
    return (eu_funding / total_cost * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def budget_errors(*, total_cost, eu_funding, co_financing, share):
    """What is wrong with these amounts and this EU share, as {field: ValidationError}.

    Any amount may be missing (None). EU funding and co-financing need a total; neither
    may exceed it; all three must add up; a share given by hand must match the amounts
    within a hundredth of a per cent. A negative amount has its own message (the fields'
    validators): how the amounts relate is judged once it is corrected.
    """
    errors = {}
    total, eu, co = total_cost, eu_funding, co_financing
    if any(amount is not None and amount < 0 for amount in (total, eu, co)):
        total = eu = co = None
    if (eu is not None or co is not None) and total is None:
        errors["total_cost"] = ValidationError(
            _("Enter the total cost when you enter EU funding or co-financing."),
            code="total_missing",
        )
    if total is not None and eu is not None and eu > total:
        errors["eu_funding"] = ValidationError(
            _("EU funding cannot be more than the total cost."), code="eu_over_total"
        )
    elif total is not None and eu is not None and co is not None and eu + co != total:
        errors["co_financing"] = ValidationError(
            _(
                "EU funding (%(eu)s) and co-financing (%(co)s) must add up to the total "
                "cost (%(total)s)."
            ),
            code="amounts_add_up",
            params={"eu": euro(eu), "co": euro(co), "total": euro(total)},
        )
    elif total is not None and co is not None and eu is None and co > total:
        errors["co_financing"] = ValidationError(
            _("Co-financing cannot be more than the total cost."), code="co_over_total"
        )
    derived = eu_share(total, eu) if total and eu is not None else None
    if (
        derived is not None
        and share is not None
        # The same tolerance as the database constraint: a hundredth of a per cent.
        and abs(share - eu / total * 100) > CENT
    ):
        errors["eu_share"] = ValidationError(
            _(
                "The EU share does not match the amounts: EU funding is %(derived)s %% of "
                "the total cost. Leave the share empty to have it calculated."
            ),
            code="eu_share_mismatch",
            params={"derived": number_format(derived, decimal_pos=2)},
        )
    return errors
