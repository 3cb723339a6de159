"""Spreadsheet import and export (XLSX, CSV) of the action plan, investment plan and indicators.

Every import goes into one draft redaction chosen on the import form (indicator values,
being monitoring, also into the approved redaction, the one in force); rows refer to their
parents by code within that redaction (task "U1.1.1", action line "RV1.1", indicator "R3"),
so a planner can export a redaction, edit the sheet and import it back. Columns are headed
with the fields' names in the user's language (Latvian or English headings, or the codes
below, are all accepted on import), and a refused row names its row number and its column.

Layouts (column codes), one row per:

* action plan (Action): task, code, title, responsible, partners, start_year, end_year,
  financing_sources, estimated_cost, status, progress;
* investment plan (InvestmentAmount): one row per item, year and source — item (code),
  action_line, task, title, responsible, expected_result, year, source, amount. The item
  is created or updated from its rows (the last row of an item wins for its own columns),
  so the sheet is flat and easy to filter and total in a spreadsheet;
* indicator values (IndicatorValue): indicator, year, value, note.

Status and source columns take the code (`eu`) or the label in Latvian or English.
Numbers may be written the Latvian way (`10 000,50`).
"""

import codecs
from decimal import Decimal, InvalidOperation

import tablib
from diff_match_patch import diff_match_patch
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, XLSX
from import_export.resources import Diff

from core.spreadsheets import csv_text, unneutralise, xlsx_bytes

from .forms import import_refusal
from .models import (
    Action,
    ActionLine,
    FundingSource,
    Indicator,
    IndicatorValue,
    InvestmentAmount,
    InvestmentItem,
    Redaction,
    Task,
)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.Widget):
    """Text with surrounding spaces removed; an empty cell is an empty string. The
    apostrophe our CSV export puts before a text like "=…" is taken off again."""

    def clean(self, value, row=None, **kwargs):
        return unneutralise(_text(value))

    def render(self, value, obj=None, **kwargs):
        return value


class AmountWidget(widgets.Widget):
    """A decimal number, accepting Latvian writing: spaces between thousands, a decimal comma."""

    def clean(self, value, row=None, **kwargs):
        text = _text(value).replace("\u00a0", "").replace(" ", "").replace(",", ".")
        if text == "":
            return None
        try:
            return Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from exc

    def render(self, value, obj=None, **kwargs):
        return value


class YearWidget(widgets.Widget):
    """A whole number (a year, a progress percentage). "2022.0", as a spreadsheet may store
    it, is 2022; "2022.7" is refused rather than cut to 2022."""

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if text == "":
            return None
        try:
            number = Decimal(text.replace(",", "."))
            if not number.is_finite() or number != number.to_integral_value():
                raise ValueError(text)
            return int(number)
        except (InvalidOperation, ValueError) as exc:
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value}) from exc

    def render(self, value, obj=None, **kwargs):
        return value


