"""Hostile input on every public form, list filter and address: never a 5xx, and a refused
POST changes nothing.

Property-based (Hypothesis): each test sends a few dozen requests whose values are drawn
from unicode text, NUL bytes and control characters, huge and negative numbers, SQL and
HTML that look like attacks, very long strings, repeated parameters and parameters nobody
expects. `derandomize=True` draws the same cases on every run (CI is reproducible; a
failure prints the request to replay), a few hundred in all.
"""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, event, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultations.models import Proposal, Subscription

from .world import SECRET

pytestmark = pytest.mark.django_db


def fuzz(examples):
    """Hypothesis settings of this suite: the same cases on every run, none saved to disk,
    no time limit per case (a request on a busy CI machine may take a second)."""
    return hypothesis_settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# Values an attacker (or a broken robot) sends, beside what Hypothesis makes up.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n\r\n",
    "' OR '1'='1' --",
    "1; DROP TABLE consultations_proposal;--",
    '"><script>alert(1)</script>',
    "{{ settings.SECRET_KEY }}",
    "%(email)s %s {0}",
    "../../../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "inf",
    "0x1F",
    "٢٠١٤",  # Arabic-Indic digits: int() reads them, databases do not
    "²",  # a digit to str.isdigit(), not to int()
    "9" * 30,
    str(2**63),
    str(-(2**63) - 1),
    "ā" * 5001,
    "x" * 20000,
    "\ud7ff\ue000\uffff",
    "𝕷𝖎̄𝖛𝖆̄𝖓𝖚",
    "Līvānu novads",
    SECRET,
]

# Unicode text without lone surrogates (which no browser can send as UTF-8).
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
value = st.one_of(st.sampled_from(NASTY), text, st.integers().map(str))
# A parameter as a browser or a robot sends it: one value, or the name repeated.
param = st.one_of(value, st.lists(value, min_size=2, max_size=4))


def as_wsgi(header):
    """A header as a WSGI server hands it to Django: its UTF-8 bytes read as Latin-1."""
    return header.encode("utf-8", "surrogatepass").decode("latin-1")


def body_of(response):
    return b"".join(response) if response.streaming else response.content


def assert_no_server_error(response, request):
    assert response.status_code < 500, request


# --- public forms ------------------------------------------------------------------------


def proposal_parts(world):
    """The proposal form's "part" values: (the redaction's own parts, parts of the draft and
    of the other municipality's redaction, which the form must refuse)."""

    def parts(content):
        found = []
        for kind, model in [("section", "SituationSection"), ("priority", "Priority")]:
            found += [f"{kind}:{obj.pk}" for m, obj in content.items() if m.__name__ == model]
        for kind, model in [("action_line", "ActionLine"), ("task", "Task")]:
            found += [f"{kind}:{obj.pk}" for m, obj in content.items() if m.__name__ == model]
        return found

    own = ["", *parts(world.b.public.content)]
    return own, parts(world.b.hidden.content) + parts(world.a.public.content)


@fuzz(90)
@given(data=st.data())
@example(data=None)
def test_proposal_form_refuses_cleanly_and_keeps_what_it_accepts(client, world, data):
    """A refused proposal (400 or 429) stores nothing and sends no e-mail; an accepted one
    (302) is stored with the text as written, numbered next."""
    discussion = world.b.public.discussion
    if data is None:  # the plain case first: the form works at all
        post = {
            "text": "Lūdzu izbūvēt veloceliņu gar Daugavu.",
            "author_name": "Anna",
            "email": "anna@example.lv",
            "consent": "on",
        }
    else:
        # A form as a person fills it (any character a browser sends, NUL aside), with up
        # to two fields hostile: enough cases pass to check what is stored, enough do not.
        typed = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
        own_parts, foreign_parts = proposal_parts(world)
        fields = {
            "text": (st.text(typed, min_size=12, max_size=400), param),
            "author_name": (st.text(typed, min_size=1, max_size=60).filter(str.strip), param),
            "email": (st.sampled_from(["anna@example.lv", "Jānis.Bērziņš@pasts.lv"]), param),
            "part": (st.sampled_from(own_parts), st.sampled_from(foreign_parts) | param),
            "consent": (st.just("on"), st.sampled_from(["", "0", "\x00", "off"])),
        }
        hostile = data.draw(st.sets(st.sampled_from(sorted(fields)), max_size=2), "hostile")
        post = {
            name: data.draw(strategies[name in hostile], name)
            for name, strategies in fields.items()
        }
        if data.draw(st.integers(0, 5), "robot") == 0:
            post["website"] = data.draw(param, "website")
        post.update(data.draw(st.dictionaries(text, param, max_size=3), "extra"))
    cache.clear()  # no rate limit between examples: most of them should be judged on content
    mail.outbox = []
    before = Proposal.objects.filter(discussion=discussion).count()

    response = client.post(discussion.get_absolute_url(), post)

    event(f"answered {response.status_code}")
    if response.status_code == 400:
        event("refused for " + ", ".join(sorted(response.context["form"].errors)))
    assert_no_server_error(response, post)
    after = Proposal.objects.filter(discussion=discussion).count()
    if response.status_code == 302:
        assert after == before + 1, post
        stored = Proposal.objects.filter(discussion=discussion).order_by("-number").first()
        assert stored.number == before + 1
        sent = post["text"].strip().replace("\r\n", "\n").replace("\r", "\n").strip()
        assert stored.text == sent
        assert stored.author_name == post["author_name"].strip()
    else:
        assert response.status_code in (400, 429), post
        assert after == before, post
        assert not mail.outbox
    if data is None:
        assert response.status_code == 302


