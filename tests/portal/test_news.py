"""News pages and feeds: only published posts whose time has come are public."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tests.projects.factories import NewsFactory, NewsPhotoFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _latvian_by_default():
    """Each test starts in Latvian: an /en/ request leaves English active in the thread."""
    translation.activate("lv")
    yield
    translation.activate("lv")


@pytest.fixture
def posts(municipality):
    project = ProjectFactory(municipality=municipality, slug="cities-of-change")
    now = timezone.now()
    return {
        "project": project,
        "public": NewsFactory(
            municipality=municipality,
            title="Pārmaiņu pilsētas dalījās pieredzē",
            slug="parmainu-pilsetas",
            project=project,
            published_at=now - datetime.timedelta(days=2),
        ),
        "other": NewsFactory(
            municipality=municipality,
            title="Uzsākts darbs pie attīstības programmas",
            slug="uzsakts-darbs",
            published_at=now - datetime.timedelta(days=5),
        ),
        "draft": NewsFactory(
            municipality=municipality, title="Melnraksts", slug="melnraksts", is_published=False
        ),
        "future": NewsFactory(
            municipality=municipality,
            title="Nākotnes ziņa",
            slug="nakotnes-zina",
            project=project,
            published_at=now + datetime.timedelta(days=1),
        ),
    }


def test_news_list_shows_published_posts_newest_first(client, posts):
    response = client.get("/lv/news/")
    assert response.status_code == 200
    assert [p.slug for p in response.context["page"].object_list] == [
        "parmainu-pilsetas",
        "uzsakts-darbs",
    ]
    assert "Melnraksts" not in response.text and "Nākotnes ziņa" not in response.text
    assert 'rel="alternate" type="application/atom+xml"' in response.text


def test_news_page_shows_text_project_and_publicity(client, posts):
    response = client.get("/lv/news/parmainu-pilsetas/")
    assert response.status_code == 200
    assert "Pirmā rindkopa." in response.text and "Otrā rindkopa." in response.text
    assert posts["project"].get_absolute_url() in response.text
    assert "Eiropas Sociālā fonda finansiālu atbalstu" in response.text


@pytest.mark.parametrize("slug", ["melnraksts", "nakotnes-zina", "nav-tadas"])
def test_drafts_and_future_posts_are_404(client, posts, slug):
    assert client.get(f"/lv/news/{slug}/").status_code == 404


def test_drafts_are_404_for_staff_too(client, posts, superuser):
    client.force_login(superuser)
    assert client.get("/lv/news/melnraksts/").status_code == 404


def test_home_page_shows_latest_news_and_running_projects(client, posts):
    html = client.get("/lv/").text
    assert "Pārmaiņu pilsētas dalījās pieredzē" in html
    assert "Melnraksts" not in html
    assert posts["project"].title in html


def test_site_feed_is_parsed_by_a_feed_reader(client, posts):
    response = client.get("/lv/feeds/news/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == [
        "Pārmaiņu pilsētas dalījās pieredzē",
        "Uzsākts darbs pie attīstības programmas",
    ]
    assert feed.entries[0].link == "http://testserver/lv/news/parmainu-pilsetas/"
    assert feed.entries[0].summary == "Īss ievads."


def test_project_feed_has_only_that_projects_public_news(client, posts):
    response = client.get("/lv/projects/cities-of-change/feed/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Pārmaiņu pilsētas dalījās pieredzē"]
    assert posts["project"].title in feed.feed.title


def test_programme_link_is_validated_against_the_municipality(posts, other_municipality):
    from django.core.exceptions import ValidationError

    from tests.factories import ProgrammeFactory

    post = posts["public"]
    post.programme = ProgrammeFactory(municipality=other_municipality)
    with pytest.raises(ValidationError) as caught:
        post.full_clean()
    assert "programme" in caught.value.message_dict


def _add_posts(municipality, n):
    for i in range(n):
        post = NewsFactory(
            municipality=municipality,
            project=ProjectFactory(municipality=municipality),
            published_at=timezone.now() - datetime.timedelta(hours=i + 1),
        )
        NewsPhotoFactory(news=post)
        NewsPhotoFactory(news=post)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/lv/news/", "/lv/feeds/news/", "/lv/"])
def test_news_list_feed_and_home_query_counts_do_not_grow(client, municipality, url):
    # One post first: the home page shows three, so starting with more would hide an N+1.
    _add_posts(municipality, 1)
    before = _queries(client, url)
    _add_posts(municipality, 6)
    assert _queries(client, url) == before


def test_news_page_query_count(client, municipality, django_assert_max_num_queries):
    post = NewsFactory(municipality=municipality, project=ProjectFactory(), slug="zina")
    NewsPhotoFactory(news=post)
    before = _queries(client, "/lv/news/zina/")
    for _ in range(3):
        NewsPhotoFactory(news=post)
    # the post with its author, municipality, project, programme; its photos
    with django_assert_max_num_queries(2):
        client.get("/lv/news/zina/")
    assert _queries(client, "/lv/news/zina/") == before


def test_site_search_finds_projects_and_news_without_diacritics(client, posts):
    html = client.get("/lv/search/", {"q": "parmainu"}).text
    assert "Pārmaiņu pilsētas dalījās pieredzē" in html
    assert "Melnraksts" not in html
    posts["project"].title = "Līvānu projekts"
    posts["project"].save()
    assert "Līvānu projekts" in client.get("/lv/search/", {"q": "livanu"}).text


def test_hidden_posts_are_nowhere_public(client, posts, municipality):
    """A draft and a post whose time has not come: no page, list, feed, search or sitemap."""
    from tests.factories import ProgrammeFactory

    programme = ProgrammeFactory(municipality=municipality, slug="ap-2014-2020")
    for key in ("draft", "future"):
        posts[key].programme = programme
        posts[key].project = posts["project"]
        posts[key].lead = "Slepens ievads"
        posts[key].save()
    hidden = [
        "Melnraksts",
        "Nākotnes ziņa",
        "/news/melnraksts/",
        "/news/nakotnes-zina/",
        "Slepens ievads",
    ]
    pages = {
        "news list": "/lv/news/",
        "English news list": "/en/news/",
        "home": "/lv/",
        "project page": "/lv/projects/cities-of-change/",
        "programme page": f"/lv/programmes/{municipality.slug}/ap-2014-2020/",
        "site feed": "/lv/feeds/news/",
        "project feed": "/lv/projects/cities-of-change/feed/",
        "search for the draft": "/lv/search/?q=melnraksts",
        "search for the future post": "/lv/search/?q=nakotnes",
        "search by lead": "/lv/search/?q=slepens",
        "sitemap": "/sitemap.xml",
        "sitemap of news": "/sitemap-news.xml",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        text = response.getvalue().decode()
        for word in hidden:
            assert word not in text, (name, word)
    for slug in ("melnraksts", "nakotnes-zina"):
        assert client.get(f"/en/news/{slug}/").status_code == 404


def test_future_post_appears_once_its_time_comes(client, posts):
    post = posts["future"]
    assert client.get("/lv/news/nakotnes-zina/").status_code == 404
    post.published_at = timezone.now() - datetime.timedelta(minutes=1)
    post.save()
    assert client.get("/lv/news/nakotnes-zina/").status_code == 200
    feed = feedparser.parse(client.get("/lv/feeds/news/").content)
    assert feed.entries[0].title == "Nākotnes ziņa"


def test_feeds_carry_dates_ids_and_english_titles(client, posts):
    feed = feedparser.parse(client.get("/en/feeds/news/").content)
    assert not feed.bozo
    assert feed.feed.title == "Attīstības portāls: news"
    entry = feed.entries[0]
    assert entry.id and entry.link == "http://testserver/en/news/parmainu-pilsetas/"
    assert entry.published_parsed[:3] == posts["public"].published_at.utctimetuple()[:3]
    project_feed = feedparser.parse(client.get("/en/projects/cities-of-change/feed/").content)
    assert project_feed.feed.title.startswith("News of the project")
    assert project_feed.feed.link == "http://testserver/en/projects/cities-of-change/"


def test_news_page_in_english_has_an_english_interface(client, posts):
    NewsPhotoFactory(news=posts["public"], credit="Daugavpils pilsētas dome")
    html = client.get("/en/news/parmainu-pilsetas/").text
    assert '<html lang="en">' in html
    for text in ["Related", "Project:", "Photo: Daugavpils pilsētas dome", ">News<"]:
        assert text in html, text
    for latvian in ["Saistītie", "Projekts:", "Foto:", "Jaunumi"]:
        assert latvian not in html, latvian
    # The post itself is Latvian, and marked as such for screen readers.
    assert '<h1 lang="lv">Pārmaiņu pilsētas dalījās pieredzē</h1>' in html
