"""The monitoring page: how the programme in force is carried out, from the data."""

from collections import Counter

import pytest
from django.urls import reverse

from programmes.models import Action, DevelopmentProgramme, Redaction
from tests.factories import ProgrammeFactory, RedactionFactory

pytestmark = pytest.mark.django_db

LIVANI = ["livani", "iap-2019-2025"]


@pytest.fixture
def demo_data(demo):
    """The demo, loaded once for all the tests that use it (tests/shared_data.py)."""
    return demo


def test_programme_page_links_its_monitoring(client, demo_data):
    page = client.get(reverse("programmes:programme", args=LIVANI)).content.decode()
    assert f'href="{reverse("programmes:monitoring", args=LIVANI)}"' in page


def test_actions_are_counted_by_status_from_the_redaction_in_force(client, demo_data):
    response = client.get(reverse("programmes:monitoring", args=LIVANI))
    assert response.status_code == 200
    in_force = DevelopmentProgramme.objects.get(slug=LIVANI[1]).redactions.get(status="approved")
    assert response.context["redaction"] == in_force
    expected = Counter(Action.objects.in_redaction(in_force).values_list("status", flat=True))
    shown = dict(response.context["statuses"])
    for value, label in Action.Status.choices:
        assert shown[label] == expected.get(value, 0)
    assert response.context["action_total"] == sum(expected.values())


def test_indicators_are_laid_out_year_by_year_with_baseline_and_target(client, demo_data):
    response = client.get(reverse("programmes:monitoring", args=LIVANI))
    years = response.context["years"]
    population = next(r for r in response.context["series"] if r.indicator.code == "R1")
    by_year = dict(zip(years, population.cells, strict=True))
    indicator = population.indicator
    assert by_year[indicator.baseline_year]["kind"] in ("baseline", "actual")
    assert by_year[indicator.target_year] == {"kind": "target", "value": indicator.target_value}
    for value in indicator.values.all():
        assert by_year[value.year]["value"] == value.value
    html = response.content.decode()
    assert "Rādītāji pa gadiem" in html
    assert '<abbr title="mērķa vērtība">M</abbr>' in html


def test_english_monitoring_page(client, demo_data):
    url = reverse("programmes:monitoring", args=LIVANI).replace("/lv/", "/en/", 1)
    html = client.get(url).content.decode()
    assert "Actions by implementation status" in html
    assert '<abbr title="target">T</abbr>' in html


def test_a_programme_with_only_a_draft_shows_nothing_of_it(client, municipality):
    programme = ProgrammeFactory(municipality=municipality, slug="jauna")
    RedactionFactory(programme=programme, number=1, status=Redaction.Status.DRAFT)
    response = client.get(reverse("programmes:monitoring", args=[municipality.slug, "jauna"]))
    assert response.status_code == 200
    assert response.context["redaction"] is None
    assert "Neviena redakcija vēl nav publicēta." in response.content.decode()
