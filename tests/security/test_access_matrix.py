"""The cross-municipality access matrix: staff of one municipality never reach another's
records in admin, through any page or action of any admin model.

The matrix is generated from `admin.site._registry`, so a model registered tomorrow is in
it at once (and the first test fails until `tests/security/world.py` builds a sample of it).
Rows: every ModelAdmin. Columns: the planner, the project manager and the municipality
administrator of municipality A, and a superuser. Cells: the changelist, the change form
(read and a valid POST), deletion (confirmation and POST), the change history and a
historical version (read and revert), "view on site", every admin action (on the selected
object and "select all"), and for users the password form, always on an object of
municipality B — answered 403 or 404 (or admin's "does not exist" redirect), never with
B's data, never changing B's row.
The same staff reach their own municipality's objects where their role has the permission,
and a superuser reaches and changes B's (the proof that the refused requests were valid).

Records shared by every municipality (role groups, funding programmes, organisations,
national data sources) may be read by staff who have the view permission; they are never changed by
staff of another municipality than the one that uses them.

What the login lockout (django-axes) records — attempts, failures, logins — is seen by
superusers only: no role has a permission on it, so staff get 403 for their own
municipality's users' records as for the other's. A superuser reads them and lifts a
lockout by deleting its attempt; nobody edits them (every field is read-only). The same
holds for what the task queue keeps of its tasks, which nobody deletes either.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django_tasks_db.models import DBTaskResult

from core.access import municipality_path_of
from programmes.admin import RedactionImportExportMixin
from projects.models import FundingProgramme, Organisation
from tests.admin_forms import FormData, change_form_post

pytestmark = pytest.mark.django_db

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
MODELS = [model for model, _model_admin in REGISTRY]
STAFF_ROLES = ["planner", "manager", "admin"]

# Shared by every municipality: staff read them (with the view permission) but change only
# what no other municipality relies on. (National data sources are shared too, and only a
# superuser changes them; the samples are sources a municipality owns, scoped like its
# other records: tests/programmes/test_admin.py covers the national ones.)
SHARED = {Group, FundingProgramme, Organisation}
# What the login lockout wrote: read-only evidence, deleted (not edited) by a superuser.
LOGIN_RECORDS = {AccessAttempt, AccessFailureLog, AccessLog}
# What the task queue keeps of its tasks (e-mail fan-out): superusers read it, nobody
# changes or deletes it in admin (django-tasks-db's own read-only admin).
TASK_RECORDS = {DBTaskResult}
# Models with a public page, which admin offers to "view on site".
WITH_PAGES = [model for model in MODELS if hasattr(model, "get_absolute_url")]

# Cells known to fail, each marked xfail(strict=True) with its issue (none today).
KNOWN_HOLES = {}


def label(model):
    return model._meta.label


def cells(kind, roles=STAFF_ROLES, models=MODELS):
    """(model, role) parameters for one kind of cell, with the known holes marked."""
    params = []
    for model in models:
        for role in roles:
            mark = KNOWN_HOLES.get((kind, model, role))
            params.append(
                pytest.param(model, role, id=f"{label(model)}-{role}", marks=[mark] if mark else [])
            )
    return params


def admin_url(model, view, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def change_link(obj):
    """How a changelist or any admin page links to the object."""
    return f'href="{admin_url(type(obj), "change", obj.pk)}"'


def snapshot(obj):
    """The object's row as stored (to tell whether a request changed it)."""
    return type(obj)._base_manager.filter(pk=obj.pk).values().first()


def refused(response):
    """403, 404, or Django admin's answer for an object outside the user's queryset: back
    to the admin index with "… with ID 14 doesn't exist", as for an object that never was."""
    if response.status_code == 302:
        return response["Location"] == reverse("admin:index")
    return response.status_code in (403, 404)


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def staff(world, role):
    return world.superuser if role == "superuser" else world.a.users[role]


def may_view(user, model):
    meta = model._meta
    return user.has_perm(f"{meta.app_label}.view_{meta.model_name}") or user.has_perm(
        f"{meta.app_label}.change_{meta.model_name}"
    )


