"""Published means public, draft means invisible: for every public address of the portal.

The addresses are read from the URL resolver (everything but admin), so a new public page
is covered at once: the first test fails until it is listed below, either as a page of
one record (asked for a draft, an unpublished or a hidden one: 404) or as a page that
lists records (home, search, sitemap, feeds, CSV and calendar downloads …: never a word of
anything unpublished), or both.

What residents must not see is built in tests/security/world.py and marked with the
word SECRET: a draft redaction and its content, a discussion prepared for it, a hidden
proposal (in an open and in a closed discussion), an unpublished project (with a partner
from a country no published project has), an unpublished news post and one whose time has
not come, both about a published project, with photos.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from portal.sitemaps import SECTIONS as SITEMAP_SECTIONS

from .world import SECRET

pytestmark = pytest.mark.django_db


def public_url_names(resolver=None, namespace=""):
    """`namespace:name` of every URL pattern outside admin."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if str(pattern.pattern).startswith("admin/"):
            continue  # admin, and the portal's own "view on site" in front of it
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= public_url_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            names.add(f"{namespace}{pattern.name}")
    return names


# --- pages of one record: name -> (world -> [(what, args)]) for records residents must
# not reach, and the public record of the same kind that they do reach (the control).


API_REDACTION_PARTS = [
    "situation-analysis",
    "strategic-part",
    "swot",
    "priorities",
    "action-plan",
    "investment-plan",
    "indicators",
    "steering-group",
]


def _first_pk(model_path, **filters):
    from django.apps import apps

    return apps.get_model(model_path).objects.filter(**filters).order_by("pk").first().pk


def _redaction_args(redaction):
    programme = redaction.programme
    return [programme.municipality.slug, programme.slug, redaction.number]


def _media(field_file):
    return [field_file.name]


def _report_args(report):
    return [report.programme.municipality.slug, report.programme.slug, report.year]


RECORD_PAGES = {
    "programmes:report": lambda w: (
        [("draft monitoring report", _report_args(w.b.hidden.report))],
        _report_args(w.b.public.report),
    ),
    "programmes:report_pdf": lambda w: (
        [("draft monitoring report's PDF", _report_args(w.b.hidden.report))],
        _report_args(w.b.public.report),
    ),
    "programmes:report_csv": lambda w: (
        [
            (f"draft monitoring report's {table}", [*_report_args(w.b.hidden.report), table])
            for table in ("actions-by-priority", "investments-by-source", "indicators")
        ],
        [*_report_args(w.b.public.report), "indicators"],
    ),
    **{
        name: lambda w: (
            [("draft redaction", _redaction_args(w.b.hidden.redaction))],
            _redaction_args(w.b.public.redaction),
        )
        for name in (
            "programmes:redaction",
            "programmes:redaction_action_plan",
            "programmes:redaction_investment_plan",
        )
    },
    "programmes:redaction_csv": lambda w: (
        [
            (f"draft redaction's {table}", [*_redaction_args(w.b.hidden.redaction), table])
            for table in ("action-plan", "investment-plan", "indicators")
        ],
        [*_redaction_args(w.b.public.redaction), "action-plan"],
    ),
    "programmes:compare": lambda w: (
        [
            ("comparison with the draft", [*_redaction_args(w.b.public.redaction)[:2], 1, 2]),
            ("comparison from the draft", [*_redaction_args(w.b.public.redaction)[:2], 2, 1]),
        ],
        None,
    ),
    "projects:detail": lambda w: (
        [("unpublished project", [w.b.hidden.project.slug])],
        [w.b.public.project.slug],
    ),
    "feeds:project": lambda w: (
        [("unpublished project's feed", [w.b.hidden.project.slug])],
        [w.b.public.project.slug],
    ),
    "consultations:discussion": lambda w: (
        [("discussion of a draft", [w.b.hidden.discussion.slug])],
        [w.b.public.discussion.slug],
    ),
    "consultations:proposals": lambda w: (
        [("proposals of a draft's discussion", [w.b.hidden.discussion.slug])],
        [w.b.public.discussion.slug],
    ),
    "consultations:report": lambda w: (
        [("report of a draft's discussion", [w.b.hidden.discussion.slug])],
        [w.b.public.closed_discussion.slug],
    ),
    "consultations:report_csv": lambda w: (
        [("report CSV of a draft's discussion", [w.b.hidden.discussion.slug])],
        [w.b.public.closed_discussion.slug],
    ),
    "consultations:report_counts_csv": lambda w: (
        [("counts CSV of a draft's discussion", [w.b.hidden.discussion.slug])],
        [w.b.public.closed_discussion.slug],
    ),
    "news:detail": lambda w: (
        [
            ("unpublished news", [w.b.hidden.news.slug]),
            ("news whose time has not come", [w.b.hidden.future_news.slug]),
        ],
        [w.b.public.news.slug],
    ),
    # The read API (api/): the same records by id or slug, and each part of a redaction.
    "api:redaction-detail": lambda w: (
        [("draft redaction in the API", [w.b.hidden.redaction.pk])],
        [w.b.public.redaction.pk],
    ),
    **{
        f"api:redaction-{part}": (
            lambda w, part=part: (
                [(f"draft redaction's {part} in the API", [w.b.hidden.redaction.pk])],
                [w.b.public.redaction.pk] if part != "steering-group" else None,
            )
        )
        for part in API_REDACTION_PARTS
    },
    "api:project-detail": lambda w: (
        [("unpublished project in the API", [w.b.hidden.project.slug])],
        [w.b.public.project.slug],
    ),
    "api:news-detail": lambda w: (
        [
            ("unpublished news in the API", [w.b.hidden.news.slug]),
            ("news whose time has not come, in the API", [w.b.hidden.future_news.slug]),
        ],
        [w.b.public.news.slug],
    ),
    "api:discussion-detail": lambda w: (
        [("discussion of a draft in the API", [w.b.hidden.discussion.slug])],
        [w.b.public.discussion.slug],
    ),
    "api:discussion-proposals": lambda w: (
        [("proposals of a draft's discussion in the API", [w.b.hidden.discussion.slug])],
        [w.b.public.closed_discussion.slug],
    ),
}

