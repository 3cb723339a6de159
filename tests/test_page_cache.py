"""Frozen public pages from the shared cache (core/pagecache.py): what an anonymous visitor
reads comes from the cache with no query, is forgotten as soon as its data changes, is
answered with ETag / Last-Modified and 304s, and never holds a draft, a staff page or
somebody's CSRF token."""

import datetime
import gzip
import time
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import connection
from django.db.models.signals import post_migrate, pre_migrate
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from consultations.models import Proposal, PublicDiscussion
from core import pagecache
from portal.models import News
from programmes.models import IndicatorValue, Redaction
from projects.models import Project
from tests.consultations.factories import set_redaction_status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def _approved_redaction():
    return next(
        r
        for r in Redaction.objects.published().select_related("programme__municipality")
        if not r.in_public_discussion and not r.is_superseded and not r.is_withdrawn
    )


def _pages():
    redaction = _approved_redaction()
    programme = redaction.programme
    project = Project.objects.published().order_by("pk").first()
    post = News.objects.published().order_by("pk").first()
    closed = PublicDiscussion.objects.filter(closes_at__lt=timezone.now()).order_by("pk").first()
    return {
        "home": "/lv/",
        "home (en)": "/en/",
        "municipality": programme.municipality.get_absolute_url(),
        "programme": programme.get_absolute_url(),
        "redaction": redaction.get_absolute_url(),
        "project": project.get_absolute_url(),
        "news": "/lv/news/",
        "news item": post.get_absolute_url(),
        "registry": "/lv/projects/",
        "registry of a year": "/lv/projects/?year=2015&sort=title",
        "consultations": "/lv/consultations/",
        "report": reverse("consultations:report", args=[closed.slug]),
        "proposals": reverse("consultations:proposals", args=[closed.slug]),
        "search": "/lv/search/?q=livanu",
    }


def test_each_frozen_page_is_served_from_the_cache_without_a_query(
    client, demo, django_assert_num_queries
):
    for name, url in _pages().items():
        first = client.get(url)
        assert first.status_code == 200, name
        assert first["X-Page-Cache"] == "miss", name
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Page-Cache"] == "hit", name
        assert second.content == first.content, name
        assert second["Content-Type"] == first["Content-Type"]
        # The headers of the frame are there on a stored page too.
        assert "Content-Security-Policy" in second, name
        assert second["Content-Language"] == first["Content-Language"], name


def test_the_languages_and_pages_are_kept_apart(client, demo):
    lv = client.get("/lv/").content
    en = client.get("/en/").content
    assert lv != en
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    assert client.get("/en/").content == en
    page_2 = client.get("/lv/news/", {"page": 2})
    assert page_2.content != client.get("/lv/news/").content
    # A query parameter the page does not read is not a key of its own: no copy is kept.
    assert "X-Page-Cache" not in client.get("/lv/news/", {"utm_source": "x"})


def test_a_matching_etag_or_date_gets_304_without_the_page(client, demo):
    url = _pages()["redaction"]
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "no-cache"
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def test_a_browser_that_accepts_gzip_gets_the_stored_page_compressed(client, demo):
    url = _pages()["redaction"]
    plain = client.get(url)  # renders and stores
    for attempt in ("miss", "hit"):
        if attempt == "miss":
            caches["pages"].clear()
        packed = client.get(url, headers=BROWSER)
        assert packed["X-Page-Cache"] == attempt
        assert packed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed["Vary"]
        assert int(packed["Content-Length"]) == len(packed.content)
        assert gzip.decompress(packed.content) == plain.content
        assert len(packed.content) * 4 < len(plain.content)
        # Each representation has its own validator, and each gets its 304.
        assert packed["ETag"] != plain["ETag"]
        again = client.get(url, headers={**BROWSER, "If-None-Match": packed["ETag"]})
        assert again.status_code == 304
    unpacked = client.get(url)
    assert unpacked["X-Page-Cache"] == "hit" and "Content-Encoding" not in unpacked
    assert unpacked.content == plain.content and unpacked["ETag"] == plain["ETag"]
    assert "Accept-Encoding" in unpacked["Vary"]
    # gzip refused with q=0, or not named: the page as it is.
    for refused in ("gzip;q=0, br", "br", "identity"):
        answer = client.get(url, headers={"Accept-Encoding": refused})
        assert "Content-Encoding" not in answer and answer.content == plain.content, refused