# Text fields changed to prove a write, by preference; numbers are raised by one otherwise.
TEXT_FIELDS = ["title", "name", "text", "alt_text", "first_name", "document", "introduction"]
TEXT_FIELDS += ["purpose", "place", "position", "description", "vision", "summary", "note"]


_FORMS = {}


def change_form_data(client, superuser, obj):
    """What a valid POST of the object's change form holds, with one field changed.

    Read from the form as a superuser renders it (an attacker copies a form of their own
    the same way), so the POST would pass validation: the refusal it meets is the access
    check, not a typo. Returns (data, changed field name or None); read once per object.
    """
    key = (label(type(obj)), obj.pk)
    if key not in _FORMS:
        _FORMS[key] = _read_change_form(client, superuser, obj)
    data, changed = _FORMS[key]
    return dict(data), changed


def _read_change_form(client, superuser, obj):
    client.force_login(superuser)
    data = change_form_post(client, admin_url(type(obj), "change", obj.pk))
    client.logout()
    fields = {field.name: field for field in type(obj)._meta.concrete_fields}
    for name in TEXT_FIELDS:
        value = data.get(name)
        text = isinstance(fields.get(name), models.CharField | models.TextField)
        if text and isinstance(value, str):
            data[name] = f"{value} (labots)".strip()
            return data, name
    # An amount rather than a year: a year moved by one can meet its neighbour's row.
    for kinds in (models.DecimalField, models.IntegerField):
        for field in fields.values():
            value = data.get(field.name)
            if isinstance(field, kinds) and not field.primary_key and isinstance(value, str):
                if value:
                    data[field.name] = str(int(float(value.replace(",", "."))) + 1)
                    return data, field.name
    return data, None


def assert_no_data_of(response, obj):
    """A page the user got (200) links nowhere near B's object. (A 403 or 404 page is the
    site's generic one; its language switcher links to the requested address itself.)"""
    if response.status_code != 200:
        return
    assert change_link(obj) not in response.content.decode(errors="replace"), (
        f"{response.request['PATH_INFO']} shows {label(type(obj))} {obj.pk} of municipality B"
    )


# --- the matrix covers everything ------------------------------------------------------


def test_every_admin_model_has_a_sample_in_both_municipalities(world):
    """A model registered in admin without a sample here would escape the whole matrix."""
    for side in (world.a, world.b):
        missing = [label(model) for model in MODELS if model not in side.samples]
        assert not missing, f"add a sample of {missing} to tests/security/world.py"
    for model in MODELS:
        if model not in SHARED:
            assert world.a.samples[model].pk != world.b.samples[model].pk, label(model)


# --- the cells -----------------------------------------------------------------------


@pytest.mark.parametrize(("model", "role"), cells("own"))
def test_staff_reach_their_own_municipality_where_their_role_allows(client, world, model, role):
    """The changelist lists their municipality's object (not the other's); its change form
    and "view on site" open where the role has the view permission."""
    user = staff(world, role)
    own, other = world.a.samples[model], world.b.samples[model]
    client.force_login(user)
    response = client.get(admin_url(model, "changelist"))
    if not may_view(user, model):
        assert response.status_code == 403
        assert refused(client.get(admin_url(model, "change", own.pk)))
        return
    assert response.status_code == 200
    if model not in SHARED:
        assert_no_data_of(response, other)
    assert change_link(own) in response.text
    assert client.get(admin_url(model, "change", own.pk)).status_code == 200
    if model in WITH_PAGES:
        content_type = ContentType.objects.get_for_model(model)
        response = client.get(reverse("admin:view_on_site", args=[content_type.pk, own.pk]))
        assert response.status_code == 302
        assert response["Location"].endswith(own.get_absolute_url())


