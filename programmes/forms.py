"""Forms of the programmes admin: choosing the redaction a spreadsheet is imported into."""

from django import forms
from django.utils.translation import gettext_lazy as _
from import_export.forms import ConfirmImportForm, ImportForm

from .models import Redaction, RedactionFrozen


def _clean_draft_redaction(redaction):
    if redaction is not None and redaction.is_frozen:
        raise RedactionFrozen(
            _(
                "This redaction is no longer a draft: its content is frozen and nothing "
                "can be imported into it. Start the next redaction to make changes."
            )
        )
    return redaction


class RedactionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.get_status_display()})"


class RedactionImportForm(ImportForm):
    """The import form with the redaction every row of the file belongs to."""

    redaction = RedactionChoiceField(
        label=_("Redaction"),
        queryset=Redaction.objects.none(),
        help_text=_("Codes in the file refer to this redaction; it must be a draft."),
    )
    field_order = ["redaction", "resource", "import_file", "format"]

    def set_redactions(self, queryset):
        self.fields["redaction"].queryset = queryset.select_related("programme").order_by(
            "programme__title", "-number"
        )

    def clean_redaction(self):
        return _clean_draft_redaction(self.cleaned_data["redaction"])


class RedactionConfirmImportForm(ConfirmImportForm):
    redaction = forms.ModelChoiceField(
        queryset=Redaction.objects.none(), widget=forms.HiddenInput()
    )

    def set_redactions(self, queryset):
        self.fields["redaction"].queryset = queryset

    def clean_redaction(self):
        return _clean_draft_redaction(self.cleaned_data["redaction"])
