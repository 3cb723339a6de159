"""core.widgets.LongSelect writes Django's own <select> markup, only faster."""

import re

from django import forms

from core.widgets import LongSelect

CHOICES = [
    ("", "— the whole redaction —"),
    ("Prioritātes", [("priority:1", "VTP1 Izglītība & <kultūra>"), ("priority:2", 'VTP2 "Ceļi"')]),
    ("Rīcības virzieni", [("action_line:7", "RV1.1 Skolas")]),
]


def _tags(html):
    """The markup without the whitespace between tags, which Django's template adds."""
    return re.sub(r">\s+<", "><", html.strip())


def _rendered(widget, value, attrs):
    field = forms.ChoiceField(choices=CHOICES, widget=widget, required=False)
    field.widget.choices = field.choices
    return str(field.widget.render("part", value, attrs=attrs))


def test_long_select_writes_what_djangos_select_writes():
    for value, attrs in [
        ("", {"id": "id_part"}),
        ("priority:2", {"id": "id_part", "aria-describedby": "id_part_helptext", "required": True}),
        ("action_line:7", {"id": "x", "disabled": False, "data-x": 'a"b'}),
    ]:
        expected = _rendered(forms.Select, value, attrs)
        assert _tags(_rendered(LongSelect, value, attrs)) == _tags(expected)


def test_long_select_escapes_labels_and_values():
    html = _rendered(LongSelect, "priority:2", {"id": "id_part"})
    assert "&lt;kultūra&gt;" in html and "&amp;" in html and "&quot;Ceļi&quot;" in html
    assert '<option value="priority:2" selected>' in html