@pytest.mark.parametrize(("model", "role"), cells("reach"))
def test_other_municipality_object_is_out_of_reach(client, world, model, role):
    """Every page of B's object answers as for an object that does not exist, and no POST
    (a valid change, deletion, reverting to an old version, a new password) changes it."""
    user = staff(world, role)
    other = world.b.samples[model]
    before = snapshot(other)
    data, _changed = change_form_data(client, world.superuser, other)
    client.force_login(user)
    urls = {
        "change": admin_url(model, "change", other.pk),
        "delete": admin_url(model, "delete", other.pk),
        "history": admin_url(model, "history", other.pk),
    }
    if getattr(other, "history", None) is not None and other.history.exists():
        version = other.history.order_by("history_id").first().history_id
        urls["version"] = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history",
            args=[other.pk, version],
        )
    if model is get_user_model():
        urls["password"] = admin_url(model, "password_change", other.pk)
    if model in WITH_PAGES:
        content_type = ContentType.objects.get_for_model(model)
        urls["view on site"] = reverse("admin:view_on_site", args=[content_type.pk, other.pk])

    for view, url in urls.items():
        response = client.get(url)
        if model in SHARED and view in ("change", "history", "version") and may_view(user, model):
            assert response.status_code == 200, (view, url)
            continue
        assert refused(response), (view, url, response.status_code)

    posts = {
        "change": data,
        "delete": {"post": "yes"},
        "version": data,
        "password": {"password1": "Jauna-parole-2026!", "password2": "Jauna-parole-2026!"},
    }
    for view, post in posts.items():
        if view in urls:
            response = client.post(urls[view], post)
            assert refused(response), (view, response.status_code)
    assert snapshot(other) == before


@pytest.mark.parametrize(("model", "role"), cells("actions", [*STAFF_ROLES, "superuser"]))
def test_admin_actions_leave_other_municipality_alone(client, world, model, role):
    """Every action of the model, on B's object selected by id and on "select all"
    (the superuser's run is the control: the same POSTs are valid ones)."""
    other = world.b.samples[model]
    before = snapshot(other)
    model_admin = admin.site.get_model_admin(model)
    names = [name for _func, name, _desc in model_admin._get_base_actions()]
    client.force_login(staff(world, role))
    url = admin_url(model, "changelist")
    # Not "select all" for the superuser: deleting every user would delete themselves.
    selections = [{}] if role == "superuser" else [{}, {"select_across": "1"}]
    for name in names:
        for extra in selections:
            data = {
                "action": name,
                helpers.ACTION_CHECKBOX_NAME: [str(other.pk)],
                "index": "0",
                "post": "yes",
                **extra,
            }
            response = client.post(url, data)
            assert response.status_code in (200, 302, 403), (name, extra, response.status_code)
            if role == "superuser":
                continue
            if model not in SHARED:
                assert_no_data_of(response, other)
            assert snapshot(other) == before, (name, extra)


@pytest.mark.parametrize("model", MODELS, ids=label)
def test_superuser_reaches_and_changes_every_municipality(client, world, model):
    """The control: the POSTs refused above are valid ones, accepted from a superuser."""
    other = world.b.samples[model]
    before = snapshot(other)
    data, changed = change_form_data(client, world.superuser, other)
    client.force_login(world.superuser)
    response = client.get(admin_url(model, "changelist"))
    assert change_link(other) in response.text
    assert change_link(world.a.samples[model]) in response.text
    assert client.get(admin_url(model, "history", other.pk)).status_code == 200
    response = client.post(admin_url(model, "change", other.pk), data)
    if model in TASK_RECORDS:
        assert response.status_code == 403
        response = client.post(admin_url(model, "delete", other.pk), {"post": "yes"})
        assert response.status_code == 403
        assert snapshot(other) == before
        return
    if model in LOGIN_RECORDS:
        # Saving the read-only form changes nothing; deleting the attempt lifts a lockout.
        assert response.status_code == 302
        assert snapshot(other) == before
        response = client.post(admin_url(model, "delete", other.pk), {"post": "yes"})
        assert response.status_code == 302
        assert not type(other)._base_manager.filter(pk=other.pk).exists()
        return
    if changed is None:
        # E-mail subscriptions: nobody changes a resident's address, they only delete it.
        assert not admin.site.get_model_admin(model).has_change_permission(
            request_of(world.superuser), other
        )
        return
    assert response.status_code == 302, response.context and [
        (form.errors if hasattr(form, "errors") else form)
        for form in [response.context.get("adminform").form, *response.context["errors"]]
    ]
    after = type(other)._base_manager.get(pk=other.pk)
    assert str(getattr(after, changed)) != str(getattr(other, changed))


