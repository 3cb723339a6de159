"""The public project registry's filters, shared by the HTML page and the CSV download."""

import django_filters
from django import forms
from django.core.cache import cache
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from programmes.models import Municipality

from .models import REGISTRY_SORTS, Activity, FundingProgramme, Project

# The dates the registry shows: actual where known, planned otherwise.
START = Coalesce("actual_start", "planned_start")
END = Coalesce("actual_end", "planned_end")
# ?sort= value → ordering (projects/models.py, each served by an index); anything else falls
# back to the default (newest first). A project known only by its end date sorts by that.
SORTS = REGISTRY_SORTS
DEFAULT_SORT = "-start"

# The years a project can be active in: EU funds in Latvia start in the 1990s.
FIRST_YEAR, LAST_YEAR = 1990, 2100
_YEAR_MESSAGE = _("Enter a year from 1990 to 2100 as a whole number, e.g. 2014.")


# The registry's choices that come from the data are computed once per data change, not per
# request: kept in the default cache (shared by every worker and server) until a project,
# partnership, organisation or municipality is saved or deleted (projects/apps.py connects
# `forget_registry_choices`). The timeout is only a safety net for changes that send no
# signal (bulk updates, the national data generator).
REGISTRY_CHOICES_KEY = "projects:registry-choices:2"
REGISTRY_CHOICES_TIMEOUT = 60 * 60 * 24


def registry_choices():
    """{"countries": partner country codes, "municipalities": [(slug, name)],
    "municipality_ids": {slug: pk}}: from the cache, else two queries.

    Only published projects' partners count: a country that only a draft project has would
    tell residents something about that draft.
    """
    choices = cache.get(REGISTRY_CHOICES_KEY)
    if choices is None:
        from .models import Organisation, Project

        codes = (
            Organisation.objects.filter(partnerships__project__in=Project.objects.published())
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        municipalities = list(Municipality.objects.values_list("slug", "name", "pk"))
        choices = {
            "countries": sorted({str(code) for code in codes}),
            "municipalities": [(slug, name) for slug, name, _pk in municipalities],
            "municipality_ids": {slug: pk for slug, _name, pk in municipalities},
        }
        cache.set(REGISTRY_CHOICES_KEY, choices, REGISTRY_CHOICES_TIMEOUT)
    return choices


def forget_registry_choices(**kwargs):
    """Signal receiver: the data behind the choices changed. Forgotten at once and again
    after the commit, so no request reading the old rows meanwhile keeps them cached."""
    cache.delete(REGISTRY_CHOICES_KEY)
    transaction.on_commit(lambda: cache.delete(REGISTRY_CHOICES_KEY))


def partner_country_choices():
    """Countries of partners in published projects, named in the page's language."""
    codes = registry_choices()["countries"]
    return sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])


def municipality_choices():
    return registry_choices()["municipalities"]


class YearFilter(django_filters.NumberFilter):
    """A whole year: "2013.7" is refused rather than read as 2013."""

    field_class = forms.IntegerField


class IdFilter(django_filters.NumberFilter):
    """A row's id: a whole number a database column can hold ("9" * 25 is refused, as
    SQLite cannot even compare it with a column)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=2**63 - 1, **kwargs)


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
    year = YearFilter(
        label=_("Active in year"),
        method="filter_year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": _YEAR_MESSAGE,
            "min_value": _YEAR_MESSAGE,
            "max_value": _YEAR_MESSAGE,
        },
    )
    municipality = django_filters.ChoiceFilter(
        label=_("Municipality"),
        method="filter_municipality",
        choices=municipality_choices,
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
    # The redaction page links each action line's projects here (the number only, so the
    # page stays small): a hidden field, kept when the visitor changes the other filters.
    action_line = IdFilter(
        label=_("Action line"), field_name="action_lines", widget=forms.HiddenInput
    )

    class Meta:
        model = Project
        fields = []

    def filter_municipality(self, queryset, name, value):
        """By the municipality's id, known from the choices: no join to the municipalities,
        so the registry's municipality index serves the page (tests/test_query_plans.py)."""
        return queryset.filter(municipality_id=registry_choices()["municipality_ids"].get(value))

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_year(self, queryset, name, value):
        """Projects whose period (actual dates, else planned) overlaps the year.

        A project known only by its start runs from then on (a finished project must have
        an end, see Project.clean). One known only by its end ran at least from its first
        recorded activity; with no activity either, only its end year is certain, so it is
        not counted in every year before (seed 000's project, "to be finished by June
        2014", was not active in 1990).
        """
        year = value
        first_activity = Subquery(
            Activity.objects.filter(project=OuterRef("pk"))
            .order_by("start_date")
            .values("start_date")[:1]
        )
        queryset = queryset.annotate(_start=Coalesce(START, first_activity), _end=END)
        started = Q(_start__year__lte=year) | Q(_start__isnull=True, _end__year=year)
        not_ended = Q(_end__year__gte=year) | Q(_end__isnull=True, _start__isnull=False)
        return queryset.filter(started & not_ended)

    def filter_country(self, queryset, name, value):
        return queryset.filter(
            pk__in=Project.objects.filter(partnerships__organisation__country=value).values("pk")
        )


def sorted_projects(queryset, sort):
    key = sort if sort in SORTS else DEFAULT_SORT
    return queryset.order_by(*SORTS[key]), key
