"""Workflows across several programmes records: redaction status changes and the deep copy.

Every function is keyword-only and runs in one transaction, so a refusal or an error
leaves the database as it was. Refusals are `ValidationError`s carrying translated
messages that admin (and other apps) show to the user as they are.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from .models import (
    Action,
    ActionLine,
    CoherenceItem,
    Indicator,
    IndicatorValue,
    InvestmentAmount,
    InvestmentItem,
    MonitoringReport,
    MonitoringReportSection,
    Priority,
    Redaction,
    ReportFrozen,
    SituationSection,
    SwotItem,
    Task,
)

Status = Redaction.Status

# target status -> the statuses a planner may move a redaction to it from: the model's
# rules (`Redaction.STATUS_TRANSITIONS`, held by save() and update() too) less superseding,
# which only approving a later redaction does.
ALLOWED_TRANSITIONS = {
    target: sources
    for target, sources in Redaction.STATUS_TRANSITIONS.items()
    if target != Status.SUPERSEDED
}

MIN_INVESTMENT_YEARS = 3


def _editable(redaction, user, *, lock=True):
    """The redaction re-read, under a row lock (`lock`) so two requests cannot race on its
    status; refused unless `user` may edit it (`Redaction.objects.editable_by`; None: the
    system)."""
    redactions = Redaction.objects if user is None else Redaction.objects.editable_by(user)
    if lock:
        redactions = redactions.select_for_update()
    found = redactions.select_related("programme").filter(pk=redaction.pk).first()
    if found is None:
        raise PermissionDenied(_("You cannot change redactions of this municipality."))
    return found


def redaction_problems(redaction, target_status):
    """What stops `redaction` from moving to `target_status`, as translated messages.

    An empty list means the change is allowed. Allowed moves: draft → public discussion,
    public discussion → approved, and any published status → withdrawn. Public discussion
    needs a vision and a priority with an action line; approval additionally needs an
    action, an investment plan spread over at least three years and the council decision
    (number and date) entered on the redaction.
    """
    problems = []
    current = redaction.status
    if current not in ALLOWED_TRANSITIONS.get(target_status, set()):
        problems.append(
            _("A redaction in status “%(current)s” cannot be moved to “%(target)s”.")
            % {"current": Status(current).label, "target": Status(target_status).label}
        )
        return problems
    if target_status in (Status.PUBLIC_DISCUSSION, Status.APPROVED):
        if not (redaction.vision or "").strip():
            problems.append(_("The redaction has no vision."))
        has_line = ActionLine.objects.filter(priority__redaction=redaction).exists()
        if not has_line:
            problems.append(
                _("The redaction needs at least one medium-term priority with an action line.")
            )
    if target_status == Status.APPROVED:
        years = (
            InvestmentAmount.objects.in_redaction(redaction)
            .values_list("year", flat=True)
            .distinct()
            .count()
        )
        if years < MIN_INVESTMENT_YEARS:
            problems.append(
                _("The investment plan must cover at least %(minimum)s years; it covers %(years)s.")
                % {"minimum": MIN_INVESTMENT_YEARS, "years": years}
            )
        if not Action.objects.in_redaction(redaction).exists():
            problems.append(_("The action plan has no actions."))
    problems += Redaction.status_move_problems(
        current,
        target_status,
        decision_number=redaction.decision_number,
        decision_date=redaction.decision_date,
    )
    return problems


def _change_status(redaction, target_status, user):
    problems = redaction_problems(redaction, target_status)
    if problems:
        raise ValidationError(problems, code="status")
    redaction.status = target_status
    redaction.status_changed_at = timezone.now()
    if redaction.published_on is None and target_status != Status.WITHDRAWN:
        redaction.published_on = timezone.localdate()
    if user is not None and user.is_authenticated:
        redaction._history_user = user


def _save(redaction):
    redaction.full_clean(exclude=["document"])
    redaction.save()
    return redaction


def _move(redaction, target_status, user):
    """The status move every workflow step makes: the redaction re-read under a lock,
    refused unless `user` may edit it or while `redaction_problems` names anything, then
    stamped and saved. (Approval records the council decision on top of it.)"""
    redaction = _editable(redaction, user)
    _change_status(redaction, target_status, user)
    return _save(redaction)


@transaction.atomic
def open_public_discussion(*, redaction, user):
    """Publish a draft redaction for public discussion; its content freezes from now on."""
    return _move(redaction, Status.PUBLIC_DISCUSSION, user)


@transaction.atomic
def approve_redaction(
    *, redaction, user, decision_number="", decision_date=None, decision_protocol=""
):
    """Approve a redaction that was in public discussion, recording the council decision.

    The decision's number, date and protocol are those given here, else those entered on
    the redaction while it was a draft; without a number and a date, approval is refused.
    This is the one moment the decision is written on a redaction that left draft: from
    then on it is part of the frozen official record. The programme's previously approved
    redaction, if any, becomes superseded first, so that at most one redaction of a
    programme is approved at any time; so do earlier redactions still in public discussion
    (the approved one replaces them).
    """
    redaction = _editable(redaction, user)
    if decision_number:
        redaction.decision_number = decision_number
    if decision_date:
        redaction.decision_date = decision_date
    if decision_protocol:
        redaction.decision_protocol = decision_protocol
    _change_status(redaction, Status.APPROVED, user)
    previous = (
        Redaction.objects.select_for_update()
        .filter(programme_id=redaction.programme_id)
        .filter(
            Q(status=Status.APPROVED)
            | Q(status=Status.PUBLIC_DISCUSSION, number__lt=redaction.number)
        )
        .exclude(pk=redaction.pk)
    )
    now = timezone.now()
    for old in previous:
        old.status = Status.SUPERSEDED
        old.status_changed_at = now
        if user is not None and user.is_authenticated:
            old._history_user = user
        old.save(update_fields=["status", "status_changed_at"])
    return _save(redaction)


@transaction.atomic
def withdraw_redaction(*, redaction, user):
    """Withdraw a published redaction (it stays readable, marked as withdrawn)."""
    return _move(redaction, Status.WITHDRAWN, user)


# The deep copy of a redaction's content, in order: each model after the ones its
# references point to. (model, {reference: the model it points to}): every foreign key to
# the redaction or to other content is repointed to the copy of what it pointed to. A new
# content model, or a new reference between content, must be added here:
# tests/programmes/test_copy_plan.py holds this table against the content models.
COPY_PLAN = [
    (SituationSection, {"redaction": Redaction}),
    (SwotItem, {"redaction": Redaction}),
    (CoherenceItem, {"redaction": Redaction}),
    (Priority, {"redaction": Redaction}),
    (ActionLine, {"priority": Priority}),
    (Task, {"action_line": ActionLine}),
    (Action, {"task": Task}),
    (InvestmentItem, {"action_line": ActionLine, "task": Task}),
    (InvestmentAmount, {"item": InvestmentItem}),
    (Indicator, {"redaction": Redaction, "priority": Priority}),
    (IndicatorValue, {"indicator": Indicator}),
]


def _repoint(model, references, maps):
    """`remap` for `_copy_all`: each reference of a copy points to the copy of its
    original's target (`maps`: {model: {original pk: copy pk}}); an optional reference
    left empty stays empty."""
    fields = [model._meta.get_field(name) for name in references]

    def remap(original):
        changes = {}
        for field in fields:
            target = maps[references[field.name]]
            value = getattr(original, field.attname)
            changes[field.attname] = target.get(value) if field.null else target[value]
        return changes

    return remap


def _copy_many_to_many(model, copied):
    """Give the copies (`copied`: {original pk: copy pk}) the many-to-many links of their
    originals (a section's data sources): the linked objects are shared, not copied."""
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            through(**{own: copied[getattr(row, own)], other: getattr(row, other)})
            for row in through.objects.filter(**{f"{own}__in": copied})
        )


