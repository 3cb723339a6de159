"""Role groups and what each may do with the programmes app's records.

Every app has a `roles.py` with `ROLE_PERMISSIONS`; `portal.roles.ensure_role_groups()`
merges them into Django groups (after each migrate, and from `load_demo`).
"""

from django.utils.translation import gettext_lazy as _

PLANNER = "Plānotāji"
PROJECT_MANAGER = "Projektu vadītāji"
MUNICIPALITY_ADMIN = "Pašvaldības administratori"

ROLE_LABELS = {
    PLANNER: _("Planners"),
    PROJECT_MANAGER: _("Project managers"),
    MUNICIPALITY_ADMIN: _("Municipality administrators"),
}

_CONTENT = [
    "redaction",
    "situationsection",
    "swotitem",
    "coherenceitem",
    "priority",
    "actionline",
    "task",
    "action",
    "investmentitem",
    "investmentamount",
    "indicator",
    "indicatorvalue",
    "developmentprogramme",
    "steeringgroup",
    "steeringgroupmember",
    "steeringgroupmeeting",
    "monitoringreport",
    "monitoringreportsection",
]


def _all(model):
    return [f"programmes.{verb}_{model}" for verb in ("view", "add", "change", "delete")]


# Admin derives the rest from these: spreadsheet import needs add and change permission on
# the model, export and change history need view permission, and the redaction actions
# need add (start the next redaction) or change (open discussion, approve).
ROLE_PERMISSIONS = {
    PLANNER: [perm for model in _CONTENT for perm in _all(model)]
    + [
        "programmes.view_municipality",
        "programmes.view_datasource",
        "programmes.add_datasource",
        "programmes.change_datasource",
    ],
    PROJECT_MANAGER: [f"programmes.view_{model}" for model in _CONTENT]
    + ["programmes.view_municipality"],
    # They read their municipality's programmes as project managers do (a project's page
    # links to the programme it serves, the programme to its redactions).
    MUNICIPALITY_ADMIN: [f"programmes.view_{model}" for model in _CONTENT]
    + [
        "programmes.view_municipality",
        "programmes.change_municipality",
        "programmes.view_staffprofile",
        "programmes.add_staffprofile",
        "programmes.change_staffprofile",
        "programmes.delete_staffprofile",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
    ],
}