def test_pages_are_stored_compressed(client, demo):
    url = _pages()["redaction"]
    page = client.get(url).content
    key = pagecache.page_key(RequestFactory().get(url), pagecache.generation())
    stored = caches["pages"].get(key)
    assert gzip.decompress(stored["gzip"]) == page
    assert len(stored["gzip"]) * 4 < len(page)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run `change` as a transaction that commits: its on-commit callbacks run after it."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            change()
        return callbacks

    return run


def _changes(client, commit, url, change, expected_text):
    before = client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert expected_text not in before.text
    callbacks = commit(change)
    assert len(callbacks) >= 1
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert expected_text in after.text
    assert after["ETag"] != before["ETag"]
    # The old copy's validator no longer matches: the browser gets the new page.
    assert client.get(url, headers={"If-None-Match": before["ETag"]}).status_code == 200


def test_a_new_monitoring_value_is_shown_at_once(client, demo, commit):
    redaction = _approved_redaction()
    indicator = redaction.indicators.first()
    year = max([v.year for v in indicator.values.all()] + [2020]) + 1

    def record():
        IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal("98765"))

    _changes(client, commit, redaction.get_absolute_url(), record, "98")


def test_an_answer_published_is_shown_at_once(client, demo, commit):
    """The redaction page counts each part's published proposals and their answers."""
    from django.db.models import Max
    from django.utils import translation

    from tests.consultations.factories import ProposalFactory

    proposal = (
        Proposal.objects.published()
        .exclude(answer="")
        .exclude(task=None)
        .select_related("discussion__redaction__programme__municipality")
        .first()
    )
    discussion = proposal.discussion
    same_part = Proposal.objects.published().filter(discussion=discussion, task=proposal.task)
    text = f"{same_part.count() + 1} proposals and their answers"
    with translation.override("en"):
        url = discussion.redaction.get_absolute_url()
    before = client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    def answer():
        ProposalFactory(
            discussion=discussion,
            number=discussion.proposals.aggregate(last=Max("number"))["last"] + 1,
            task=proposal.task,
            answer=Proposal.Answer.TAKEN,
            justification="Ņemts vērā: apgaismojums Cietokšņa ielā.",
            received_at=proposal.received_at,
        )

    commit(answer)
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert after.text.count(text) == before.text.count(text) + 1


def test_a_news_post_is_shown_at_once(client, demo, commit):
    post = News.objects.published().first()

    def publish():
        News.objects.create(
            municipality=post.municipality,
            title="Jauns tilts pār Daugavu atklāts",
            slug="jauns-tilts",
            lead="Tilts atklāts.",
            body="Tilts atklāts.",
            is_published=True,
            published_at=timezone.now() - datetime.timedelta(minutes=1),
        )

    _changes(client, commit, "/lv/news/", publish, "Jauns tilts pār Daugavu atklāts")


def test_a_project_change_is_shown_at_once(client, demo, commit):
    project = Project.objects.published().order_by("pk").first()

    def rename():
        project.title = "Pārdēvēts projekts par gaismu"
        project.save()

    _changes(client, commit, project.get_absolute_url(), rename, "Pārdēvēts projekts par gaismu")


def test_a_change_made_by_a_bulk_update_is_shown_at_once(client, demo, commit):
    """No signal is sent by QuerySet.update(): the cache watches the SQL itself."""
    project = Project.objects.published().order_by("pk").first()

    def rename():
        Project.objects.filter(pk=project.pk).update(title="Masveidā pārdēvēts projekts")

    _changes(client, commit, project.get_absolute_url(), rename, "Masveidā pārdēvēts projekts")


def test_a_redaction_withdrawn_is_gone_at_once(client, demo, commit):
    redaction = Redaction.objects.published().filter(public_discussions__isnull=True).first()
    redaction = redaction or _approved_redaction()
    url = redaction.programme.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    generation = pagecache.generation()
    commit(lambda: set_redaction_status(redaction, Redaction.Status.WITHDRAWN))
    assert pagecache.generation() != generation
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_post_whose_time_comes_is_shown_then(client, demo):
    first = News.objects.published().first()
    News.objects.create(
        municipality=first.municipality,
        title="Ziņa, kas iznāk pēc brīža",
        slug="pec-brisa",
        lead="Drīz.",
        body="Drīz.",
        is_published=True,
        published_at=timezone.now() + datetime.timedelta(seconds=2),
    )
    assert "Ziņa, kas iznāk pēc brīža" not in client.get("/lv/news/").text
    assert client.get("/lv/news/")["X-Page-Cache"] == "hit"
    time.sleep(2.1)
    assert "Ziņa, kas iznāk pēc brīža" in client.get("/lv/news/").text