@fuzz(50)
@given(
    municipality=st.one_of(st.sampled_from(["alfa", "beta"]), param),
    email=st.one_of(st.emails(), value),
    consent=st.sampled_from(["on", "", "off", "\x00"]),
    robot=st.one_of(st.just(None), param),
)
@example(municipality="beta", email="iedzivotaja@example.lv", consent="on", robot=None)
def test_subscription_form_refuses_cleanly(client, world, municipality, email, consent, robot):
    """The municipality is chosen by its id: a slug, a name or anything else is refused,
    and a refused form stores no address and sends nothing."""
    ids = {"alfa": world.a.municipality.pk, "beta": world.b.municipality.pk}
    if isinstance(municipality, str):
        municipality = ids.get(municipality, municipality)
    post = {"municipality": municipality, "email": email}
    post["consent"] = consent
    if robot is not None:
        post["website"] = robot
    cache.clear()
    mail.outbox = []
    before = set(Subscription.objects.values_list("pk", "email"))

    response = client.post(reverse("consultations:subscribe"), post)

    event(f"answered {response.status_code}")
    assert_no_server_error(response, post)
    if response.status_code != 302:
        assert response.status_code in (400, 429), post
        assert set(Subscription.objects.values_list("pk", "email")) == before
        assert not mail.outbox


# --- filters and query parameters of public lists ----------------------------------------

REGISTRY_FILTERS = ["q", "fund", "status", "year", "municipality", "role", "country", "sort"]


@fuzz(60)
@given(
    params=st.dictionaries(
        st.sampled_from([*REGISTRY_FILTERS, "page"]) | text, param, min_size=1, max_size=6
    ),
    csv=st.booleans(),
)
@example(params={"year": str(2**63), "page": "-1"}, csv=False)
@example(params={"year": "٢٠١٤", "municipality": "\x00"}, csv=True)
@example(params={"country": ["LV", "' OR 1=1"], "sort": "-cost", "q": "x" * 20000}, csv=True)
def test_project_registry_filters_never_fail(client, world, params, csv):
    url = reverse("projects:csv" if csv else "projects:list")
    response = client.get(url, params)
    assert_no_server_error(response, params)
    assert response.status_code in (200, 400), params


PAGED_LISTS = {
    "news": lambda world: reverse("news:list"),
    "past events": lambda world: reverse("consultations:past_events"),
    "projects": lambda world: reverse("projects:list"),
}


@fuzz(40)
@given(which=st.sampled_from(sorted(PAGED_LISTS)), page=param)
@example(which="news", page=str(10**30))
@example(which="past events", page="\x00")
def test_pagination_never_fails(client, world, which, page):
    response = client.get(PAGED_LISTS[which](world), {"page": page})
    assert_no_server_error(response, page)
    assert response.status_code == 200


@fuzz(40)
@given(q=param)
@example(q="\x00")
@example(q="%")
@example(q="_")
@example(q="x" * 100000)
def test_search_never_fails(client, world, q):
    response = client.get(reverse("search"), {"q": q})
    assert_no_server_error(response, q)
    assert response.status_code == 200


