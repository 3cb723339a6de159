"""`/api/v1/`: the read API and its OpenAPI document."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"


class Router(DefaultRouter):
    APIRootView = views.ApiRoot
    include_format_suffixes = False


router = Router()
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("redactions", views.RedactionViewSet, basename="redaction")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("news", views.NewsViewSet, basename="news")
router.register("working-groups", views.WorkingGroupViewSet, basename="working-group")
router.register("events", views.EventViewSet, basename="event")
router.register("discussions", views.DiscussionViewSet, basename="discussion")


class OpenApiDocument(views.OpenData, SpectacularJSONAPIView):
    """The OpenAPI 3 document of this API."""


urlpatterns = [
    path("openapi.json", OpenApiDocument.as_view(), name="openapi"),
    *router.urls,
]