def test_staff_get_fresh_pages_and_leave_nothing_in_the_cache(client, demo, admin_user):
    url = _pages()["programme"]
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get(url)
    client.logout()
    # The session cookie is gone: the first anonymous request renders the page itself.
    client.cookies.clear()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_staff_page_is_not_handed_to_visitors(client, demo, admin_user):
    url = _pages()["home"]
    client.get(url)
    client.force_login(admin_user)
    staff_page = client.get(url)
    assert "X-Page-Cache" not in staff_page
    assert b"/lv/admin/" in staff_page.content or staff_page.content


def test_a_draft_never_ends_up_in_the_cache(client, demo, admin_user):
    draft = Redaction.objects.drafts().select_related("programme__municipality").first()
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(admin_user)
    assert client.get(url).status_code == 200
    client.logout()
    client.cookies.clear()
    assert client.get(url).status_code == 404
    request = RequestFactory().get(url)
    assert caches["pages"].get(pagecache.page_key(request, pagecache.generation())) is None


def test_the_discussion_form_keeps_each_visitors_own_csrf_token(settings, demo):
    """Even listed among the stored pages, a page with a CSRF token is never stored unless
    it is declared a page with a form (PAGE_CACHE_FORM_VIEWS, below)."""
    from django.test import Client

    settings.PAGE_CACHE_VIEWS = {**settings.PAGE_CACHE_VIEWS, "consultations:discussion": ()}
    settings.PAGE_CACHE_FORM_VIEWS = set()
    discussion = next(d for d in PublicDiscussion.objects.published() if d.is_open())
    url = discussion.get_absolute_url()
    tokens = set()
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get(url)
        assert page.status_code == 200
        assert "X-Page-Cache" not in page
        assert "csrfmiddlewaretoken" in page.text
        token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        tokens.add(token)
        cookie = visitor.cookies[settings.CSRF_COOKIE_NAME].value
        assert cookie
    assert len(tokens) == 2
    # A post without the visitor's token is refused.
    stranger = Client(enforce_csrf_checks=True)
    stranger.get(url)
    assert stranger.post(url, {"text": "x", "csrfmiddlewaretoken": "x" * 64}).status_code == 403


def _token(page):
    return page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]


def _proposal(token, **more):
    return {
        "text": "Lūdzu izbūvēt gājēju pāreju pie skolas, bērni iet pāri ielai bez luksofora.",
        "author_name": "Anna Bērziņa",
        "email": "anna@example.lv",
        "consent": "on",
        "csrfmiddlewaretoken": token,
        **more,
    }


def test_a_page_with_a_form_is_stored_and_each_visitor_gets_their_own_token(settings, demo):
    """The discussion page is rendered once; every visitor's copy has a CSRF token of
    their own cookie's secret (a new cookie for a new visitor), which their post passes
    with and nobody else's does."""
    from django.middleware.csrf import _unmask_cipher_token
    from django.test import Client

    discussion = next(d for d in PublicDiscussion.objects.published() if d.is_open())
    url = discussion.get_absolute_url()
    first = Client(enforce_csrf_checks=True)
    assert first.get(url)["X-Page-Cache"] == "miss"
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    pages = [visitor.get(url, headers=BROWSER) for visitor in visitors]
    tokens = []
    for visitor, page in zip(visitors, pages, strict=True):
        assert page["X-Page-Cache"] == "hit" and page["Content-Encoding"] == "gzip"
        assert "ETag" not in page, "each visitor's copy differs: no validator to share"
        text = gzip.decompress(page.content).decode()
        token = text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        secret = visitor.cookies[settings.CSRF_COOKIE_NAME].value
        assert _unmask_cipher_token(token) == secret
        tokens.append(token)
    assert len(set(tokens)) == 2
    # A visitor who has a cookie already keeps its secret.
    again = visitors[0].get(url)
    assert again["X-Page-Cache"] == "hit"
    assert _unmask_cipher_token(_token(again)) == _unmask_cipher_token(tokens[0])
    # Each posts with their own token; with the other's, the post is refused.
    before = Proposal.objects.count()
    assert visitors[1].post(url, _proposal(tokens[0])).status_code == 403
    response = visitors[0].post(url, _proposal(_token(again)))
    assert response.status_code in (200, 302)
    assert Proposal.objects.count() == before + 1


