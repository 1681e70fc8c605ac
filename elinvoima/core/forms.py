"""Forms and form helpers shared by the apps: the login form, the handling of
modeltranslation's `<field>_<language>` columns in ModelForms, and the form that attaches a
document (`AttachmentForm`)."""

from collections.abc import Iterable

from django import forms
from django.contrib import messages
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField

from .document_files import ALLOWED
from .search import MAX_LENGTH
from .text_search import TextSearch
from .translation import default_language


class LoginForm(AuthenticationForm):
    """The login form with autocomplete hints that password managers and phones use."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


def translated_form_fields(form: forms.BaseForm) -> dict[str, tuple[str, str]]:
    """The form's fields that edit a translation column: "name_sv" → ("name", "sv").
    Empty for a form that is not a ModelForm."""
    meta = getattr(form, "_meta", None)
    model = getattr(meta, "model", None)
    if model is None:
        return {}
    found = {}
    for name in form.fields:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, TranslationField):
            found[name] = (model_field.translated_field.name, model_field.language)
    return found


def prepare_translated_fields(form: forms.BaseForm, *, required: Iterable[str] = ()) -> None:
    """Each translation column's input says its language (`lang="sv"`: a screen reader
    reads it in Swedish, the browser checks its spelling in Swedish); of the fields named
    in `required` ("name"), the default language's text (name_fi) is required: the other
    languages fall back to it."""
    required = set(required)
    for name, (base, language) in translated_form_fields(form).items():
        field = form.fields[name]
        field.widget.attrs.setdefault("lang", language)
        if base in required and language == default_language():
            field.required = True


class TranslatedFieldsMixin:
    """For a ModelForm of a model with translated fields: prepare_translated_fields()
    once the fields are made, with `required_translations` ("name", "title"…). Labels
    stay the form's own ("Name in Finnish")."""

    required_translations: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prepare_translated_fields(self, required=self.required_translations)  # type: ignore[arg-type]


def form_add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal on the form that sent the data: each field's errors on its field,
    the rest (and errors of hidden fields, such as a period) at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            visible = name in form.fields and not form.fields[name].widget.is_hidden
            form.add_error(name if visible else None, errors)
    else:
        form.add_error(None, error)


def date_field(label, *, required: bool = True, help_text="") -> forms.DateField:
    """A date, picked with the browser's date picker (its value written as ISO)."""
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def datetime_field(label, *, required: bool = True, help_text="") -> forms.DateTimeField:
    """A moment, picked with the browser's date and time picker (its value written as ISO);
    typed by hand, Finnish day.month.year hours.minutes is understood too."""
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M"],
    )


def text_field(label, *, required: bool = False, rows: int = 3) -> forms.CharField:
    """A text of `rows` lines (a textarea), or with `rows=0` a line of at most 200
    characters (a name)."""
    if rows:
        return forms.CharField(
            label=label, required=required, widget=forms.Textarea(attrs={"rows": rows})
        )
    return forms.CharField(label=label, required=required, max_length=200)


def saved_by(form: forms.BaseForm, call):
    """What the service a bound form calls returned (`call()`, run only for a valid form),
    or None when the form is invalid or the service refused: its refusals are put on the
    form (`form_add_service_errors`). For services that return what they saved."""
    if not form.is_valid():
        return None
    try:
        return call()
    except ValidationError as error:
        form_add_service_errors(form, error)
        return None


def number_normalised(value):
    """A decimal number as people type it: '12,5', '1 234,5' (a space, a no-break or a
    narrow no-break space between thousands), '−3' (a minus sign) → '12.5', '1234.5', '-3'."""
    if not isinstance(value, str):
        return value
    text = "".join(value.split()).replace("\u2212", "-")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return text


class LenientNumbersMixin:
    """Every decimal field of the form (FloatField, DecimalField) takes a number as it is
    typed in Finnish or Swedish (number_normalised), shows its value in the user's language
    and asks a phone for its numeric keyboard (a text input with inputmode="decimal": a
    number input refuses a decimal comma in many browsers). Whole numbers (years, counts)
    are left as they are: a year is never written as a number with separators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field, forms.FloatField | forms.DecimalField):
                _lenient(field)


def _lenient(field: forms.Field) -> None:
    original = field.to_python
    field.to_python = lambda value: original(number_normalised(value))  # type: ignore[method-assign]
    field.localize = True
    attrs = {key: value for key, value in field.widget.attrs.items() if key != "step"}
    field.widget = forms.TextInput(attrs={**attrs, "inputmode": "decimal"})
    field.widget.is_localized = True


class TextSearchField(forms.CharField):
    """Search words: cleaned into a core.text_search TextSearch (stemmed, within the bounds
    of every search; past them the field's error), or None when empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_LENGTH)
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        return TextSearch(text) if text else None


def sort_choices(form: forms.BaseForm, sorts: dict, *, relevance: str) -> list[tuple]:
    """A list's sort choices ({key: (order, label)}), "best match" (`relevance`) only when
    the bound form searches something."""
    searching = form.is_bound and bool(str(form.data.get("q", "")).strip())
    return [(key, label) for key, (_order, label) in sorts.items() if searching or key != relevance]


def done_with_message(request, call, success):
    """For a page's action without a form (send, approve, remove): what the service returned
    (`call()`), its refusals shown as error messages (and None returned), or on success the
    message `success` — a text, or a function of what the service returned."""
    try:
        result = call()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return None
    messages.success(request, success(result) if callable(success) else success)
    return result


class AttachmentForm(forms.Form):
    """One document to attach (core.document_files checks it in the service)."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("A PDF file or an Office or OpenDocument document of at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{extension}" for extension in ALLOWED)}
        ),
    )

    def attached_by(self, call):
        """What the service attaching the file returned (`call()`, run only for a valid
        form), or None: its refusal (the file's kind, size, the number of files, the state
        of what it is attached to) is shown at the file field."""
        if not self.is_valid():
            return None
        try:
            return call()
        except ValidationError as error:
            self.add_error("file", error.messages)
            return None
