"""Full-text search on PostgreSQL (portal/search.py, migration portal 0006): diacritic-blind,
Latvian word forms, ranked, never a draft, served by the GIN indexes; and the SQLite
fallback, which this suite runs on PostgreSQL by forcing the fallback path."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone, translation

from portal import search
from portal.models import News
from portal.search import text_search, tsquery_text
from programmes.models import Task
from projects.models import Project
from tests.factories import (
    ActionLineFactory,
    MunicipalityFactory,
    PriorityFactory,
    RedactionFactory,
    TaskFactory,
)
from tests.projects.factories import NewsFactory, ProjectFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture(autouse=True)
def _latvian():
    translation.activate("lv")
    yield
    translation.activate("lv")


def test_the_query_keeps_every_word_as_a_prefix_without_its_latvian_ending():
    assert tsquery_text("Līvānu attīstības") == "'livan':* & 'attistib':*"
    # Short words and codes are searched as typed.
    assert tsquery_text("ceļi RV1.3 U1.1.1") == "'celi':* & 'rv1.3':* & 'u1.1.1':*"


def test_nothing_a_visitor_types_reaches_postgresql_as_query_syntax():
    assert tsquery_text("a' | !b & (c:*) \\ d''") == "'a':* & 'b':* & 'c':* & 'd':*"
    assert tsquery_text("!!! ()|&") is None
    assert tsquery_text("\x00") is None


@pytest.fixture
def livani(db):
    return MunicipalityFactory(name="Līvānu novads", slug="livani-fts")


def _news(municipality, title, body="Pirmā rindkopa.", days_ago=1, **kwargs):
    return NewsFactory(
        municipality=municipality,
        title=title,
        body=body,
        published_at=timezone.now() - datetime.timedelta(days=days_ago),
        **kwargs,
    )


@postgres_only
@pytest.mark.django_db
def test_search_without_diacritics_finds_news_projects_and_tasks(client, livani):
    _news(livani, "Līvānu novada attīstības programma apspriesta")
    ProjectFactory(municipality=livani, title="Līvānu slimnīcas energoefektivitāte")
    redaction = RedactionFactory(programme__municipality=livani, number=1)
    line = ActionLineFactory(priority=PriorityFactory(redaction=redaction))
    TaskFactory(action_line=line, code="U1.1.1", title="Uzņēmējdarbības attīstības centrs")
    type(redaction).objects.filter(pk=redaction.pk).set_status_for_tests("approved")

    page = client.get("/lv/search/", {"q": "livanu"}).content.decode()
    assert "Līvānu novada attīstības programma apspriesta" in page
    assert "Līvānu slimnīcas energoefektivitāte" in page

    page = client.get("/lv/search/", {"q": "attistibas"}).content.decode()
    assert "Līvānu novada attīstības programma apspriesta" in page
    assert "Uzņēmējdarbības attīstības centrs" in page


@postgres_only
@pytest.mark.django_db
def test_another_form_of_a_word_finds_it(livani):
    post = _news(livani, "Attīstības programmas apspriešana")
    for query in ("attīstība", "attistibai", "programma", "apspriesanu"):
        assert list(text_search(News.objects.published(), query, fields=[])) == [post], query


@postgres_only
@pytest.mark.django_db
def test_a_word_in_the_title_ranks_above_the_same_word_in_a_body(livani):
    in_body = _news(livani, "Domes sēde", body="Runāja arī par ūdenssaimniecību.", days_ago=1)
    in_title = _news(livani, "Ūdenssaimniecības projekts pabeigts", days_ago=30)
    results = list(text_search(News.objects.published(), "udenssaimniecib", fields=[]))
    assert results == [in_title, in_body]


@postgres_only
@pytest.mark.django_db
def test_a_title_match_comes_first_even_when_a_body_says_the_word_more_often(livani):
    in_body = _news(livani, "Domes sēde", body="Tilts. " * 30, days_ago=1)
    in_title = _news(livani, "Jaunais tilts", days_ago=30)
    results = list(text_search(News.objects.published(), "tilts", fields=[]))
    assert results == [in_title, in_body]


@postgres_only
@pytest.mark.django_db
def test_only_a_bounded_number_of_matches_is_ranked(monkeypatch, livani):
    """A common word matches thousands of rows on the national data: ranking reads each
    one's whole document, so only the first CANDIDATES matches are ranked, whatever
    matches; a drafted post never takes a candidate's place."""
    monkeypatch.setattr(search, "CANDIDATES", 3)
    posts = [_news(livani, f"Ceļš {number}") for number in range(5)]
    _news(livani, "Slepens ceļš", is_published=False)
    found = list(text_search(News.objects.published(), "ceļš", fields=[]))
    assert len(found) == 3
    assert set(found) == set(posts[-3:]), "the newest matches are the candidates"


