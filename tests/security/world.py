"""Two municipalities with a record of every kind, built once per run (tests/shared_data.py).

Municipality A ("Alfa") is where the staff of the tests work; municipality B ("Beta") is
the other one, whose records they must never reach. Each side has:

- its staff: a planner, a project manager and a municipality administrator;
- a programme with a redaction in public discussion (with an open discussion, a
  published and a hidden proposal) and a draft redaction, each with one of every kind of
  content, a steering group with a member and a meeting, working groups, an event, a
  survey;
- a second programme whose approved redaction's discussion has closed (its report is
  public, with one published and one hidden proposal);
- a published project (with its council decision, a partner, an activity) and an
  unpublished one; a published news post with a photo, an unpublished one with a photo and
  one whose publication time has not come; an e-mail subscription; two data sources of
  its own (one cited by its redactions, one not yet cited);
- what the login lockout (django-axes) recorded about its planner: a lockout (five wrong
  passwords from one address), the failure that locked it, and an earlier login.

Everything residents must not see carries the word `SECRET` in its title or text, so a
page can be searched for it whatever the kind of record.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from consultations import models as cm
from portal.models import News, NewsPhoto
from programmes import models as pm
from programmes import services
from programmes.roles import MUNICIPALITY_ADMIN, PLANNER, PROJECT_MANAGER
from projects.models import (
    Activity,
    CouncilDecision,
    FundingProgramme,
    Organisation,
    Partnership,
    Project,
)
from tests.consultations.factories import (
    EventFactory,
    ProposalFactory,
    PublicDiscussionFactory,
    SurveyFactory,
    WorkingGroupFactory,
    WorkingGroupMeetingFactory,
    WorkingGroupProposalFactory,
    set_redaction_status,
)
from tests.factories import (
    ActionFactory,
    ActionLineFactory,
    CoherenceItemFactory,
    DataSourceFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InvestmentAmountFactory,
    InvestmentItemFactory,
    MunicipalityFactory,
    PriorityFactory,
    ProgrammeFactory,
    RedactionFactory,
    SituationSectionFactory,
    SteeringGroupFactory,
    SwotItemFactory,
    TaskFactory,
    UserFactory,
)
from tests.projects.factories import (
    ActivityFactory,
    FundingProgrammeFactory,
    NewsFactory,
    NewsPhotoFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProjectFactory,
)

# The one word that marks what residents must not see (drafts, unpublished, hidden).
SECRET = "Slepenmelnraksts"

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


class World(SimpleNamespace):
    """Both municipalities' records (short in a failing test's report)."""

    def __repr__(self):
        return "<world: municipalities A and B>"


@dataclass(repr=False)
class Side:
    """One municipality's records: `samples` maps each admin model to one of its objects."""

    municipality: pm.Municipality
    users: dict
    samples: dict = field(default_factory=dict)
    public: SimpleNamespace = field(default_factory=SimpleNamespace)
    hidden: SimpleNamespace = field(default_factory=SimpleNamespace)


def fill_redaction(redaction, words, data_source, amount):
    """One of every kind of content in `redaction`, titled with `words`, its amounts and
    values `amount` (so that each side's rows differ in every column); returns them."""
    section = SituationSectionFactory(
        redaction=redaction, title=f"Iedzīvotāji {words}", text=f"Situācija {words}."
    )
    section.data_sources.add(data_source)
    priority = PriorityFactory(redaction=redaction, code="VTP1", title=f"Prioritāte {words}")
    line = ActionLineFactory(priority=priority, code="RV1.1", title=f"Rīcības virziens {words}")
    task = TaskFactory(action_line=line, code="U1.1.1", title=f"Uzdevums {words}")
    item = InvestmentItemFactory(
        action_line=line, task=task, code="I1", title=f"Investīcija {words}"
    )
    indicator = IndicatorFactory(
        redaction=redaction, priority=priority, code="R1", name=f"Rādītājs {words}"
    )
    return {
        pm.SituationSection: section,
        pm.SwotItem: SwotItemFactory(redaction=redaction, text=f"Stiprā puse {words}"),
        pm.CoherenceItem: CoherenceItemFactory(redaction=redaction, document=f"Plāns {words}"),
        pm.Priority: priority,
        pm.ActionLine: line,
        pm.Task: task,
        pm.Action: ActionFactory(task=task, code="R1", title=f"Rīcība {words}"),
        pm.InvestmentItem: item,
        pm.InvestmentAmount: [
            InvestmentAmountFactory(item=item, year=year, amount=amount)
            for year in (2022, 2023, 2024)
        ][0],
        pm.Indicator: indicator,
        pm.IndicatorValue: IndicatorValueFactory(indicator=indicator, year=2023, value=amount),
    }


