"""The registration form: no account, on a phone."""

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import LenientNumbersMixin, date_field, datetime_field, text_field

from .enums import Background, Diet, ProgrammeKind, SeriesScope
from .outcome_services import ActionData, CarpoolData, FeedbackData, NominationData
from .registration_services import RegistrationData
from .services import ProgrammeRow, WorkshopData


class RegistrationForm(forms.Form):
    name = text_field(_("Name"), required=True, rows=0)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The confirmation and the link to cancel come here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation_name = text_field(_("Organisation"), rows=0)
    background = forms.ChoiceField(label=_("Background"), choices=Background.choices)
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None, required=False)
    diet = forms.ChoiceField(label=_("Diet"), choices=Diet.choices, initial=Diet.ANY)
    allergies = text_field(_("Allergies"), rows=0)
    accessibility = text_field(_("Accessibility needs"), rows=0)
    retain_until = date_field(
        _("Keep my data until"),
        help_text=_("After this day your name and contact details are erased."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my data is used to organise this workshop series."),
        required=False,
    )

    def __init__(self, *args, workshop, **kwargs):
        kwargs.setdefault(
            "initial",
            {"retain_until": workshop.starts_at.date() + datetime.timedelta(days=180)},
        )
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = workshop.area.municipalities.order_by("name")
        self.fields["organisation_name"].help_text = _("Leave empty if you come on your own.")
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def data_for_service(self) -> RegistrationData:
        return RegistrationData(**self.cleaned_data)


class WorkshopForm(forms.Form):
    area = forms.ModelChoiceField(label=_("Area"), queryset=None)
    theme_fi = text_field(_("Theme in Finnish"), required=True, rows=0)
    theme_sv = text_field(_("Theme in Swedish"), rows=0)
    description_fi = text_field(_("Description in Finnish"), rows=3)
    description_sv = text_field(_("Description in Swedish"), rows=3)
    starts_at = datetime_field(_("Starts"))
    ends_at = datetime_field(_("Ends"))
    venue = text_field(_("Venue"), rows=0)
    capacity = forms.IntegerField(label=_("Seats"), min_value=1, max_value=1000)
    registration_closes_on = date_field(_("Registration closes"))
    catering = text_field(_("Catering quotes"), rows=3)
    catering_paid_by = text_field(_("Catering paid by"), rows=0)
    is_published = forms.BooleanField(label=_("Published"), required=False)

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = series.areas.order_by("position")
        for name in ("theme_sv", "description_sv"):
            self.fields[name].widget.attrs["lang"] = "sv"
        self.fields["ends_at"].help_text = _("About two and a half hours suit an evening.")

    def data_for_service(self) -> WorkshopData:
        return WorkshopData(**self.cleaned_data)


class ProgrammeRowForm(forms.Form):
    kind = forms.ChoiceField(label=_("Part"), choices=ProgrammeKind.choices, required=False)
    title_fi = text_field(_("Title in Finnish"), rows=0)
    title_sv = text_field(_("Title in Swedish"), rows=0)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=5, max_value=240, required=False)

    def clean(self):
        data = super().clean()
        if data.get("title_fi") and not data.get("minutes"):
            self.add_error("minutes", _("Give the minutes of this part."))
        if data.get("title_fi") and not data.get("kind"):
            self.add_error("kind", _("Choose the part."))
        return data


ProgrammeFormSet = forms.formset_factory(ProgrammeRowForm, extra=2, max_num=20, validate_max=True)


def programme_rows(formset) -> list[ProgrammeRow]:
    return [
        ProgrammeRow(
            kind=form.cleaned_data["kind"],
            title_fi=form.cleaned_data["title_fi"],
            title_sv=form.cleaned_data.get("title_sv", ""),
            minutes=form.cleaned_data["minutes"],
        )
        for form in formset
        if form.cleaned_data.get("title_fi")
    ]


class TablesForm(forms.Form):
    rounds = forms.IntegerField(label=_("Rounds"), min_value=1, max_value=4, initial=3)
    table_size = forms.IntegerField(
        label=_("People at a table"), min_value=3, max_value=12, initial=8
    )
    accessible_tables = forms.CharField(
        label=_("Accessible tables"),
        required=False,
        help_text=_("Their numbers, e.g. 1, 2. Empty: every table is accessible."),
    )

    def clean_accessible_tables(self) -> set[int] | None:
        text = self.cleaned_data["accessible_tables"].replace(",", " ").split()
        if not text:
            return None
        if not all(part.isdigit() and 0 < int(part) < 200 for part in text):
            raise forms.ValidationError(_("Give table numbers separated by commas."))
        return {int(part) for part in text}


class CooperationActionForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None)
    title = text_field(_("What is done"), required=True, rows=0)
    owner = text_field(_("Who"), rows=0)
    due_on = date_field(_("By"), required=False)
    measure = forms.ModelChoiceField(
        label=_("A measure of the welfare plan it serves"), queryset=None, required=False
    )

    def __init__(self, *args, workshop, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = workshop.area.municipalities.order_by("name")
        self.fields["measure"].queryset = measures
        self.fields["measure"].label_from_instance = lambda measure: (
            f"{measure.plan.municipality}: {measure.title}"
        )

    def data_for_service(self) -> ActionData:
        return ActionData(**self.cleaned_data)


class CarpoolForm(LenientNumbersMixin, forms.Form):
    group = text_field(_("Your group"), required=True, rows=0)
    driver = text_field(_("Driver"), required=True, rows=0)
    passengers = forms.IntegerField(label=_("Passengers"), min_value=1, max_value=8)
    distance_km = forms.DecimalField(
        label=_("Kilometres driven"),
        min_value=Decimal("0.1"),
        max_value=1000,
        decimal_places=1,
        help_text=_("One way, from where the first passenger got in."),
    )

    def data_for_service(self) -> CarpoolData:
        return CarpoolData(**self.cleaned_data)


class NominationForm(forms.Form):
    nominee = text_field(_("Who or what"), required=True, rows=0)
    reason = forms.CharField(
        label=_("Why"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What they did for the cooperation of associations and the municipality in the "
            "last year."
        ),
    )
    nominated_by = text_field(_("Your name"), rows=0)

    def data_for_service(self) -> NominationData:
        return NominationData(**self.cleaned_data)


def _scale(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = not at all, 5 = very much"),
    )


class FeedbackForm(forms.Form):
    useful = _scale(_("Was the workshop useful to you?"))
    atmosphere = _scale(_("Did you like the atmosphere?"))
    cooperation = _scale(_("Does it help the cooperation in your municipality?"))
    comment = forms.CharField(
        label=_("Anything else?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def data_for_service(self) -> FeedbackData:
        return FeedbackData(**self.cleaned_data)


class NewsForm(forms.Form):
    title_fi = text_field(_("Title in Finnish"), required=True, rows=0)
    title_sv = text_field(_("Title in Swedish"), rows=0)
    body_fi = text_field(_("Text in Finnish"), required=True, rows=6)
    body_sv = text_field(_("Text in Swedish"), rows=6)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title_sv", "body_sv"):
            self.fields[name].widget.attrs["lang"] = "sv"


class InviteeForm(forms.Form):
    """Someone the directory does not name: invited by hand."""

    name = text_field(_("Name"), required=True, rows=0)
    email = forms.EmailField(label=_("E-mail address"))
    role = text_field(_("Role"), rows=0)


class SeriesForm(forms.Form):
    name_fi = text_field(_("Name in Finnish"), required=True, rows=0)
    name_sv = text_field(_("Name in Swedish"), rows=0)
    description_fi = text_field(_("Description in Finnish"), rows=3)
    description_sv = text_field(_("Description in Swedish"), rows=3)
    funder = text_field(_("Funder"), rows=0)
    scope = forms.ChoiceField(label=_("Scope"), choices=SeriesScope.choices)
    planning_partners = text_field(_("Planning partners and their wishes"), rows=4)
    is_published = forms.BooleanField(label=_("Published"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name_sv", "description_sv"):
            self.fields[name].widget.attrs["lang"] = "sv"


class AreaForm(forms.Form):
    name = text_field(_("Name"), required=True, rows=0)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=None,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("3–5 municipalities, as agreed with their municipal managers."),
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = municipalities


class ContactForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None)
    name = text_field(_("Name"), required=True, rows=0)
    title = text_field(_("Title"), rows=0)
    email = forms.EmailField(label=_("E-mail address"), required=False)

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = area.municipalities.order_by("name")
