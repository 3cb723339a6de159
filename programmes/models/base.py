"""What every aggregate of programmes shares: field rules, the natural order of codes,
the refusal of a change to frozen content and the marker of raw (fixture) loads. (The
period check, end ≥ start, is core's: core/periods.py.)"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 14, "decimal_places": 2}
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
YEAR = [MinValueValidator(1990), MaxValueValidator(2100)]

CODE_PART = re.compile(r"(\d+)")


def natural_sort_key(code):
    """A key that orders codes the way people read them: RV1.2 before RV1.10."""
    parts = CODE_PART.split(code or "")
    return "".join(part.zfill(6) if part.isdigit() else part.upper() for part in parts)


class RedactionFrozen(ValidationError):
    """Raised when something tries to change the content of a redaction that left draft."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "This redaction is no longer a draft: its content is frozen. "
                "Start the next redaction to make changes."
            ),
            code="frozen",
        )


def mark_raw_load(sender, instance, raw, **kwargs):
    """Mark an object saved raw (pre_save receiver, every model): `loaddata` restoring a
    backup writes rows as they were, past `save()`, then sets the object's many-to-many
    relations on the same object. Those are restored, not changed: the freeze lets them
    through (`refuse_frozen_data_source_changes`) and no history record is added for them
    (django-simple-history's own flag). Only that object carries the mark; an object
    fetched or saved any other way never does."""
    if raw:
        instance._loaded_raw = True
        instance.skip_history_when_saving = True
