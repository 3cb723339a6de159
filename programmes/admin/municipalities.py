"""Municipalities and their staff profiles."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.db import models

from core.images import PhotoFormField

from ..models import Municipality, StaffProfile, users_in_scope_of
from .base import ProgrammesAdmin


@admin.register(Municipality)
class MunicipalityAdmin(ProgrammesAdmin):
    list_display = ("name", "kind", "planning_region", "website")
    list_filter = ("kind", "planning_region")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    # The coat of arms gets the specific refusals of the news photos' checks.
    formfield_overrides = {models.ImageField: {"form_class": PhotoFormField}}


@admin.register(StaffProfile)
class StaffProfileAdmin(ProgrammesAdmin):
    list_display = ("user", "municipality", "position", "phone")
    list_filter = (("municipality", RelatedOnlyFieldListFilter),)
    search_fields = ("user__username", "user__first_name", "user__last_name", "position")
    list_select_related = ("user", "municipality")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "user" and formfield is not None:
            # Their municipality's users, and those who work for none yet.
            formfield.queryset = users_in_scope_of(
                request.user, formfield.queryset, unassigned=True
            )
        return formfield
