"""Form widgets of the shared layer."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    """A <select> of many options written in Python, not through a template per option.

    Django renders every option through its own template: for a select of every part of a
    national programme's redaction (several hundred priorities, action lines and tasks)
    that was two thirds of the proposal form's page (about 45 ms). The markup is Django's
    own, option for option (tests/test_widgets.py holds it to that).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group, options, _index in widget["optgroups"]:
            if group:
                html.append(format_html('<optgroup label="{}">', group))
            html.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option["value"],
                    _attrs(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group:
                html.append("</optgroup>")
        html.append("</select>")
        return mark_safe("".join(html))  # every value escaped by format_html above


def _attrs(attrs):
    """The attributes as django/forms/widgets/attrs.html writes them: in their order, a
    true one by its name alone, a false one not at all."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )
