"""The API's filters: the registry's own (projects/filters.py), and the same names
(municipality, year, status …) on every other list."""

import django_filters
from django.db.models import Q

from consultations.models import Event, PublicDiscussion, WorkingGroup
from portal.models import News
from programmes.models import DevelopmentProgramme, Redaction
from projects.filters import FIRST_YEAR, LAST_YEAR, IdFilter, ProjectFilter, YearFilter


def _year(**kwargs):
    return YearFilter(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


class ApiProjectFilter(ProjectFilter):
    """The registry's filters (q, fund, status, year, municipality, role, country) and the
    action line a project serves."""

    action_line = IdFilter(field_name="action_lines", label="Action line (its id in the API)")

    class Meta(ProjectFilter.Meta):
        fields = []

    def filter_country(self, queryset, name, value: str):
        """A partner country, ISO 3166 code (the type tells the OpenAPI document)."""
        return super().filter_country(queryset, name, value)


class ProgrammeFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="municipality__slug")
    year = _year(method="filter_year", label="In force in year (within its period)")

    class Meta:
        model = DevelopmentProgramme
        fields = ["kind"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(period_start__lte=value, period_end__gte=value)


class RedactionFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="programme__municipality__slug")
    year = _year(field_name="published_on__year", label="Published in year")

    class Meta:
        model = Redaction
        fields = ["programme", "status"]


class NewsFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(method="filter_municipality")
    project = django_filters.CharFilter(field_name="project__slug")
    year = _year(field_name="published_at__year", label="Published in year")

    class Meta:
        model = News
        fields = ["programme"]

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(
            Q(municipality__slug=value)
            | Q(programme__municipality__slug=value)
            | Q(project__municipality__slug=value)
        )


class WorkingGroupFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="programme__municipality__slug")

    class Meta:
        model = WorkingGroup
        fields = ["programme", "kind"]


class EventFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="municipality__slug")
    year = _year(field_name="starts_at__year", label="Held in year")

    class Meta:
        model = Event
        fields = ["programme", "kind"]


class DiscussionFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="redaction__programme__municipality__slug")
    year = _year(field_name="opens_at__year", label="Opened in year")

    class Meta:
        model = PublicDiscussion
        fields = ["redaction"]