# Files of unpublished records: served to anyone today (issue 11 item 4).
FILES = {
    "media": lambda w: (
        [
            ("draft redaction's PDF", _media(w.b.hidden.redaction.document)),
            ("unpublished news photo", _media(w.b.hidden.photo.image)),
            ("unpublished news photo, large", _media(w.b.hidden.photo.large)),
            ("unpublished news photo, thumbnail", _media(w.b.hidden.photo.thumbnail)),
        ],
        _media(w.b.public.photo.image),
    ),
}

# --- pages that list records: name -> (world -> [(args, query)]).


def _programme_args(programme):
    return [programme.municipality.slug, programme.slug]


LIST_PAGES = {
    "robots_txt": lambda w: [([], "")],
    "sitemap": lambda w: [([], "")],
    "sitemap_section": lambda w: [([name], "") for name in SITEMAP_SECTIONS],
    "events_ics_any_language": lambda w: [([], "")],
    "events_ics": lambda w: [([], "")],
    "home": lambda w: [([], "")],
    "about": lambda w: [([], "")],
    "search": lambda w: [
        ([], f"q={SECRET}"),
        ([], "q=Betas"),
        ([], "q=slepenmelnraksts"),
    ],
    "programmes:list": lambda w: [([], "")],
    "programmes:municipality": lambda w: [([w.b.municipality.slug], "")],
    "programmes:programme": lambda w: [
        (_programme_args(w.b.public.programme), ""),
        (_programme_args(w.b.public.closed_programme), ""),
    ],
    "programmes:monitoring": lambda w: [(_programme_args(w.b.public.programme), "")],
    **{
        name: lambda w: [
            (_redaction_args(w.b.public.redaction), ""),
            (_redaction_args(w.b.public.approved), ""),
        ]
        for name in (
            "programmes:redaction",
            "programmes:redaction_action_plan",
            "programmes:redaction_investment_plan",
        )
    },
    "programmes:redaction_csv": lambda w: [
        ([*_redaction_args(w.b.public.redaction), table], "")
        for table in ("action-plan", "investment-plan", "indicators")
    ],
    "projects:list": lambda w: [
        ([], ""),
        ([], f"q={SECRET}"),
        ([], "country=IS"),
        ([], f"municipality={w.b.municipality.slug}&status=in_progress&sort=title"),
    ],
    "projects:csv": lambda w: [([], ""), ([], f"q={SECRET}"), ([], "country=IS")],
    "projects:detail": lambda w: [([w.b.public.project.slug], "")],
    "feeds:project": lambda w: [([w.b.public.project.slug], "")],
    "consultations:index": lambda w: [([], ""), ([], f"municipality={w.b.municipality.slug}")],
    "consultations:past_events": lambda w: [([], "")],
    "consultations:subscribe": lambda w: [([], "")],
    "consultations:subscription_confirm": lambda w: [(["token-beta"], "")],
    "consultations:unsubscribe": lambda w: [(["token-beta"], "")],
    "consultations:programme_events_ics": lambda w: [(_programme_args(w.b.public.programme), "")],
    "consultations:municipality_events_ics": lambda w: [([w.b.municipality.slug], "")],
    "consultations:discussion": lambda w: [([w.b.public.discussion.slug], "")],
    "consultations:report": lambda w: [([w.b.public.closed_discussion.slug], "")],
    "consultations:report_csv": lambda w: [([w.b.public.closed_discussion.slug], "")],
    "consultations:report_counts_csv": lambda w: [([w.b.public.closed_discussion.slug], "")],
    "news:list": lambda w: [
        ([], ""),
        ([], "page=2"),
        ([], f"municipality={w.b.municipality.slug}"),
        ([], f"project={w.b.public.project.slug}"),
    ],
    "feeds:news": lambda w: [([], "")],
    "feeds:discussions": lambda w: [([], "")],
    # The open-data pages, the catalogue and the read API's lists and public records.
    "opendata:index": lambda w: [([], "")],
    "opendata:api": lambda w: [([], "")],
    "catalog:jsonld": lambda w: [([], "")],
    "catalog:ttl": lambda w: [([], "")],
    "api:api-root": lambda w: [([], "")],
    "api:openapi": lambda w: [([], "")],
    "api:municipality-list": lambda w: [([], "")],
    "api:municipality-detail": lambda w: [([w.b.municipality.slug], "")],
    "api:programme-list": lambda w: [([], ""), ([], f"municipality={w.b.municipality.slug}")],
    "api:programme-detail": lambda w: [([w.b.public.programme.pk], "")],
    "api:redaction-list": lambda w: [([], ""), ([], f"programme={w.b.public.programme.pk}")],
    "api:redaction-detail": lambda w: [
        ([w.b.public.redaction.pk], ""),
        ([w.b.public.approved.pk], ""),
    ],
    **{
        f"api:redaction-{part}": (
            lambda w, part=part: (
                [([w.b.public.approved.pk], "")] if part != "steering-group" else []
            )
        )
        for part in API_REDACTION_PARTS
    },
    "api:project-list": lambda w: [
        ([], ""),
        ([], f"q={SECRET}"),
        ([], f"municipality={w.b.municipality.slug}"),
    ],
    "api:project-detail": lambda w: [([w.b.public.project.slug], "")],
    "api:news-list": lambda w: [([], ""), ([], f"municipality={w.b.municipality.slug}")],
    "api:news-detail": lambda w: [([w.b.public.news.slug], "")],
    "api:working-group-list": lambda w: [([], "")],
    "api:working-group-detail": lambda w: [
        ([_first_pk("consultations.WorkingGroup", programme__municipality=w.b.municipality)], "")
    ],
    "api:event-list": lambda w: [([], "")],
    "api:event-detail": lambda w: [
        ([_first_pk("consultations.Event", municipality=w.b.municipality)], "")
    ],
    "api:discussion-list": lambda w: [([], "")],
    "api:discussion-detail": lambda w: [([w.b.public.discussion.slug], "")],
    "api:discussion-proposals": lambda w: [
        ([w.b.public.discussion.slug], ""),
        ([w.b.public.closed_discussion.slug], ""),
    ],
}


