"""`{% panels "page.place" key=value … %}`: what higher apps show in a slot of this page.

Renders each panel registered in the slot (core/panels.py) in order, like an `{% include %}`
of its template with the page's context, the panel's own `context` and the tag's values.
A slot no app declares is an error, so a misspelled name fails loudly, not silently empty.
"""

from django import template
from django.utils.safestring import mark_safe

from core.panels import registry_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot, **values):
    try:
        registry = registry_for(slot)
    except LookupError as exc:
        raise template.TemplateSyntaxError(str(exc)) from exc
    rendered = []
    for panel in registry.in_slot(slot):
        shown = context.template.engine.get_template(panel.template)
        own = panel.context() if panel.context else {}
        with context.push({**own, **values}):
            rendered.append(shown.render(context))
    return mark_safe("".join(rendered))  # each part rendered (and escaped) by its template
