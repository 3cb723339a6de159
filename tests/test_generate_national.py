"""`manage.py generate_national` at a small factor: the national data's shapes, through the
models' own rules, with drafts kept from residents and public pages at fixed query counts.

The data is generated once for the class (`setUpTestData`, in a transaction rolled back at
the end); each test runs in a savepoint of it.
"""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, F, Q
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations.models import Proposal, PublicDiscussion
from portal import national
from portal.models import News
from portal.national.checks import checked_models, full_clean_sample
from programmes.models import (
    Action,
    ActionLine,
    Indicator,
    InvestmentItem,
    Priority,
    Redaction,
    Task,
    natural_sort_key,
)
from projects.models import Organisation, Project

FACTOR = 0.005

# The bounds the demo-data tests pin for the same pages (tests/programmes/test_public_pages.py,
# tests/portal/test_shell.py, tests/projects/, tests/consultations/test_queries.py,
# tests/portal/test_news.py, tests/portal/test_search.py): grown national data must not
# need more.
PAGE_BOUNDS = {
    "home": 12,
    "municipality": 9,
    "programme": 12,
    "redaction": 11,
    "action plan": 5,  # the redaction, priorities, action lines, tasks, actions
    "investment plan": 1,  # the redaction: the plan itself is rendered once, frozen
    "comparison": 11,
    "registry": 2,
    "project": 7,
    "news item": 2,
    "consultations": 12,
    "discussion": 7,
    "proposals": 7,
    "report": 4,
    "report.csv": 2,
    "projects.csv": 3,  # partners, the action lines served, the projects
    "search": 10,
    "sitemap.xml": 7,
    "sitemap-projects.xml": 1,
    "events.ics": 1,
}


class NationalDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.plan = national.Plan.for_factor(FACTOR)
        cls.output = StringIO()
        call_command(
            "generate_national",
            factor=FACTOR,
            allow_production=True,
            check_size=0,
            stdout=cls.output,
        )

    def test_counts_are_the_plan_for_the_factor(self):
        assert national.counts() == {
            name: value
            for name, value in self.plan.as_dict().items()
            if name not in ("factor", "largest_discussion")
        }
        assert national.matches(self.plan)
        assert "Generated in" in self.output.getvalue()

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
    def test_the_planner_has_the_new_tables_statistics_at_once(self):
        """Analyzed after loading: a table never analyzed has reltuples -1 (PostgreSQL 14+)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, reltuples FROM pg_class WHERE relname IN "
                "('projects_project', 'consultations_proposal', 'portal_news')"
            )
            estimates = dict(cursor.fetchall())
        assert estimates["projects_project"] == Project.objects.count()
        assert estimates["consultations_proposal"] == Proposal.objects.count()
        assert estimates["portal_news"] == News.objects.count()

    def test_factor_one_is_the_national_data_of_the_issue_and_others_scale(self):
        whole = national.Plan.for_factor(1).as_dict()
        assert {name: whole[name] for name in national.NATIONAL} == national.NATIONAL
        half = national.Plan.for_factor(0.5)
        assert half.projects == 10_000
        assert half.proposals == 50_000
        assert half.municipalities == 22

    def test_the_largest_discussion_has_its_planned_share(self):
        sizes = PublicDiscussion.objects.annotate(n=Count("proposals")).values_list("n", flat=True)
        assert max(sizes) == self.plan.largest_discussion
        assert sum(sizes) == self.plan.proposals

    def test_every_model_passes_full_clean_on_a_sample(self):
        checked = full_clean_sample(size=30)
        assert set(checked) == {model._meta.label for model in checked_models()}
        for label in (
            "programmes.Action",
            "programmes.InvestmentAmount",
            "programmes.IndicatorValue",
            "projects.Project",
            "projects.Partnership",
            "projects.Activity",
            "consultations.Proposal",
            "consultations.Subscription",
            "portal.News",
        ):
            assert checked[label] > 0, label

    def test_fields_that_save_computes_are_what_save_would_store(self):
        # Codes order naturally in every redaction, frozen or not.
        for model in (Priority, ActionLine, Task, Action, InvestmentItem, Indicator):
            for code, sort_key in model.objects.values_list("code", "sort_key"):
                assert sort_key == natural_sort_key(code), (model, code)
        # A project saved again keeps its derived amounts and search text.
        for project in Project.objects.order_by("pk")[:15]:
            stored = (project.search_text, project.co_financing, project.eu_share)
            project.save()
            project.refresh_from_db()
            assert (project.search_text, project.co_financing, project.eu_share) == stored
        for organisation in Organisation.objects.order_by("pk")[:15]:
            stored = organisation.search_text
            organisation.save()
            organisation.refresh_from_db()
            assert organisation.search_text == stored
        for discussion in PublicDiscussion.objects.all():
            assert discussion.slug == discussion.default_slug()

    def test_every_redaction_status_is_there_and_drafts_are_not_public(self):
        statuses = set(Redaction.objects.values_list("status", flat=True))
        assert {"draft", "public_discussion", "approved", "superseded"} <= statuses
        for draft in Redaction.objects.filter(status="draft").select_related(
            "programme__municipality"
        ):
            assert self.client.get(draft.get_absolute_url()).status_code == 404
            assert not PublicDiscussion.objects.filter(redaction=draft).exists()
        # The copies keep their lineage: comparison pairs items through it.
        second = Redaction.objects.filter(number=2).first()
        assert second.copied_from.number == 1
        assert ActionLine.objects.filter(
            priority__redaction=second, copied_from__isnull=False
        ).exists()

    def test_unpublished_projects_and_news_are_404_for_residents(self):
        hidden = Project.objects.filter(is_published=False).first()
        if hidden is not None:
            assert self.client.get(hidden.get_absolute_url()).status_code == 404
        draft = News.objects.filter(is_published=False).first()
        if draft is not None:
            assert self.client.get(draft.get_absolute_url()).status_code == 404
        future = News.objects.filter(is_published=True, published_at__gt=timezone.now())
        for post in future[:3]:
            assert self.client.get(post.get_absolute_url()).status_code == 404

    def test_proposals_arrived_during_their_discussion_and_answers_are_justified(self):
        outside = Proposal.objects.filter(
            Q(received_at__lt=F("discussion__opens_at"))
            | Q(received_at__gte=F("discussion__closes_at"))
        )
        assert not outside.exists()
        assert not Proposal.objects.exclude(answer="").filter(justification="").exists()
        assert PublicDiscussion.objects.open().exists()
        closed = PublicDiscussion.objects.filter(closes_at__lt=timezone.now())
        assert closed.exists()
        answered = Proposal.objects.filter(discussion__in=closed).exclude(answer="").count()
        assert answered > Proposal.objects.filter(discussion__in=closed).count() / 2
        # Budgets add up as the model's constraints require.
        for project in Project.objects.exclude(total_cost=None)[:20]:
            assert project.eu_funding + project.co_financing == project.total_cost
            assert project.eu_share <= Decimal(100)

    def test_public_pages_answer_with_fixed_query_counts(self):
        pages = _pages()
        assert set(pages) == set(PAGE_BOUNDS)
        for name, path in pages.items():
            self.client.get(path)  # what a page caches is cached once, as in production
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(path)
                response.getvalue()  # a streamed download reads its rows as it is sent
            assert response.status_code == 200, (name, path)
            assert len(queries) <= PAGE_BOUNDS[name], (name, len(queries))

    def test_a_database_with_data_is_refused_unless_replaced(self):
        with pytest.raises(CommandError, match="already holds data"):
            call_command("generate_national", factor=FACTOR, allow_production=True)
        out = StringIO()
        call_command(
            "generate_national", factor=FACTOR, allow_production=True, if_missing=True, stdout=out
        )
        assert "already there" in out.getvalue()

    def test_refused_on_a_production_site_without_allow_production(self):
        with pytest.raises(CommandError, match="DEBUG is off"):
            call_command("generate_national", factor=FACTOR)


def _pages():
    # The biggest closed discussion: an open one's report is not out yet.
    biggest = (
        PublicDiscussion.objects.filter(closes_at__lt=timezone.now())
        .annotate(n=Count("proposals"))
        .order_by("-n")
        .first()
    )
    approved = (
        Redaction.objects.filter(status="approved", number__gt=1)
        .select_related("programme__municipality")
        .order_by("pk")
        .first()
    )
    programme = approved.programme
    slugs = [programme.municipality.slug, programme.slug]
    previous = Redaction.objects.filter(programme=programme, number=approved.number - 1).first()
    project = Project.objects.filter(is_published=True).order_by("pk").first()
    post = News.objects.published().first()
    open_discussion = PublicDiscussion.objects.open().first()
    return {
        "home": reverse("home"),
        "municipality": reverse("programmes:municipality", args=slugs[:1]),
        "programme": reverse("programmes:programme", args=slugs),
        "redaction": approved.get_absolute_url(),
        "action plan": approved.get_action_plan_url(),
        "investment plan": approved.get_investment_plan_url(),
        "comparison": reverse(
            "programmes:compare", args=[*slugs, previous.number, approved.number]
        ),
        "registry": reverse("projects:list"),
        "project": project.get_absolute_url(),
        "news item": post.get_absolute_url(),
        "consultations": reverse("consultations:index"),
        "discussion": open_discussion.get_absolute_url(),
        "proposals": reverse("consultations:proposals", args=[biggest.slug]),
        "report": reverse("consultations:report", args=[biggest.slug]),
        "report.csv": reverse("consultations:report_csv", args=[biggest.slug]),
        "projects.csv": reverse("projects:csv"),
        "sitemap.xml": "/sitemap.xml",
        "sitemap-projects.xml": "/sitemap-projects.xml",
        "search": reverse("search") + "?q=att%C4%ABst%C4%ABbas",
        "events.ics": "/lv/events.ics",
    }
