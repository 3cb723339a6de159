"""Admin forms as a browser sends them: read from the page as it was rendered."""

from html.parser import HTMLParser


class FormData(HTMLParser):
    """The fields a browser would send from the admin change form, as it was rendered."""

    def __init__(self, form):
        """`form`: the form's id, or a test of its attributes."""
        super().__init__()
        self.matches = form if callable(form) else (lambda attrs: attrs.get("id") == form)
        self.inside = False
        self.data = {}
        self.select = None
        self.textarea = None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.matches(attrs) and not self.data
            return
        if tag == "option" and self.inside and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
            return
        if not self.inside or "name" not in attrs or "disabled" in attrs:
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "textarea":
            self.textarea = name
            self.add(name, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data


def change_form_post(client, url):
    """What "Save" on the admin change form at `url` sends when nothing was touched
    (the form, its inlines and their management forms, with no new file chosen)."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    model_name = response.context["opts"].model_name
    parser = FormData(f"{model_name}_form")
    parser.feed(response.text)
    data = {name: values if len(values) != 1 else values[0] for name, values in parser.data.items()}
    data["_save"] = "Save"
    return data
