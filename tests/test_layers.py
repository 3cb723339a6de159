"""Dependencies between the apps point one way, in templates as in Python (DESIGN.md).

    core  ←  programmes  ←  projects, consultations  ←  portal (the shell), api

The top layer is the shell and the open-data app beside it (`api`: the read API, the
catalogue and the open-data pages): each may use everything below and the other (the
root URLconf includes the API; the API serves the shell's news and draws its pages in
the shell's frame).

An app may use its own code and the layers below it: projects and consultations may use
programmes and core, never each other; programmes only core; core nothing of ours. What
counts as using another app, and who owns what is named:

- Python (every file of the app, migrations included): an import, also inside a function;
  `import_module("app…")` and any string naming a module of an app ("app.urls"); a model
  named as a string ("projects.Project" in a ForeignKey, `apps.get_model("projects", …)`);
  a permission of another app ("projects.change_project"); a migration dependency; a URL
  name given to `reverse`, `reverse_lazy`, `redirect` or `resolve_url`; a template name.
- Templates: `{% extends %}` and `{% include %}` of a template (it belongs to the app whose
  templates/ directory holds it), `{% load %}` of a tag library (the app whose
  templatetags/ defines it), `{% url %}` of a URL name.
- URL names: a namespace belongs to the app whose URLconf declares it (`app_name`); admin
  URLs (`admin:projects_project_change`) to the app of the model; names without a
  namespace are the root URLconf's (portal/urls.py), so the shell's. A lower app gets
  the shell's addresses (the feeds, the about page) from the shell's context processor,
  `site_links`.
- Reflection: a relation that a higher app declares towards a lower app's model (its
  reverse accessor or query name, e.g. ActionLine.projects, Redaction.public_discussions)
  may not be named in the lower app: not as an attribute, not in a lookup string
  ("priorities__action_lines__projects"), not through `_meta.get_field("projects")`, not in
  its templates (`redaction.public_discussions.all`). The same holds for a relation a
  higher app declares towards a model no app of ours owns, which every layer handles (a
  user's `staff_profile`, which programmes declares, is not core's to read: core asks the
  resolver programmes registers). A lower page shows what higher apps contribute through
  panels (core/panels.py), which the higher apps fill.
- The project-wide templates/ directory (base.html, includes/, error pages, admin
  overrides) is the shell's: it may name any app, and its header links every section.
  Every page of every app is drawn inside it, so any app may extend or include a
  project-wide template; that is what the frame is for, and it is the only way down-to-up
  a template may point. App templates may not be used across the graph at all.

There is no exception list: an edge against the graph fails the test, with its place.
"""

import ast
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LAYERS = {
    "core": set(),
    "programmes": {"core"},
    "projects": {"core", "programmes"},
    "consultations": {"core", "programmes"},
    "portal": {"core", "programmes", "projects", "consultations", "api"},
    "api": {"core", "programmes", "projects", "consultations", "portal"},
}
APPS = tuple(LAYERS)
SHELL = "portal"
FRAME = "templates"  # the project-wide templates: the shell's, usable by every app

URL_CALLS = {"reverse", "reverse_lazy", "redirect", "resolve_url"}
MODEL_CALLS = {"get_model"}
URL_NAME = re.compile(r"^[\w-]+(?::[\w-]+)*$")
DOTTED = re.compile(r"^(\w+)((?:\.\w+)+)$")
LOOKUP = re.compile(r"^[a-z_][a-z0-9_]*(?:__[a-z_][a-z0-9_]*)*$")
TEMPLATE_NAME = re.compile(r"^[\w./-]+\.(?:html|txt|xml|ics)$")

TAG = re.compile(r"{%-?\s*(\w+)\s+(.*?)\s*-?%}", re.DOTALL)
VARIABLE = re.compile(r"{{(.*?)}}", re.DOTALL)
QUOTED = re.compile(r"""^(["'])(.+?)\1""")


def may_use(app, other):
    return other == app or other in LAYERS[app]


@dataclass(frozen=True)
class Edge:
    place: str
    app: str
    target: str
    what: str

    def __str__(self):
        return f"{self.place}: {self.app} → {self.target} ({self.what})"


# --- who owns what -----------------------------------------------------------------------


def app_of_path(path):
    """The app a file of the tree belongs to (the shell for project-wide templates)."""
    first = path.relative_to(ROOT).parts[0]
    if first == FRAME:
        return SHELL
    return first if first in APPS else None


