from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.ratelimit import client_address
from core.spreadsheets import csv_download, csv_streaming_download
from programmes.models import DevelopmentProgramme, Municipality

from . import selectors, services
from .calendar import events_calendar
from .forms import HONEYPOT_FIELD, ProposalFilterForm, ProposalForm, SubscriptionForm
from .models import PROPOSAL_MAX_LENGTH, Event, PublicDiscussion, Subscription


@require_safe
def index(request):
    """Consultations of every municipality or of the one chosen (`?municipality=`), with
    past discussions and working groups a page at a time (`?discussions=`, `?groups=`)."""
    try:
        context = selectors.consultations_page(
            municipality=request.GET.get("municipality") or None,
            discussions_page=selectors.page_number(request.GET.get("discussions")),
            groups_page=selectors.page_number(request.GET.get("groups")),
        )
    except selectors.UnknownMunicipality as exc:
        raise Http404 from exc
    context["crumbs"] = [(None, _("Consultations"))]
    return render(request, "consultations/index.html", context)


@require_safe
def past_events(request):
    """Every past event, newest first, a page at a time (the index shows the latest only)."""
    page = Paginator(selectors.past_events(), selectors.PAST_EVENTS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "consultations/past_events.html",
        {
            "page": page,
            "crumbs": [
                (reverse("consultations:index"), _("Consultations")),
                (None, _("Past events")),
            ],
        },
    )


def _crumbs(discussion, *more):
    crumbs = [
        (reverse("consultations:index"), _("Consultations")),
        (
            discussion.get_absolute_url() if more else None,
            discussion.redaction.programme.title,
        ),
    ]
    return crumbs + list(more)


def _get_discussion(slug):
    try:
        return selectors.discussion_page(slug)
    except PublicDiscussion.DoesNotExist as exc:
        raise Http404 from exc


@require_http_methods(["GET", "HEAD", "POST"])
def discussion_detail(request, slug):
    discussion = _get_discussion(slug)
    now = timezone.now()
    is_open = discussion.is_open(now)
    status = 200
    form = None
    refusal = None
    unsent_text = ""
    if request.method == "POST" and not is_open:
        # Before the open time and after the close time there is no form; a direct POST
        # (or a form sent a minute too late) gets a clear refusal and its text back.
        refusal = services.discussion_refusal(discussion, now).message
        unsent_text = request.POST.get("text", "").strip()[: PROPOSAL_MAX_LENGTH + 100]
        status = 403
    elif request.method == "POST":
        form = ProposalForm(request.POST, redaction=discussion.redaction)
        address = client_address(request)
        if form.is_valid():
            proposal = form.save(commit=False)
            proposal.language = get_language() or "lv"
            try:
                services.submit_proposal(
                    discussion=discussion,
                    proposal=proposal,
                    address=address,
                    base_url=request.build_absolute_uri("/"),
                    now=now,
                )
            except ValidationError as error:
                status = _show_refusal(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you: your proposal No. %(number)s is registered. "
                        "We sent a confirmation to your e-mail address."
                    )
                    % {"number": proposal.number},
                )
                return redirect(discussion)
        else:
            if form.is_robot:
                # A robot that keeps trying runs into the rate limit too.
                services.count_submission(address)
            status = 400
    elif is_open:
        # "Submit a proposal about RV1.2" on the redaction page preselects that part.
        form = ProposalForm(
            redaction=discussion.redaction, initial={"part": request.GET.get("part", "")}
        )
    proposal_count = discussion.proposals.published().count()
    return render(
        request,
        "consultations/discussion_detail.html",
        {
            "discussion": discussion,
            "redaction": discussion.redaction,
            "programme": discussion.redaction.programme,
            "form": form,
            "is_open": is_open,
            "is_closed": discussion.is_closed(now),
            "refusal": refusal,
            "unsent_text": unsent_text,
            "proposal_count": proposal_count,
            "events": selectors.discussion_events(discussion),
            "honeypot_field": HONEYPOT_FIELD,
            "now": now,
            "crumbs": _crumbs(discussion),
        },
        status=status,
    )