def forbidden(world):
    """Texts and addresses of the unpublished records, on both municipalities' sides."""
    texts = [SECRET, SECRET.lower(), 'value="IS"', "Islande", "Iceland"]
    for side in (world.a, world.b):
        hidden = side.hidden
        texts += [
            hidden.redaction.get_absolute_url(),
            hidden.redaction.document.url,
            hidden.project.get_absolute_url(),
            hidden.news.get_absolute_url(),
            hidden.future_news.get_absolute_url(),
            hidden.discussion.get_absolute_url(),
            hidden.photo.image.url,
            hidden.photo.thumbnail.url,
        ]
    return texts


# --- the tests --------------------------------------------------------------------------


def test_every_public_address_is_checked():
    """A public page that is in none of the lists would escape this suite."""
    covered = set(RECORD_PAGES) | set(FILES) | set(LIST_PAGES)
    unchecked = public_url_names() - covered
    assert not unchecked, f"list {sorted(unchecked)} in tests/security/test_draft_invisibility.py"
    assert not covered - public_url_names(), "a listed name is no longer a public address"


def _cases(pages, xfail=None):
    params = []
    for name, build in pages.items():
        marks = [xfail] if xfail else []
        params.append(pytest.param(name, build, id=name, marks=marks))
    return params


@pytest.mark.parametrize("language", ["lv", "en"])
@pytest.mark.parametrize(("name", "build"), _cases(RECORD_PAGES))
def test_anonymous_visitor_gets_404_for_unpublished_record(client, world, name, build, language):
    hidden, public = build(world)
    with translation.override(language):
        for what, args in hidden:
            response = client.get(reverse(name, args=args), follow=True)
            assert response.status_code == 404, (what, language)
        if public is not None:
            assert client.get(reverse(name, args=public)).status_code in (200, 302)


