"""Forms of plans, priority areas, goals and goal indicators. Validation that a service also
enforces (periods, target years, frozen versions) is asked of the service, so the form and
the service never disagree; the messages carry a code and say what to do."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from elinvoima.actors.directory.forms import QuickSelect
from elinvoima.actors.models import Organisation, TargetGroup, User
from elinvoima.core.forms import LenientNumbersMixin, TranslatedFieldsMixin
from elinvoima.indicators.enums import RegionCategory
from elinvoima.indicators.models import Indicator, IndicatorSet, Region
from elinvoima.networks.selectors import networks_of_area
from elinvoima.strategy.enums import DecisionOutcome, PlanKind
from elinvoima.strategy.models import Goal, GoalIndicator, Plan, PriorityArea
from elinvoima.strategy.plans.services import goal_indicator_validate, version_of

YEAR_MIN, YEAR_MAX = 2000, 2100

MUNICIPALITY_KINDS = [kind for kind in PlanKind if kind != PlanKind.REGIONAL_WELFARE_PLAN]
COUNTY_KINDS = [
    kind for kind in PlanKind if kind not in (PlanKind.WELFARE_REPORT, PlanKind.WELFARE_PLAN)
]


def _year_field(field: forms.Field) -> None:
    field.validators += [MinValueValidator(YEAR_MIN), MaxValueValidator(YEAR_MAX)]
    field.widget.attrs.update(min=YEAR_MIN, max=YEAR_MAX)


class LoadedAtMixin(forms.Form):
    """The object's `updated_at` when the form was opened: the service refuses the save when
    someone else saved in between (the house pattern of actors.forms)."""

    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def init_loaded_at(self) -> None:
        if not self.is_bound and getattr(self.instance, "pk", None):
            # The version the service compares, as the API's ETag carries it.
            self.initial["loaded_at"] = version_of(self.instance)


class PlanForm(TranslatedFieldsMixin, LoadedAtMixin, forms.ModelForm):
    required_translations = ("title",)

    class Meta:
        model = Plan
        fields = [
            "kind",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "start_year",
            "end_year",
            "indicator_sets",
        ]
        labels = {
            "title_fi": _("Title in Finnish"),
            "title_sv": _("Title in Swedish"),
            "title_en": _("Title in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
            "description_en": _("Description in English"),
            "indicator_sets": _("Indicator sets the plan follows"),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "indicator_sets": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, owner_kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = {"municipality": MUNICIPALITY_KINDS, "wellbeing_county": COUNTY_KINDS}.get(
            owner_kind, list(PlanKind)
        )
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]
        self.fields["indicator_sets"].queryset = indicator_sets_for(self.instance)
        for name in ("start_year", "end_year"):
            _year_field(self.fields[name])
        self.init_loaded_at()

    # The years are checked against the owner's other plans by the service the view calls
    # (`plan_create`, `plan_update`), after it has asked whether the user may save the plan.


class PriorityAreaForm(TranslatedFieldsMixin, forms.ModelForm):
    required_translations = ("title",)

    class Meta:
        model = PriorityArea
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "networks",
        ]
        labels = {
            "networks": _("Networks that answer for it"),
            "title_fi": _("Title in Finnish"),
            "title_sv": _("Title in Swedish"),
            "title_en": _("Title in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "networks": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["networks"].queryset = area_network_choices(self.instance.plan)


def area_network_choices(plan: Plan):
    """Networks that may answer for a priority area: the plan owner's own."""
    return networks_of_area(
        municipality_id=plan.municipality_id, wellbeing_county_id=plan.wellbeing_county_id
    )


def owner_organisations_for(plan: Plan):
    """Organisations that can own a goal of the plan: those of its municipality, county
    or network."""
    match plan.owner_kind:
        case "municipality":
            condition = Q(municipality_id=plan.municipality_id) | Q(
                municipalities=plan.municipality_id
            )
        case "wellbeing_county":
            condition = Q(wellbeing_county_id=plan.wellbeing_county_id) | Q(
                municipality__wellbeing_county_id=plan.wellbeing_county_id
            )
        case _:
            condition = Q(networks=plan.network_id) | Q(coordinated_networks=plan.network_id)
    ids = Organisation.objects.filter(condition).values("pk")
    return Organisation.objects.filter(pk__in=ids).order_by("name_fi")


def indicator_sets_for(plan: Plan):
    """The indicator sets a plan and its goals can follow: the owner's own and the shared
    presets (a network's plan: those of the network's municipality or county)."""
    kind, pk = plan.area
    condition = Q(is_preset=True) | Q(**{f"{kind}_id": pk})
    return IndicatorSet.objects.filter(condition).order_by("name", "pk")