def build_side(slug, name, amount, address):
    """Every kind of record of one municipality (see the module's docstring); `address`:
    where its planner's password was guessed from."""
    municipality = MunicipalityFactory(name=name, slug=slug)
    users = {
        "planner": UserFactory(username=f"planner-{slug}", municipality=municipality, role=PLANNER),
        "manager": UserFactory(
            username=f"manager-{slug}", municipality=municipality, role=PROJECT_MANAGER
        ),
        "admin": UserFactory(
            username=f"admin-{slug}", municipality=municipality, role=MUNICIPALITY_ADMIN
        ),
    }
    side = Side(municipality=municipality, users=users)
    # The municipality's own sources: one its redactions cite (frozen with the published
    # one), one nothing cites yet (what only its own planner may still edit).
    source = DataSourceFactory(
        code=f"AVOTS-{slug}", name=f"Pašvaldības aptauja {name}", municipality=municipality
    )
    new_source = DataSourceFactory(
        code="APTAUJA-2026", name=f"Uzņēmēju aptauja {name}", municipality=municipality
    )

    # The programme: redaction 1 in public discussion, redaction 2 a draft.
    programme = ProgrammeFactory(
        municipality=municipality, slug=f"ap-{slug}", title=f"Attīstības programma {name}"
    )
    published = RedactionFactory(
        programme=programme, number=1, label="1. redakcija", document=pdf(f"ap-{slug}-1.pdf")
    )
    published_content = fill_redaction(published, f"{name} publiskā", source, amount)
    set_redaction_status(published, pm.Redaction.Status.PUBLIC_DISCUSSION)
    draft = RedactionFactory(
        programme=programme,
        number=2,
        label=f"2. redakcija {SECRET}",
        vision=f"Vīzija {SECRET}",
        document=pdf(f"ap-{slug}-2-{SECRET}.pdf"),
    )
    draft_content = fill_redaction(draft, f"{name} {SECRET}", source, amount)

    steering_group = SteeringGroupFactory(programme=programme)
    discussion = PublicDiscussionFactory(redaction=published, slug=f"apspriesana-{slug}")
    proposal = ProposalFactory(discussion=discussion, number=1, text=f"Priekšlikums {name}.")
    hidden_proposal = ProposalFactory(
        discussion=discussion,
        number=2,
        text=f"Aizskarošs {SECRET} priekšlikums.",
        author_name=f"Autors {SECRET}",
        is_published=False,
        hidden_reason="Aizskarošs",
    )
    # A discussion prepared in advance for the draft (not reachable until it is opened).
    draft_discussion = cm.PublicDiscussion.objects.create(
        redaction=draft,
        slug=f"apspriesana-{slug}-{SECRET.lower()}",
        opens_at=timezone.now() - datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=30),
        introduction=f"Ievads {SECRET}",
    )

    # A second programme whose approved redaction's discussion closed: its report is public.
    closed_programme = ProgrammeFactory(
        municipality=municipality, slug=f"iap-{slug}", title=f"Integrētā programma {name}"
    )
    approved = RedactionFactory(programme=closed_programme, number=1)
    PriorityFactory(redaction=approved, code="VTP1", title=f"Apstiprināta prioritāte {name}")
    closed = PublicDiscussionFactory(
        redaction=approved,
        slug=f"slegta-{slug}",
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    set_redaction_status(approved, pm.Redaction.Status.PUBLIC_DISCUSSION)
    report_proposal = ProposalFactory(
        discussion=closed,
        number=1,
        text=f"Atskaites priekšlikums {name}.",
        received_at=closed.opens_at + datetime.timedelta(days=1),
    )
    ProposalFactory(
        discussion=closed,
        number=2,
        text=f"Slēpts {SECRET} priekšlikums atskaitē.",
        received_at=closed.opens_at + datetime.timedelta(days=2),
        is_published=False,
        hidden_reason="Personas dati",
    )
    pm.Redaction.objects.filter(pk=approved.pk).set_status_for_tests(
        pm.Redaction.Status.APPROVED, decision_number="12", decision_date=datetime.date(2024, 5, 30)
    )
    approved.refresh_from_db()

    working_group = WorkingGroupFactory(programme=programme, name=f"Uzņēmēju grupa {name}")
    WorkingGroupMeetingFactory(group=working_group)
    WorkingGroupProposalFactory(group=working_group)

    # Projects: a published one with its decision, partner and activity; an unpublished one.
    decision = CouncilDecision.objects.create(
        municipality=municipality,
        number="7",
        date=datetime.date(2013, 3, 14),
        title=f"Par dalību projektā ({name})",
    )
    own_organisation = OrganisationFactory(
        name=f"{name} pašvaldība", municipality=municipality, country="LV"
    )
    partner = OrganisationFactory(name=f"Partneris {name}", country="EE")
    project = ProjectFactory(
        title=f"Projekts {name}",
        slug=f"projekts-{slug}",
        municipality=municipality,
        managers=[users["manager"]],
        council_decision=decision,
    )
    PartnershipFactory(project=project, organisation=own_organisation, role="lead")
    partnership = PartnershipFactory(project=project, organisation=partner)
    hidden_project = ProjectFactory(
        title=f"Projekts {SECRET} {name}",
        slug=f"projekts-{slug}-{SECRET.lower()}",
        municipality=municipality,
        managers=[users["manager"]],
        is_published=False,
    )
    # Its partner's country (Iceland) appears in no published project.
    PartnershipFactory(
        project=hidden_project,
        organisation=OrganisationFactory(name=f"Partneris {SECRET} {name}", country="IS"),
    )

    news = NewsFactory(
        title=f"Ziņa {name}", slug=f"zina-{slug}", municipality=municipality, project=project
    )
    photo = NewsPhotoFactory(news=news)
    # Both about the published project: its page and feed must leave them out too.
    hidden_news = NewsFactory(
        title=f"Ziņa {SECRET} {name}",
        slug=f"zina-{slug}-{SECRET.lower()}",
        municipality=municipality,
        project=project,
        programme=programme,
        is_published=False,
    )
    hidden_photo = NewsPhotoFactory(news=hidden_news, alt_text=f"Foto {SECRET}")
    future_news = NewsFactory(
        title=f"Nākotnes ziņa {SECRET} {name}",
        slug=f"nakotne-{slug}-{SECRET.lower()}",
        municipality=municipality,
        project=project,
        published_at=timezone.now() + datetime.timedelta(days=7),
    )

    subscription = cm.Subscription.objects.create(
        municipality=municipality,
        email=f"iedzivotajs@{slug}.example.lv",
        token=f"token-{slug}",
        confirmed_at=timezone.now(),
    )

    # Yearly monitoring reports: the approved programme's 2024 one published, a draft of
    # the first programme's 2025 one (only its planners may preview it).
    public_report = services.generate_report(
        report=pm.MonitoringReport.objects.create(programme=closed_programme, year=2024)
    )
    public_report = services.publish_report(report=public_report)
    draft_report = services.generate_report(
        report=pm.MonitoringReport.objects.create(
            programme=programme,
            year=2025,
            title=f"Pārskats {SECRET} {name}",
            introduction=f"Ievads {SECRET}",
        )
    )

    login_records = record_logins(users["planner"], address=address)

    side.samples = {
        **login_records,
        DBTaskResult: queued_announcement(discussion),
        pm.Municipality: municipality,
        pm.StaffProfile: users["planner"].staff_profile,
        pm.DataSource: new_source,
        pm.DevelopmentProgramme: programme,
        pm.SteeringGroup: steering_group,
        pm.SteeringGroupMember: steering_group.members.create(name=f"Vadītājs {name}"),
        pm.SteeringGroupMeeting: steering_group.meetings.create(
            number=1, date=datetime.date(2013, 1, 10)
        ),
        # The draft: what the other municipality could change if anything let it through.
        pm.Redaction: draft,
        **draft_content,
        pm.MonitoringReport: draft_report,
        get_user_model(): users["planner"],
        Organisation: own_organisation,
        CouncilDecision: decision,
        Project: project,
        Partnership: partnership,
        Activity: ActivityFactory(project=project),
        cm.WorkingGroup: working_group,
        cm.Event: EventFactory(programme=programme, title=f"Seminārs {name}"),
        cm.Survey: SurveyFactory(programme=programme, title=f"Aptauja {name}"),
        cm.PublicDiscussion: discussion,
        cm.Proposal: proposal,
        cm.Subscription: subscription,
        News: news,
        NewsPhoto: photo,
    }
    side.public = SimpleNamespace(
        programme=programme,
        redaction=published,
        content=published_content,
        discussion=discussion,
        proposal=proposal,
        closed_programme=closed_programme,
        approved=approved,
        closed_discussion=closed,
        report_proposal=report_proposal,
        project=project,
        news=news,
        photo=photo,
        report=public_report,
    )
    side.hidden = SimpleNamespace(
        redaction=draft,
        content=draft_content,
        proposal=hidden_proposal,
        discussion=draft_discussion,
        project=hidden_project,
        news=hidden_news,
        photo=hidden_photo,
        future_news=future_news,
        report=draft_report,
    )
    return side


def queued_announcement(discussion):
    """What the task queue (django-tasks' database backend) keeps of the e-mail fan-out a
    discussion's opening enqueued: seen by superusers only, changed by nobody."""
    return DBTaskResult.objects.create(
        task_path="consultations.tasks.announce_discussion",
        args_kwargs={"args": [discussion.pk], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )


def record_logins(user, *, address):
    """What django-axes writes when `user` is locked out after five wrong passwords from
    `address` (and had logged in before): the rows a superuser deletes to lift a lockout."""
    seen = {
        "username": user.username,
        "ip_address": address,
        "user_agent": "Mozilla/5.0 (minētājs)",
        "http_accept": "text/html",
        "path_info": "/lv/admin/login/",
    }
    return {
        AccessLog: AccessLog.objects.create(**seen),
        AccessAttempt: AccessAttempt.objects.create(
            **seen,
            get_data="",
            post_data=f"username={user.username}\npassword=********",
            failures_since_start=5,
        ),
        AccessFailureLog: AccessFailureLog.objects.create(**seen, locked_out=True),
    }


def build_world():
    """Municipality A (where the tests' staff work) and B (the other one), a superuser,
    the role groups, and the shared records: a funding programme, a national data source."""
    from portal.roles import ensure_role_groups

    ensure_role_groups()
    superuser = UserFactory(username="root-security", is_superuser=True)
    funding = FundingProgrammeFactory()
    a = build_side("alfa", "Alfas novads", Decimal("150"), "192.0.2.10")
    b = build_side("beta", "Betas novads", Decimal("170"), "198.51.100.20")
    for side in (a, b):
        # Shared by every municipality: the same record on both sides.
        side.samples[Group] = Group.objects.get(name=PLANNER)
        side.samples[FundingProgramme] = funding
    return World(a=a, b=b, superuser=superuser)
