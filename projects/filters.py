"""The public project registry's filters, shared by the HTML page and the CSV download."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from programmes.models import Municipality

from .models import FundingProgramme, Project, normalize_search

# ?sort= value → ordering; anything else falls back to the default (newest first).
SORTS = {
    "start": ["planned_start", "title"],
    "-start": ["-planned_start", "title"],
    "title": ["title"],
    "-title": ["-title"],
    "cost": ["total_cost", "title"],
    "-cost": ["-total_cost", "title"],
}
DEFAULT_SORT = "-start"


def partner_country_choices():
    """Countries that occur among partners (one query), named in the current language."""
    from .models import Organisation

    codes = (
        Organisation.objects.filter(partnerships__isnull=False)
        .values_list("country", flat=True)
        .distinct()
    )
    return sorted(((code, countries.name(code)) for code in set(codes)), key=lambda c: c[1])


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    fund = django_filters.ChoiceFilter(
        label=_("Fund"),
        field_name="funding_programme__fund",
        choices=FundingProgramme.Fund.choices,
        empty_label=_("All funds"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, empty_label=_("All statuses")
    )
    year = django_filters.NumberFilter(
        label=_("Active in year"),
        method="filter_year",
        widget=forms.NumberInput(attrs={"min": 1990, "max": 2100}),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("All municipalities"),
    )
    role = django_filters.ChoiceFilter(
        label=_("Role of the municipality"),
        field_name="municipality_role",
        choices=Project.Role.choices,
        empty_label=_("Any role"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Partner country"),
        method="filter_country",
        choices=partner_country_choices,
        empty_label=_("All countries"),
    )

    class Meta:
        model = Project
        fields = []

    def filter_text(self, queryset, name, value):
        words = normalize_search(value).split()
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_year(self, queryset, name, value):
        year = int(value)
        if not 1990 <= year <= 2100:
            return queryset.none()
        started = Q(planned_start__year__lte=year) | Q(
            planned_start__isnull=True, planned_end__isnull=False
        )
        not_ended = Q(planned_end__year__gte=year) | Q(
            planned_end__isnull=True, planned_start__isnull=False
        )
        return queryset.filter(started & not_ended)

    def filter_country(self, queryset, name, value):
        return queryset.filter(
            pk__in=Project.objects.filter(partnerships__organisation__country=value).values("pk")
        )


def sorted_projects(queryset, sort):
    key = sort if sort in SORTS else DEFAULT_SORT
    return queryset.order_by(*SORTS[key]), key
