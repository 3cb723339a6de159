"""The steering group (vadības grupa) of a programme, its members and meetings."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.access import ScopedQuerySet

from .programmes import DevelopmentProgramme


class SteeringGroup(models.Model):
    """The steering group (vadības grupa) that oversees drafting of a programme."""

    municipality_path = "programme__municipality"

    programme = models.OneToOneField(
        DevelopmentProgramme,
        on_delete=models.CASCADE,
        related_name="steering_group",
        verbose_name=_("programme"),
    )
    name = models.CharField(_("name"), max_length=200, default=_("Steering group"))
    order_number = models.CharField(_("order No."), max_length=40)
    order_date = models.DateField(_("order date"))
    purpose = models.TextField(_("main task"), blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["programme"]
        verbose_name = _("steering group")
        verbose_name_plural = _("steering groups")

    def __str__(self):
        return f"{self.name}: {self.programme}"


class SteeringGroupMember(models.Model):
    municipality_path = "group__programme__municipality"

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        DEPUTY = "deputy", _("Deputy chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")

    group = models.ForeignKey(
        SteeringGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("group")
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    position_in_list = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["group", "position_in_list", "name"]
        verbose_name = _("steering group member")
        verbose_name_plural = _("steering group members")

    def __str__(self):
        return self.name


class SteeringGroupMeeting(models.Model):
    municipality_path = "group__programme__municipality"

    group = models.ForeignKey(
        SteeringGroup, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("group")
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["group", "number"]
        verbose_name = _("steering group meeting")
        verbose_name_plural = _("steering group meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "number"], name="programmes_meeting_unique_number"
            )
        ]

    def __str__(self):
        return _("Meeting No. %(number)s") % {"number": self.number}