def _show_refusal(form, error):
    """Put a service's refusal on the form the resident sees; the answer's status: 429 when
    the address is over its rate limit, else 400.

    A refusal is one message (closed, rate limited) or the model's own check by field
    (`full_clean()`): a field the form shows gets its message there, the rest (fields the
    resident never fills in) go above the form.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
    else:
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    return 429 if getattr(error, "code", None) == "rate_limited" else 400


def _closed_discussion_or_404(slug):
    discussion = _get_discussion(slug)
    if not discussion.is_closed():
        raise Http404
    return discussion


def _proposal_page(request, proposals, *, count=None):
    """One page of `proposals` (a queryset); `count`, when the caller knows it, spares
    the paginator its count query."""
    paginator = Paginator(proposals, selectors.PROPOSALS_PAGE_SIZE)
    if count is not None:
        paginator.count = count  # a cached property: set, it is not queried
    return paginator.get_page(request.GET.get("page"))


@require_safe
def proposals(request, slug):
    """A discussion's published proposals with their answers, a page at a time, filtered
    by the part of the redaction and by the answer: the redaction page links here from
    each part. Open while the discussion runs too (the proposals so far)."""
    discussion = _get_discussion(slug)
    form = ProposalFilterForm(request.GET, redaction=discussion.redaction)
    filters = form.filters()
    page = _proposal_page(request, selectors.filtered_proposals(discussion, **filters))
    return render(
        request,
        "consultations/proposals.html",
        {
            "discussion": discussion,
            "redaction": discussion.redaction,
            "programme": discussion.redaction.programme,
            "filter_form": form,
            "filtered": any(filters.values()),
            "page": page,
            "is_closed": discussion.is_closed(),
            "crumbs": _crumbs(discussion, (None, _("Proposals and answers"))),
        },
    )


@require_safe
def report(request, slug):
    """The report after the discussion: counts by answer and every published proposal,
    a page at a time (the whole of it is the CSV). Four queries whatever the size."""
    discussion = _get_discussion(slug)
    if not discussion.is_closed():
        messages.info(request, _("The report is published after the discussion closes."))
        return redirect(discussion)
    counts = selectors.answer_counts(discussion)
    total = sum(item.count for item in counts)
    page = _proposal_page(request, selectors.filtered_proposals(discussion), count=total)
    return render(
        request,
        "consultations/report.html",
        {
            "discussion": discussion,
            "redaction": discussion.redaction,
            "programme": discussion.redaction.programme,
            "page": page,
            "published_count": total,
            "answer_counts": counts,
            "hidden_count": selectors.hidden_proposal_count(discussion),
            "crumbs": _crumbs(discussion, (None, _("Report"))),
        },
    )


def _csv_name(discussion, name):
    return f"{discussion.slug}-{name}.csv"


@require_safe
def report_csv(request, slug):
    """Every published proposal, streamed from the database (core/spreadsheets.py's
    dialect): the first bytes leave before the last rows are read."""
    discussion = _closed_discussion_or_404(slug)
    headers = [
        _("No."),
        _("Received"),
        _("Part of the redaction"),
        _("Proposal"),
        _("Answer"),
        _("Justification"),
    ]
    return csv_streaming_download(
        _csv_name(discussion, pgettext("CSV file name, ASCII only", "report")),
        headers,
        selectors.report_rows(discussion),
    )


@require_safe
def report_counts_csv(request, slug):
    """Counts of published proposals by answer, a table of its own next to the proposals.

    Kept apart so that each file stays one clean table for open-data use: one row per
    proposal there, one row per answer here, no summary rows mixed into either.
    """
    discussion = _closed_discussion_or_404(slug)
    counts = selectors.answer_counts(discussion)
    response, writer = csv_download(
        _csv_name(discussion, pgettext("CSV file name, ASCII only", "counts-by-answer"))
    )
    writer.writerow([_("Answer"), _("Proposals")])
    for item in counts:
        writer.writerow([item.label, item.count])
    return response


def _calendar_response(request, events, name, filename):
    body = events_calendar(
        events, name=name, host=request.get_host(), absolute_url=request.build_absolute_uri
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def events_ics(request):
    """The portal-wide calendar: recent and coming events (the rest are in each
    municipality's and programme's calendar)."""
    return _calendar_response(
        request, selectors.events_feed(), _("Consultation events"), "events.ics"
    )


@require_safe
def municipality_events_ics(request, municipality):
    """Every consultation event of one municipality, past and coming."""
    municipality = get_object_or_404(Municipality, slug=municipality)
    events = Event.objects.for_listing().filter(municipality=municipality).order_by("starts_at")
    return _calendar_response(request, events, municipality.name, f"{municipality.slug}-events.ics")


@require_safe
def programme_events_ics(request, municipality, programme):
    programme = get_object_or_404(
        DevelopmentProgramme.objects.select_related("municipality"),
        municipality__slug=municipality,
        slug=programme,
    )
    events = Event.objects.for_listing().filter(programme=programme).order_by("starts_at")
    return _calendar_response(
        request, events, programme.title, f"{municipality}-{programme.slug}-events.ics"
    )


# --- e-mail subscriptions --------------------------------------------------------------


def _subscription_crumbs(title):
    return [(reverse("consultations:index"), _("Consultations")), (None, title)]


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """Ask to be told by e-mail when a municipality announces a public discussion."""
    status = 200
    if request.method == "POST":
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            try:
                services.subscribe(
                    email=form.cleaned_data["email"],
                    municipality=form.cleaned_data["municipality"],
                    language=get_language() or "lv",
                    address=client_address(request),
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                status = _show_refusal(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Almost done: we sent a link to %(email)s. Open it to confirm, and we "
                        "will write when a public discussion is announced."
                    )
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("consultations:index")
        else:
            status = 400
    else:
        form = SubscriptionForm(initial={"municipality": request.GET.get("municipality")})
    title = _("Public discussions by e-mail")
    return render(
        request,
        "consultations/subscribe.html",
        {"form": form, "title": title, "crumbs": _subscription_crumbs(title)},
        status=status,
    )


def _subscription_step(request, token, *, action, title, question, button):
    """A page with one button: links in e-mails are opened by mail scanners too, so only
    the resident's POST confirms or unsubscribes. `question` is a text with %(email)s and
    %(municipality)s."""
    subscription = get_object_or_404(
        Subscription.objects.select_related("municipality"), token=token
    )
    if request.method == "POST":
        return action(subscription)
    context = {
        "title": title,
        "question": question
        % {"email": subscription.email, "municipality": subscription.municipality.name},
        "button": button,
        "crumbs": _subscription_crumbs(title),
    }
    return render(request, "consultations/subscription_step.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def subscription_confirm(request, token):
    def confirm(subscription):
        services.confirm_subscription(token=subscription.token)
        messages.success(
            request,
            _(
                "Confirmed: we will write to you when %(municipality)s announces a public "
                "discussion."
            )
            % {"municipality": subscription.municipality.name},
        )
        return redirect("consultations:index")

    return _subscription_step(
        request,
        token,
        action=confirm,
        title=_("Confirm the subscription"),
        question=_(
            "Confirm that %(email)s should be told when %(municipality)s announces a public "
            "discussion."
        ),
        button=_("Confirm"),
    )


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    def remove(subscription):
        services.unsubscribe(token=subscription.token)
        messages.success(
            request, _("Unsubscribed: your e-mail address has been deleted from the portal.")
        )
        return redirect("consultations:index")

    return _subscription_step(
        request,
        token,
        action=remove,
        title=_("Unsubscribe"),
        question=_(
            "Stop telling %(email)s about the public discussions of %(municipality)s and "
            "delete the address from the portal."
        ),
        button=_("Unsubscribe"),
    )
