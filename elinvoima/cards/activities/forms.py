"""Forms of activity reports, made for a phone: the few things every report needs first,
the rest under "More details"; numbers open the phone's number pad."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elinvoima.cards.activities.models import MAX_HOURS
from elinvoima.cards.activities.services import ActivityData, ClubData
from elinvoima.cards.enums import ActivityKind
from elinvoima.core.forms import LenientNumbersMixin
from elinvoima.core.models import MAX_COUNT
from elinvoima.strategy.models import Goal

# The fields under "More details": the template opens them when one of them has an error.
DETAILS = (
    "ends_on",
    "place",
    "village",
    "from_remote_villages",
    "summer_residents",
    "outside_associations",
    "other_partners",
    "description",
)


def count_field(label, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=MAX_COUNT,
        initial=0,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )


def hours_field(label) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_value=MAX_HOURS,
        max_digits=7,
        decimal_places=1,
        initial=0,
        help_text=_("All volunteers together, for example 6 or 7.5."),
        widget=forms.NumberInput(attrs={"min": 0}),
    )


def date_field(label, *, required=True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class _GoalsMixin:
    def _goals(self, groups, extra=()) -> None:
        ids = {goal.pk for group in groups for goal in group.goals} | {g.pk for g in extra}
        self.goal_groups = groups
        self.fields["sub_goals"].queryset = Goal.objects.filter(pk__in=ids).select_related("plan")

    def goal_choices(self):
        """(card, [(goal, checked)]) for the template's checkboxes grouped by card."""
        field = self["sub_goals"]
        chosen = {str(value) for value in (field.value() or [])}
        return [
            (group.card, [(goal, str(goal.pk) in chosen) for goal in group.goals])
            for group in self.goal_groups
        ]


class _Counts(forms.Form):
    """How many came and who helped: the same in an activity report and a club meeting."""

    participants = count_field(_("Participants"))
    in_target_group = count_field(_("Of whom in the target group"))
    beyond_members = count_field(
        _("Of whom not members of the association"),
        _("People reached beyond your own members."),
    )
    volunteers = count_field(_("Volunteers"))
    volunteer_hours = hours_field(_("Volunteer hours"))


# The counts' place in a form that declares fields before them (the date's).
COUNTS = ("participants", "in_target_group", "beyond_members", "volunteers", "volunteer_hours")


class ActivityForm(LenientNumbersMixin, _GoalsMixin, _Counts):
    field_order = ("name", "kind", "starts_on", *COUNTS)

    name = forms.CharField(
        label=_("What did you do?"),
        max_length=200,
        help_text=_("For example: a walker march to the opening of the grazing season."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ActivityKind.choices, widget=forms.RadioSelect
    )
    starts_on = date_field(_("Date"))
    sub_goals = forms.ModelMultipleChoiceField(
        label=_("Which goals did it serve?"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ends_on = date_field(_("Last day (an activity of many days)"), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False)
    from_remote_villages = forms.BooleanField(
        label=_("People from remote villages"), required=False
    )
    summer_residents = forms.BooleanField(label=_("Summer residents"), required=False)
    outside_associations = forms.BooleanField(
        label=_("People outside any association"), required=False
    )
    other_partners = forms.CharField(
        label=_("Partners"),
        max_length=300,
        required=False,
        help_text=_("For example: the parish, the village school."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    client_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, groups, villages, extra_goals=(), **kwargs):
        kwargs["initial"] = dict(kwargs.get("initial") or {})
        kwargs["initial"].setdefault("starts_on", timezone.localdate())
        kwargs["initial"].setdefault("kind", ActivityKind.EVENT)
        kwargs["initial"].setdefault("client_key", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        self._goals(groups, extra_goals)

    def details_open(self) -> bool:
        return any(name in self.errors for name in DETAILS)

    def main_fields(self):
        return [
            self[name]
            for name in self.fields
            if name not in DETAILS and name != "sub_goals" and not self[name].is_hidden
        ]

    def detail_fields(self):
        return [self[name] for name in DETAILS]

    def data_for_service(self, municipality) -> ActivityData:
        data = self.cleaned_data
        return ActivityData(
            kind=data["kind"],
            name=data["name"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            participants=data["participants"],
            in_target_group=data["in_target_group"],
            beyond_members=data["beyond_members"],
            volunteers=data["volunteers"],
            volunteer_hours=data["volunteer_hours"],
            place=data["place"],
            village=data["village"],
            from_remote_villages=data["from_remote_villages"],
            summer_residents=data["summer_residents"],
            outside_associations=data["outside_associations"],
            other_partners=data["other_partners"],
            sub_goals=tuple(data["sub_goals"]),
            description=data["description"],
            municipality=municipality,
        )


class ClubMeetingForm(LenientNumbersMixin, _Counts):
    """One meeting of a club: the day and how many came, the volunteers as usual."""

    field_order = ("starts_on", *COUNTS)

    starts_on = date_field(_("Date"))
    client_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, club, **kwargs):
        kwargs["initial"] = dict(kwargs.get("initial") or {})
        kwargs["initial"].update(
            starts_on=timezone.localdate(),
            volunteers=club.volunteers,
            volunteer_hours=club.volunteer_hours,
            client_key=uuid.uuid4(),
        )
        super().__init__(*args, **kwargs)


class ClubForm(LenientNumbersMixin, _GoalsMixin, forms.Form):
    name = forms.CharField(
        label=_("Name of the club"),
        max_length=200,
        help_text=_("For example: the Tuesday exercise club."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ActivityKind.choices, initial=ActivityKind.CLUB
    )
    schedule = forms.CharField(
        label=_("When it meets"),
        max_length=100,
        required=False,
        help_text=_("For example: Tuesdays at 13."),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False)
    volunteers = count_field(_("Volunteers at a meeting"))
    volunteer_hours = hours_field(_("Volunteer hours of a meeting"))
    sub_goals = forms.ModelMultipleChoiceField(
        label=_("Which goals does it serve?"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(label=_("The club meets now"), required=False, initial=True)

    def __init__(self, *args, groups, villages, extra_goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        self._goals(groups, extra_goals)

    def plain_fields(self):
        return [self[name] for name in self.fields if name != "sub_goals"]

    def data_for_service(self) -> ClubData:
        data = self.cleaned_data
        return ClubData(
            name=data["name"],
            kind=data["kind"],
            schedule=data["schedule"],
            place=data["place"],
            village=data["village"],
            sub_goals=tuple(data["sub_goals"]),
            volunteers=data["volunteers"],
            volunteer_hours=data["volunteer_hours"],
            is_active=data["is_active"],
        )