def test_a_stored_form_page_holds_no_token(demo):
    from django.test import Client

    discussion = next(d for d in PublicDiscussion.objects.published() if d.is_open())
    url = discussion.get_absolute_url()
    page = Client().get(url)
    key = pagecache.page_key(RequestFactory().get(url), pagecache.generation())
    stored = gzip.decompress(caches["pages"].get(key)["gzip"])
    assert _token(page).encode() not in stored
    assert b'name="csrfmiddlewaretoken" value="pagecache-csrf-token"' in stored
    # A token anywhere but in a form's field: such a page is not stored at all.
    leaked = page.content.replace(b"</main>", _token(page).encode() + b"</main>")
    assert pagecache.without_tokens(leaked) is None


def test_what_sets_a_cookie_or_is_not_a_page_is_never_stored():
    request = RequestFactory().get("/lv/")
    page = HttpResponse("<p>x</p>", content_type="text/html; charset=utf-8")
    assert pagecache._storable(request, page)
    with_cookie = HttpResponse("<p>x</p>", content_type="text/html; charset=utf-8")
    with_cookie.set_cookie("tracking", "1")
    assert not pagecache._storable(request, with_cookie)
    assert not pagecache._storable(request, HttpResponse("x", status=404))
    assert not pagecache._storable(request, HttpResponse("x", content_type="text/csv"))
    private = HttpResponse("<p>x</p>", content_type="text/html")
    private["Cache-Control"] = "private, no-store"
    assert not pagecache._storable(request, private)
    token_used = RequestFactory().get("/lv/")
    token_used.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not pagecache._storable(token_used, page)


def test_a_visitor_with_a_session_gets_a_fresh_page(client, demo):
    client.get("/lv/")
    client.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in client.get("/lv/")
    client.cookies.clear()
    client.cookies["messages"] = "a message waits"
    assert "X-Page-Cache" not in client.get("/lv/")


@pytest.mark.parametrize(
    "sql, table",
    [
        ('INSERT INTO "programmes_indicatorvalue" VALUES (1)', "programmes_indicatorvalue"),
        ('UPDATE "projects_project" SET "title" = %s', "projects_project"),
        ('  DELETE FROM "portal_news" WHERE id = 1', "portal_news"),
        ('TRUNCATE "portal_news", "projects_project";', "portal_news"),
        ('SELECT * FROM "portal_news"', None),
        ("SAVEPOINT s1", None),
        ("", None),
    ],
)
def test_writes_are_told_from_reads(sql, table):
    assert pagecache.written_table(sql) == table


def test_a_change_is_shown_once_committed_not_before(client, demo, commit):
    """Until the commit nobody else sees the change: the pages stay; at the commit they go,
    however many statements the transaction made."""
    project = Project.objects.published().order_by("pk").first()
    url = project.get_absolute_url()
    client.get(url)
    generation = pagecache.generation()

    def two_writes():
        Project.objects.filter(pk=project.pk).update(title="Pirmais nosaukums")
        assert pagecache.generation() == generation
        Project.objects.filter(pk=project.pk).update(title="Otrais nosaukums")

    callbacks = commit(two_writes)
    assert len(callbacks) == 1
    assert pagecache.generation() != generation
    assert "Otrais nosaukums" in client.get(url).text


def test_a_write_to_an_ignored_table_keeps_the_pages(client, demo, commit):
    from django.contrib.sessions.backends.db import SessionStore

    client.get("/lv/")
    generation = pagecache.generation()
    commit(lambda: SessionStore().create())
    assert pagecache.generation() == generation
    assert client.get("/lv/")["X-Page-Cache"] == "hit"


def test_migrate_readies_a_fresh_database_with_the_database_cache(
    settings, django_capture_on_commit_callbacks
):
    """`manage.py migrate` on an empty database, as at a first deploy (no CACHE_URL, so the
    database cache): writes during the migrations must not reach for the page cache's table
    before it exists, and migrate makes it before anything more is written."""
    table = "test_fresh_page_cache"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": table},
    }
    assert table not in connection.introspection.table_names()
    migrate = apps.get_app_config("portal")
    signal = {
        "sender": migrate,
        "app_config": migrate,
        "verbosity": 0,
        "interactive": False,
        "using": "default",
        "plan": [],
        "apps": apps,
    }
    with django_capture_on_commit_callbacks(execute=True):
        pre_migrate.send(**signal)
        News.objects.update(title="Migrēts")  # a data migration's write
    with django_capture_on_commit_callbacks(execute=True):
        post_migrate.send(**signal)
    assert table in connection.introspection.table_names()
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        News.objects.update(title="Pēc migrācijas")
    assert pagecache.generation() != before, "writes are watched again once migrate is done"
