from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("", views.index, name="index"),
    path(
        "programmes/<slug:municipality>/<slug:programme>/events.ics",
        views.programme_events_ics,
        name="programme_events_ics",
    ),
    path("<slug:slug>/", views.discussion_detail, name="discussion"),
    path("<slug:slug>/report/", views.report, name="report"),
    path("<slug:slug>/report.csv", views.report_csv, name="report_csv"),
]
