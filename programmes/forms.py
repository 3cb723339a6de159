"""Forms of the programmes admin: the council decision asked for by the approve action,
choosing the redaction a spreadsheet is imported into, and the export's column choice."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm, SelectableFieldsExportForm

from .models import Redaction, RedactionFrozen


def import_refusal(redaction, open_statuses):
    """Why nothing can be imported into `redaction`, or None if it is open to the import.

    `open_statuses` are those the imported model may be written in: drafts, and for
    monitoring (indicator values) the approved redaction too.
    """
    if redaction is None or redaction.status in open_statuses:
        return None
    if Redaction.Status.APPROVED in open_statuses:
        return _(
            "Values can be imported only into a draft or into the approved redaction (the "
            "one in force); this redaction's content is frozen."
        )
    return _(
        "This redaction is no longer a draft: its content is frozen and nothing "
        "can be imported into it. Start the next redaction to make changes."
    )


class RedactionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.get_status_display()})"


class RedactionChoiceMixin:
    open_statuses = (Redaction.Status.DRAFT,)

    def set_redactions(self, queryset, open_statuses=None):
        if open_statuses is not None:
            self.open_statuses = tuple(open_statuses)
        self.fields["redaction"].queryset = queryset.select_related("programme").order_by(
            "programme__title", "-number"
        )
        if Redaction.Status.APPROVED in self.open_statuses:
            self.fields["redaction"].help_text = _(
                "Codes in the file refer to this redaction; it must be a draft or the "
                "approved redaction."
            )

    def clean_redaction(self):
        redaction = self.cleaned_data["redaction"]
        refusal = import_refusal(redaction, self.open_statuses)
        if refusal:
            # In the language of the request, whenever the message is read.
            raise RedactionFrozen(str(refusal))
        return redaction


class RedactionImportForm(RedactionChoiceMixin, ImportForm):
    """The import form with the redaction every row of the file belongs to."""

    redaction = RedactionChoiceField(
        label=_("Redaction"),
        queryset=Redaction.objects.none(),
        help_text=_("Codes in the file refer to this redaction; it must be a draft."),
    )
    field_order = ["redaction", "resource", "import_file", "format"]


class RedactionConfirmImportForm(RedactionChoiceMixin, ConfirmImportForm):
    redaction = forms.ModelChoiceField(
        queryset=Redaction.objects.none(), widget=forms.HiddenInput()
    )


def _label(name):
    return capfirst(Redaction._meta.get_field(name).verbose_name)


class CouncilDecisionForm(forms.Form):
    """The council decision that approves a redaction, asked for by the approve action:
    the one moment it is written on a redaction that left draft."""

    decision_number = forms.CharField(label=_label("decision_number"), max_length=40)
    decision_date = forms.DateField(
        label=_label("decision_date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    decision_protocol = forms.CharField(
        label=_label("decision_protocol"), max_length=40, required=False
    )

    @classmethod
    def initial_for(cls, redaction):
        """What was entered on the redaction while it was a draft, if anything."""
        return {name: getattr(redaction, name) for name in Redaction.DECISION_FIELDS}


class HeadedExportForm(SelectableFieldsExportForm):
    """The export's column choice named as the file heads the columns (in the user's
    language), not by the resource's field names in English."""

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        column = field.column_name if field is not None else field_name
        return resource.column_label(column)
