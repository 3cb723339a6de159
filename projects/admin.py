"""Admin for project managers: they change only the projects assigned to them.

Lists show what the user's work covers (their municipality's projects); whether an object
may be changed is asked of the model's `editable_by()` (projects.models holds the rules,
core.admin_mixins asks them), so planners of the municipality get a read-only view, and
other managers' projects, their partners and activities, the decisions attached to them
and organisations other municipalities use stay read-only too.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import MunicipalityScopedMixin, ScopedHistoryAdmin
from core.images import PhotoFormField
from programmes.models import users_in_scope_of, works_for

from .models import Activity, CouncilDecision, FundingProgramme, Organisation, Partnership, Project


class PartnershipFormSet(BaseInlineFormSet):
    """A project's partners: one lead at most, and changing the lead saves cleanly."""

    def clean(self):
        super().clean()
        leads = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("role") == Partnership.Role.LEAD
        ]
        if len(leads) > 1:
            raise ValidationError(
                _("Only one partner can be the lead partner: mark the others as partners."),
                code="one_lead",
            )

    def save_existing_objects(self, commit=True):
        """Django's loop, but the row that becomes the lead is saved last.

        The database allows one lead per project at every moment, so the old lead must be
        demoted (or deleted) before the new one is saved, whatever their order on the form.
        """
        self.changed_objects = []
        self.deleted_objects = []
        saved_instances = []
        forms_to_delete = self.deleted_forms

        def becomes_lead(form):
            return (
                form not in forms_to_delete
                and form.cleaned_data.get("role") == Partnership.Role.LEAD
            )

        for form in sorted(self.initial_forms, key=becomes_lead):
            obj = form.instance
            if not obj._is_pk_set() or obj._state.adding:
                continue
            if form in forms_to_delete:
                self.deleted_objects.append(obj)
                self.delete_existing(obj, commit=commit)
            elif form.has_changed():
                self.changed_objects.append((obj, form.changed_data))
                saved_instances.append(self.save_existing(form, obj, commit=commit))
                if not commit:
                    self.saved_forms.append(form)
        return saved_instances


class PartnershipInline(MunicipalityScopedMixin, admin.TabularInline):
    model = Partnership
    formset = PartnershipFormSet
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "budget", "position"]


@admin.register(Organisation)
class OrganisationAdmin(ScopedHistoryAdmin):
    """Organisations are shared by every municipality's projects: everyone sees them all
    and may add one; who changes which is `Organisation.objects.editable_by()`."""

    list_display = ["name", "city", "country", "kind"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_en", "city"]


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(ScopedHistoryAdmin):
    formfield_overrides = {models.ImageField: {"form_class": PhotoFormField}}
    list_display = ["name", "fund", "measure"]
    list_filter = ["fund"]
    search_fields = ["name", "measure", "sub_activity"]


@admin.register(CouncilDecision)
class CouncilDecisionAdmin(ScopedHistoryAdmin):
    list_display = ["number", "date", "protocol_number", "paragraph", "municipality"]
    # Only the municipalities whose records the user sees (not every one in the portal).
    list_filter = [("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["number", "title"]
    date_hierarchy = "date"


class ProjectAdminForm(forms.ModelForm):
    def clean(self):
        """Project managers must work for the project's municipality.

        Staff act only within their own municipality (`Project.objects.editable_by()`
        would ignore the assignment anyway); refusing it says so instead of leaving a
        manager who cannot edit the project they are listed on.
        """
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        managers = cleaned.get("managers")
        if municipality is not None and managers is not None:
            elsewhere = managers.exclude(is_superuser=True).exclude(works_for([municipality.pk]))
            outsiders = [user.get_full_name() or user.get_username() for user in elsewhere]
            if outsiders:
                self.add_error(
                    "managers",
                    ValidationError(
                        _(
                            "Project managers must work for %(municipality)s, the project's "
                            "municipality; these do not: %(users)s. Remove them from the "
                            "project managers."
                        ),
                        code="manager_of_another_municipality",
                        params={"municipality": municipality.name, "users": ", ".join(outsiders)},
                    ),
                )
        return cleaned


@admin.register(Project)
class ProjectAdmin(ScopedHistoryAdmin):
    form = ProjectAdminForm
    list_display = ["title", "agreement_number", "funding_programme", "status", "planned_start"]
    list_filter = [
        "status",
        "funding_programme__fund",
        ("municipality", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "title_original", "acronym", "agreement_number"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["action_lines", "investment_items", "managers"]
    readonly_fields = ["eu_share_display"]
    inlines = [PartnershipInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "title_original",
                    "acronym",
                    "slug",
                    "agreement_number",
                    "funding_programme",
                    "municipality",
                    "municipality_role",
                    "status",
                    "is_published",
                ]
            },
        ),
        (
            _("Budget"),
            {
                "fields": [
                    "total_cost",
                    "eu_funding",
                    "co_financing",
                    "eu_share",
                    "eu_share_display",
                ]
            },
        ),
        (_("Period"), {"fields": ["planned_start", "planned_end", "actual_start", "actual_end"]}),
        (
            _("Content"),
            {
                "fields": [
                    "objective",
                    "main_activities",
                    "expected_results",
                    "description",
                    "publicity_note",
                    "website",
                ]
            },
        ),
        (
            _("Links"),
            {
                "fields": [
                    "council_decision",
                    "funds_programme",
                    "action_lines",
                    "investment_items",
                    "managers",
                ]
            },
        ),
    ]

    @admin.display(description=_("EU share derived from the amounts"))
    def eu_share_display(self, obj):
        share = obj.derived_share() if obj and obj.pk else None
        return "—" if share is None else f"{share} %"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "managers" and formfield is not None:
            users = users_in_scope_of(request.user).filter(is_staff=True, is_active=True)
            formfield.queryset = users.order_by("username")
        return formfield

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A project manager who records a project manages it, or they could not edit it.
        if not request.user.is_superuser:
            form.instance.managers.add(request.user)


@admin.register(Partnership)
class PartnershipAdmin(ScopedHistoryAdmin):
    editable_choices = ("project",)
    list_display = ["organisation", "project", "role"]
    list_filter = ["role"]
    list_select_related = ["organisation", "project"]
    autocomplete_fields = ["organisation"]


@admin.register(Activity)
class ActivityAdmin(ScopedHistoryAdmin):
    editable_choices = ("project",)
    list_display = ["title", "project", "kind", "start_date", "end_date", "participants"]
    list_filter = ["kind"]
    list_select_related = ["project"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "start_date"
