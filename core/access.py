"""Who may see and change what: one vocabulary, spoken by every scoped model's queryset.

- `published()`: what the public sees, logged in or not;
- `in_scope_of(user)`: what a staff user's work covers: the rows of the municipality they
  work for, every row for a superuser; the admin lists and object pages show these;
- `visible_to(user)`: what the user may see anywhere: `published()` plus what their role
  shows them as staff;
- `editable_by(user)`: what they may change.

`ScopedQuerySet` gives each term its usual meaning, from how the model reaches its
municipality: a class attribute `municipality_path` (a lookup such as
"programme__municipality"; None for records every municipality shares), or
`municipality_lookup()`. A row that is part of a parent record (a project's partners, a
post's photos, a redaction's content) takes every term from its parent
(`FollowsParentQuerySet`). A model whose rules differ (a draft is not public; a project
manager changes only the projects assigned to them) overrides the term in its own
queryset, and that is the only place the rule is written: views, selectors, feeds,
search, the media view and admin (`core.admin_mixins.MunicipalityScopedMixin`) ask.

Which municipalities a staff user works for is for the app that keeps staff profiles to
say: it registers the answer (`register_municipality_resolver`) when it loads, so this
layer names nothing of the apps above it.
"""

from django.db import models
from django.db.models import Q

_resolvers = []


def register_municipality_resolver(resolver):
    """`resolver(user)` → the ids of the municipalities a (non-superuser) user works for.

    Called by the app that keeps staff profiles from its `AppConfig.ready()`.
    """
    if resolver not in _resolvers:
        _resolvers.append(resolver)


def municipality_ids_for(user):
    """The municipalities a user works for; None means all (superuser); empty: none."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not hasattr(user, "_municipality_ids"):
        ids = set()
        for resolver in _resolvers:
            ids |= set(resolver(user))
        user._municipality_ids = ids
    return user._municipality_ids


def staff_municipality_ids(user):
    """`municipality_ids_for(user)` for staff (and superusers); none for anyone else: a
    resident's account gives no staff rights, whatever profile it has."""
    if not (user.is_staff or user.is_superuser):
        return set()
    return municipality_ids_for(user)


def municipality_path_of(model):
    """The lookup from `model` to its Municipality, or None if the model is not scoped."""
    lookup = getattr(model, "municipality_lookup", None)
    if callable(lookup):
        return lookup()
    return getattr(model, "municipality_path", None)


def speaks_the_vocabulary(queryset):
    return isinstance(queryset, ScopedQuerySet)


class ScopedQuerySet(models.QuerySet):
    """The access vocabulary (see the module's docstring) with its usual meanings."""

    def published(self):
        """What the public sees: every row, unless the model's queryset says otherwise."""
        return self.all()

    def in_scope_of(self, user):
        """The rows of the municipalities the staff user works for (all for a superuser).

        A model with `shared_without_municipality` (data sources) also shows every user
        its rows without a municipality: the national ones everybody cites. Seeing is not
        editing: such a row is the superusers' to change (`editable_by`).
        """
        return self._of_municipalities(user, shared=True)

    def visible_to(self, user):
        """`published()` plus what the user's role shows them as staff."""
        if staff_municipality_ids(user) is None:
            return self.all()
        return self.published() | self.in_scope_of(user)

    def editable_by(self, user):
        """What the user may change: the rows of their municipalities (all for a superuser);
        a row shared without a municipality only a superuser changes."""
        return self._of_municipalities(user, shared=False)

    def narrows_editing(self):
        """Does `editable_by` hold less than `in_scope_of` for some user? Admin then asks it
        object by object; otherwise everything an admin page shows may be changed (as far
        as the user's permissions go)."""
        return type(self).editable_by is not ScopedQuerySet.editable_by or getattr(
            self.model, "shared_without_municipality", False
        )

    def _of_municipalities(self, user, *, shared):
        ids = staff_municipality_ids(user)
        if ids is None:
            return self.all()
        if not user.is_staff:
            return self.none()  # a resident, or nobody logged in: no staff scope at all
        path = municipality_path_of(self.model)
        if path is None:
            return self.all()
        if shared and getattr(self.model, "shared_without_municipality", False):
            return self.filter(Q(**{f"{path}__in": ids}) | Q(**{f"{path}__isnull": True}))
        if not ids:
            return self.none()
        return self.filter(**{f"{path}__in": ids})


class FollowsParentQuerySet(ScopedQuerySet):
    """Rows that are part of a parent record (a project's partners, a post's photos, a
    redaction's content): each term is the parent's, asked of the parent's own queryset.
    `parent_path` is the lookup from the row to its parent ("project", "news")."""

    parent_path = None

    def parent_lookup(self):
        return self.parent_path

    def parent_model(self):
        model = self.model
        for step in self.parent_lookup().split("__"):
            model = model._meta.get_field(step).related_model
        return model

    def _parents(self, term, user=None):
        if user is not None and staff_municipality_ids(user) is None:
            return self.all()  # a superuser's: no need to ask the parents
        args = () if user is None else (user,)
        parents = getattr(self.parent_model()._default_manager, term)(*args)
        return self.filter(**{f"{self.parent_lookup()}__in": parents})

    def published(self):
        return self._parents("published")

    def in_scope_of(self, user):
        return self._parents("in_scope_of", user)

    def visible_to(self, user):
        return self._parents("visible_to", user)

    def editable_by(self, user):
        return self._parents("editable_by", user)

    def narrows_editing(self):
        return self.parent_model()._default_manager.all().narrows_editing()
