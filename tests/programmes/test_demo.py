import pytest

from portal.demo import programmes as demo
from programmes.models import (
    Action,
    ActionLine,
    DevelopmentProgramme,
    Indicator,
    IndicatorValue,
    InvestmentAmount,
    Municipality,
    Redaction,
    SituationSection,
    SteeringGroupMeeting,
    SwotItem,
    ThematicArea,
)

# Each test reads the demo, loaded once for all of them (tests/shared_data.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

COUNTED = [
    Municipality,
    DevelopmentProgramme,
    Redaction,
    SituationSection,
    SwotItem,
    ActionLine,
    Action,
    InvestmentAmount,
    Indicator,
    IndicatorValue,
    SteeringGroupMeeting,
]


def test_demo_load_twice_doubles_nothing():
    counts = {model: model.objects.count() for model in COUNTED}
    demo.load()
    assert {model: model.objects.count() for model in COUNTED} == counts


def test_demo_has_the_fixed_slugs_and_statuses():
    daugavpils = Redaction.objects.get(
        programme__municipality__slug="daugavpils", programme__slug="ap-2014-2020", number=1
    )
    assert daugavpils.status == Redaction.Status.PUBLIC_DISCUSSION
    statuses = dict(
        Redaction.objects.filter(programme__slug="iap-2019-2025").values_list("number", "status")
    )
    assert statuses == {1: "superseded", 2: "approved", 3: "draft"}


def test_demo_redactions_cover_every_part():
    for redaction in Redaction.objects.all():
        areas = set(redaction.situation_sections.values_list("area", flat=True))
        assert areas == set(ThematicArea.values)
        for kind in SwotItem.Kind.values:
            assert redaction.swot_items.filter(kind=kind).count() >= 3
        assert redaction.priorities.count() >= 3
        assert redaction.indicators.count() >= 6
        assert redaction.coherence_items.count() >= 4
        assert redaction.vision and redaction.specialisation
        years = InvestmentAmount.objects.in_redaction(redaction).values("year").distinct()
        assert years.count() >= 3


def test_copied_redactions_keep_lineage_on_every_item():
    third = Redaction.objects.get(programme__slug="iap-2019-2025", number=3)
    assert third.copied_from.number == 2
    lines = ActionLine.objects.in_redaction(third)
    new = lines.filter(copied_from__isnull=True)
    assert list(new.values_list("code", flat=True)) == ["RV1.3"]
    renumbered = lines.get(code="RV1.4")
    assert renumbered.copied_from.code == "RV1.3"


def test_daugavpils_steering_group_from_the_seed():
    group = DevelopmentProgramme.objects.get(slug="ap-2014-2020").steering_group
    assert group.order_number == "635"
    assert str(group.order_date) == "2012-11-16"
    meetings = list(group.meetings.all())
    assert len(meetings) == 8
    assert "Stratēģiskā daļa" in meetings[0].agenda
    assert meetings[0].date.year == 2012 and meetings[-1].date.month == 11
    # the seed's photo caption: the first meeting was held at the ethnic culture centre
    assert "Etniskās kultūras centrs" in meetings[0].place


CODED = ["Priority", "ActionLine", "Task", "Action", "InvestmentItem", "Indicator"]


def test_demo_codes_are_unique_in_each_redaction_and_the_draft_reimports_its_exports():
    from django.apps import apps

    from programmes.resources import (
        ActionResource,
        IndicatorValueResource,
        InvestmentAmountResource,
    )

    for redaction in Redaction.objects.all():
        for name in CODED:
            codes = list(
                apps.get_model("programmes", name)
                .objects.in_redaction(redaction)
                .values_list("code", flat=True)
            )
            repeated = sorted({code for code in codes if codes.count(code) > 1})
            assert repeated == [], (str(redaction), name, repeated)

    # The draft (Līvāni, 3rd redaction) takes its own plans back as they were exported.
    draft = Redaction.objects.get(status=Redaction.Status.DRAFT, programme__slug="iap-2019-2025")
    for resource_class in (ActionResource, InvestmentAmountResource, IndicatorValueResource):
        rows = resource_class.Meta.model.objects.in_redaction(draft)
        dataset = resource_class(redaction=draft).export(queryset=rows)
        result = resource_class(redaction=draft).import_data(dataset, dry_run=True)
        assert not result.has_errors(), resource_class
        assert not result.has_validation_errors(), [
            (row.number, row.error_dict) for row in result.invalid_rows
        ]
        assert {row.import_type for row in result.rows} <= {"skip", "update"}


def test_demo_national_sources_have_no_owner_and_surveys_belong_to_their_municipality():
    from programmes.models import DataSource

    national = DataSource.objects.filter(municipality__isnull=True)
    assert set(national.values_list("code", flat=True)) == {"CSP", "NVA", "PMLP", "VID", "VZD"}
    for slug in ("daugavpils", "livani"):
        own = DataSource.objects.filter(municipality__slug=slug)
        assert set(own.values_list("code", flat=True)) == {
            "Iedzīvotāju aptauja",
            "Uzņēmēju aptauja",
            "Tematiskās darba grupas",
        }
    # Every section cites national sources and its own municipality's only.
    for section in SituationSection.objects.select_related("redaction__programme"):
        owners = {source.municipality_id for source in section.data_sources.all()}
        assert owners <= {None, section.redaction.programme.municipality_id}, section