class ChoiceWidget(widgets.Widget):
    """A choice given by its code or its label in Latvian or English; exported as the label."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if text == "":
            return ""
        wanted = text.casefold()
        for code, label in self.choices:
            names = {code.casefold()}
            for language in ("lv", "en"):
                with translation.override(language):
                    names.add(str(label).casefold())
            if wanted in names:
                return code
        raise ValueError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(str(label) for _code, label in self.choices)}
        )

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class CodeWidget(widgets.Widget):
    """A parent given by its code within the resource's redaction."""

    def __init__(self, model, **kwargs):
        super().__init__(**kwargs)
        self.model = model
        self.resource = None

    def clean(self, value, row=None, **kwargs):
        code = _text(value)
        if code == "":
            raise ValueError(_("This column is required."))
        found = self.resource.find(self.model, code)
        if found is None:
            raise ValueError(
                _("There is no %(kind)s with code “%(code)s” in this redaction.")
                % {"kind": self.model._meta.verbose_name, "code": code}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return value.code if value is not None else ""


class ValueDiff(Diff):
    """The import preview's comparison of a row before and after, by value.

    django-import-export compares the cells' text, so an amount stored as "620000.00" and
    read from the file as "620000" showed as changed (`620000<del>.00</del>`) in a row it
    then skipped as unchanged. Here a cell whose value is equal (Decimal, date, a parent)
    shows as it is, unmarked; a changed amount is compared with as many decimals on both
    sides, so only the digits that changed are marked.
    """

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.left_values = self._read_values(resource, instance)
        self.right_values = []

    def compare_with(self, resource, instance):
        super().compare_with(resource, instance)
        self.right_values = self._read_values(resource, instance)

    @staticmethod
    def _read_values(resource, instance):
        if instance is None:
            return [None for _field in resource.get_import_fields()]
        return [field.get_value(instance) for field in resource.get_import_fields()]

    def as_html(self):
        cells = zip(self.left, self.right, self.left_values, self.right_values, strict=False)
        html = []
        for left, right, old, new in cells:
            if not self.new and old is not None and old == new:
                html.append(conditional_escape(force_str(left)))
                continue
            if isinstance(old, Decimal) and isinstance(new, Decimal):
                places = max(-old.as_tuple().exponent, -new.as_tuple().exponent, 0)
                left, right = f"{old:.{places}f}", f"{new:.{places}f}"
            if self.new:
                left = ""
            patch = diff_match_patch()
            diff = patch.diff_main(force_str(left), force_str(right))
            patch.diff_cleanupSemantic(diff)
            # diff_prettyHtml escapes the texts it marks.
            html.append(mark_safe(patch.diff_prettyHtml(diff)))
        return html


class ImportRefused(ValueError):
    """The whole file is refused (wrong columns, no redaction); the message says why."""


def _header_key(text):
    return " ".join(_text(text).replace("\ufeff", "").replace("_", " ").split()).casefold()


class RedactionImportResource(resources.ModelResource):
    """A resource bound to one redaction: lookups by code stay inside it.

    Columns are headed in the user's language (the model fields' names, e.g. "Uzdevums",
    "Atbildīgais izpildītājs"); an imported file may head them in Latvian, in English or
    with the field's code (`start_year`), in any case. Refusals name the column the same way.
    """

    # Models whose field names label the columns, searched in order.
    column_models = ()
    # Columns a file must have; without them no row can be matched or created.
    required_columns = ()

    def __init__(self, redaction=None, **kwargs):
        super().__init__()
        self.redaction = redaction
        self._rows_by_key = {}
        self._repeats_row = None
        for field in self.fields.values():
            if isinstance(field.widget, CodeWidget):
                field.widget.resource = self

    # Columns headed by another field's name: {column: (model, field name)}.
    column_fields = {}

    @classmethod
    def column_label(cls, key):
        """The column's heading in the active language (the model field's name)."""
        if key in cls.column_fields:
            model, name = cls.column_fields[key]
            return capfirst(str(model._meta.get_field(name).verbose_name))
        for model in cls.column_models:
            try:
                return capfirst(str(model._meta.get_field(key).verbose_name))
            except FieldDoesNotExist:
                continue
        return key

    @classmethod
    def column_aliases(cls):
        """{normalised heading: column key} for the headings an imported file may use."""
        aliases = {}
        for key in cls._meta.fields:
            aliases[_header_key(key)] = key
            for language in ("en", "lv"):
                with translation.override(language):
                    aliases[_header_key(cls.column_label(key))] = key
        return aliases

    def find(self, model, code):
        if self.redaction is None:
            return None
        return model.objects.in_redaction(self.redaction).filter(code=code).first()

    def before_import(self, dataset, **kwargs):
        self._rows_by_key = {}
        if self.redaction is None:
            raise ImportRefused(_("Choose the redaction to import into."))
        # The status as stored now: the redaction may have moved on since the preview.
        stored = Redaction.objects.filter(pk=self.redaction.pk).first()
        refusal = import_refusal(stored, self._meta.model.open_statuses())
        if refusal:
            raise ImportRefused(str(refusal))
        aliases = self.column_aliases()
        headers = dataset.headers or []
        dataset.headers = [aliases.get(_header_key(header), header) for header in headers]
        missing = [key for key in self.required_columns if key not in dataset.headers]
        if missing:
            raise ImportRefused(
                _(
                    "The file has no column %(missing)s. Its first row must name the "
                    "columns: %(expected)s."
                )
                % {
                    "missing": ", ".join(f"„{self.column_label(key)}”" for key in missing),
                    "expected": ", ".join(
                        f"„{self.column_label(key)}”" for key in self._meta.fields
                    ),
                }
            )

    def _row_key(self, row):
        """What identifies the row's record (e.g. task and code), as the file gives it."""
        key = []
        for name in self._meta.import_id_fields:
            widget = self.fields[name].widget
            value = _text(row.get(self.fields[name].column_name))
            if not isinstance(widget, CodeWidget):
                try:
                    value = widget.clean(value)
                except ValueError:
                    pass
            key.append(str(value))
        return tuple(key)

    def import_row(self, row, instance_loader, **kwargs):
        # A file that names one record twice would have its later row silently overwrite
        # the earlier one; the later row is refused instead (see `validate_instance`).
        seen = self._rows_by_key
        key = self._row_key(row)
        self._repeats_row = seen.get(key)
        if self._repeats_row is None and kwargs.get("row_number") is not None:
            seen[key] = kwargs["row_number"]
        result = super().import_row(row, instance_loader, **kwargs)
        error = result.validation_error
        if error is not None and hasattr(error, "error_dict"):
            # Name the column as its heading reads, not as the field is called in code.
            result.validation_error = ValidationError(
                {
                    key if key == NON_FIELD_ERRORS else self.column_label(key): errors
                    for key, errors in error.error_dict.items()
                }
            )
        return result

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        repeats = self._repeats_row
        if repeats is not None:
            errors.setdefault(self._meta.import_id_fields[-1], []).append(
                ValidationError(
                    _(
                        "Row %(row)s of the file already gives this %(kind)s (the same "
                        "%(columns)s); each may appear in the file only once."
                    )
                    % {
                        # Numbered as in the spreadsheet, whose first row holds the headings.
                        "row": repeats + 1,
                        "kind": self._meta.model._meta.verbose_name,
                        "columns": ", ".join(
                            f"„{self.column_label(name)}”" for name in self._meta.import_id_fields
                        ),
                    }
                )
            )
        super().validate_instance(instance, errors, validate_unique)

    @classmethod
    def get_diff_class(cls):
        return ValueDiff

    def get_export_headers(self, selected_fields=None):
        fields = self.get_export_fields(selected_fields)
        return [self.column_label(field.column_name) for field in fields if field]

    def column_labels(self):
        """The imported columns' headings, in the order of the preview table."""
        return [self.column_label(key) for key in self.get_diff_headers()]


class ActionResource(RedactionImportResource):
    """The action plan: one row per action, under its task's code."""

    task = fields.Field(attribute="task", column_name="task", widget=CodeWidget(Task))
    code = fields.Field(attribute="code", column_name="code", widget=TextWidget())
    title = fields.Field(attribute="title", column_name="title", widget=TextWidget())
    responsible = fields.Field(
        attribute="responsible", column_name="responsible", widget=TextWidget()
    )
    partners = fields.Field(attribute="partners", column_name="partners", widget=TextWidget())
    start_year = fields.Field(attribute="start_year", column_name="start_year", widget=YearWidget())
    end_year = fields.Field(attribute="end_year", column_name="end_year", widget=YearWidget())
    financing_sources = fields.Field(
        attribute="financing_sources", column_name="financing_sources", widget=TextWidget()
    )
    estimated_cost = fields.Field(
        attribute="estimated_cost", column_name="estimated_cost", widget=AmountWidget()
    )
    status = fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget(Action.Status.choices)
    )
    progress = fields.Field(attribute="progress", column_name="progress", widget=YearWidget())

    class Meta:
        model = Action
        fields = (
            "task",
            "code",
            "title",
            "responsible",
            "partners",
            "start_year",
            "end_year",
            "financing_sources",
            "estimated_cost",
            "status",
            "progress",
        )
        import_id_fields = ("task", "code")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    column_models = (Action,)
    required_columns = ("task", "code", "title", "responsible", "start_year", "end_year")

    @classmethod
    def get_display_name(cls):
        return _("Action plan")

    def get_instance(self, instance_loader, row):
        if self.redaction is None:
            return None
        return (
            Action.objects.in_redaction(self.redaction)
            .filter(task__code=_text(row.get("task")), code=_text(row.get("code")))
            .first()
        )

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # Empty optional cells keep the model's default rather than writing None.
        if field.attribute in ("status", "progress", "partners", "financing_sources"):
            if _text(row.get(field.column_name)) == "":
                return
        super().import_field(field, instance, row, is_m2m, **kwargs)


