"""National-scale data for measuring the portal: every Latvian municipality at once.

`manage.py generate_national [--factor F] [--seed N]` builds, at factor 1, what the portal
would hold with all 43 municipalities on it (issue 13): 84 programmes with 250 redactions
and their full content, 20,000 projects with 68,000 partnerships and 200,000 activities,
5,000 news posts, 180 public discussions with 100,000 proposals (6,500 in the largest),
about 500 working groups, events, surveys and e-mail subscriptions. The factor scales every
count (`Plan.for_factor`); a small factor (0.005) gives the same shapes in a few seconds,
for tests.

Through the models' own rules:

- Rows are written with `bulk_create` through each model's default manager, so the
  querysets' guards hold (content goes only into draft redactions; a redaction is created
  as a draft). What `save()` computes (`sort_key`, `search_text`, a project's derived
  co-financing and EU share, a discussion's slug) is computed here the same way; the tests
  check a sample against `save()`'s result and run `full_clean()` on a sample of every
  model.
- A redaction's content is written while it is a draft; its status is then moved by the
  workflow services (`programmes.services.open_public_discussion`, `approve_redaction`,
  `withdraw_redaction`), and each later redaction is started by
  `services.start_next_redaction` (the deep copy with lineage) and edited as a draft, as
  planners do.
- No change history is written for generated rows (as with a fixture load), except what
  the services write themselves (the copies of redactions).

The text is Latvian, assembled from word lists and the demo programmes' files
(`portal.national.words`); nothing is downloaded. The same seed gives the same data.
"""

import math
import random
import time
from dataclasses import dataclass, fields

from django.db import reset_queries
from django.utils import timezone

from .words import Writer

# The national data at factor 1 (issue 13).
NATIONAL = {
    "municipalities": 43,
    "programmes": 84,
    "redactions": 250,
    "discussions": 180,
    "proposals": 100_000,
    "largest_discussion": 6_500,
    "projects": 20_000,
    "partnerships": 68_000,
    "activities": 200_000,
    "news": 5_000,
    "working_groups": 500,
    "events": 2_000,
    "surveys": 250,
    "subscriptions": 10_000,
}

BATCH = 2000


@dataclass(frozen=True)
class Plan:
    """How many of each record to generate."""

    factor: float
    municipalities: int
    programmes: int
    redactions: int
    discussions: int
    proposals: int
    largest_discussion: int
    projects: int
    partnerships: int
    activities: int
    news: int
    working_groups: int
    events: int
    surveys: int
    subscriptions: int

    @classmethod
    def for_factor(cls, factor):
        """The national counts times `factor`, with the minimums that keep every shape the
        pages show: two municipalities, a programme each, two redactions per programme plus
        one (so there are superseded, approved, in-discussion and draft ones), an open and a
        closed discussion, a project per ten partnerships' worth."""

        def scaled(name, minimum=1):
            return max(minimum, round(NATIONAL[name] * factor))

        municipalities = min(NATIONAL["municipalities"], scaled("municipalities", 2))
        programmes = min(2 * municipalities, scaled("programmes", municipalities))
        redactions = max(2 * programmes + 1, scaled("redactions"))
        discussions = min(redactions - 1, scaled("discussions", 2))
        proposals = scaled("proposals", 10 * discussions)
        projects = scaled("projects", 10)
        return cls(
            factor=factor,
            municipalities=municipalities,
            programmes=programmes,
            redactions=redactions,
            discussions=discussions,
            proposals=proposals,
            # At a small factor the few discussions share the proposals: none is bigger.
            largest_discussion=max(
                scaled("largest_discussion"), math.ceil(proposals / discussions)
            ),
            projects=projects,
            partnerships=scaled("partnerships", projects),
            activities=scaled("activities", projects),
            news=scaled("news", 10),
            working_groups=scaled("working_groups", 2),
            events=scaled("events", 10),
            surveys=scaled("surveys", 2),
            subscriptions=scaled("subscriptions", 10),
        )

    def as_dict(self):
        return {field.name: getattr(self, field.name) for field in fields(self)}


class Context:
    """What the parts share while generating: the seeded random source, the writer, the
    time the run started ("now" for every date), and the records made so far."""

    def __init__(self, plan, seed, report=None):
        self.plan = plan
        self.rng = random.Random(seed)
        self.write = Writer(self.rng)
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate(self.now)
        self.report = report or (lambda message: None)
        self.places = []  # words.Place, one per municipality, the biggest first
        self.planners = {}  # municipality id -> user
        self.managers = {}  # municipality id -> user
        self.programmes = []  # DevelopmentProgramme, with `place` set
        self.redactions = []  # programmes.RedactionInfo
        self.projects = []  # Project (published and not)
        self._started = time.monotonic()

    def bulk(self, model, objs, manager=None):
        """Create `objs` in batches through the model's default manager (its guards hold);
        returns them with their primary keys."""
        manager = manager or model._default_manager
        objs = list(objs)
        created = []
        for start in range(0, len(objs), BATCH):
            created += manager.bulk_create(objs[start : start + BATCH])
            # With DEBUG on, Django keeps every statement's SQL: not a million rows' worth.
            reset_queries()
        return created

    def step(self, name):
        self.report(f"  {name} ({time.monotonic() - self._started:.1f} s)")

    def split(self, total, weights, minimum=0):
        """`total` divided in proportion to `weights` (whole numbers adding up to it)."""
        weight_sum = sum(weights) or 1
        shares = [total * w / weight_sum for w in weights]
        counts = [max(minimum, math.floor(s)) for s in shares]
        order = sorted(range(len(weights)), key=lambda i: shares[i] - math.floor(shares[i]))
        i = 0
        while sum(counts) < total:
            counts[order[-1 - i % len(order)]] += 1
            i += 1
        while sum(counts) > total:
            j = max(range(len(counts)), key=lambda k: counts[k])
            counts[j] -= 1
        return counts


def generate(plan, *, seed=13, report=None):
    """Generate the national data of `plan` into the (empty) database. Returns the counts
    of the main records created."""
    from . import consultations, news, programmes, projects

    context = Context(plan, seed, report)
    programmes.generate(context)
    projects.generate(context)
    consultations.generate(context)
    news.generate(context)
    context.step("done")
    return counts()


def counts():
    """How many of each main record the database holds."""
    from consultations.models import (
        Event,
        Proposal,
        PublicDiscussion,
        Subscription,
        Survey,
        WorkingGroup,
    )
    from portal.models import News
    from programmes.models import DevelopmentProgramme, Municipality, Redaction
    from projects.models import Activity, Partnership, Project

    models = {
        "municipalities": Municipality,
        "programmes": DevelopmentProgramme,
        "redactions": Redaction,
        "discussions": PublicDiscussion,
        "proposals": Proposal,
        "projects": Project,
        "partnerships": Partnership,
        "activities": Activity,
        "news": News,
        "working_groups": WorkingGroup,
        "events": Event,
        "surveys": Survey,
        "subscriptions": Subscription,
    }
    return {name: model._default_manager.count() for name, model in models.items()}


def matches(plan):
    """Does the database hold the national data of `plan` (its counts)?"""
    expected = plan.as_dict()
    return all(expected[name] == value for name, value in counts().items())
