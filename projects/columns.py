"""The project registry's open-data columns (projects.csv), in one place: each column's
name, what it means (shown on the open-data page in both languages), and how its value
is written by projects/views.py from plain values (no query per row).

The columns after `url` carry the fields the EU's Kohesio project records and the IATI
standard use (beneficiary, programme, start/end, location, the objectives served), read
from the fields the registry already has.
"""

from django.utils.translation import gettext_lazy as _

# (column, meaning), in the order of the CSV's columns; projects/views.py writes the rows.
REGISTRY_COLUMNS = [
    ("agreement_number", _("Agreement number (vienošanās Nr.) with the fund's authority.")),
    ("title", _("The project's title in Latvian.")),
    ("title_original", _("Its original or English title, as partners abroad know it.")),
    ("acronym", _("Its acronym or short name.")),
    (
        "fund",
        _("The fund: esf, erdf, cf, eafrd, interreg, efc (Europe for Citizens), other."),
    ),
    (
        "funding_programme",
        _("The funding programme, measure or activity it is financed from."),
    ),
    ("municipality", _("The municipality whose project it is.")),
    ("municipality_role", _("The municipality's role: lead (lead partner) or partner.")),
    ("status", _("planned, approved, in_progress, completed or closed.")),
    ("planned_start", _("Planned start date (ISO 8601).")),
    ("planned_end", _("Planned end date.")),
    ("actual_start", _("Actual start date, where known.")),
    ("actual_end", _("Actual end date, where known.")),
    (
        "total_cost_eur",
        _("Total eligible cost in euro (decimal comma), EU funding and co-financing together."),
    ),
    ("eu_funding_eur", _("The EU's contribution in euro.")),
    ("co_financing_eur", _("National, municipal and other co-financing in euro.")),
    ("eu_share_percent", _("EU co-financing rate: the EU's share of the total cost, %.")),
    ("lead_partner", _("The lead partner organisation.")),
    ("partners", _("Number of partner organisations (the lead included).")),
    ("countries", _("Number of countries the partners come from.")),
    ("partner_countries", _("The partners' countries, ISO 3166 codes, space-separated.")),
    ("url", _("The project's page on the portal.")),
    (
        "beneficiary",
        _("Beneficiary (Kohesio, IATI): the lead partner, else the municipality when it leads."),
    ),
    (
        "operational_programme",
        _("The EU operational programme the funding programme belongs to."),
    ),
    (
        "start_date",
        _("Start (Kohesio, IATI): the actual start, else the planned one."),
    ),
    (
        "end_date",
        _("End (Kohesio, IATI): the actual end, else the planned one."),
    ),
    (
        "location",
        _("Location: the municipality where the project is carried out."),
    ),
    (
        "country",
        _("Country of the location, ISO 3166 code (LV)."),
    ),
    (
        "action_lines",
        _(
            "The development programme action lines it serves, as programme/code "
            "(e.g. ap-2014-2020/RV1.2), separated by semicolons."
        ),
    ),
]
CSV_COLUMNS = [name for name, _meaning in REGISTRY_COLUMNS]
