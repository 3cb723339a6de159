from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.municipality_list, name="list"),
    path("<slug:municipality>/", views.municipality_detail, name="municipality"),
    path("<slug:municipality>/<slug:programme>/", views.programme_detail, name="programme"),
    path(
        "<slug:municipality>/<slug:programme>/redactions/<int:number>/",
        views.redaction_detail,
        name="redaction",
    ),
    path(
        "<slug:municipality>/<slug:programme>/redactions/<int:a>/compare/<int:b>/",
        views.redaction_compare,
        name="compare",
    ),
]
