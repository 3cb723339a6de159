"""Demo projects from the seed documents 000, 002, 003 and 004 (`data/projects.toml`).

Idempotent: funding programmes, organisations, projects, partnerships, activities and the
council decision are found by natural keys and updated in place, so a second run doubles
nothing. Only what the seeds say is presented as fact: where a seed gives a partner only by
its country ("Cities of change"), the partner is labelled by that country, not given an
invented name, and the project's public notes say so.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from core.upsert import upsert
from programmes.models import ActionLine, Municipality
from projects.models import (
    Activity,
    CouncilDecision,
    FundingProgramme,
    Organisation,
    Partnership,
    Project,
)

from . import files
from .pictures import emblem_png

_DATA = files.read("projects")
# Partner names earlier versions of this demo made up; removed where a database has them.
INVENTED_PARTNERS = [(row["name"], row["country"]) for row in _DATA["invented_partners"]]
# Money fields are written as strings in the file; dates a project's record does not give
# are empty (a date known once and corrected away must not stay).
MONEY_FIELDS = ("total_cost", "eu_funding", "co_financing", "eu_share")
DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")


def load():
    data = _DATA
    funding = _funding_programmes(data["funding_programmes"])
    organisations = {spec["name"]: _organisation(spec) for spec in data["organisations"]}
    decisions = {spec["number"]: _council_decision(spec) for spec in data["council_decisions"]}
    manager_names = {name for spec in data["projects"] for name in spec.get("managers", [])}
    managers = {user.username: user for user in _users(manager_names)}
    for spec in data["projects"]:
        project = _project(spec, funding, decisions)
        _partners(
            project, [(organisations[p["organisation"]], p["role"]) for p in spec["partners"]]
        )
        for activity in spec.get("activities", []):
            activity = dict(activity)
            activity.setdefault("end_date", None)
            upsert(Activity, project=project, title=activity.pop("title"), defaults=activity)
    _remove_invented_partners()
    # Links last, once every project exists, in the order the projects are listed.
    source = data["action_lines_of"]
    programme = files.programme(source["programme"])
    for spec in data["projects"]:
        project = Project.objects.get(slug=spec["slug"])
        _link(project.action_lines, _action_lines(programme, source["redaction"], spec))
    for spec in data["projects"]:
        project = Project.objects.get(slug=spec["slug"])
        wanted = [managers[name] for name in spec.get("managers", []) if name in managers]
        _link(project.managers, wanted)


def _funding_programmes(specs):
    found = {}
    emblem = None
    for spec in specs:
        spec = dict(spec)
        key, fund, name = spec.pop("key"), spec.pop("fund"), spec.pop("name")
        programme, _ = upsert(FundingProgramme, fund=fund, name=name, defaults=spec)
        if not programme.emblem:
            emblem = emblem or emblem_png()
            programme.emblem.save("es-karogs.png", ContentFile(emblem), save=True)
        found[key] = programme
    return found


def _organisation(spec):
    spec = dict(spec)
    municipality = spec.pop("municipality", None)
    organisation, _ = upsert(
        Organisation,
        name=spec.pop("name"),
        country=spec.pop("country"),
        defaults={
            **spec,
            "municipality": Municipality.objects.get(slug=municipality) if municipality else None,
        },
    )
    return organisation


def _council_decision(spec):
    spec = dict(spec)
    decision, _ = upsert(
        CouncilDecision,
        municipality=Municipality.objects.get(slug=spec.pop("municipality")),
        number=spec.pop("number"),
        date=spec.pop("date"),
        defaults=spec,
    )
    return decision


def _project(spec, funding, decisions):
    fields = {
        name: value
        for name, value in spec.items()
        if name not in ("slug", "partners", "activities", "action_lines", "managers")
    }
    fields["funding_programme"] = funding[fields["funding_programme"]]
    fields["municipality"] = Municipality.objects.get(slug=fields["municipality"])
    if "council_decision" in fields:
        fields["council_decision"] = decisions[fields["council_decision"]]
    if "funds_programme" in fields:
        fields["funds_programme"] = files.programme(fields["funds_programme"])
    for name in MONEY_FIELDS:
        if name in fields:
            fields[name] = files.money(fields[name])
    for name in DATE_FIELDS:
        fields.setdefault(name, None)
    project, _ = upsert(Project, slug=spec["slug"], defaults=fields)
    return project


def _users(usernames):
    return get_user_model().objects.filter(username__in=usernames)


def _partners(project, rows):
    """The project's partners exactly as listed: any other partnership is removed."""
    project.partnerships.exclude(organisation__in=[org for org, _role in rows]).delete()
    for position, (organisation, role) in enumerate(rows):
        upsert(
            Partnership,
            project=project,
            organisation=organisation,
            defaults={"role": role, "position": position},
        )


def _remove_invented_partners():
    for name, country in INVENTED_PARTNERS:
        Organisation.objects.filter(name=name, country=country, partnerships__isnull=True).delete()


def _link(related, objects):
    """Add what is missing only: every change to a project's links is a history entry."""
    present = set(related.values_list("pk", flat=True))
    missing = [obj for obj in objects if obj.pk not in present]
    if missing:
        related.add(*missing)


def _action_lines(programme, number, spec):
    """The project's action lines in the programme's redaction `number`, by code; a missing
    code is skipped."""
    if programme is None:
        return []
    return list(
        ActionLine.objects.filter(
            priority__redaction__programme=programme,
            priority__redaction__number=number,
            code__in=spec.get("action_lines", []),
        )
    )