def owner_users_for(plan: Plan):
    match plan.owner_kind:
        case "municipality":
            condition = Q(memberships__organisation__municipality_id=plan.municipality_id)
        case "wellbeing_county":
            condition = Q(memberships__organisation__wellbeing_county_id=plan.wellbeing_county_id)
        case _:
            condition = Q(network_memberships__network_id=plan.network_id)
    ids = User.objects.filter(condition).values("pk")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("last_name", "first_name")


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.username


class GoalForm(TranslatedFieldsMixin, LoadedAtMixin, forms.ModelForm):
    required_translations = ("title",)

    owner_users = UserChoiceField(
        label=_("Owners with an account"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("They can update the goal tracking card."),
    )

    class Meta:
        model = Goal
        fields = [
            "priority_area",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "owner_names",
            "owner_organisations",
            "owner_users",
            "target_groups",
            "indicator_sets",
        ]
        labels = {
            "indicator_sets": _("Indicator sets the goal follows"),
            "title_fi": _("Title in Finnish"),
            "title_sv": _("Title in Swedish"),
            "title_en": _("Title in English"),
            "description_fi": _("Description in Finnish"),
            "description_sv": _("Description in Swedish"),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "target_groups": forms.CheckboxSelectMultiple,
            "indicator_sets": forms.CheckboxSelectMultiple,
            "owner_organisations": forms.SelectMultiple(attrs={"size": 8}),
            "owner_users": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, plan: Plan, is_sub_goal: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["priority_area"].queryset = PriorityArea.objects.filter(plan=plan)
        self.fields["priority_area"].empty_label = None
        if is_sub_goal:
            del self.fields["priority_area"]
        self.fields["owner_organisations"].queryset = owner_organisations_for(plan)
        self.fields["owner_users"].queryset = owner_users_for(plan)
        self.fields["target_groups"].queryset = TargetGroup.objects.order_by("position")
        self.fields["indicator_sets"].queryset = indicator_sets_for(plan)
        self.init_loaded_at()


class GoalIndicatorForm(LenientNumbersMixin, forms.ModelForm):
    class Meta:
        model = GoalIndicator
        fields = [
            "indicator",
            "region",
            "direction",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_comparison",
            "target_value",
        ]
        widgets = {
            "indicator": QuickSelect,
            "region": QuickSelect,
            "direction": QuickSelect,
            "target_comparison": QuickSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.order_by("title_fi", "pk")
        self.fields["region"].queryset = Region.objects.filter(
            category__in=[
                RegionCategory.MUNICIPALITY,
                RegionCategory.WELLBEING_COUNTY,
                RegionCategory.COUNTRY,
            ]
        ).order_by("category", "title_fi")
        self.fields["region"].empty_label = _("The plan's own area")
        for name in ("baseline_year", "target_year"):
            _year_field(self.fields[name])

    def clean(self):
        cleaned = super().clean()
        probe = GoalIndicator(
            baseline_year=cleaned.get("baseline_year"),
            baseline_value=cleaned.get("baseline_value"),
            target_year=cleaned.get("target_year"),
            target_value=cleaned.get("target_value"),
        )
        try:
            goal_indicator_validate(probe)
        except ValidationError as error:
            for name, errors in error.error_dict.items():
                if name not in self.errors:
                    for item in errors:
                        self.add_error(name, item)
        return cleaned


GoalIndicatorFormSet = forms.inlineformset_factory(
    Goal, GoalIndicator, form=GoalIndicatorForm, extra=1, can_delete=True, max_num=20
)


def formset_changes(formset) -> tuple[list[GoalIndicator], list[GoalIndicator]]:
    """(to save, to delete) of a valid inline formset, without saving anything."""
    to_save, to_delete = [], []
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            if form.instance.pk:
                to_delete.append(form.instance)
            continue
        if form.instance.pk is None and not form.has_changed():
            continue
        to_save.append(form.instance)
    return to_save, to_delete


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=DecisionOutcome.choices,
        widget=forms.RadioSelect,
        initial=DecisionOutcome.APPROVED,
    )
    decided_on = forms.DateField(
        label=_("Date of decision"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example: 2025-03-31."),
    )
    reference = forms.CharField(
        label=_("Minutes reference"),
        required=False,
        max_length=200,
        help_text=_("For example: § 45."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class GoalDeleteForm(forms.Form):
    delete_measures = forms.BooleanField(
        label=_("Yes, delete the measures listed above together with the goal"),
        required=False,
    )
