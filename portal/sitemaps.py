"""sitemap.xml: every public page, in both languages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from consultations.models import PublicDiscussion
from programmes.models import DevelopmentProgramme, Municipality, Redaction
from projects.models import Project

from .models import News


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(PortalSitemap):
    priority = 0.8
    changefreq = "daily"

    def items(self):
        return ["home", "programmes:list", "projects:list", "consultations:index", "news:list"]

    def location(self, item):
        return reverse(item)


class MunicipalitySitemap(PortalSitemap):
    def items(self):
        return Municipality.objects.order_by("pk")


class ProgrammeSitemap(PortalSitemap):
    def items(self):
        return DevelopmentProgramme.objects.select_related("municipality").order_by("pk")


class MonitoringSitemap(ProgrammeSitemap):
    def location(self, programme):
        return reverse("programmes:monitoring", args=[programme.municipality.slug, programme.slug])


class RedactionSitemap(PortalSitemap):
    def items(self):
        return (
            Redaction.objects.published().select_related("programme__municipality").order_by("pk")
        )

    def lastmod(self, redaction):
        return redaction.status_changed_at


class ProjectSitemap(PortalSitemap):
    def items(self):
        return Project.objects.published().order_by("pk")

    def lastmod(self, project):
        return project.updated_at


class NewsSitemap(PortalSitemap):
    def items(self):
        return News.objects.published().order_by("pk")

    def lastmod(self, post):
        return post.updated_at


class DiscussionSitemap(PortalSitemap):
    def items(self):
        return PublicDiscussion.objects.published().order_by("pk")


SITEMAPS = {
    "sections": SectionSitemap,
    "municipalities": MunicipalitySitemap,
    "programmes": ProgrammeSitemap,
    "monitoring": MonitoringSitemap,
    "redactions": RedactionSitemap,
    "projects": ProjectSitemap,
    "news": NewsSitemap,
    "discussions": DiscussionSitemap,
}