class InvestmentAmountResource(RedactionImportResource):
    """The investment plan: one row per item, year and funding source."""

    item = fields.Field(column_name="item")
    action_line = fields.Field(column_name="action_line")
    task = fields.Field(column_name="task")
    title = fields.Field(column_name="title")
    responsible = fields.Field(column_name="responsible")
    expected_result = fields.Field(column_name="expected_result")
    year = fields.Field(attribute="year", column_name="year", widget=YearWidget())
    source = fields.Field(
        attribute="source", column_name="source", widget=ChoiceWidget(FundingSource.choices)
    )
    amount = fields.Field(attribute="amount", column_name="amount", widget=AmountWidget())

    ITEM_COLUMNS = ("title", "responsible", "expected_result")
    column_models = (InvestmentAmount, InvestmentItem)
    # The item column holds the investment item's code ("I1.1.1").
    column_fields = {"item": (InvestmentItem, "code")}
    required_columns = ("item", "year", "source", "amount")

    class Meta:
        model = InvestmentAmount
        fields = (
            "item",
            "action_line",
            "task",
            "title",
            "responsible",
            "expected_result",
            "year",
            "source",
            "amount",
        )
        import_id_fields = ("item", "year", "source")
        clean_model_instances = True
        # Item columns are saved with the item, not compared here, so never skip a row.
        skip_unchanged = False

    @classmethod
    def get_display_name(cls):
        return _("Investment plan")

    def dehydrate_item(self, amount):
        return amount.item.code

    def dehydrate_action_line(self, amount):
        return amount.item.action_line.code

    def dehydrate_task(self, amount):
        return amount.item.task.code if amount.item.task_id else ""

    def dehydrate_title(self, amount):
        return amount.item.title

    def dehydrate_responsible(self, amount):
        return amount.item.responsible

    def dehydrate_expected_result(self, amount):
        return amount.item.expected_result

    def get_instance(self, instance_loader, row):
        if self.redaction is None:
            return None
        try:
            year = YearWidget().clean(row.get("year"))
            source = ChoiceWidget(FundingSource.choices).clean(row.get("source"))
        except ValueError:
            return None
        return (
            InvestmentAmount.objects.in_redaction(self.redaction)
            .filter(item__code=_text(row.get("item")), year=year, source=source)
            .first()
        )

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            instance.item = self._item_for_row(row)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.item_id is None and errors:
            # The row's item was refused above, with its reason; "no item" would only repeat it.
            try:
                instance.full_clean(exclude=[*errors, "item"], validate_unique=False)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            raise ValidationError(errors)
        super().validate_instance(instance, errors, validate_unique)

    def _item_for_row(self, row):
        """The row's investment item, created or updated from the row's item columns."""
        code = _text(row.get("item"))
        if not code:
            raise ValidationError({"item": _("This column is required.")})
        item = self.find(InvestmentItem, code) or InvestmentItem(code=code)
        line_code = _text(row.get("action_line"))
        if line_code or item.pk is None:
            line = self.find(ActionLine, line_code) if line_code else None
            if line is None:
                raise ValidationError(
                    {
                        "action_line": _(
                            "There is no action line with code “%(code)s” in this redaction."
                        )
                        % {"code": line_code}
                    }
                )
            item.action_line = line
        if "task" in row:
            task_code = _text(row.get("task"))
            task = self.find(Task, task_code) if task_code else None
            if task_code and task is None:
                raise ValidationError(
                    {
                        "task": _("There is no task with code “%(code)s” in this redaction.")
                        % {"code": task_code}
                    }
                )
            item.task = task
        for column in self.ITEM_COLUMNS:
            if column in row and _text(row.get(column)) != "":
                setattr(item, column, _text(row.get(column)))
        item.full_clean()
        item.save()
        return item


