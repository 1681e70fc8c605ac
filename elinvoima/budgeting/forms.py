"""The forms of participatory budgeting: the budget, a proposal, its review, a ballot, the
meeting's agreement and the municipality's decision."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from elinvoima.budgeting.enums import DecisionOutcome, HowAgreed, Voters, VotingRule
from elinvoima.budgeting.models import MAX_AMOUNT
from elinvoima.budgeting.services import MAX_CODES, BudgetData, DecisionData, ProposalData
from elinvoima.core.forms import LenientNumbersMixin, date_field, datetime_field, text_field


def _euros(label, help_text="") -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=0, max_value=MAX_AMOUNT, decimal_places=2, help_text=help_text
    )


class ProposalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, proposal) -> str:
        cost = formats.number_format(proposal.cost, 2, use_l10n=True, force_grouping=True)
        return f"{proposal.title} – {proposal.organisation} ({cost} €)"


class BudgetForm(LenientNumbersMixin, forms.Form):
    name_fi = text_field(_("Name in Finnish"), required=True, rows=0)
    name_sv = text_field(_("Name in Swedish"), rows=0)
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=None,
        help_text=_("Its member associations propose and vote."),
    )
    amount = _euros(_("Amount to divide (euros)"))
    period_starts_on = date_field(_("Grants for the period from"))
    period_ends_on = date_field(_("Grants for the period until"))
    description_fi = text_field(_("Description in Finnish"))
    description_sv = text_field(_("Description in Swedish"))
    how_agreed = forms.ChoiceField(
        label=_("How the network reaches its proposal"),
        choices=HowAgreed.choices,
        widget=forms.RadioSelect,
    )
    voters = forms.ChoiceField(
        label=_("Who votes"), choices=Voters.choices, widget=forms.RadioSelect
    )
    min_age = forms.IntegerField(
        label=_("Youngest voters (age)"), min_value=0, max_value=120, required=False
    )
    max_age = forms.IntegerField(
        label=_("Oldest voters (age)"),
        min_value=0,
        max_value=120,
        required=False,
        help_text=_("For residents' votes: the age range, for example 13–20 for young people."),
    )
    rule = forms.ChoiceField(
        label=_("Voting rule"), choices=VotingRule.choices, widget=forms.RadioSelect
    )
    min_share = forms.IntegerField(
        label=_("Minimum share of the budget (%)"),
        min_value=0,
        max_value=100,
        initial=0,
        help_text=_("With the budget rule: a ballot spends at least this share of the amount."),
    )
    min_proposals = forms.IntegerField(
        label=_("At least (proposals)"),
        min_value=1,
        max_value=200,
        initial=1,
        help_text=_("With the minimum and the approval rules."),
    )
    max_proposals = forms.IntegerField(
        label=_("At most (proposals)"),
        min_value=1,
        max_value=200,
        required=False,
        help_text=_("With the approval rule."),
    )
    show_counts = forms.BooleanField(label=_("Show the votes while voting"), required=False)
    voting_closes_at = datetime_field(_("Voting closes"), required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    TEXTS = ("name_fi", "name_sv", "description_fi", "description_sv")

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks

    def data_for_service(self) -> BudgetData:
        data = self.cleaned_data
        return BudgetData(
            network=data["network"],
            texts={name: data[name] for name in self.TEXTS},
            amount=data["amount"],
            period_starts_on=data["period_starts_on"],
            period_ends_on=data["period_ends_on"],
            how_agreed=data["how_agreed"],
            voters=data["voters"],
            min_age=data["min_age"],
            max_age=data["max_age"],
            rule=data["rule"],
            min_share=data["min_share"],
            min_proposals=data["min_proposals"],
            max_proposals=data["max_proposals"],
            show_counts=data["show_counts"],
            voting_closes_at=data["voting_closes_at"],
        )


class ProposalForm(LenientNumbersMixin, forms.Form):
    title_fi = text_field(_("Title in Finnish"), required=True, rows=0)
    title_sv = text_field(_("Title in Swedish"), rows=0)
    description_fi = text_field(_("What would be done, in Finnish"), rows=4)
    description_sv = text_field(_("What would be done, in Swedish"), rows=4)
    cost = _euros(_("Cost (euros)"), _("What the grant would be."))
    measure = forms.ModelChoiceField(
        label=_("Measure of the welfare plan"),
        queryset=None,
        required=False,
        help_text=_("The grant goes to measures written into the welfare plan."),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    TEXTS = ("title_fi", "title_sv", "description_fi", "description_sv")

    def __init__(self, *args, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures

    def data_for_service(self) -> ProposalData:
        data = self.cleaned_data
        return ProposalData(
            texts={name: data[name] for name in self.TEXTS},
            cost=data["cost"],
            measure=data["measure"],
        )


class BallotForm(forms.Form):
    proposals = ProposalChoiceField(
        label=_("The proposals you support"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = proposals


class MeetingForm(forms.Form):
    meeting_on = date_field(_("Agreed at the meeting of"))
    funded = ProposalChoiceField(
        label=_("The proposals the meeting agreed to fund"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    minutes = text_field(_("From the minutes"), rows=4)

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funded"].queryset = proposals


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    body = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        help_text=_("For example: the welfare committee, § 23."),
    )
    decided_on = date_field(_("Decided on"))
    granted = ProposalChoiceField(
        label=_("The proposals the decision grants"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("With changes only: the others follow the published result."),
    )
    notes = text_field(_("Reasons and changes"), rows=4)

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["granted"].queryset = proposals

    def data_for_service(self) -> DecisionData:
        data = self.cleaned_data
        return DecisionData(
            outcome=data["outcome"],
            body=data["body"],
            decided_on=data["decided_on"],
            notes=data["notes"],
            granted=tuple(data["granted"]),
        )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Voting code"),
        max_length=20,
        help_text=_("The code on the paper you were given, for example ABCDE-FGH23."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    birth_year = forms.IntegerField(
        label=_("Year of birth"),
        min_value=1900,
        max_value=2100,
        help_text=_("Checked against the age range of the vote, and not stored."),
    )


class CodesForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many codes"),
        min_value=1,
        max_value=MAX_CODES,
        help_text=_("One for each voter. The codes are shown only once: print them."),
    )
