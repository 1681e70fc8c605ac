"""Forms of hearing residents: a consultation with its questions (a formset, while it
takes no answers), the answer form built from the questions, and the record of a hearing
in person."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import TargetGroup
from elinvoima.core.forms import LenientNumbersMixin, date_field, text_field
from elinvoima.practices.enums import QuestionKind
from elinvoima.practices.hearings.models import Consultation
from elinvoima.practices.hearings.services import (
    MAX_ANSWER,
    ConsultationData,
    HearingData,
    QuestionData,
)

MAX_QUESTIONS = 15
MIN_SECONDS_TO_ANSWER = 3  # a person reads the questions first; a script does not
SIGNER = TimestampSigner(salt="elinvoima.practices.consultation.form")


def _groups_field() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=_("Groups heard"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class _PlanChoiceMixin:
    """The plan field offers the owner's own plans only."""

    def _plans(self, plans) -> None:
        self.fields["plan"] = forms.ModelChoiceField(
            label=_("Plan"),
            queryset=plans,
            required=False,
            help_text=_("The plan that asked for the residents' views, if any."),
        )


class ConsultationForm(_PlanChoiceMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = text_field(_("Introduction"), rows=5)
    starts_on = date_field(_("Open from"))
    ends_on = date_field(_("Open until"))
    one_per_person = forms.BooleanField(
        label=_("One answer per person"),
        required=False,
        help_text=Consultation._meta.get_field("one_per_person").help_text,
    )
    results_summary = text_field(_("Summary of the results"), rows=6)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heard_groups"] = _groups_field()
        self._plans(plans)
        self.fields["introduction"].help_text = _("What is being decided and why we ask.")

    def consultation_data(self, questions: list[QuestionData] | None) -> ConsultationData:
        data = self.cleaned_data
        return ConsultationData(
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            introduction=data["introduction"],
            one_per_person=data["one_per_person"],
            heard_groups=list(data["heard_groups"]),
            plan=data["plan"],
            results_summary=data["results_summary"],
            questions=questions,
        )


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), required=False, max_length=500)
    kind = forms.ChoiceField(
        label=_("Kind of answer"), choices=QuestionKind.choices, initial=QuestionKind.TEXT
    )
    choices = text_field(_("Choices, one a line"), rows=3)
    required = forms.BooleanField(label=_("Answer required"), required=False)


QuestionFormSet = forms.formset_factory(
    QuestionForm, extra=1, max_num=MAX_QUESTIONS, validate_max=True
)


def questions_of(formset) -> list[QuestionData]:
    return [
        QuestionData(
            text=form.cleaned_data["text"],
            kind=form.cleaned_data["kind"],
            choices=form.cleaned_data["choices"].splitlines(),
            required=form.cleaned_data["required"],
        )
        for form in formset
        if form.cleaned_data.get("text")
    ]


class AnswerForm(forms.Form):
    """The consultation's questions as fields; a field hidden from people (`website`)
    that scripts fill in, and a signed time of showing the form, which must be a few
    seconds old."""

    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, consultation: Consultation, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.fields["shown"].initial = SIGNER.sign("shown")
        for question in questions:
            name = f"question_{question.pk}"
            if question.kind == QuestionKind.CHOICE:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    required=question.required,
                    choices=[(c, c) for c in question.choice_list],
                    widget=forms.RadioSelect,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=question.required,
                    max_length=MAX_ANSWER,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
        if consultation.one_per_person:
            self.fields["email"] = forms.EmailField(
                label=_("Your e-mail address"),
                help_text=_(
                    "Only one answer is taken per person. The address is not stored: only "
                    "a code made from it, to recognise a second answer."
                ),
            )

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(_("The answer could not be taken."), code="honeypot")
        shown = data.get("shown", "")
        try:
            SIGNER.unsign(shown, max_age=24 * 3600)
        except (BadSignature, SignatureExpired):
            raise ValidationError(
                _("The form is out of date. Reload the page and answer again."), code="stale"
            ) from None
        try:
            SIGNER.unsign(shown, max_age=MIN_SECONDS_TO_ANSWER)
        except SignatureExpired:
            return data  # shown long enough ago: a person's pace
        raise ValidationError(
            _("The answer came too fast. Read the questions and send again."), code="fast"
        )
        return data

    def answers(self) -> dict[int, str]:
        return {
            question.pk: str(self.cleaned_data.get(f"question_{question.pk}") or "")
            for question in self.questions
        }


class HearingForm(_PlanChoiceMixin, LenientNumbersMixin, forms.Form):
    held_on = date_field(_("Held on"))
    attendance = forms.IntegerField(
        label=_("How many came"), required=False, min_value=0, max_value=100000
    )
    who_came = text_field(_("Who came"), required=True, rows=3)
    what_was_said = text_field(_("What was said"), required=True, rows=8)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heard_groups"] = _groups_field()
        self._plans(plans)
        self.fields["who_came"].help_text = _(
            "For example: village association members, 25 residents. The record is public "
            "with the annual clock: do not name private persons."
        )

    def hearing_data(self) -> HearingData:
        data = self.cleaned_data
        return HearingData(
            held_on=data["held_on"],
            attendance=data["attendance"],
            who_came=data["who_came"],
            what_was_said=data["what_was_said"],
            heard_groups=list(data["heard_groups"]),
            plan=data["plan"],
        )
