"""The latest news panel of the home page."""

from django import template

register = template.Library()


@register.inclusion_tag("portal/includes/home_news.html")
def home_news():
    return {"news": []}
