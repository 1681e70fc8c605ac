"""Forms of the welfare report: the report itself, a narrative section, the request for
cards, a contributor's card, a decision of the approval chain, the start of the hyte
negotiations and the choice of a file to make."""

from django import forms
from django.utils.translation import gettext_lazy as _

from elinvoima.core.forms import date_field, text_field
from elinvoima.core.models import FIRST_YEAR, LAST_YEAR
from elinvoima.reports.enums import ContributionKind, FileFormat, ReportKind
from elinvoima.reports.welfare.services import CardData, ReportData
from elinvoima.strategy.enums import DecisionBody, DecisionOutcome


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices)
    title_fi = text_field(_("Title in Finnish"), required=True, rows=0)
    title_sv = text_field(_("Title in Swedish"), rows=0)
    start_year = forms.IntegerField(
        label=_("First year reported"), min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    end_year = forms.IntegerField(
        label=_("Last year reported"), min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    plan = forms.ModelChoiceField(label=_("Plan reported on"), queryset=None, required=False)
    collection_due_on = date_field(_("Cards due"), required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, plans, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["kind"].choices = [(k, v) for k, v in ReportKind.choices if k in kinds]
        self.fields["title_sv"].widget.attrs["lang"] = "sv"
        self.fields["plan"].help_text = _(
            "Its goals, indicators and measures are the backbone of the report."
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("start_year")
            and data.get("end_year")
            and data["end_year"] < data["start_year"]
        ):
            self.add_error("end_year", _("The last year cannot be before the first year."))
        return data

    def data_for_service(self) -> ReportData:
        data = self.cleaned_data
        return ReportData(
            kind=data["kind"],
            title_fi=data["title_fi"],
            title_sv=data["title_sv"],
            start_year=data["start_year"],
            end_year=data["end_year"],
            plan=data["plan"],
            collection_due_on=data["collection_due_on"],
        )


class SectionForm(forms.Form):
    text_fi = text_field(_("Text in Finnish"), rows=14)
    text_sv = text_field(_("Text in Swedish"), rows=14)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text_fi"].help_text = _("Paragraphs are separated by an empty line.")
        self.fields["text_sv"].widget.attrs["lang"] = "sv"


class RequestForm(forms.Form):
    kind = forms.ChoiceField(  # chosen by the links above the form: the contributors follow it
        label=_("Card"), choices=ContributionKind.choices, widget=forms.HiddenInput
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Contributors"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    due_on = date_field(_("Due"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations


class CardForm(forms.Form):
    done = text_field(_("What we did"), rows=6)
    successes = text_field(_("What succeeded"), rows=4)
    challenges = text_field(_("Challenges and needs for development"), rows=4)
    next_steps = text_field(_("Focus next year"), rows=3)
    people_reached = forms.IntegerField(
        label=_("People reached"), min_value=0, max_value=10_000_000, required=False
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def data_for_service(self) -> CardData:
        data = self.cleaned_data
        return CardData(
            done=data["done"],
            successes=data["successes"],
            challenges=data["challenges"],
            next_steps=data["next_steps"],
            people_reached=data["people_reached"],
        )


class DecisionForm(forms.Form):
    body = forms.ChoiceField(label=_("Decision-making body"), choices=DecisionBody.choices)
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    decided_on = date_field(_("Date of decision"))
    reference = text_field(_("Minutes reference"), rows=0)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = [
            (body, label) for body, label in DecisionBody.choices if body in bodies
        ]


class NegotiationForm(forms.Form):
    held_on = date_field(_("Date of the negotiations"))


class FileForm(forms.Form):
    format = forms.ChoiceField(choices=FileFormat.choices)
    language = forms.ChoiceField(choices=[("fi", "suomi"), ("sv", "svenska")])
