"""Steering groups, their members and meetings."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import MunicipalityScopedMixin

from ..models import SteeringGroup, SteeringGroupMeeting, SteeringGroupMember
from .base import ProgrammesAdmin


class SteeringGroupMemberInline(MunicipalityScopedMixin, admin.TabularInline):
    model = SteeringGroupMember
    fields = ("position_in_list", "name", "position", "organisation", "role")
    extra = 0


class SteeringGroupMeetingInline(MunicipalityScopedMixin, admin.StackedInline):
    model = SteeringGroupMeeting
    fields = ("number", "date", "place", "agenda", "decisions")
    extra = 0


@admin.register(SteeringGroup)
class SteeringGroupAdmin(ProgrammesAdmin):
    list_display = ("name", "programme", "order_number", "order_date", "member_count")
    list_filter = (("programme__municipality", RelatedOnlyFieldListFilter),)
    search_fields = ("name", "programme__title", "order_number")
    list_select_related = ("programme",)
    inlines = [SteeringGroupMemberInline, SteeringGroupMeetingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_total=Count("members"))

    @admin.display(description=_("members"), ordering="member_total")
    def member_count(self, obj):
        return obj.member_total


@admin.register(SteeringGroupMember)
class SteeringGroupMemberAdmin(ProgrammesAdmin):
    list_display = ("name", "position", "organisation", "role", "group")
    list_filter = ("role", ("group", RelatedOnlyFieldListFilter))
    search_fields = ("name", "position", "organisation")
    list_select_related = ("group__programme",)


@admin.register(SteeringGroupMeeting)
class SteeringGroupMeetingAdmin(ProgrammesAdmin):
    list_display = ("__str__", "date", "place", "group")
    list_filter = (("group", RelatedOnlyFieldListFilter),)
    search_fields = ("place", "agenda", "decisions")
    date_hierarchy = "date"
    list_select_related = ("group__programme",)
