"""Users: a municipality administrator manages only their municipality's users."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from core.access import municipality_ids_for
from core.admin_mixins import MunicipalityScopedMixin, in_scope_or_404

from ..models import StaffProfile, users_in_scope_of
from ..roles import ROLE_LABELS

User = get_user_model()


class StaffProfileInline(MunicipalityScopedMixin, admin.StackedInline):
    model = StaffProfile
    can_delete = False
    fk_name = "user"
    extra = 0
    max_num = 1

    def get_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ("municipality", "position", "phone")
        # A municipality administrator's users always belong to their own municipality.
        return ("position", "phone")


class RoleGroupField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(ROLE_LABELS.get(obj.name, obj.name))


class MunicipalityUserAdmin(UserAdmin):
    """Users; a municipality administrator sees and edits only their municipality's users.

    They can give only the role groups, never superuser status or single permissions, and
    every user they create belongs to their municipality.
    """

    inlines = [StaffProfileInline]
    list_display = ("username", "first_name", "last_name", "email", "is_active", "municipality")
    list_select_related = ("staff_profile__municipality",)

    limited_fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Access"), {"fields": ("is_active", "is_staff", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        in_scope_or_404(self, request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("municipality"))
    def municipality(self, obj):
        profile = getattr(obj, "staff_profile", None)
        return profile.municipality if profile else "—"

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return (*super().get_list_filter(request), "staff_profile__municipality")
        return ("is_active", "groups")

    def get_queryset(self, request):
        return users_in_scope_of(request.user, super().get_queryset(request))

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.limited_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("last_login", "date_joined")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=list(ROLE_LABELS))
            kwargs["form_class"] = RoleGroupField
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.is_superuser = False
            if not change:
                obj.is_staff = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not request.user.is_superuser:
            for formset in formsets:
                for profile_form in formset.forms:
                    ids = municipality_ids_for(request.user)
                    if ids and not profile_form.instance.municipality_id:
                        profile_form.instance.municipality_id = next(iter(ids))
        super().save_related(request, form, formsets, change)
        user = form.instance
        ids = municipality_ids_for(request.user)
        if ids and not StaffProfile.objects.filter(user=user).exists():
            StaffProfile.objects.create(user=user, municipality_id=next(iter(ids)))


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, MunicipalityUserAdmin)
