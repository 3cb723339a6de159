"""Comparing two redactions: pairing through lineage, field changes, word diff."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation

from programmes import services
from programmes.compare import pair_items, word_diff
from programmes.models import (
    ActionLine,
    Indicator,
    IndicatorValue,
    Redaction,
    SituationSection,
    SwotItem,
)
from tests.factories import (
    ActionLineFactory,
    DataSourceFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProgrammeFactory,
    RedactionFactory,
    SituationSectionFactory,
    SwotItemFactory,
)

LIVANI = ["livani", "iap-2019-2025"]


@pytest.fixture(autouse=True)
def _latvian_urls():
    # reverse() follows the active language, which an earlier /en/ request may have left on.
    with translation.override("lv"):
        yield


def compare_url(a, b, slugs=LIVANI, language="en"):
    return reverse("programmes:compare", args=[*slugs, a, b]).replace("/lv/", f"/{language}/")


# --- the plain functions ----------------------------------------------------------------


def test_word_diff_marks_removed_and_added_words():
    html = word_diff("Zaļa un droša pilsēta", "Zaļa, droša un uzņēmīga pilsēta")
    assert "<del>" in html and "<ins>" in html
    assert "uzņēmīga" in html
    assert html.startswith("<del>") or html.startswith("Zaļa")


def test_word_diff_escapes_html_in_both_texts():
    html = word_diff("<b>vecs</b> teksts", "<script>alert(1)</script> teksts")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;vecs&lt;/b&gt;" in html


def test_word_diff_of_equal_texts_has_no_marks():
    assert "<ins>" not in word_diff("a b c", "a b c")


def _item(pk, parent=None):
    return SimpleNamespace(pk=pk, copied_from_id=parent)


def test_pairing_follows_the_whole_lineage_chain_in_both_directions():
    old = [_item(1), _item(2), _item(3)]
    new = [_item(31), _item(32), _item(40)]
    parents = {21: 1, 22: 2, 31: 21, 32: 22}  # 21 and 22 live in a redaction in between
    pairs, removed, added = pair_items(old, new, parents)
    assert [(a.pk, b.pk) for a, b in pairs] == [(1, 31), (2, 32)]
    assert [item.pk for item in removed] == [3]
    assert [item.pk for item in added] == [40]
    pairs, removed, added = pair_items(new, old, parents)
    assert sorted((a.pk, b.pk) for a, b in pairs) == [(31, 1), (32, 2)]
    assert [item.pk for item in removed] == [40] and [item.pk for item in added] == [3]


def test_pairing_survives_a_lineage_loop():
    pairs, removed, added = pair_items([_item(1)], [_item(2)], {2: 3, 3: 2})
    assert pairs == [] and len(removed) == 1 and len(added) == 1


# --- the page -----------------------------------------------------------------------------


@pytest.fixture
def demo_data(demo):
    """The demo, loaded once for all the tests that use it (tests/shared_data.py)."""
    return demo


@pytest.fixture
def livani_planner(roles, demo_data):
    from programmes.models import Municipality
    from programmes.roles import PLANNER
    from tests.factories import UserFactory

    return UserFactory(
        username="planotajs-l", municipality=Municipality.objects.get(slug="livani"), role=PLANNER
    )


def test_comparison_shows_added_removed_and_changed(client, demo_data):
    response = client.get(compare_url(1, 2))
    assert response.status_code == 200
    text = response.text
    assert "2 added" in text and "1 removed" in text and "4 changed" in text
    assert "Atbalsts jaunajiem <ins>" in text  # renamed action line, word diff
    assert "U3.2.2" in text  # new task
    assert "Būvniecības izmaksu kāpums" in text  # removed SWOT item
    assert "780\xa0000,00\xa0€" not in text  # English page: English money format
    assert "€780,000.00" in text and "€820,000.00" in text  # changed amount


def test_renumbered_action_line_is_changed_not_removed_and_added(client, livani_planner):
    client.force_login(livani_planner)
    response = client.get(compare_url(2, 3))
    assert response.status_code == 200
    text = response.text
    section = text[text.index('id="compare-action_lines"') : text.index('id="compare-tasks"')]
    assert "Changed</span>\n        RV1.4 Tūrisms un radošās industrijas" in section
    assert "<del>" in section and "RV1.3" in section
    assert "Added</span>\n        RV1.3 Digitālā transformācija uzņēmējdarbībā" in section
    assert "Removed" not in section


def test_lineage_reaches_across_a_redaction_in_between(client, livani_planner):
    client.force_login(livani_planner)
    for a, b in ((1, 3), (3, 1)):
        text = client.get(compare_url(a, b), follow=True).text
        section = text[text.index('id="compare-action_lines"') : text.index('id="compare-tasks"')]
        assert "Tūrisms un radošās industrijas" in section
        assert section.count("Changed</span>") == 2  # renumbered RV1.4 and renamed RV1.2


def test_comparison_title_is_correct_latvian(client, demo_data):
    # "ar" takes the accusative, which a free-text label cannot be declined into: the
    # title names both redactions in the nominative instead.
    response = client.get(compare_url(1, 2, language="lv"))
    assert response.status_code == 200
    title = "Redakciju salīdzinājums: 1. redakcija un 2. redakcija"
    assert f"<h1>{title}</h1>" in response.text
    assert f"<title>{title} — " in response.text
    assert "salīdzinājumā ar" not in response.text and "ar: " not in response.text
    english = client.get(compare_url(1, 2)).text
    assert "<h1>Comparison of redactions: 1. redakcija and 2. redakcija</h1>" in english


def test_the_earlier_redaction_is_always_shown_first(client, demo_data):
    # One address per pair: later-first redirects, so "Earlier" is never the later one.
    response = client.get(compare_url(2, 1))
    assert response.status_code == 302
    assert response.url == compare_url(1, 2)
    text = client.get(response.url).text
    earlier = text.index("<dt>Earlier</dt>")
    assert text.index("/redactions/1/", earlier) < text.index("<dt>Later</dt>")


def test_a_redaction_compared_with_itself_redirects_to_its_page(client, demo_data):
    response = client.get(compare_url(2, 2))
    assert response.status_code == 302
    assert response.url == reverse("programmes:redaction", args=[*LIVANI, 2]).replace(
        "/lv/", "/en/"
    )


def test_redirects_reveal_nothing_about_drafts(client, demo_data):
    # Redaction 3 is a draft: the redirect happens, the page it leads to is a 404.
    response = client.get(compare_url(3, 1), follow=True)
    assert response.status_code == 404


def test_comparison_with_a_draft_is_404_for_visitors(client, demo_data, planner):
    assert client.get(compare_url(2, 3)).status_code == 404
    client.force_login(planner)  # a Daugavpils planner may not see Līvāni's draft
    assert client.get(compare_url(2, 3)).status_code == 404


def test_comparison_across_programmes_is_404(client, demo_data):
    # Daugavpils has only redaction 1; Līvāni's redaction 2 is not part of its programme.
    assert client.get(compare_url(1, 2, slugs=["daugavpils", "ap-2014-2020"])).status_code == 404
    assert client.get(compare_url(1, 9)).status_code == 404
    assert client.get(compare_url(1, 2, slugs=["livani", "ap-2014-2020"])).status_code == 404


@pytest.mark.django_db
def test_changed_titles_are_escaped_in_the_word_diff(client):
    programme = ProgrammeFactory()
    first = RedactionFactory(programme=programme, number=1)
    ActionLineFactory(priority__redaction=first, code="RV1.1", title="<b>Vecs</b>")
    Redaction.objects.filter(pk=first.pk).set_status_for_tests("superseded")
    second = services.start_next_redaction(redaction=first, user=None)
    line = ActionLine.objects.in_redaction(second).get()
    line.title = "<script>alert('x')</script>"
    line.save()
    Redaction.objects.filter(pk=second.pk).set_status_for_tests("approved")
    url = reverse("programmes:compare", args=[programme.municipality.slug, programme.slug, 1, 2])
    text = client.get(url).text
    assert "<script>alert" not in text and "<b>Vecs" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</ins>" in text
    assert "&lt;b&gt;Vecs&lt;/b&gt;</del>" in text


@pytest.mark.django_db
def test_identical_redactions_report_no_changes(client):
    programme = ProgrammeFactory()
    first = RedactionFactory(programme=programme, number=1)
    ActionLineFactory(priority__redaction=first)
    Redaction.objects.filter(pk=first.pk).set_status_for_tests("superseded")
    second = services.start_next_redaction(redaction=first, user=None)
    Redaction.objects.filter(pk=second.pk).set_status_for_tests("approved")
    url = reverse(
        "programmes:compare", args=[programme.municipality.slug, programme.slug, 1, 2]
    ).replace("/lv/", "/en/")
    text = client.get(url).text
    assert "0 added" in text and "0 removed" in text and "0 changed" in text


@pytest.mark.django_db
def test_changed_sources_values_and_choices_are_reported_and_equal_ones_are_not(client):
    """Data source codes and actual values come in their parents' rows (JSON lists): a
    change in either shows, a section without sources or an indicator without values
    on both sides is no change, and a value of 9.80 against 9.8 is the same value. A
    field with choices is compared by its value and shown by its label."""
    programme = ProgrammeFactory()
    first = RedactionFactory(programme=programme, number=1)
    csp, vzd, nva = (DataSourceFactory(code=code) for code in ("CSP", "VZD", "NVA"))
    SituationSectionFactory(redaction=first, title="Iedzīvotāji").data_sources.set([csp, vzd])
    SituationSectionFactory(redaction=first, area="economy", title="Bez avotiem")
    counted = IndicatorFactory(redaction=first, code="R1", name="Iedzīvotāju skaits")
    IndicatorValueFactory(indicator=counted, year=2023, value=Decimal("9.80"))
    IndicatorValueFactory(indicator=counted, year=2024, value=Decimal("1000.00"))
    IndicatorFactory(redaction=first, code="R2", name="Bez vērtībām")
    SwotItemFactory(redaction=first, kind="strength", text="Upe")
    SwotItemFactory(redaction=first, kind="threat", text="Plūdi")
    Redaction.objects.filter(pk=first.pk).set_status_for_tests("superseded")
    second = services.start_next_redaction(redaction=first, user=None)
    section = SituationSection.objects.in_redaction(second).get(title="Iedzīvotāji")
    section.data_sources.set([csp, nva])
    indicator = Indicator.objects.in_redaction(second).get(code="R1")
    IndicatorValue.objects.filter(indicator=indicator, year=2023).update(value=Decimal("9.8"))
    IndicatorValue.objects.filter(indicator=indicator, year=2024).update(value=Decimal("1250"))
    IndicatorValueFactory(indicator=indicator, year=2025, value=Decimal("7"))
    SwotItem.objects.in_redaction(second).filter(text="Upe").update(kind="opportunity")
    Redaction.objects.filter(pk=second.pk).set_status_for_tests("approved")

    url = reverse("programmes:compare", args=[programme.municipality.slug, programme.slug, 1, 2])
    response = client.get(url.replace("/lv/", "/en/"))
    changes = {
        change.label: {f.label: (f.old, f.new) for f in change.fields}
        for section in response.context["comparison"].sections
        for change in section.changes
    }
    assert changes == {
        "Population: Iedzīvotāji": {"Data sources": ("CSP, VZD", "CSP, NVA")},
        "R1 Iedzīvotāju skaits": {
            "Actual value 2024": ("1,000", "1,250"),
            "Actual value 2025": (None, "7"),
        },
        "Opportunity: Upe": {"Kind": ("Strength", "Opportunity")},
    }
    assert "CSP, NVA" in response.text and "Actual value 2025" in response.text
