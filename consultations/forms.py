from collections import defaultdict

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.widgets import LongSelect
from programmes.models import ActionLine, Municipality, Priority, SituationSection, Task

from .models import PROPOSAL_MAX_LENGTH, PROPOSAL_MIN_LENGTH, Proposal
from .selectors import UNANSWERED, WHOLE_REDACTION

HONEYPOT_FIELD = "website"


def part_choices(redaction):
    """Choices for "which part it concerns": sections, then priorities with their lines and tasks.

    Four queries of codes and titles (no model instances: a national programme has several
    hundred parts): sections, priorities, action lines, tasks.
    """
    sections = [
        (f"section:{pk}", title)
        for pk, title in SituationSection.objects.filter(redaction=redaction)
        .order_by("position", "id")
        .values_list("pk", "title")
    ]
    lines, tasks = defaultdict(list), defaultdict(list)
    for pk, parent, code, title in Task.objects.filter(
        action_line__priority__redaction=redaction
    ).values_list("pk", "action_line_id", "code", "title"):
        tasks[parent].append((f"task:{pk}", f"— — {code} {title}"))
    for pk, parent, code, title in ActionLine.objects.filter(
        priority__redaction=redaction
    ).values_list("pk", "priority_id", "code", "title"):
        lines[parent].append((f"action_line:{pk}", f"— {code} {title}"))
        lines[parent].extend(tasks[pk])
    strategic = []
    for pk, code, title in Priority.objects.filter(redaction=redaction).values_list(
        "pk", "code", "title"
    ):
        strategic.append((f"priority:{pk}", f"{code} {title}"))
        strategic.extend(lines[pk])
    choices = [("", _("The redaction as a whole"))]
    if sections:
        choices.append((_("Situation analysis"), sections))
    if strategic:
        choices.append((_("Priorities, action lines and tasks"), strategic))
    return choices


class ProposalTextField(forms.CharField):
    """The proposal's text with line breaks as the browser counted them.

    A browser counts a line break as one character against the textarea's maxlength but
    sends it as two (CR LF): without this, a text the browser let through could exceed
    the limit on the server.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class HoneypotInput(forms.TextInput):
    """The honeypot field, always rendered empty.

    A person never sees it, so it must not come back filled: if a browser's autofill put
    something in it, sending the form again (as the message asks) then goes through.
    """

    def format_value(self, value):
        return None


class HoneypotForm(forms.Form):
    """A field people never see (hidden by CSS, out of the tab order): a robot that fills
    it has the form refused, with a message a person could act on."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=HoneypotInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_robot(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean(self):
        cleaned = super().clean()
        if self.is_robot:
            raise ValidationError(
                _("The form could not be accepted. Please check what you wrote and send it again."),
                code="honeypot",
            )
        return cleaned


class ProposalForm(HoneypotForm, forms.ModelForm):
    """The public proposal form. A filled honeypot field marks a robot."""

    part = forms.ChoiceField(
        label=_("Which part of the redaction it concerns"), required=False, widget=LongSelect
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the municipality processes my name and e-mail address to "
            "register my proposal and send me its answer."
        ),
        required=True,
        error_messages={"required": _("Without your consent we cannot register the proposal.")},
    )

    class Meta:
        model = Proposal
        fields = ["text", "author_name", "email"]
        field_classes = {"text": ProposalTextField}
        labels = {
            "text": _("Your proposal"),
            "author_name": _("Your name"),
            "email": _("Your e-mail address"),
        }
        help_texts = {
            "email": _("Never shown on the portal: we send the confirmation and the answer to it."),
        }
        error_messages = {
            "text": {"required": _("Write your proposal.")},
            "author_name": {"required": _("Write your name.")},
            "email": {
                "required": _(
                    "Write your e-mail address: we send the confirmation and the answer to it."
                ),
                "invalid": _(
                    "Check your e-mail address: a correct one looks like name@example.lv."
                ),
            },
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8, "maxlength": PROPOSAL_MAX_LENGTH}),
            "author_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, redaction, **kwargs):
        super().__init__(*args, **kwargs)
        self.redaction = redaction
        self.fields["part"].choices = part_choices(redaction)
        self.fields["email"].required = True
        # The error summary names the field; the consent's label is a whole sentence.
        self.fields["consent"].short_label = _("Consent")
        self.fields["text"].strip = True
        # Built here, not in Meta: the limit is put into the text in the request's language.
        self.fields["text"].help_text = gettext("Up to %(limit)s characters.") % {
            "limit": PROPOSAL_MAX_LENGTH
        }

    def clean_text(self):
        # The model's length validators would say the same in Django's generic words; these
        # say it to a resident (and the model then skips the field that already failed).
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("Write your proposal."), code="required")
        if len(text) > PROPOSAL_MAX_LENGTH:
            raise ValidationError(
                _(
                    "The proposal is too long: at most %(limit)s characters are allowed, "
                    "yours has %(length)s. Please shorten it."
                ),
                code="max_length",
                params={"limit": PROPOSAL_MAX_LENGTH, "length": len(text)},
            )
        if len(text) < PROPOSAL_MIN_LENGTH:
            raise ValidationError(
                _("The proposal is too short: write at least %(limit)s characters."),
                code="min_length",
                params={"limit": PROPOSAL_MIN_LENGTH},
            )
        return text

    def _post_clean(self):
        part = self.cleaned_data.get("part") or ""
        if part:
            kind, _sep, pk = part.partition(":")
            if kind in Proposal.PART_FIELDS and pk.isdigit():
                setattr(self.instance, f"{kind}_id", int(pk))
        super()._post_clean()


class SubscriptionForm(HoneypotForm):
    """Ask to be told by e-mail when a public discussion of a municipality is announced."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Never shown on the portal or given to anyone."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Write your e-mail address."),
            "invalid": _("Check your e-mail address: a correct one looks like name@example.lv."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the municipality keeps my e-mail address to tell me about its "
            "public discussions, until I unsubscribe."
        ),
        required=True,
        error_messages={"required": _("Without your consent we cannot keep your address.")},
    )


class ProposalFilterForm(forms.Form):
    """The proposals page's filters (GET): the part of the redaction and the answer.

    A value that is not a choice (a stale or edited link) is an error shown on the form,
    and the list is not filtered by it.
    """

    part = forms.ChoiceField(label=_("Part of the redaction"), required=False, widget=LongSelect)
    answer = forms.ChoiceField(label=_("Answer"), required=False)
    number = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, data, *, redaction):
        super().__init__(data)
        self.fields["part"].choices = [
            ("", _("All parts")),
            (WHOLE_REDACTION, _("The redaction as a whole")),
            *part_choices(redaction)[1:],
        ]
        self.fields["answer"].choices = [
            ("", _("All answers")),
            *Proposal.Answer.choices,
            (UNANSWERED, _("Not answered yet")),
        ]

    def filters(self):
        """The valid filters as keyword arguments of `selectors.filtered_proposals`."""
        self.is_valid()
        return {
            name: self.cleaned_data.get(name) or ("" if name != "number" else None)
            for name in ("part", "answer", "number")
        }