def template_owner(name):
    """The app whose templates/ holds template `name`, FRAME for a project-wide one, None
    for a template of Django or a third-party package."""
    for app in APPS:
        if (ROOT / app / "templates" / name).is_file():
            return app
    if (ROOT / FRAME / name).is_file():
        return FRAME
    return None


def tag_libraries():
    """Tag library name → the app whose templatetags/ defines it."""
    return {
        module.stem: app
        for app in APPS
        for module in (ROOT / app / "templatetags").glob("*.py")
        if module.stem != "__init__"
    }


def url_namespaces():
    """URL namespace → the app whose URLconf declares it with `app_name`."""
    declared = re.compile(r"""^app_name\s*=\s*["'](\w+)["']""", re.MULTILINE)
    return {
        namespace: app
        for app in APPS
        for module in (ROOT / app).rglob("*.py")
        for namespace in declared.findall(module.read_text())
    }


def url_owner(name, namespaces):
    """The app a URL name belongs to, or None when it is not one of ours."""
    namespace, _sep, rest = name.rpartition(":")
    if not namespace:
        return SHELL  # the root URLconf's names
    namespace = namespace.split(":")[0]
    if namespace == "admin":
        label = rest.split("_")[0]
        return label if label in APPS else None
    return namespaces.get(namespace)


def permission_codenames(app):
    codenames = set()
    for model in django_apps.get_app_config(app).get_models():
        opts = model._meta
        codenames |= {f"{action}_{opts.model_name}" for action in opts.default_permissions}
        codenames |= {codename for codename, _label in opts.permissions}
    return codenames


def foreign_accessors():
    """App → {name: declaring app} of the relations that apps it may not use declare
    towards its models, or towards a model no app of ours owns (Django's user): reverse
    accessors and query names, which the app may not name."""
    names = {app: {} for app in APPS}
    for model in django_apps.get_models():
        owner = model._meta.app_label
        for relation in model._meta.related_objects:
            other = relation.related_model._meta.app_label
            if other not in APPS:
                continue
            for app in APPS:
                if (owner == app or owner not in APPS) and not may_use(app, other):
                    names[app][relation.get_accessor_name()] = other
                    names[app][relation.field.related_query_name()] = other
    return names


class Owners:
    """Everything the checks look up, gathered once."""

    def __init__(self):
        self.libraries = tag_libraries()
        self.namespaces = url_namespaces()
        self.permissions = {app: permission_codenames(app) for app in APPS if app != "core"}
        self.accessors = foreign_accessors()


# --- Python ------------------------------------------------------------------------------


