"""The one end ≥ start rule, for every model with a period.

A programme's years, an action's, an indicator's baseline and target, a project's
planned and actual dates, an activity, an event, a survey, a public discussion: each
keeps its own message and asks these, from its `clean()`. The database holds the same
rule as a check constraint of each model.
"""

from django.core.exceptions import ValidationError


def period_errors(start, end, *, field, message, code="period", strict=False):
    """`{field: ValidationError}` if the period ends before it starts (`strict`: unless it
    ends after it starts), else `{}`; a period missing either end is not judged here (the
    fields say whether they are required)."""
    if not start or not end:
        return {}
    if end < start or (strict and end == start):
        return {field: ValidationError(message, code=code)}
    return {}


def check_period(start, end, *, field, message, code="period", strict=False):
    """Raise the `period_errors` of this period, if any (for a `clean()` that stops at
    the first problem)."""
    errors = period_errors(start, end, field=field, message=message, code=code, strict=strict)
    if errors:
        raise ValidationError(errors)
