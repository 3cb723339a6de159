from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("", views.index, name="index"),
    # Two segments: no discussion's address (one segment) can take it.
    path("events/past/", views.past_events, name="past_events"),
    path("subscriptions/new/", views.subscribe, name="subscribe"),
    path(
        "subscriptions/<slug:token>/confirm/",
        views.subscription_confirm,
        name="subscription_confirm",
    ),
    path("subscriptions/<slug:token>/unsubscribe/", views.unsubscribe, name="unsubscribe"),
    path(
        "programmes/<slug:municipality>/<slug:programme>/events.ics",
        views.programme_events_ics,
        name="programme_events_ics",
    ),
    path(
        "municipalities/<slug:municipality>/events.ics",
        views.municipality_events_ics,
        name="municipality_events_ics",
    ),
    path("<slug:slug>/", views.discussion_detail, name="discussion"),
    path("<slug:slug>/proposals/", views.proposals, name="proposals"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/report.csv", views.report_csv, name="report_csv"),
    path("<slug:slug>/report-counts.csv", views.report_counts_csv, name="report_counts_csv"),
]