# --- spreadsheet export and import -------------------------------------------------------

SPREADSHEET_MODELS = [
    model for model, model_admin in REGISTRY if isinstance(model_admin, RedactionImportExportMixin)
]


def rows_of(csv_response):
    """Data rows of an exported CSV (the first line is the heading)."""
    return len(csv_response.content.decode("utf-8-sig").splitlines()) - 1


def spreadsheet_form(client, url):
    """The export (or import) form's fields as a browser sends them, CSV chosen."""
    parser = FormData(
        lambda attrs: attrs.get("method", "").lower() == "post" and attrs.get("id") != "logout-form"
    )
    parser.feed(client.get(url).text)
    data = {name: values[0] for name, values in parser.data.items() if values}
    formats = admin.site.get_model_admin(SPREADSHEET_MODELS[0]).formats
    csv = [index for index, kind in enumerate(formats) if kind().get_title().lower() == "csv"]
    data["format"] = str(csv[0])
    return data


@pytest.mark.filterwarnings("ignore:The 'get_valid_export_item_pks:DeprecationWarning")
@pytest.mark.parametrize(("model", "role"), cells("spreadsheets", models=SPREADSHEET_MODELS))
def test_spreadsheet_export_and_import_stay_in_own_municipality(client, world, model, role):
    """Export gives the own municipality's rows only, even for B's ids asked by name; import
    cannot target B's draft, neither on the form nor by posting the confirmation directly."""
    user = staff(world, role)
    own, other = world.a.samples[model], world.b.samples[model]
    before = snapshot(other)
    client.force_login(user)
    export_url, import_url = admin_url(model, "export"), admin_url(model, "import")
    if not may_view(user, model):
        assert client.get(export_url).status_code == 403
        return
    data = spreadsheet_form(client, export_url)
    exported = client.post(export_url, data)
    assert exported["Content-Type"].startswith("text/csv")
    path = municipality_path_of(model)
    own_rows = model.objects.filter(**{path: world.a.municipality}).count()
    assert own_rows and model.objects.filter(**{path: world.b.municipality}).exists()
    assert rows_of(exported) == own_rows
    asked = client.post(export_url, {**data, "export_items": [str(other.pk)]})
    assert rows_of(asked) == 0
    exported = client.post(export_url, {**data, "export_items": [str(own.pk)]})
    assert rows_of(exported) == 1

    if not (user.has_perm(f"programmes.add_{model._meta.model_name}")):
        assert client.get(import_url).status_code == 403
        return
    form = spreadsheet_form(client, import_url)
    upload = {"import_file": SimpleUploadedFile("rows.csv", exported.content)}
    other_draft = world.b.hidden.redaction
    response = client.post(import_url, {**form, **upload, "redaction": str(other_draft.pk)})
    assert response.status_code == 200
    assert "redaction" in response.context["form"].errors
    assert "import_file_name" not in response.text

    # A preview into the own draft, then its confirmation re-aimed at B's draft.
    upload = {"import_file": SimpleUploadedFile("rows.csv", exported.content)}
    own_draft = world.a.hidden.redaction
    preview = client.post(import_url, {**form, **upload, "redaction": str(own_draft.pk)})
    confirm = FormData(lambda attrs: "process_import" in attrs.get("action", ""))
    confirm.feed(preview.text)
    post = {name: values[0] for name, values in confirm.data.items()}
    assert post["import_file_name"]
    post["redaction"] = str(other_draft.pk)
    response = client.post(admin_url(model, "process_import"), post)
    assert response.status_code in (200, 302, 400, 403, 404)
    assert snapshot(other) == before


# --- the admin's front pages -------------------------------------------------------------


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_admin_index_and_app_pages_show_nothing_of_other_municipality(client, world, role):
    client.force_login(staff(world, role))
    pages = [reverse("admin:index")]
    for app_label in {model._meta.app_label for model in MODELS}:
        try:
            pages.append(reverse("admin:app_list", args=[app_label]))
        except NoReverseMatch:
            continue
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200 or refused(response), url
        for model in MODELS:
            if model not in SHARED:
                assert_no_data_of(response, world.b.samples[model])
        assert world.b.municipality.name not in response.text, url
