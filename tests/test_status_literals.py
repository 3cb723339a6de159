"""A status is asked of the model that owns it, never spelled out elsewhere.

"Published means public" is one rule per model (`Redaction.objects.published()`,
`Project.objects.published()`, `News.objects.published()` …), and a redaction knows what
it is (`redaction.is_draft`, `redaction.in_public_discussion`). A `status="draft"` in a
view, a `filter(is_published=True)` in a selector or `{% if redaction.status == "draft" %}`
in a template is the rule written a second time, and the next change of the rule would
miss it. This test reads every app's Python (migrations excepted) and every template and
fails on:

- a status value of one of our models ("draft", "approved", "in_progress" …) given as a
  string to a status lookup (`status=`, `…__status=`, `status__in=`), compared with a
  `.status` or put under a "status" key, outside the module that defines the model;
- any value given to a publication flag lookup (`is_published=`, `…__is_published=`)
  outside the module that defines the model;
- a `.status` compared with a quoted status value in a template.
"""

import ast
import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("core", "programmes", "projects", "consultations", "portal")
FRAME = "templates"

STATUS_LOOKUP = re.compile(r"^(?:\w+__)?status(?:__(?:in|exact|iexact))?$")
FLAG_LOOKUP = re.compile(r"^(?:\w+__)?is_published(?:__(?:exact))?$")
TEMPLATE_COMPARISON = re.compile(
    r"""\.status\s*(?:==|!=)\s*["'](?P<a>[^"']+)["']|["'](?P<b>[^"']+)["']\s*(?:==|!=)\s*[\w.]+\.status\b"""
)


def _source(model):
    return Path(inspect.getsourcefile(model)).resolve()


def status_owners():
    """{status value: the modules of the models whose status field has it}, and the
    modules of the models with a publication flag."""
    values, flags = {}, set()
    for model in django_apps.get_models():
        if model._meta.app_label not in APPS or "Historical" in model.__name__:
            continue
        for field in model._meta.fields:
            if field.name == "status" and field.choices:
                for value, _label in field.flatchoices:
                    values.setdefault(value, set()).add(_source(model))
            if field.name == "is_published":
                flags.add(_source(model))
    return values, flags


def _strings(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return [value for element in node.elts for value in _strings(element)]
    return []


def _is_status(node):
    if isinstance(node, ast.Attribute):
        return node.attr == "status"
    if isinstance(node, ast.Subscript):
        return _strings(node.slice) == ["status"]
    return False


LOOKUP_CALLS = {"filter", "exclude", "get", "get_or_create", "Q", "aggregate", "annotate"}


def _call_name(call):
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def python_findings(source, path, values, flags):
    """(line, what) of every status literal or publication flag in one Python file."""
    found = []
    resolved = path.resolve()

    def status_literal(node, strings):
        for value in strings:
            if value in values and resolved not in values[value]:
                found.append((node.lineno, f"status {value!r}"))

    tree = ast.parse(source)
    # A flag given a value when a record is built (News(is_published=…), create(…)) is
    # data, not the rule: only a lookup (filter, exclude, get, Q) restates the rule.
    lookups = {
        id(keyword)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and _call_name(call) in LOOKUP_CALLS
        for keyword in call.keywords
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg:
            if STATUS_LOOKUP.match(node.arg):
                status_literal(node.value, _strings(node.value))
            elif FLAG_LOOKUP.match(node.arg) and id(node) in lookups and resolved not in flags:
                found.append((node.value.lineno, f"{node.arg}= (ask the model's published())"))
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_status(operand) for operand in operands):
                for operand in operands:
                    status_literal(node, _strings(operand))
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if key is not None and _strings(key) and _strings(key)[0].endswith("status"):
                    status_literal(key, _strings(value))
    return found


def template_findings(text, values):
    found = []
    for match in TEMPLATE_COMPARISON.finditer(text):
        value = match.group("a") or match.group("b")
        if value in values:
            found.append((text.count("\n", 0, match.start()) + 1, f"status {value!r}"))
    return found


def _files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or "migrations" in path.parts:
                continue
            if path.suffix == ".py":
                yield path, "python"
            elif "templates" in path.relative_to(ROOT / app).parts:
                yield path, "template"
    for path in sorted((ROOT / FRAME).rglob("*.html")):
        yield path, "template"


@pytest.fixture(scope="module")
def owners():
    return status_owners()


def test_no_status_literal_outside_the_model_that_owns_it(owners):
    values, flags = owners
    wrong = []
    for path, kind in _files():
        text = path.read_text()
        if kind == "python":
            findings = python_findings(text, path, values, flags)
        else:
            findings = template_findings(text, values)
        place = path.relative_to(ROOT)
        wrong += [f"{place}:{line}: {what}" for line, what in findings]
    assert not wrong, "Ask the model instead:\n" + "\n".join(wrong)


def test_the_check_knows_the_statuses_and_their_owners(owners):
    values, flags = owners
    assert {"draft", "public_discussion", "approved", "in_progress"} <= set(values)
    assert ROOT / "programmes" / "models" / "redactions.py" in values["draft"]
    assert ROOT / "portal" / "models.py" in flags


CASES = {
    "a status in a filter": 'Redaction.objects.filter(status="draft")',
    "a status through a relation": 'lines.exclude(priority__redaction__status="draft")',
    "statuses in a list": 'Redaction.objects.filter(status__in=["draft", "approved"])',
    "a comparison": 'if redaction.status == "public_discussion": pass',
    "a comparison with a stored row": 'if stored["status"] != "draft": pass',
    "a status key": 'Redaction.objects.filter(**{"status": "draft"})',
    "a publication flag": "Project.objects.filter(is_published=True)",
    "a flag through a relation": "partners.filter(partnerships__project__is_published=True)",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_check_finds(owners, case):
    values, flags = owners
    assert python_findings(CASES[case], ROOT / "portal" / "example.py", values, flags), case


def test_the_check_finds_in_templates(owners):
    values, _flags = owners
    assert template_findings('{% if redaction.status == "draft" %}', values)
    assert template_findings("{% if 'in_progress' != projects.0.status %}", values)
    assert not template_findings('{% if change.status == "added" %}', values)


def test_the_owner_may_spell_its_statuses(owners):
    values, flags = owners
    owner = ROOT / "programmes" / "models" / "redactions.py"
    assert not python_findings('Q(status="approved")', owner, values, flags)