class IndicatorValueResource(RedactionImportResource):
    """Monitoring: one row per indicator and year."""

    indicator = fields.Field(
        attribute="indicator", column_name="indicator", widget=CodeWidget(Indicator)
    )
    year = fields.Field(attribute="year", column_name="year", widget=YearWidget())
    value = fields.Field(attribute="value", column_name="value", widget=AmountWidget())
    note = fields.Field(attribute="note", column_name="note", widget=TextWidget())

    class Meta:
        model = IndicatorValue
        fields = ("indicator", "year", "value", "note")
        import_id_fields = ("indicator", "year")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    column_models = (IndicatorValue,)
    required_columns = ("indicator", "year", "value")

    @classmethod
    def get_display_name(cls):
        return _("Indicator values")

    def get_instance(self, instance_loader, row):
        if self.redaction is None:
            return None
        try:
            year = YearWidget().clean(row.get("year"))
        except ValueError:
            return None
        return (
            IndicatorValue.objects.in_redaction(self.redaction)
            .filter(indicator__code=_text(row.get("indicator")), year=year)
            .first()
        )

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute == "note" and row.get("note") is None:
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)


class SpreadsheetCSV(CSV):
    """CSV as spreadsheet programs in Latvia write it, read without asking the planner.

    Excel with Latvian regional settings separates cells with ";" (the comma is the
    decimal separator) and saves in UTF-8 with a byte-order mark, in Windows-1257, or as
    "Unicode text" (UTF-16, tab-separated). The separator and the encoding are recognised
    from the file. Exports are the portal's one CSV dialect (core/spreadsheets.py):
    UTF-8 with a byte-order mark, ";", decimal commas, no cell that runs as a formula.
    """

    ENCODINGS = ("utf-8-sig", "cp1257")
    CONTENT_TYPE = "text/csv; charset=utf-8"

    def is_binary(self):
        # The admin then hands over bytes, and the encoding is decided here.
        return True

    def get_read_mode(self):
        return "rb"

    @classmethod
    def decode(cls, data):
        if isinstance(data, str):
            return data
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        for encoding in cls.ENCODINGS:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise ValueError(_("The file is not text in a known encoding."))

    @staticmethod
    def delimiter(text):
        first_line = text.split("\n", 1)[0]
        return max((";", ",", "\t"), key=first_line.count) if first_line else ","

    def create_dataset(self, in_stream, **kwargs):
        text = self.decode(in_stream)
        return tablib.import_set(text, format="csv", delimiter=self.delimiter(text), **kwargs)

    def export_data(self, dataset, **kwargs):
        return csv_text(dataset.headers, dataset)


