"""Demo monitoring: the yearly reports (`data/monitoring.toml`), generated from the data
and published through `programmes.services` as a planner does in admin. A report found
published is left as it is (it is frozen), so a second run writes nothing."""

from django.db import transaction

from programmes import services
from programmes.models import DevelopmentProgramme, MonitoringReport

from .files import read


@transaction.atomic
def load():
    spec = read("monitoring")
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
