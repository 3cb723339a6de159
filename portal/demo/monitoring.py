"""Demo monitoring (`data/monitoring.toml`): the owners of the actions and indicators in
force, and the yearly reports, generated from the data and published through
`programmes.services` as a planner does in admin. A report found published is left as it
is (it is frozen); owners are written only where they differ, so a second run writes
nothing. Without the demo users (a production load) no owner is set."""

from django.contrib.auth import get_user_model
from django.db import transaction

from core.upsert import save_if_changed
from programmes import services
from programmes.models import Action, DevelopmentProgramme, MonitoringReport

from .files import read


@transaction.atomic
def load():
    spec = read("monitoring")
    for owners in spec["owners"]:
        _owners(owners)
    for report_spec in spec["reports"]:
        municipality, slug = report_spec["programme"].split("/")
        programme = DevelopmentProgramme.objects.get(municipality__slug=municipality, slug=slug)
        report, _created = MonitoringReport.objects.get_or_create(
            programme=programme, year=report_spec["year"]
        )
        if report.is_published:
            continue
        report.introduction = report_spec["introduction"]
        report.save()
        report = services.generate_report(report=report)
        for section in report.sections.all():
            section.narrative = report_spec["narratives"].get(section.key, "")
            section.save()
        services.publish_report(report=report)


def _owners(spec):
    owner = get_user_model().objects.filter(username=spec["owner"]).first()
    if owner is None:
        return
    municipality, slug = spec["programme"].split("/")
    redaction = DevelopmentProgramme.objects.get(
        municipality__slug=municipality, slug=slug
    ).redactions.get(number=spec["redaction"])
    items = [*Action.objects.in_redaction(redaction), *redaction.indicators.all()]
    for item in items:
        fields = {
            "owner": owner,
            "update_interval": spec["intervals"].get(item.code, spec["every"]),
        }
        save_if_changed(item, **fields)
        updated = spec["updated"].get(item.code, spec["default_updated"])
        # The time of the last update is history, not an update: written as it was.
        type(item).objects.filter(pk=item.pk).exclude(last_updated_at=updated).update(
            last_updated_at=updated
        )
