"""Who may see and edit what, in one place for views and admin alike."""


def municipality_ids_for(user):
    """The municipalities a staff user works for; None means all (superuser); empty: none."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not hasattr(user, "_municipality_ids"):
        profile = getattr(user, "staff_profile", None)
        user._municipality_ids = {profile.municipality_id} if profile else set()
    return user._municipality_ids


def can_edit_municipality(user, municipality_id):
    ids = municipality_ids_for(user)
    return user.is_authenticated and user.is_staff and (ids is None or municipality_id in ids)
