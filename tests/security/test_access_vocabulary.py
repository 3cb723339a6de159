"""One access vocabulary per model, and one admin driven by it (core/access.py).

Every model of ours that admin shows speaks the vocabulary on its queryset —
`published()`, `in_scope_of(user)`, `visible_to(user)`, `editable_by(user)` — and its admin
is the one scoped mixin, whose list is `in_scope_of(user)`. The laws that make the four
terms one rule, checked on both municipalities' records for every role:

- what residents see is what anybody sees (`visible_to(anonymous) == published()`);
- what a user may change they see in admin and on the site (`editable_by ⊆ in_scope_of`,
  `editable_by ⊆ visible_to`), and everyone sees what residents see (`published ⊆
  visible_to`). (Admin may show staff more than the site: a project manager reads the
  municipality's draft redaction in admin, and sees on the site what residents see.)
- a superuser sees and changes everything;
- of the other municipality, staff see what residents see and no more.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from core.access import ScopedQuerySet
from core.admin_mixins import MunicipalityScopedMixin

pytestmark = pytest.mark.django_db

OURS = {"programmes", "projects", "consultations", "portal"}
SCOPED = sorted(
    (
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in OURS
    ),
    key=lambda item: item[0]._meta.label,
)
TERMS = ("published", "in_scope_of", "visible_to", "editable_by")
ROLES = ["planner", "manager", "admin"]


def label(model):
    return model._meta.label


def pks(queryset):
    return set(queryset.values_list("pk", flat=True))


def user_of(world, role):
    if role == "anonymous":
        return AnonymousUser()
    if role == "superuser":
        return world.superuser
    return world.a.users[role]


@pytest.mark.parametrize(("model", "model_admin"), SCOPED, ids=lambda x: getattr(x, "__name__", ""))
def test_every_scoped_model_speaks_the_vocabulary_and_its_admin_asks_it(model, model_admin):
    rows = model._default_manager.all()
    assert isinstance(rows, ScopedQuerySet), f"{label(model)}: its queryset is no ScopedQuerySet"
    for term in TERMS:
        assert callable(getattr(rows, term, None)), f"{label(model)} lacks {term}()"
    assert isinstance(model_admin, MunicipalityScopedMixin), label(model)
    for inline in model_admin.inlines:
        # An inline's choices are scoped, and its rows change only with the parent.
        assert issubclass(inline, MunicipalityScopedMixin), f"{label(model)}: {inline.__name__}"


@pytest.mark.parametrize("role", [*ROLES, "superuser"])
@pytest.mark.parametrize(("model", "model_admin"), SCOPED, ids=lambda x: getattr(x, "__name__", ""))
def test_the_admin_list_is_the_models_in_scope_of(world, model, model_admin, role):
    user = user_of(world, role)
    request = RequestFactory().get("/")
    request.user = user
    assert pks(model_admin.get_queryset(request)) == pks(model._default_manager.in_scope_of(user))


@pytest.mark.parametrize(("model", "_admin"), SCOPED, ids=lambda x: getattr(x, "__name__", ""))
def test_the_terms_nest_for_every_role(world, model, _admin):
    rows = model._default_manager
    everything = pks(rows.all())
    published = pks(rows.published())
    assert pks(rows.visible_to(AnonymousUser())) == published
    assert pks(rows.in_scope_of(AnonymousUser())) == set()
    assert pks(rows.editable_by(AnonymousUser())) == set()
    assert pks(rows.visible_to(world.superuser)) == everything
    assert pks(rows.editable_by(world.superuser)) == everything
    for role in ROLES:
        user = world.a.users[role]
        editable, in_scope = pks(rows.editable_by(user)), pks(rows.in_scope_of(user))
        visible = pks(rows.visible_to(user))
        assert editable <= in_scope and editable <= visible, (label(model), role)
        assert published <= visible, (label(model), role)


@pytest.mark.parametrize(("model", "_admin"), SCOPED, ids=lambda x: getattr(x, "__name__", ""))
def test_staff_see_of_the_other_municipality_what_residents_see(world, model, _admin):
    other = world.b.samples[model]
    rows = model._default_manager
    public = rows.published().filter(pk=other.pk).exists()
    for role in ROLES:
        user = world.a.users[role]
        assert rows.visible_to(user).filter(pk=other.pk).exists() == public, (label(model), role)
        if getattr(model, "municipality_path", None):
            assert not rows.editable_by(user).filter(pk=other.pk).exists(), (label(model), role)


def test_drafts_are_their_planners_not_their_colleagues(world):
    """The one rule of the redaction page, the media view and the workflow alike."""
    from programmes.models import Redaction

    draft = world.a.hidden.redaction
    visible = Redaction.objects.visible_to
    assert visible(world.a.users["planner"]).filter(pk=draft.pk).exists()
    assert not visible(world.a.users["manager"]).filter(pk=draft.pk).exists()
    assert not visible(world.b.users["planner"]).filter(pk=draft.pk).exists()
    # In admin, the municipality's other staff still find it (read-only).
    assert Redaction.objects.in_scope_of(world.a.users["manager"]).filter(pk=draft.pk).exists()
    assert not Redaction.objects.editable_by(world.a.users["manager"]).exists()


def test_a_national_data_source_is_in_every_staff_scope_and_only_a_superuser_edits_it(world):
    from programmes.models import DataSource

    national = DataSource.objects.create(code="CSP-TEST", name="Centrālā statistikas pārvalde")
    rows, planner, anonymous = DataSource.objects, world.a.users["planner"], AnonymousUser()
    assert rows.in_scope_of(planner).filter(pk=national.pk).exists()
    assert not rows.editable_by(planner).filter(pk=national.pk).exists()
    assert rows.editable_by(world.superuser).filter(pk=national.pk).exists()
    # Residents read it on the redaction pages that cite it; it is no resident's scope.
    assert rows.visible_to(anonymous).filter(pk=national.pk).exists()
    assert not rows.in_scope_of(anonymous).exists()
