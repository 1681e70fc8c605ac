"""Forms of the cooperation survey: the organisers' survey and invitation forms, and the
respondent's answer form, built from the survey's own statements and themes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.core.forms import date_field, text_field
from elinvoima.core.models import FIRST_YEAR, LAST_YEAR
from elinvoima.reports.enums import Clarity, Maturity, Realisation, RespondentGroup
from elinvoima.reports.surveys.services import AnswerData, SurveyData, addresses_parse


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class SurveyForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    title_fi = text_field(_("Title in Finnish"), required=True, rows=0)
    title_sv = text_field(_("Title in Swedish"), rows=0)
    introduction_fi = text_field(_("Introduction in Finnish"), rows=4)
    introduction_sv = text_field(_("Introduction in Swedish"), rows=4)
    closes_on = date_field(_("Last day to answer"))
    statements_fi = text_field(_("Statements in Finnish"), required=True, rows=8)
    statements_sv = text_field(_("Statements in Swedish"), rows=8)
    themes = forms.ModelMultipleChoiceField(
        label=_("Interface themes whose division of work is asked"),
        queryset=InterfaceTheme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    observations_fi = text_field(_("Observations in Finnish"), rows=5)
    observations_sv = text_field(_("Observations in Swedish"), rows=5)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, questions_fixed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statements_fi"].help_text = _(
            "One statement a line. Each is answered from “very poorly” to “very well”."
        )
        self.fields["statements_sv"].help_text = _("The same statements in the same order.")
        self.fields["observations_fi"].help_text = _(
            "What you read from the results; shown with them once they are published."
        )
        for name in ("title_sv", "introduction_sv", "statements_sv", "observations_sv"):
            self.fields[name].widget.attrs["lang"] = "sv"
        if questions_fixed:  # the survey has opened: its questions stay as answered
            for name in ("year", "statements_fi", "statements_sv", "themes"):
                self.fields[name].disabled = True
                self.fields[name].required = False

    def data_for_service(self) -> SurveyData:
        data = self.cleaned_data
        return SurveyData(
            year=data["year"],
            closes_on=data["closes_on"],
            title_fi=data["title_fi"],
            title_sv=data["title_sv"],
            introduction_fi=data["introduction_fi"],
            introduction_sv=data["introduction_sv"],
            observations_fi=data["observations_fi"],
            observations_sv=data["observations_sv"],
            statements_fi=_lines(data["statements_fi"] or ""),
            statements_sv=_lines(data["statements_sv"] or ""),
            themes=tuple(data["themes"] or ()),
        )


class InviteForm(forms.Form):
    group = forms.ChoiceField(
        label=_("They answer as"), choices=RespondentGroup.choices, widget=forms.RadioSelect
    )
    addresses = text_field(_("E-mail addresses"), required=True, rows=6)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addresses"].help_text = _(
            "One a line, or separated by commas. Each gets a personal link that can be used "
            "once; an address already invited is skipped."
        )

    def clean_addresses(self) -> list[str]:
        return addresses_parse(self.cleaned_data["addresses"])


CANNOT_SAY = ("", _("Cannot say"))


def _scale_field(label, choices) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[*choices, CANNOT_SAY],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class AnswerForm(forms.Form):
    """One radio group a statement and a theme ("cannot say" is the last option), the
    maturity level and the free text."""

    def __init__(self, *args, statements, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.statement_names = {}
        for statement in statements:
            name = f"statement_{statement.pk}"
            self.fields[name] = _scale_field(statement.text, Realisation.choices)
            self.statement_names[name] = statement.pk
        self.theme_names = {}
        for theme in themes:
            name = f"theme_{theme.pk}"
            self.fields[name] = _scale_field(theme.name, Clarity.choices)
            self.theme_names[name] = theme.pk
        self.fields["maturity"] = _scale_field(
            _("Where does the cooperation stand?"), Maturity.choices
        )
        self.fields["observations"] = forms.CharField(
            label=_("Observations on the cooperation"),
            required=False,
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 5}),
            help_text=_("Do not write names or anything else that identifies you or others."),
        )

    def statement_fields(self):
        return [self[name] for name in self.statement_names]

    def theme_fields(self):
        return [self[name] for name in self.theme_names]

    def data_for_service(self) -> AnswerData:
        data = self.cleaned_data
        return AnswerData(
            statements={pk: data[name] for name, pk in self.statement_names.items() if data[name]},
            themes={pk: data[name] for name, pk in self.theme_names.items() if data[name]},
            maturity=data["maturity"],
            observations=data["observations"],
        )
