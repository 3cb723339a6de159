"""The latest news panel of the home page."""

from django import template

from portal.models import News

register = template.Library()


@register.inclusion_tag("portal/includes/home_news.html")
def home_news(limit=3):
    """The newest published posts with their photos: two queries."""
    return {"news": list(News.objects.for_list()[:limit])}