class SpreadsheetXLSX(XLSX):
    """XLSX written by the portal's one dialect (core/spreadsheets.py): text cells are
    strings, never formulas; amounts and years are numbers."""

    def export_data(self, dataset, **kwargs):
        return xlsx_bytes(dataset.headers, dataset, title=dataset.title)


# django-import-export ships no Latvian; these are the strings its admin screens show
# planners, listed here so that they get into this app's Latvian catalogue.
IMPORT_EXPORT_STRINGS = (
    gettext_noop("Import"),
    gettext_noop("Export"),
    gettext_noop("Resource"),
    gettext_noop("Format"),
    gettext_noop("File to import"),
    gettext_noop("Submit"),
    gettext_noop("Confirm import"),
    gettext_noop("Preview"),
    gettext_noop("Row"),
    gettext_noop("Errors"),
    gettext_noop("Line number"),
    gettext_noop("Non field specific"),
    gettext_noop("Skipped"),
    gettext_noop("New"),
    gettext_noop("Update"),
    gettext_noop("Select all"),
    gettext_noop("Some rows failed to validate"),
    gettext_noop(
        "Please correct these errors in your data where possible, "
        "then reupload it using the form above."
    ),
    gettext_noop(
        "Below is a preview of data to be imported. "
        "If you are satisfied with the results, click 'Confirm import'"
    ),
    gettext_noop("This importer will import the following fields: "),
    gettext_noop("This exporter will export the following fields: "),
    gettext_noop("Import finished: {} new, {} updated, {} deleted and {} skipped {}."),
    gettext_noop(
        "No valid data to import. Ensure your file has the correct headers or data for import."
    ),
    gettext_noop(
        "%(exc_name)s encountered while trying to read file. "
        "Ensure you have chosen the correct format for the file."
    ),
    gettext_noop('Select at least 1 field for "%(resource_name)s" to export'),
    gettext_noop("Export selected %(verbose_name_plural)s"),
)