def _clone(original, **changes):
    """An unsaved copy of `original` with its lineage set and `changes` applied."""
    model = type(original)
    values = {
        field.attname: getattr(original, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
    }
    values.update(changes)
    values["copied_from_id"] = original.pk
    return model(**values)


def _copy_all(model, originals, user, remap):
    """Bulk-create copies of `originals`; `remap(original)` gives the changed fields.

    Returns {original pk: copy pk}. History rows are created with the copies, attributed
    to `user`.
    """
    originals = list(originals)
    if not originals:
        return {}
    copies = [_clone(original, **remap(original)) for original in originals]
    history_user = user if user is not None and user.is_authenticated else None
    created = bulk_create_with_history(copies, model, default_user=history_user)
    return {original.pk: copy.pk for original, copy in zip(originals, created, strict=True)}


@transaction.atomic
def start_next_redaction(*, redaction, user):
    """Start a new draft redaction of the same programme as a deep copy of `redaction`.

    Everything in it is copied as `COPY_PLAN` says — situation sections (with their data
    sources), SWOT and coherence items, priorities, action lines, tasks, actions,
    investment items and amounts, indicators and their values — and every copy points to
    its original through `copied_from`, the lineage the comparison of redactions pairs
    items by. The new redaction gets the next free number and starts as a draft.

    A programme has one draft at a time: while one is open, a second copy would be edited
    apart from it and lack its changes, so starting another is refused, naming the draft
    to continue.
    """
    source = _editable(redaction, user, lock=False)
    # Lock the programme's redactions so two copies cannot take the same number, nor two
    # requests both start a draft.
    siblings = list(
        Redaction.objects.select_for_update()
        .filter(programme_id=source.programme_id)
        .only("number", "label", "status")
    )
    draft = next((other for other in siblings if other.status == Status.DRAFT), None)
    if draft is not None:
        raise ValidationError(
            _(
                "The programme already has a draft redaction, “%(draft)s”: continue that "
                "one (a programme has one draft at a time)."
            )
            % {"draft": draft.display_label},
            code="one_draft",
        )
    next_number = max((other.number for other in siblings), default=0) + 1
    new = Redaction(
        programme_id=source.programme_id,
        number=next_number,
        status=Status.DRAFT,
        summary=source.summary,
        vision=source.vision,
        specialisation=source.specialisation,
        functional_links=source.functional_links,
        copied_from=source,
    )
    if user is not None and user.is_authenticated:
        new._history_user = user
    new.full_clean(exclude=["document"])
    new.save()

    maps = {Redaction: {source.pk: new.pk}}
    for model, references in COPY_PLAN:
        originals = model.objects.in_redaction(source).order_by("pk")
        maps[model] = _copy_all(model, originals, user, _repoint(model, references, maps))
        _copy_many_to_many(model, maps[model])
    return new


# --- the yearly monitoring report -----------------------------------------------------------


def _report_redaction(programme):
    """The redaction a report follows: the one in force, else the newest published."""
    published = list(programme.redactions.published())
    approved = [r for r in published if r.status == Status.APPROVED]
    if approved:
        return approved[0]
    return max(published, key=lambda r: r.number) if published else None


def default_report_title(programme, year):
    """The report's title in the site's first language: the report is a Latvian public
    document, whoever generates it and in whatever language."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Report on the implementation of %(programme)s in %(year)s") % {
            "programme": programme.title,
            "year": year,
        }


@transaction.atomic
def generate_report(*, report, user=None):
    """(Re)draw up a draft report's figures from the data: one section per registered
    `reports.ReportSection` (programmes' own and those other apps add), each section's
    tables replaced, its narrative kept. Refused for a published report (frozen)."""
    from .reports import SECTIONS  # reports builds on the selectors, which load late

    report = MonitoringReport.objects.select_for_update().get(pk=report.pk)
    if report.is_published:
        raise ReportFrozen()
    report.redaction = _report_redaction(report.programme)
    if not report.title:
        report.title = default_report_title(report.programme, report.year)
    report.generated_at = timezone.now()
    report.full_clean()
    report.save()
    existing = {section.key: section for section in report.sections.all()}
    keys = []
    for position, spec in enumerate(SECTIONS.all(), start=1):
        section = existing.get(spec.key) or MonitoringReportSection(report=report, key=spec.key)
        section.position = position
        section.heading = spec.heading
        section.tables = spec.build(report)
        section.save()
        keys.append(spec.key)
    report.sections.exclude(key__in=keys).delete()
    return report


@transaction.atomic
def publish_report(*, report, user=None):
    """Publish a draft report as it stands (its figures as last generated, its narratives):
    from then on it is frozen. A report never generated is generated first."""
    report = MonitoringReport.objects.select_for_update().get(pk=report.pk)
    if report.is_published:
        raise ReportFrozen()
    if report.generated_at is None:
        report = generate_report(report=report, user=user)
    report.status = MonitoringReport.Status.PUBLISHED
    report.published_at = timezone.now()
    report.save()
    return report
