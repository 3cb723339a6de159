"""The staff desk on the admin index (see portal.desk)."""

from django import template

from portal.desk import desk_for

register = template.Library()


@register.inclusion_tag("admin/includes/desk.html", takes_context=True)
def staff_desk(context):
    return {"desk": desk_for(context["request"].user)}
