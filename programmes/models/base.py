"""What every aggregate of programmes shares: field rules, the natural order of codes,
the refusal of a change to frozen content and the marker of raw (fixture) loads. (The
period check, end ≥ start, is core's: core/periods.py.)"""

import calendar
import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
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


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the 31st becomes the
    month's last day)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


class UpdateInterval(models.IntegerChoices):
    """How often an owner records an item's monitoring, in months."""

    MONTHLY = 1, _("Monthly")
    QUARTERLY = 3, _("Quarterly")
    HALF_YEARLY = 6, _("Every half year")
    YEARLY = 12, _("Yearly")


# The fields of `MonitoringOwnership`: who keeps an item up to date is part of monitoring,
# so it may be changed while the redaction is in force.
OWNERSHIP_FIELDS = ("owner", "update_interval", "last_updated_at")


class MonitoringOwnership(models.Model):
    """An item someone must keep up to date (an action, an indicator): its responsible
    staff member (besides the executor named in the text), how often it is updated and
    when it last was. Overdue items are on their owner's desk and in their reminders
    (programmes/monitoring.py)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_%(class)ss",
        verbose_name=_("responsible staff member"),
        help_text=_("Who keeps this up to date; reminded by e-mail when it is overdue."),
    )
    update_interval = models.PositiveSmallIntegerField(
        _("update interval"), choices=UpdateInterval.choices, default=UpdateInterval.YEARLY
    )
    last_updated_at = models.DateTimeField(_("last updated"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def is_overdue(self, now=None):
        """Has the interval passed since the last update (or was it never updated)?"""
        if self.last_updated_at is None:
            return True
        now = now or timezone.now()
        return self.last_updated_at < months_before(now, self.update_interval)
