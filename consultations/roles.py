"""What each role may do with the consultations app's records (merged by portal.roles)."""

from programmes.roles import PLANNER, PROJECT_MANAGER

_MODELS = [
    "workinggroup",
    "workinggroupmeeting",
    "workinggroupproposal",
    "event",
    "survey",
    "publicdiscussion",
    "proposal",
]


def _all(model):
    return [f"consultations.{verb}_{model}" for verb in ("view", "add", "change", "delete")]


ROLE_PERMISSIONS = {
    # Subscriptions are residents' own: planners see them and erase one on request.
    PLANNER: [perm for model in _MODELS for perm in _all(model)]
    + ["consultations.view_subscription", "consultations.delete_subscription"],
    # Project managers record events of their projects (seminars, conferences) too.
    PROJECT_MANAGER: [f"consultations.view_{model}" for model in _MODELS]
    + ["consultations.add_event", "consultations.change_event"],
}