@fuzz(40)
@given(params=st.dictionaries(text, param, max_size=4), part=param, municipality=param)
@example(params={}, part="section:99999999999999999999", municipality=str(2**70))
def test_query_parameters_of_other_public_pages_never_fail(
    client, world, params, part, municipality
):
    """The discussion page reads ?part= (a preselected part), the subscription form
    ?municipality=; every other page must ignore what it does not read."""
    pages = [
        (world.b.public.discussion.get_absolute_url(), {"part": part}),
        (reverse("consultations:subscribe"), {"municipality": municipality}),
        (reverse("consultations:index"), {}),
        (reverse("home"), {}),
        (world.b.public.redaction.get_absolute_url(), {}),
        (reverse("feeds:news"), {}),
        (reverse("events_ics"), {}),
    ]
    for url, own in pages:
        request = {**params, **own}
        response = client.get(url, request)
        assert_no_server_error(response, (url, request))
        assert response.status_code == 200, (url, request)


# --- addresses ---------------------------------------------------------------------------

# Every public address with a slot for a segment taken from the request's path.
PATHS = [
    "/lv/news/{}/",
    "/lv/projects/{}/",
    "/lv/projects/{}/feed/",
    "/lv/programmes/{}/",
    "/lv/programmes/beta/{}/",
    "/lv/programmes/beta/ap-beta/{}/",
    "/lv/programmes/beta/ap-beta/redactions/{}/",
    "/lv/programmes/beta/ap-beta/redactions/1/{}.csv",
    "/lv/programmes/beta/ap-beta/redactions/1/compare/{}/",
    "/lv/consultations/{}/",
    "/lv/consultations/{}/report/",
    "/lv/consultations/{}/report.csv",
    "/lv/consultations/subscriptions/{}/confirm/",
    "/lv/consultations/subscriptions/{}/unsubscribe/",
    "/lv/consultations/programmes/beta/{}/events.ics",
    "/en/{}/",
    "/{}",
]
segment = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="/?#"), max_size=200),
    st.integers().map(str),
)


@fuzz(70)
@given(path=st.sampled_from(PATHS), segment=segment)
@example(path="/lv/programmes/beta/ap-beta/redactions/{}/", segment="99999")
@example(path="/lv/programmes/beta/ap-beta/redactions/1/compare/{}/", segment="0")
@example(path="/lv/consultations/subscriptions/{}/confirm/", segment="x" * 300)
def test_public_addresses_with_hostile_segments_never_fail(client, world, path, segment):
    url = path.format(segment)
    for method in (client.get, client.head, client.post):
        response = method(url)
        assert_no_server_error(response, (method.__name__, url))


@fuzz(30)
@given(segment=segment)
@example(segment="a" * 256)
def test_media_addresses_with_hostile_names_never_fail(client, world, segment):
    response = client.get(f"/media/{segment}")
    assert_no_server_error(response, segment)


# --- headers -----------------------------------------------------------------------------


@fuzz(40)
@given(
    language=value,
    forwarded=st.one_of(value, st.lists(value, max_size=5).map(", ".join)),
    remote=st.one_of(st.sampled_from(["127.0.0.1", "10.0.0.1", "::1", "", "x"]), value),
)
@example(language="lv;q=NaN, en;q=1e309", forwarded="1.2.3.4, ::ffff:10.0.0.1", remote="::1")
def test_hostile_headers_on_the_proposal_form_never_fail(
    client, world, settings, language, forwarded, remote
):
    """Accept-Language, the language cookie and X-Forwarded-For behind a trusted proxy
    (read by the rate limit) are the headers the portal reads."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    cache.clear()
    post = {
        "text": "Lūdzu salabot ielu apgaismojumu.",
        "author_name": "Jānis",
        "email": "janis@example.lv",
        "consent": "on",
    }
    client.cookies.clear()
    response = client.post(
        world.b.public.discussion.get_absolute_url(),
        post,
        HTTP_ACCEPT_LANGUAGE=as_wsgi(language),
        HTTP_COOKIE=as_wsgi(f"django_language={language}"),
        HTTP_X_FORWARDED_FOR=as_wsgi(forwarded),
        REMOTE_ADDR=as_wsgi(remote),
    )
    assert_no_server_error(response, (language, forwarded, remote))
