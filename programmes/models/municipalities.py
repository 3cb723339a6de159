"""Municipalities and the staff who work for them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import ScopedQuerySet, municipality_ids_for
from core.images import stripped_copy, validate_image
from core.uploads import UploadTo


class Municipality(models.Model):
    municipality_path = "pk"

    class Kind(models.TextChoices):
        CITY = "city", _("State city")
        NOVADS = "novads", _("Municipality (novads)")
        REGION = "region", _("Planning region")

    class PlanningRegion(models.TextChoices):
        RIGA = "riga", _("Riga planning region")
        VIDZEME = "vidzeme", _("Vidzeme planning region")
        KURZEME = "kurzeme", _("Kurzeme planning region")
        ZEMGALE = "zemgale", _("Zemgale planning region")
        LATGALE = "latgale", _("Latgale planning region")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NOVADS)
    planning_region = models.CharField(
        _("planning region"), max_length=20, choices=PlanningRegion.choices
    )
    coat_of_arms = models.ImageField(
        _("coat of arms"),
        upload_to=UploadTo("municipalities"),
        blank=True,
        validators=[validate_image],
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        # The media view finds the record that owns a requested file by its name.
        indexes = [models.Index(fields=["coat_of_arms"], name="programmes_municipality_arms")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.coat_of_arms and not self.coat_of_arms._committed:
            # Stored without what the uploaded file carried besides its pixels.
            self.coat_of_arms = stripped_copy(self.coat_of_arms)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programmes:municipality", args=[self.slug])


class StaffProfileQuerySet(ScopedQuerySet):
    def published(self):
        """Nothing: who works where is for the staff of the municipality to see."""
        return self.none()


class StaffProfile(models.Model):
    """Ties a staff user to the municipality whose records they may see and edit."""

    municipality_path = "municipality"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("municipality"),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="lv",
        help_text=_("The language of the reminders the portal sends."),
    )
    history = HistoricalRecords()

    objects = StaffProfileQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "user__username"]
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user} ({self.municipality})"


def profile_municipality_ids(user):
    """The municipality of the user's staff profile (core.access asks this, see apps.py)."""
    profile = getattr(user, "staff_profile", None)
    return {profile.municipality_id} if profile else set()


def works_for(municipality_ids):
    """The condition on users: they work for one of these municipalities."""
    return Q(staff_profile__municipality_id__in=municipality_ids)


def users_in_scope_of(user, users=None, *, unassigned=False):
    """The users a staff user deals with (of `users`, else all): those who work for their
    municipality, never a superuser, and with `unassigned` also those who work for none
    yet (to be given a profile); every user for a superuser.

    The one rule behind the user admin's list, the staff profile's user choices and a
    project's manager choices.
    """
    users = get_user_model().objects.all() if users is None else users
    ids = municipality_ids_for(user)
    if ids is None:
        return users
    mine = works_for(ids)
    if unassigned:
        mine |= Q(staff_profile__isnull=True)
    return users.filter(mine, is_superuser=False)
