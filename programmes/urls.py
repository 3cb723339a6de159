from django.urls import path, register_converter

from . import views
from .converters import RedactionNumberConverter

register_converter(RedactionNumberConverter, "redaction_number")

app_name = "programmes"

urlpatterns = [
    path("", views.municipality_list, name="list"),
    path("<slug:municipality>/", views.municipality_detail, name="municipality"),
    path("<slug:municipality>/<slug:programme>/", views.programme_detail, name="programme"),
    path(
        "<slug:municipality>/<slug:programme>/monitoring/",
        views.programme_monitoring,
        name="monitoring",
    ),
    path(
        "<slug:municipality>/<slug:programme>/reports/<int:year>/",
        views.report_detail,
        name="report",
    ),
    path(
        "<slug:municipality>/<slug:programme>/reports/<int:year>/report.pdf",
        views.report_pdf,
        name="report_pdf",
    ),
    path(
        "<slug:municipality>/<slug:programme>/reports/<int:year>/<slug:table>.csv",
        views.report_table_csv,
        name="report_csv",
    ),
    path(
        "<slug:municipality>/<slug:programme>/redactions/<redaction_number:number>/",
        views.redaction_detail,
        name="redaction",
    ),
    path(
        "<slug:municipality>/<slug:programme>/redactions/<redaction_number:number>/action-plan/",
        views.redaction_action_plan,
        name="redaction_action_plan",
    ),
    path(
        "<slug:municipality>/<slug:programme>/redactions/<redaction_number:number>/investment-plan/",
        views.redaction_investment_plan,
        name="redaction_investment_plan",
    ),
    path(
        "<slug:municipality>/<slug:programme>/redactions/<redaction_number:number>/<slug:table>.csv",
        views.redaction_table_csv,
        name="redaction_csv",
    ),
    path(
        "<slug:municipality>/<slug:programme>/redactions/<redaction_number:a>/compare/<redaction_number:b>/",
        views.redaction_compare,
        name="compare",
    ),
]
