"""What each role may do with the portal's own records (news)."""

from programmes.roles import PLANNER, PROJECT_MANAGER

_NEWS = [
    f"portal.{verb}_{model}"
    for model in ("news", "newsphoto")
    for verb in ("view", "add", "change", "delete")
]

ROLE_PERMISSIONS = {
    # Project managers write about their projects, planners about programmes and the
    # municipality in general (narrowed by News.objects.editable_by).
    PROJECT_MANAGER: _NEWS,
    PLANNER: [*_NEWS, "portal.write_general_news"],
}