def _called_name(node):
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _constant(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_module_or_in_one(dotted):
    """Does "a.b.c" name a module, or something in module "a.b"?"""
    candidates = [dotted]
    if dotted.count(".") > 1:
        candidates.append(dotted.rsplit(".", 1)[0])
    for candidate in candidates:
        try:
            if importlib.util.find_spec(candidate) is not None:
                return True
        except ImportError:  # a parent is a module, not a package
            continue
    return False


def _string_edges(value, app, owners):
    """What a string constant names of another app, as (target, what) pairs."""
    found = []
    dotted = DOTTED.match(value)
    if dotted and dotted.group(1) in APPS:
        target, rest = dotted.group(1), dotted.group(2)[1:]
        if target != "core":
            config = django_apps.get_app_config(target)
            model_names = {model.__name__.lower() for model in config.get_models()}
            if rest.lower() in model_names:
                found.append((target, f"model {value!r}"))
            elif rest in owners.permissions[target]:
                found.append((target, f"permission {value!r}"))
        if not found and _is_module_or_in_one(value):
            found.append((target, f"module {value!r}"))
    if TEMPLATE_NAME.match(value):
        owner = template_owner(value)
        if owner not in (None, FRAME):
            found.append((owner, f"template {value!r}"))
    if LOOKUP.match(value):
        accessors = owners.accessors.get(app, {})
        for name in value.split("__"):
            if name in accessors:
                found.append((accessors[name], f"its relation {name!r} in {value!r}"))
    return found


def python_edges(app, source, place, owners):
    """Every use of another app in one Python file, whatever the layers."""
    tree = ast.parse(source)
    edges = []

    def edge(node, target, what):
        edges.append(Edge(f"{place}:{node.lineno}", app, target, what))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                root = alias.name.split(".")[0]
                if root in APPS:
                    edge(node, root, f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            root = node.module.split(".")[0]
            if root in APPS:
                edge(node, root, f"from {node.module} import …")
        elif isinstance(node, ast.Call):
            called = _called_name(node)
            first = _constant(node.args[0]) if node.args else None
            if called in URL_CALLS and first and URL_NAME.match(first):
                owner = url_owner(first, owners.namespaces)
                if owner:
                    edge(node, owner, f"URL {first!r}")
            elif called in MODEL_CALLS and first:
                label = first.split(".")[0]
                if label in APPS:
                    edge(node, label, f"get_model({first!r}, …)")
            elif called == "import_module" and first and first.split(".")[0] in APPS:
                edge(node, first.split(".")[0], f"import_module({first!r})")
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            label, migration = (_constant(element) for element in node.elts)
            if label in APPS and migration and re.match(r"^\d{4}_\w+$", migration):
                edge(node, label, f"migration dependency {label}.{migration}")
        elif isinstance(node, ast.Attribute) and node.attr in owners.accessors.get(app, {}):
            edge(node, owners.accessors[app][node.attr], f"its relation .{node.attr}")
        elif isinstance(node, ast.keyword) and node.arg and LOOKUP.match(node.arg):
            # A lookup as a keyword: .filter(staff_profile__municipality_id=…)
            accessors = owners.accessors.get(app, {})
            for name in node.arg.split("__"):
                if name in accessors:
                    found = f"its relation {name!r} in {node.arg}="
                    edges.append(Edge(f"{place}:{node.value.lineno}", app, accessors[name], found))
        elif (value := _constant(node)) is not None:
            for target, what in _string_edges(value, app, owners):
                edge(node, target, what)
    return edges


# --- templates ---------------------------------------------------------------------------


def template_edges(app, text, place, owners):
    """Every use of another app in one template, whatever the layers."""
    edges = []

    def edge(position, target, what):
        line = text.count("\n", 0, position) + 1
        edges.append(Edge(f"{place}:{line}", app, target, what))

    for match in TAG.finditer(text):
        tag, arguments = match.group(1), match.group(2)
        quoted = QUOTED.match(arguments)
        if tag in ("extends", "include") and quoted:
            owner = template_owner(quoted.group(2))
            if owner is not None:
                edge(match.start(), owner, f"{{% {tag} {quoted.group(2)!r} %}}")
        elif tag == "load":
            words = arguments.split()
            libraries = words[words.index("from") + 1 :] if "from" in words else words
            for library in libraries:
                if library in owners.libraries:
                    edge(match.start(), owners.libraries[library], f"{{% load {library} %}}")
        elif tag == "url" and quoted:
            owner = url_owner(quoted.group(2), owners.namespaces)
            if owner:
                edge(match.start(), owner, f"{{% url {quoted.group(2)!r} %}}")
    accessors = owners.accessors.get(app, {})
    if accessors:
        pattern = re.compile(rf"\.({'|'.join(sorted(map(re.escape, accessors)))})\b")
        for expression in [*TAG.finditer(text), *VARIABLE.finditer(text)]:
            for found in pattern.finditer(expression.group(0)):
                name = found.group(1)
                edge(expression.start(), accessors[name], f"its relation .{name}")
    return edges


# --- the tree ----------------------------------------------------------------------------


def _files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            if path.suffix == ".py":
                yield app, path, "python"
            elif "templates" in path.relative_to(ROOT / app).parts:
                yield app, path, "template"
    for path in sorted((ROOT / FRAME).rglob("*")):
        if path.is_file():
            yield SHELL, path, "template"


def all_edges(owners):
    edges = []
    for app, path, kind in _files():
        place = str(path.relative_to(ROOT))
        text = path.read_text()
        if kind == "python":
            edges += python_edges(app, text, place, owners)
        else:
            edges += template_edges(app, text, place, owners)
    return edges


def against_the_graph(edges):
    return [edge for edge in edges if not (edge.target == FRAME or may_use(edge.app, edge.target))]


def _by_place(edge):
    path, _sep, line = edge.place.rpartition(":")
    return path, int(line)


@pytest.fixture(scope="module")
def owners():
    return Owners()


def test_no_app_uses_an_app_above_it_or_beside_it(owners):
    wrong = sorted(against_the_graph(all_edges(owners)), key=_by_place)
    assert not wrong, "Edges against the one-way graph:\n" + "\n".join(map(str, wrong))


def test_every_template_of_ours_compiles():
    """A tag library that moved layers leaves no `{% load %}` of its old name behind."""
    from django.template import engines

    engine = engines["django"]
    for _app, path, kind in _files():
        if kind == "template":
            engine.from_string(path.read_text())


def test_the_apps_in_settings_are_the_layers_in_order():
    ours = [app for app in settings.INSTALLED_APPS if app in APPS]
    assert ours == ["core", "programmes", "projects", "consultations", "portal", "api"]


def test_the_check_reads_every_app_and_the_project_wide_templates(owners):
    """The scan reaches every layer, so an empty result means something."""
    edges = all_edges(owners)
    assert {edge.app for edge in edges} >= set(APPS) - {"core"}
    assert any(edge.place.startswith("templates/") for edge in edges)
    assert owners.libraries["formats"] == "core"
    assert owners.libraries["panels"] == "core"
    assert owners.namespaces["feeds"] == "portal"


# --- the check itself finds each kind of edge (each was in the tree once) ----------------

PYTHON_CASES = {
    "an import": "from projects.models import Project",
    "an import inside a function": "def f():\n    import consultations.models\n",
    "a module by its name": 'urlpatterns = [include("portal.feeds_urls")]',
    "a model by its name": 'field = models.ForeignKey("projects.Project", on_delete=CASCADE)',
    "a model through the app registry": 'Proposal = apps.get_model("consultations", "Proposal")',
    "a permission": 'allowed = user.has_perm("projects.change_project")',
    "a URL name": 'link = reverse("feeds:news")',
    "a URL name of the root URLconf": 'return redirect("about")',
    "an admin URL": 'url = reverse("admin:projects_project_change", args=[1])',
    "a template": 'render(request, "portal/includes/news_card.html")',
    "reflection": 'Project = ActionLine._meta.get_field("projects").related_model',
    "a relation in a lookup": 'Prefetch("priorities__action_lines__projects")',
    "a relation as an attribute": "discussions = redaction.public_discussions.all()",
    "a relation to a user": "projects = user.managed_projects.all()",
}
# core sits below every app: what they declare towards Django's user is theirs, not core's.
CORE_CASES = {
    "a user's staff profile": "profile = user.staff_profile",
    "a user's staff profile, by name": 'profile = getattr(user, "staff_profile", None)',
    "a user's staff profile in a lookup": "users.filter(staff_profile__municipality_id=1)",
}
TEMPLATE_CASES = {
    "an include": '{% include "projects/includes/action_line_projects.html" %}',
    "an extends": '{% extends "consultations/index.html" %}',
    "a tag library": "{% load i18n static desk %}",
    "a tag from a library": "{% load staff_desk from desk %}",
    "a URL name": "{% url 'feeds:discussions' %}",
    "a URL name of the root URLconf": '<a href="{% url "events_ics" %}">',
    "a relation": "{% for d in redaction.public_discussions.all %}{% endfor %}",
    "a relation in a variable": "{{ programme.news.count }}",
}


@pytest.mark.parametrize("case", sorted(PYTHON_CASES))
def test_the_check_finds_in_programmes_python(owners, case):
    edges = python_edges("programmes", PYTHON_CASES[case], "example.py", owners)
    assert against_the_graph(edges), case


@pytest.mark.parametrize("case", sorted(CORE_CASES))
def test_the_check_finds_in_core_python(owners, case):
    edges = python_edges("core", CORE_CASES[case], "example.py", owners)
    assert against_the_graph(edges), case


@pytest.mark.parametrize("case", sorted(TEMPLATE_CASES))
def test_the_check_finds_in_programmes_templates(owners, case):
    edges = template_edges("programmes", TEMPLATE_CASES[case], "example.html", owners)
    assert against_the_graph(edges), case


def test_the_check_lets_an_app_use_its_own_layer_and_those_below(owners):
    python = (
        "from core.formats import euro\n"
        "from programmes.models import Redaction\n"
        'Prefetch("priorities__action_lines__projects")\n'
        'reverse("programmes:redaction", args=[1])\n'
    )
    template = (
        '{% extends "base.html" %}{% load i18n formats panels %}'
        '{% include "includes/pagination.html" %}{% include "programmes/includes/progress.html" %}'
        "{% url 'programmes:list' %}{% url 'projects:list' %}{{ line.projects.all }}"
    )
    assert not against_the_graph(python_edges("projects", python, "example.py", owners))
    assert not against_the_graph(template_edges("projects", template, "example.html", owners))


def test_projects_and_consultations_do_not_use_each_other(owners):
    assert against_the_graph(
        python_edges("consultations", "from projects.models import Project", "x.py", owners)
    )
    assert against_the_graph(
        template_edges("projects", "{% url 'consultations:index' %}", "x.html", owners)
    )
