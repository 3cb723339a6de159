"""The site shell's template tags (base.html): the current page in another language."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page's address in another interface language (/lv/… ↔ /en/…)."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in ("lv", "en"):
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{language}/{rest}"
    return f"/{language}/"
