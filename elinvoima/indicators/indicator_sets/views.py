"""Pages of the indicator sets: a municipality's sets, the presets, one set, and the editor
where a set's owner adds indicators from the catalogue, removes and orders them.

A set is a list of public indicators and holds nothing personal, so reading is public (a
welfare plan that follows a set is public too); changing needs
`indicators.change_indicator_set`, creating a municipality's set
`indicators.manage_municipality_indicators`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from elinvoima.actors.enums import Role
from elinvoima.actors.models import Municipality
from elinvoima.actors.permissions import _municipality_ids
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.indicators.indicator_sets.forms import (
    IndicatorSearchForm,
    IndicatorSetCreateForm,
    IndicatorSetForm,
)
from elinvoima.indicators.indicator_sets.selectors import (
    indicator_set_candidates,
    indicator_set_items,
    indicator_set_presets,
    indicator_sets_of_municipality,
)
from elinvoima.indicators.indicator_sets.services import (
    indicator_set_create,
    indicator_set_delete,
    indicator_set_item_add,
    indicator_set_item_move,
    indicator_set_item_remove,
    indicator_set_update,
)
from elinvoima.indicators.models import Indicator, IndicatorSet


def _municipality(kwargs) -> Municipality:
    return get_object_or_404(Municipality, code=kwargs["code"])


class IndicatorSetListView(TemplateView):
    template_name = "indicators/indicator_sets/municipality_sets.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = _municipality(self.kwargs)
        context.update(
            municipality=municipality,
            sets=indicator_sets_of_municipality(municipality=municipality),
            presets=indicator_set_presets(),
            can_manage=self.request.user.has_perm(
                "indicators.manage_municipality_indicators", municipality
            ),
        )
        return context


class IndicatorSetPresetListView(TemplateView):
    template_name = "indicators/indicator_sets/presets.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            presets=indicator_set_presets(),
            can_add=self.request.user.has_perm("indicators.change_indicator_set", None),
        )
        return context


class IndicatorSetCreateView(PermissionRequiredMixin, TemplateView):
    """A municipality's new set, or (without a municipality) a new preset."""

    template_name = "indicators/indicator_sets/create.html"
    permission_required = "indicators.manage_municipality_indicators"

    def get_municipality(self) -> Municipality | None:
        if not hasattr(self, "municipality"):
            self.municipality = _municipality(self.kwargs) if "code" in self.kwargs else None
        return self.municipality

    def get_permission_object(self):
        return self.get_municipality()

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        if self.get_municipality() is None:
            return IndicatorSetForm(data)
        initial = {"copy_from": self.request.GET.get("from", "")}
        return IndicatorSetCreateForm(data, initial=initial, presets=indicator_set_presets())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context["municipality"] = self.get_municipality()
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            data = form.cleaned_data
            try:
                indicator_set = indicator_set_create(
                    name=data["name"],
                    kind=data["kind"],
                    description=data["description"],
                    year=data["year"],
                    municipality=self.get_municipality(),
                    copy_from=data.get("preset"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The indicator set was created."))
                return redirect("indicators:indicator-set-edit", pk=indicator_set.pk)
        return self.render_to_response(self.get_context_data(form=form))


class PresetCreateView(IndicatorSetCreateView):
    permission_required = "indicators.change_indicator_set"


class _SetMixin(ObjectPermissionMixin):
    model = IndicatorSet
    select_related = ("municipality", "wellbeing_county")

    def get_set(self) -> IndicatorSet:
        return self.url_object


class IndicatorSetDetailView(_SetMixin, TemplateView):
    template_name = "indicators/indicator_sets/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator_set = self.get_set()
        user = self.request.user
        context.update(
            indicator_set=indicator_set,
            items=indicator_set_items(indicator_set=indicator_set),
            can_change=user.has_perm("indicators.change_indicator_set", indicator_set),
            copy_to=_municipalities_to_copy_to(user, indicator_set),
        )
        return context


def _municipalities_to_copy_to(user, indicator_set: IndicatorSet) -> list[Municipality]:
    """The municipalities whose coordinator the user is, for the "copy" links of a preset."""
    if not indicator_set.is_preset or not user.is_authenticated:
        return []
    return list(
        Municipality.objects.filter(pk__in=_municipality_ids(user, Role.COORDINATOR)).order_by(
            "name"
        )
    )


class IndicatorSetEditView(_SetMixin, TemplateView):
    """The set's details and indicators. Each button posts one change and comes back."""

    template_name = "indicators/indicator_sets/edit.html"
    permission_required = "indicators.change_indicator_set"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator_set = self.get_set()
        search = IndicatorSearchForm(self.request.GET or None)
        query = search.cleaned_data["q"] if search.is_valid() else ""
        context.setdefault("form", IndicatorSetForm(instance=indicator_set))
        context.update(
            indicator_set=indicator_set,
            items=list(indicator_set_items(indicator_set=indicator_set)),
            search=search,
            query=query,
            results=indicator_set_candidates(query=query, indicator_set=indicator_set),
        )
        return context

    def post(self, request, *args, **kwargs):
        indicator_set = self.get_set()
        action = request.POST.get("action", "")
        back = reverse("indicators:indicator-set-edit", kwargs={"pk": indicator_set.pk})
        try:
            if action == "save":
                # A copy, so that a refused form does not change the set the page shows.
                form = IndicatorSetForm(
                    request.POST, instance=IndicatorSet.objects.get(pk=indicator_set.pk)
                )
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                indicator_set_update(indicator_set=indicator_set, **form.cleaned_data)
                messages.success(request, _("The indicator set was saved."))
            elif action == "add":
                indicator = get_object_or_404(Indicator, pk=_int(request.POST.get("indicator")))
                indicator_set_item_add(indicator_set=indicator_set, indicator=indicator)
                messages.success(
                    request, _("“%(title)s” was added to the set.") % {"title": indicator.title}
                )
                query = request.POST.get("q", "")
                if query:
                    back += "?" + urlencode({"q": query})
            elif action == "remove":
                indicator_set_item_remove(
                    indicator_set=indicator_set, item_id=_int(request.POST.get("item"))
                )
                messages.success(request, _("The indicator was removed from the set."))
            elif action in ("up", "down"):
                indicator_set_item_move(
                    indicator_set=indicator_set,
                    item_id=_int(request.POST.get("item")),
                    offset=-1 if action == "up" else 1,
                )
                messages.success(request, _("The order was changed."))
            else:
                messages.error(request, _("Unknown action; nothing was changed."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(back)


def _int(raw) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


class IndicatorSetDeleteView(_SetMixin, TemplateView):
    template_name = "indicators/indicator_sets/delete.html"
    permission_required = "indicators.change_indicator_set"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["indicator_set"] = self.get_set()
        return context

    def post(self, request, *args, **kwargs):
        indicator_set = self.get_set()
        municipality = indicator_set.municipality
        indicator_set_delete(indicator_set=indicator_set)
        messages.success(request, _("The indicator set was deleted."))
        if municipality is not None:
            return redirect("indicators:indicator-set-list", code=municipality.code)
        return redirect("indicators:indicator-set-presets")