@pytest.mark.parametrize(("name", "build"), _cases(RECORD_PAGES))
def test_other_municipality_planner_gets_404_for_unpublished_record(client, world, name, build):
    """Staff see their own municipality's drafts on the public pages (to check them before
    discussion), never another's: B's drafts answer A's planner as they answer anyone."""
    hidden, _public = build(world)
    client.force_login(world.a.users["planner"])
    for what, args in hidden:
        response = client.get(reverse(name, args=args), follow=True)
        assert response.status_code == 404, what


def test_own_planner_sees_the_draft_the_others_do_not(client, world):
    """The control for the 404s above: the same addresses are the draft's, for its planner."""
    client.force_login(world.b.users["planner"])
    for name in (
        "programmes:redaction",
        "programmes:redaction_action_plan",
        "programmes:redaction_investment_plan",
        "programmes:redaction_csv",
        "programmes:compare",
    ):
        hidden, _public = RECORD_PAGES[name](world)
        for what, args in hidden:
            response = client.get(reverse(name, args=args), follow=True)
            assert response.status_code == 200, what


@pytest.mark.parametrize(
    ("name", "build"),
    _cases(FILES),
)
def test_anonymous_visitor_gets_404_for_files_of_unpublished_records(client, world, name, build):
    hidden, public = build(world)
    assert client.get(reverse(name, args=public)).status_code == 200
    for what, args in hidden:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 404, what


@pytest.mark.parametrize("language", ["lv", "en"])
@pytest.mark.parametrize(("name", "build"), _cases(LIST_PAGES))
def test_list_pages_never_show_an_unpublished_record(client, world, name, build, language):
    texts = forbidden(world)
    with translation.override(language):
        for args, query in build(world):
            url = reverse(name, args=args) + (f"?{query}" if query else "")
            response = client.get(url)
            # A filter naming a country no published project has is refused (400).
            assert response.status_code == 200 or (query and response.status_code == 400), url
            body = b"".join(response) if response.streaming else response.content
            body = body.decode()
            if query:
                # The search box shows what was searched for; the results must not.
                body = body.replace(SECRET, "").replace(SECRET.lower(), "")
                body = body.replace(query, "").replace(query.replace("=", "%3D"), "")
            leaks = [text for text in texts if text in body]
            assert not leaks, (url, leaks)


def test_list_pages_show_published_records(client, world):
    """The control for the absences above: the same pages do list what is published."""
    b_side = world.b
    expected = {
        reverse("home"): [b_side.municipality.name],
        reverse("search") + "?q=Betas": [b_side.public.news.title, b_side.public.project.title],
        reverse("news:list"): [b_side.public.news.title],
        reverse("feeds:news"): [b_side.public.news.title],
        reverse("projects:list"): [b_side.public.project.title],
        reverse("projects:csv"): [b_side.public.project.title],
        reverse("projects:detail", args=[b_side.public.project.slug]): [b_side.public.news.title],
        reverse("programmes:redaction", args=_redaction_args(b_side.public.redaction)): [
            "Prioritāte Betas novads publiskā",
            # the count of its proposals, linked to the discussion's proposals page
            reverse("consultations:proposals", args=[b_side.public.discussion.slug]),
        ],
        reverse("consultations:proposals", args=[b_side.public.discussion.slug]): [
            b_side.public.proposal.text
        ],
        reverse("consultations:report", args=[b_side.public.closed_discussion.slug]): [
            b_side.public.report_proposal.text
        ],
        reverse("consultations:report_csv", args=[b_side.public.closed_discussion.slug]): [
            b_side.public.report_proposal.text
        ],
        "/sitemap-redactions.xml": [b_side.public.redaction.get_absolute_url()],
        reverse("events_ics"): ["Seminārs Betas novads"],
    }
    for url, texts in expected.items():
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        for text in texts:
            assert text in body.decode(), (url, text)
