"""The project registry's open-data columns (projects.csv), in one place: each column's
name, what it means (shown on the open-data page in both languages), and how its value
is read from a project fetched by `Project.objects.for_csv()` (no query per row).

The columns after `url` carry the fields the EU's Kohesio project records and the IATI
standard use (beneficiary, programme, start/end, location, the objectives served), read
from the fields the registry already has.
"""

from django.utils.translation import gettext_lazy as _


def _lead(project):
    lead = project.lead_partnership
    return lead.organisation.name if lead else ""


def _beneficiary(project):
    """The lead partner where recorded, else the municipality when it leads the project."""
    lead = _lead(project)
    if lead:
        return lead
    return project.municipality.name if project.municipality_role == project.Role.LEAD else ""


def _action_lines(project):
    return "; ".join(
        f"{line.priority.redaction.programme.slug}/{line.code}"
        for line in project.action_lines.all()
    )


# (column, meaning, value of a project; `url` needs the request, see projects/views.py)
REGISTRY_COLUMNS = [
    ("agreement_number", _("Agreement number (vienošanās Nr.) with the fund's authority."), None),
    ("title", _("The project's title in Latvian."), None),
    ("title_original", _("Its original or English title, as partners abroad know it."), None),
    ("acronym", _("Its acronym or short name."), None),
    (
        "fund",
        _("The fund: esf, erdf, cf, eafrd, interreg, efc (Europe for Citizens), other."),
        None,
    ),
    (
        "funding_programme",
        _("The funding programme, measure or activity it is financed from."),
        None,
    ),
    ("municipality", _("The municipality whose project it is."), None),
    ("municipality_role", _("The municipality's role: lead (lead partner) or partner."), None),
    ("status", _("planned, approved, in_progress, completed or closed."), None),
    ("planned_start", _("Planned start date (ISO 8601)."), None),
    ("planned_end", _("Planned end date."), None),
    ("actual_start", _("Actual start date, where known."), None),
    ("actual_end", _("Actual end date, where known."), None),
    (
        "total_cost_eur",
        _("Total eligible cost in euro (decimal comma), EU funding and co-financing together."),
        None,
    ),
    ("eu_funding_eur", _("The EU's contribution in euro."), None),
    ("co_financing_eur", _("National, municipal and other co-financing in euro."), None),
    ("eu_share_percent", _("EU co-financing rate: the EU's share of the total cost, %."), None),
    ("lead_partner", _("The lead partner organisation."), None),
    ("partners", _("Number of partner organisations (the lead included)."), None),
    ("countries", _("Number of countries the partners come from."), None),
    ("partner_countries", _("The partners' countries, ISO 3166 codes, space-separated."), None),
    ("url", _("The project's page on the portal."), None),
    (
        "beneficiary",
        _("Beneficiary (Kohesio, IATI): the lead partner, else the municipality when it leads."),
        _beneficiary,
    ),
    (
        "operational_programme",
        _("The EU operational programme the funding programme belongs to."),
        lambda p: p.funding_programme.operational_programme,
    ),
    (
        "start_date",
        _("Start (Kohesio, IATI): the actual start, else the planned one."),
        lambda p: p.actual_start or p.planned_start,
    ),
    (
        "end_date",
        _("End (Kohesio, IATI): the actual end, else the planned one."),
        lambda p: p.actual_end or p.planned_end,
    ),
    (
        "location",
        _("Location: the municipality where the project is carried out."),
        lambda p: p.municipality.name,
    ),
    ("country", _("Country of the location, ISO 3166 code (LV)."), lambda p: "LV"),
    (
        "action_lines",
        _(
            "The development programme action lines it serves, as programme/code "
            "(e.g. ap-2014-2020/RV1.2), separated by semicolons."
        ),
        _action_lines,
    ),
]
CSV_COLUMNS = [name for name, _meaning, _value in REGISTRY_COLUMNS]
# The columns added for Kohesio and IATI, each with how its value is read.
KOHESIO_COLUMNS = [(name, value) for name, _meaning, value in REGISTRY_COLUMNS if value]
