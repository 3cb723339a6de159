"""Panels (core/panels.py): how a lower app's page shows what higher apps register."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template, TemplateSyntaxError

from core import panels as mechanism
from core.panels import Panel, Registry


@pytest.fixture
def registry():
    """A registry of a made-up page, forgotten again after the test."""
    registry = Registry("example", ["example.top", "example.part"])
    yield registry
    for slot in registry.slots:
        mechanism._SLOTS.pop(slot, None)


def render(text, **context):
    return Template("{% load panels %}" + text).render(Context(context))


def test_a_panel_for_a_slot_the_page_does_not_have_is_refused_with_the_slots_named(registry):
    with pytest.raises(ImproperlyConfigured, match=r"its slots: example\.part, example\.top"):
        registry.register(Panel("x.news", "example.bottom", "portal/includes/news_card.html"))


def test_a_misspelled_slot_in_a_template_fails_loudly_rather_than_showing_nothing(registry):
    with pytest.raises(TemplateSyntaxError, match="example.tpo"):
        render('{% panels "example.tpo" %}')


def test_two_apps_cannot_declare_the_same_slot(registry):
    with pytest.raises(ImproperlyConfigured, match="example.top"):
        Registry("other", ["example.top"])


def test_a_slot_shows_its_panels_in_order_with_the_page_context_and_the_tags_values(
    registry, tmp_path, settings
):
    (tmp_path / "first.html").write_text("[first {{ page }} {{ item }}]")
    (tmp_path / "second.html").write_text("[second {{ page }} {{ item }} {{ own }}]")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    registry.register(
        Panel("b.second", "example.part", "second.html", context=lambda: {"own": "x"}, order=2),
        Panel("a.first", "example.part", "first.html", order=1),
    )
    html = render('{% panels "example.part" item="RV1.2" %}|{% panels "example.top" %}|', page="P")
    assert html == "[first P RV1.2][second P RV1.2 x]||"


def test_panels_sharing_a_prefetch_fetch_once_and_only_for_their_page(registry):
    calls = []

    def fetch(objects):
        calls.append(list(objects))
        for obj in objects:
            obj["fetched"] = True

    registry.register(
        Panel("a.one", "example.top", "one.html", prefetch=fetch),
        Panel("a.two", "example.part", "two.html", prefetch=fetch),
    )
    page = {}
    registry.prefetch("example", [page])
    registry.prefetch("elsewhere", [page])
    assert calls == [[page]]
    assert page == {"fetched": True}


def test_registering_a_panel_again_replaces_it(registry):
    registry.register(Panel("a.one", "example.top", "one.html"))
    registry.register(Panel("a.one", "example.top", "two.html"))
    assert [panel.template for panel in registry.in_slot("example.top")] == ["two.html"]
