"""Forms of help requests: the coordinator's request, the association's offer (short, for a
phone), the coordinator's reply and what was done."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.models import Municipality, TargetGroup, Theme, Village
from elinvoima.cards.activities.forms import count_field, date_field, hours_field
from elinvoima.cards.enums import HelpOfferState
from elinvoima.cards.help.services import HelpDoneData, HelpRequestData
from elinvoima.core.forms import LenientNumbersMixin
from elinvoima.core.models import MAX_COUNT
from elinvoima.strategy.models import Goal


def _choices(label, queryset, help_text="") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        required=False,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
    )


class HelpRequestForm(LenientNumbersMixin, forms.Form):
    title = forms.CharField(
        label=_("What help is needed?"),
        max_length=200,
        help_text=_("For example: visiting lonely elderly people in winter."),
    )
    description = forms.CharField(
        label=_("What is it about?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What happens, and what the helpers would do."),
    )
    starts_on = date_field(_("From"))
    ends_on = date_field(_("Until (help over many days)"), required=False)
    time = forms.CharField(
        label=_("At what time"),
        max_length=100,
        required=False,
        help_text=_("For example: mornings."),
    )
    place = forms.CharField(label=_("Where"), max_length=200, required=False)
    for_whom = forms.CharField(
        label=_("For whom"),
        max_length=200,
        required=False,
        help_text=_("For example: elderly people living alone in the villages."),
    )
    helpers_needed = forms.IntegerField(
        label=_("Helpers needed"),
        required=False,
        min_value=0,
        max_value=MAX_COUNT,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )
    answer_by = date_field(_("Answers by"))
    themes = _choices(
        _("Themes"),
        Theme.objects.none(),
        _(
            "The request goes to the associations that share any of the themes, target groups "
            "or villages chosen; to all associations when none is chosen."
        ),
    )
    target_groups = _choices(_("Target groups"), TargetGroup.objects.none())
    villages = _choices(_("Villages"), Village.objects.none())
    sub_goals = _choices(
        _("Goals it serves"),
        Goal.objects.none(),
        _("The help done is counted for these goals in the wellbeing cards."),
    )
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    # Shown in the form's "Who is asked" part; the rest above it.
    AUDIENCE = ("themes", "target_groups", "villages", "sub_goals")

    def __init__(self, *args, municipality: Municipality, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.order_by("position", "code")
        self.fields["target_groups"].queryset = TargetGroup.objects.order_by("position", "code")
        self.fields["villages"].queryset = Village.objects.filter(
            municipality=municipality
        ).order_by("name")
        self.fields["sub_goals"].queryset = goals
        if not self.is_bound and "starts_on" not in self.initial:
            self.initial["answer_by"] = self.initial["starts_on"] = timezone.localdate()

    def request_fields(self):
        return [field for field in self if field.name not in self.AUDIENCE and not field.is_hidden]

    def audience_fields(self):
        return [self[name] for name in self.AUDIENCE]

    def data_for_service(self) -> HelpRequestData:
        data = self.cleaned_data
        return HelpRequestData(
            **{
                name: data[name]
                for name in (
                    "title",
                    "starts_on",
                    "answer_by",
                    "description",
                    "ends_on",
                    "time",
                    "place",
                    "for_whom",
                    "helpers_needed",
                )
            },
            **{name: tuple(data[name]) for name in self.AUDIENCE},
        )


class HelpSendForm(forms.Form):
    recipients = _choices(_("Send to"), None)

    def __init__(self, *args, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = associations


class HelpOfferForm(LenientNumbersMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Association"), queryset=None, widget=forms.HiddenInput
    )
    text = forms.CharField(
        label=_("What can you offer?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: two volunteers on Saturdays."),
    )
    helpers = count_field(_("How many helpers"))
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class HelpReplyForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Reply"),
        choices=[
            (HelpOfferState.ACCEPTED, _("Take the offer up")),
            (HelpOfferState.DECLINED, _("Not needed this time")),
        ],
        widget=forms.RadioSelect,
    )
    reply = forms.CharField(
        label=_("A word to the association"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)


class HelpDoneForm(LenientNumbersMixin, forms.Form):
    starts_on = date_field(_("Date"))
    ends_on = date_field(_("Last day (help over many days)"), required=False)
    participants = count_field(_("How many were helped or took part"))
    in_target_group = count_field(_("Of whom in the target group"))
    volunteers = count_field(_("Volunteers"))
    volunteer_hours = hours_field(_("Volunteer hours"))
    description = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def data_for_service(self) -> HelpDoneData:
        data = self.cleaned_data
        return HelpDoneData(
            **{
                name: data[name]
                for name in (
                    "starts_on",
                    "ends_on",
                    "participants",
                    "in_target_group",
                    "volunteers",
                    "volunteer_hours",
                    "description",
                )
            }
        )