@postgres_only
@pytest.mark.django_db
def test_the_search_indexes_keep_no_pending_list():
    """With a pending list (GIN's `fastupdate`, on by default) every search reads the
    words of all rows written since the last VACUUM one by one: on the bulk-loaded
    national data 10 ms per index instead of 0.02 (migration portal 0008)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class "
            "WHERE relkind = 'i' AND relam = (SELECT oid FROM pg_am WHERE amname = 'gin')"
        )
        indexes = dict(cursor.fetchall())
    assert "portal_news_search" in indexes
    assert {name: options for name, options in indexes.items() if name.endswith("_search")} == {
        name: ["fastupdate=off"] for name in indexes if name.endswith("_search")
    }


@postgres_only
@pytest.mark.django_db
def test_drafts_are_never_found(client, livani):
    _news(livani, "Slepenais melnraksts par Rožupi", is_published=False)
    _news(livani, "Rožupes nākotnes ziņa", days_ago=-3)
    ProjectFactory(municipality=livani, title="Rožupes nepublicēts projekts", is_published=False)
    draft = RedactionFactory(programme__municipality=livani, number=1)
    TaskFactory(
        action_line=ActionLineFactory(priority=PriorityFactory(redaction=draft)),
        title="Rožupes melnraksta uzdevums",
    )
    response = client.get("/lv/search/", {"q": "rozupe"})
    assert response.status_code == 200
    assert response.context["groups"] == []


@postgres_only
@pytest.mark.django_db
def test_an_edit_is_found_at_once_because_postgresql_keeps_the_document(livani):
    post = _news(livani, "Vecais virsraksts")
    News.objects.filter(pk=post.pk).update(title="Jaunais tilts pār Dubnu")
    assert list(text_search(News.objects.published(), "dubnu", fields=[])) == [post]


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "index"),
    [
        (News, "portal_news_search"),
        (Task, "programmes_task_search"),
        (Project, "projects_project_search"),
    ],
)
def test_the_search_condition_is_served_by_the_gin_index(livani, model, index):
    """Over a test's few rows a sequential scan is cheaper, so the planner is told to avoid
    one: what is checked is that the search condition is the indexed one. (On the national
    data the published news are found through this index and the publication one at once,
    a BitmapAnd: README, "Performance".)"""
    sql, params = text_search(model.objects.all(), "attīstības", fields=[])[
        :20
    ].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Bitmap Index Scan on {index}" in plan, plan


@pytest.mark.django_db
def test_without_postgresql_every_word_is_a_substring_of_a_field(monkeypatch, livani):
    """The fallback of `make run` on SQLite, forced here whatever the database."""
    monkeypatch.setattr(search, "full_text", lambda queryset: False)
    post = _news(livani, "Līvānu ūdenssaimniecība")
    _news(livani, "Cita ziņa")
    found = text_search(News.objects.published(), "saimnieciba livanu", fields=["title"])
    assert list(found) == [post]
    assert list(text_search(News.objects.published(), "   ", fields=["title"])) == []
