"""What each role may do with the projects app's records (merged by portal.roles)."""

from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER


def _perms(model, verbs=("view", "add", "change", "delete")):
    return [f"projects.{verb}_{model}" for verb in verbs]


_READ = [
    "project",
    "partnership",
    "activity",
    "organisation",
    "fundingprogramme",
    "councildecision",
]

ROLE_PERMISSIONS = {
    # Which projects a manager may change is narrowed further to the assigned ones
    # (Project.objects.editable_by); these are the kinds of records they work with.
    PROJECT_MANAGER: _perms("project")
    + _perms("partnership")
    + _perms("activity")
    + _perms("organisation", ("view", "add", "change"))
    + _perms("councildecision", ("view", "add", "change"))
    + _perms("fundingprogramme", ("view",)),
    PLANNER: [f"projects.view_{model}" for model in _READ],
    # They read what their municipality's projects link to (funding, decisions, partners).
    MUNICIPALITY_ADMIN: [f"projects.view_{model}" for model in _READ],
}
