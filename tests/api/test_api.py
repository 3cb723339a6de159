"""The read API on the demo: what it shows, what it never shows, and how it answers."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils.http import http_date

from consultations.models import Proposal
from portal.models import News
from programmes.models import Redaction
from projects.models import Project

COLLECTIONS = [
    "municipalities",
    "programmes",
    "redactions",
    "projects",
    "news",
    "working-groups",
    "events",
    "discussions",
]


def _get(client, path, **headers):
    return client.get(path, headers=headers)


def _draft(demo):
    return Redaction.objects.drafts().select_related("programme__municipality").get()


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_collection_lists_the_demo_records_with_page_links(client, demo, collection):
    response = client.get(f"/api/v1/{collection}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["count"] >= 1
    assert len(body["results"]) == min(body["count"], 50)
    assert {"next", "previous"} <= set(body)


def test_the_root_lists_every_collection(client, demo):
    body = client.get("/api/v1/").json()
    for collection in COLLECTIONS:
        assert body[collection].endswith(f"/api/v1/{collection}/")


def test_pages_link_to_each_other(client, demo):
    first = client.get("/api/v1/news/?page_size=1").json()
    assert first["count"] == 4  # the demo's posts: Daugavpils' three, Līvāni's one
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/news/?page=2")
    second = client.get(first["next"]).json()
    assert second["previous"]
    assert second["results"][0]["slug"] != first["results"][0]["slug"]


def test_a_draft_redaction_is_absent_for_visitors_and_other_municipalities(client, demo):
    draft = _draft(demo)
    listed = {r["id"] for r in client.get("/api/v1/redactions/").json()["results"]}
    assert draft.pk not in listed
    assert client.get(f"/api/v1/redactions/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/redactions/{draft.pk}/priorities/").status_code == 404
    programme = client.get(f"/api/v1/programmes/{draft.programme_id}/").json()
    assert draft.pk not in {r["id"] for r in programme["redactions"]}

    client.force_login(get_user_model().objects.get(username="planotajs"))  # Daugavpils
    assert client.get(f"/api/v1/redactions/{draft.pk}/").status_code == 404


def test_a_draft_redaction_is_there_for_its_planner(client, demo):
    draft = _draft(demo)
    client.force_login(get_user_model().objects.get(username="planotajs.livani"))
    response = client.get(f"/api/v1/redactions/{draft.pk}/")
    assert response.status_code == 200
    assert response.json()["status"] == Redaction.Status.DRAFT


def test_an_unpublished_project_and_news_post_are_absent(client, demo):
    project = Project.objects.published().first()
    Project.objects.filter(pk=project.pk).update(is_published=False)
    post = News.objects.published().first()
    News.objects.filter(pk=post.pk).update(is_published=False)
    projects = {p["slug"] for p in client.get("/api/v1/projects/").json()["results"]}
    news = {n["slug"] for n in client.get("/api/v1/news/").json()["results"]}
    assert project.slug not in projects
    assert post.slug not in news
    assert client.get(f"/api/v1/projects/{project.slug}/").status_code == 404
    assert client.get(f"/api/v1/news/{post.slug}/").status_code == 404


def test_proposals_are_the_published_ones_without_names_or_e_mails(client, demo):
    hidden = Proposal.objects.hidden().select_related("discussion").get()
    discussion = hidden.discussion
    response = client.get(f"/api/v1/discussions/{discussion.slug}/proposals/")
    body = response.json()
    numbers = {p["number"] for p in body["results"]}
    assert hidden.number not in numbers
    assert numbers == set(
        Proposal.objects.published().filter(discussion=discussion).values_list("number", flat=True)
    )
    text = response.content.decode()
    for name, email in Proposal.objects.values_list("author_name", "email"):
        assert name not in text
        if email:
            assert email not in text
    assert all(
        set(p) == {"number", "received_at", "text", "part", "answer", "justification"}
        for p in body["results"]
    )


def test_a_redaction_is_one_document_and_each_part_has_its_address(client, demo):
    redaction = Redaction.objects.get(status=Redaction.Status.APPROVED)
    document = client.get(f"/api/v1/redactions/{redaction.pk}/").json()
    assert document["priorities"][0]["action_lines"][0]["tasks"]
    assert document["indicators"][0]["values"]
    assert document["investment_plan"][0]["amounts"]
    assert document["steering_group"] is None or document["steering_group"]["members"]
    parts = {
        "situation-analysis": "situation_analysis",
        "strategic-part": "strategic_part",
        "swot": "swot",
        "priorities": "priorities",
        "action-plan": "action_plan",
        "investment-plan": "investment_plan",
        "indicators": "indicators",
        "steering-group": "steering_group",
    }
    for address, key in parts.items():
        response = client.get(f"/api/v1/redactions/{redaction.pk}/{address}/")
        assert response.status_code == 200, address
        assert response.json() == document[key], address


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fund=efc", {"cities-of-change"}),
        ("municipality=livani", set()),
        ("year=1990", set()),
    ],
)
def test_project_filters_are_the_registry_s(client, demo, query, expected):
    body = client.get(f"/api/v1/projects/?{query}").json()
    slugs = {p["slug"] for p in body["results"]}
    if expected:
        assert expected <= slugs
        assert all(p["funding_programme"]["fund"] == "efc" for p in body["results"])
    else:
        assert slugs == set()


def test_projects_filter_by_the_action_line_they_serve(client, demo):
    project = Project.objects.published().filter(action_lines__isnull=False).first()
    line = project.action_lines.first()
    body = client.get(f"/api/v1/projects/?action_line={line.pk}").json()
    assert project.slug in {p["slug"] for p in body["results"]}
    assert all(
        Project.objects.filter(slug=p["slug"], action_lines=line).exists() for p in body["results"]
    )


def test_a_wrong_filter_value_is_a_400_not_everything(client, demo):
    response = client.get("/api/v1/projects/?year=soon")
    assert response.status_code == 400
    assert "year" in response.json()


def test_other_lists_filter_by_municipality_and_year(client, demo):
    events = client.get("/api/v1/events/?municipality=livani").json()["results"]
    assert events and all(e["municipality"] == "livani" for e in events)
    year = datetime.date.fromisoformat(events[0]["starts_at"][:10]).year
    in_year = client.get(f"/api/v1/events/?year={year}").json()["results"]
    assert in_year and all(e["starts_at"].startswith(str(year)) for e in in_year)
    redactions = client.get("/api/v1/redactions/?municipality=daugavpils").json()["results"]
    assert redactions and all(r["municipality"] == "daugavpils" for r in redactions)


def test_conditional_get_answers_304_until_the_data_changes(client, demo):
    first = client.get("/api/v1/news/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    again = _get(client, "/api/v1/news/", if_none_match=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    since = _get(client, "/api/v1/news/", if_modified_since=modified)
    assert since.status_code == 304

    post = News.objects.published().first()
    News.objects.filter(pk=post.pk).update(title="Jauns virsraksts")
    changed = _get(client, "/api/v1/news/", if_none_match=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    old = http_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC).timestamp())
    assert _get(client, "/api/v1/news/", if_modified_since=old).status_code == 200


def test_any_site_may_read_it_from_a_browser(client, demo):
    response = _get(client, "/api/v1/projects/", origin="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/projects/",
        headers={"origin": "https://example.org", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_is_written_through_it(client, demo, method):
    project = Project.objects.published().first()
    response = getattr(client, method)(
        f"/api/v1/projects/{project.slug}/", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code in (403, 405)
    project.refresh_from_db()
    assert project.title != "x"


def test_the_site_s_rate_limit_counts_api_requests(client, demo, settings):
    settings.API_BURST_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/municipalities/").status_code == 200
    refused = client.get("/api/v1/municipalities/")
    assert refused.status_code == 429
    assert refused["Retry-After"]
    # Another address is counted on its own.
    assert client.get("/api/v1/municipalities/", REMOTE_ADDR="192.0.2.7").status_code == 200
