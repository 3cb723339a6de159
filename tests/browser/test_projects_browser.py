"""A project manager logs an activity and a news post with a photo in admin; a visitor
finds both on the project page and the news in the project's feed."""

import feedparser
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.projects.factories import ProjectFactory, image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_manager_logs_activity_and_news_and_visitor_finds_them(
    live_server, page, browser, project_manager, municipality, tmp_path
):
    project = ProjectFactory(
        title="Pilsētu sadarbība – pārmaiņu pilsētas",
        slug="cities-of-change",
        municipality=municipality,
        managers=[project_manager],
    )
    photo = tmp_path / "konference.jpg"
    photo.write_bytes(image_bytes(size=(1600, 1000)))

    # The project manager logs in to admin.
    page.goto(f"{live_server.url}/lv/admin/login/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "parole-123")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/lv/admin/")

    # An activity of their project.
    page.goto(f"{live_server.url}/lv/admin/projects/activity/add/")
    page.select_option("#id_project", str(project.pk))
    page.select_option("#id_kind", "conference")
    page.fill("#id_title", "Konference Poznaņā")
    page.fill("#id_start_date", "2013-11-13")
    page.fill("#id_end_date", "2013-11-14")
    page.fill("#id_place", "Poznaņa, Polija")
    page.fill("#id_participants", "40")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/lv/admin/projects/activity/")

    # A news post about it with a photo.
    page.goto(f"{live_server.url}/lv/admin/portal/news/add/")
    page.fill("#id_title", "Pārmaiņu pilsētas dalījās pieredzē")
    page.fill("#id_lead", "Daugavpils piedalījās konferencē Poznaņā.")
    page.fill("#id_body", "Konference bija veltīta pieredzes apmaiņai.")
    page.select_option("#id_project", str(project.pk))
    page.check("#id_is_published")
    page.set_input_files("#id_photos-0-image", str(photo))
    page.fill("#id_photos-0-alt_text", "Konferences zāle ar dalībniekiem")
    page.fill("#id_photos-0-caption", "Konferences atklāšana")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/lv/admin/portal/news/")

    # A visitor (a fresh browser context, not logged in) opens the project page.
    visitor = browser.new_context()
    public = visitor.new_page()
    public.goto(f"{live_server.url}/lv/projects/")
    assert serious_violations(public) == []
    public.get_by_role("link", name="Pilsētu sadarbība – pārmaiņu pilsētas").click()
    public.get_by_role("heading", name="Konference Poznaņā").wait_for()
    assert "40 dalībnieki" in public.content()
    assert serious_violations(public) == []
    # The page announces its news feed to feed readers, and links it for people.
    feed_path = public.locator(
        'head link[rel="alternate"][type="application/atom+xml"][href*="/projects/"]'
    ).get_attribute("href")
    assert feed_path == "/lv/projects/cities-of-change/feed/"
    assert public.get_by_role("link", name="Sekot projekta jaunumiem (Atom plūsma)").is_visible()

    public.get_by_role("link", name="Pārmaiņu pilsētas dalījās pieredzē").click()
    figure = public.locator("figure img")
    assert figure.get_attribute("alt") == "Konferences zāle ar dalībniekiem"
    assert figure.evaluate("img => img.naturalWidth") == 1200
    assert serious_violations(public) == []

    assert "Konferences atklāšana" in public.locator("figure figcaption").inner_text()

    feed = feedparser.parse(public.request.get(f"{live_server.url}{feed_path}").body())
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Pārmaiņu pilsētas dalījās pieredzē"]
    # The address was made from the title by admin, Latvian letters spelled plainly.
    assert feed.entries[0].link == f"{live_server.url}/lv/news/parmainu-pilsetas-dalijas-pieredze/"
    visitor.close()
