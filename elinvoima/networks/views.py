"""Pages of networks: a municipality's or county's networks, a network's page with its
people and meetings, and the forms of those who run it. Thin: selectors read, services
write."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.permissions import visible_organisation_ids
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin

from .forms import MemberAddForm, MemberChangeForm, MemberEndForm, NetworkForm
from .models import Network, NetworkMembership
from .selectors import (
    forwards_received,
    forwards_to_bodies,
    member_organisation_choices,
    network_meetings,
    network_people,
    networks_of,
    people_to_add,
    representable_organisations,
    upcoming_and_past,
)
from .services import (
    PersonData,
    membership_add,
    membership_change,
    membership_end,
    network_save,
    network_version,
)


@dataclass
class NetworkGroup:
    heading: str | Promise
    networks: list[Network] = field(default_factory=list)


def network_groups(networks: Iterable[Network]) -> list[NetworkGroup]:
    """Networks by the interface (yhdyspinta) they work on, in the themes' order, as seed
    001's regional catalogue lists them; networks without one by kind, after those."""
    by_theme: dict[int, NetworkGroup] = {}
    by_kind: dict[str, NetworkGroup] = {}
    for network in networks:
        theme = network.interface_theme
        if theme is not None:
            group = by_theme.setdefault(theme.pk, NetworkGroup(heading=theme.name))
        else:
            group = by_kind.setdefault(
                network.kind, NetworkGroup(heading=network.get_kind_display())
            )
        group.networks.append(network)
    themed = sorted(by_theme.values(), key=lambda g: g.networks[0].interface_theme.position)
    return [*themed, *by_kind.values()]


def municipality_networks(request, code: str):
    municipality = get_object_or_404(Municipality, code=code)
    manages = request.user.has_perm("networks.add_network", municipality)
    return render(
        request,
        "networks/network_list.html",
        {
            "owner": municipality,
            "groups": network_groups(networks_of(user=request.user, municipality=municipality)),
            "parent_list_url": "actors:municipality-list",
            "add_url": "networks:municipality-network-add" if manages else None,
            "forwards": list(forwards_to_bodies(municipality)) if manages else [],
        },
    )


def county_networks(request, code: str):
    county = get_object_or_404(WellbeingCounty, code=code)
    manages = request.user.has_perm("networks.add_network", county)
    return render(
        request,
        "networks/network_list.html",
        {
            "owner": county,
            "groups": network_groups(networks_of(user=request.user, county=county)),
            "parent_list_url": "actors:county-list",
            "add_url": "networks:county-network-add" if manages else None,
            "forwards": [],
        },
    )


class NetworkView(ObjectPermissionMixin, TemplateView):
    """A network's page: its tasks, people (and, for those who run it, their history),
    member organisations, meetings and the decisions forwarded to it."""

    model = Network
    view_permission = "networks.view_network"
    anonymous_to_login = True
    template_name = "networks/network.html"
    context_object_name = "network"
    select_related = ("municipality", "wellbeing_county", "organisation", "coordinator")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        network, user = self.url_object, self.request.user
        people = list(network_people(network))
        manages = user.has_perm("networks.manage_network", network)
        upcoming, past = upcoming_and_past(network_meetings(network, user))
        members = list(network.members.order_by("name"))
        shown = [m.pk for m in members] + [p.organisation_id for p in people if p.organisation_id]
        context.update(
            current=[m for m in people if m.is_current],
            history=[m for m in people if not m.is_current] if manages else [],
            members=members,
            visible_organisations=visible_organisation_ids(user, shown),
            manages=manages,
            upcoming=upcoming,
            past=past,
            forwards=list(forwards_received(network)) if manages else [],
        )
        return context


class _NetworkFormView(ObjectPermissionMixin, TemplateView):
    template_name = "networks/network_form.html"

    @cached_property
    def network(self) -> Network | None:
        return self.url_object if self.model is Network else None

    def _form(self, data=None) -> NetworkForm:
        network = self.network
        if network is not None:
            initial = {
                name: getattr(network, name)
                for name in NetworkForm.base_fields
                if name not in ("members", "loaded_version")
            }
            initial.update(
                members=list(network.members.all()), loaded_version=network_version(network)
            )
            organisations = member_organisation_choices(network)
        else:
            initial = {"is_public": True}
            probe = Network()
            probe.owner_assign(self.url_object)
            organisations = member_organisation_choices(probe)
        return NetworkForm(data, initial=initial, organisations=organisations)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(
            network=self.network, owner=self.network.owner if self.network else self.url_object
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        network = saved_by(
            form,
            lambda: network_save(
                user=request.user,
                owner=None if self.network else self.url_object,
                network=self.network,
                data=form.data_for_service(),
                members=list(form.cleaned_data["members"]),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if network:
            messages.success(request, _("The network was saved."))
            return redirect(network)
        return self.render_to_response(self.get_context_data(form=form))


class MunicipalityNetworkCreateView(_NetworkFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "networks.add_network"


class CountyNetworkCreateView(_NetworkFormView):
    model = WellbeingCounty
    lookup_field = "code"
    permission_required = "networks.add_network"


class NetworkEditView(_NetworkFormView):
    model = Network
    view_permission = "networks.view_network"
    permission_required = "networks.manage_network"
    anonymous_to_login = True


class MemberAddView(ObjectPermissionMixin, TemplateView):
    model = Network
    view_permission = "networks.view_network"
    permission_required = "networks.manage_network"
    anonymous_to_login = True
    template_name = "networks/member_form.html"
    context_object_name = "network"

    def _form(self, data=None):
        network = self.url_object
        return MemberAddForm(
            data, people=people_to_add(network), organisations=representable_organisations(network)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["heading"] = _("Add a member")
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        membership = saved_by(
            form,
            lambda: membership_add(
                user=request.user,
                network=self.url_object,
                person=PersonData(
                    user=form.cleaned_data["person"],
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    email=form.cleaned_data["email"],
                ),
                role=form.cleaned_data["role"],
                organisation=form.cleaned_data["organisation"],
                starts_on=form.cleaned_data["starts_on"],
            ),
        )
        if membership:
            messages.success(
                request, _("%(name)s was added.") % {"name": membership.user.get_full_name()}
            )
            return redirect(self.url_object)
        return self.render_to_response(self.get_context_data(form=form))


class _MembershipView(ObjectPermissionMixin, TemplateView):
    model = NetworkMembership
    view_permission = "networks.view_network"
    permission_required = "networks.manage_network"
    anonymous_to_login = True
    template_name = "networks/member_form.html"
    context_object_name = "membership"
    select_related = ("network", "user", "organisation")

    def get_permission_object(self):
        return self.url_object.network

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(network=self.url_object.network, heading=self.heading)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(form, lambda: self.save(form)):
            messages.success(request, self.done)
            return redirect(self.url_object.network)
        return self.render_to_response(self.get_context_data(form=form))


class MemberChangeView(_MembershipView):
    @property
    def heading(self):
        return _("Change the role of %(name)s") % {"name": self.url_object.user.get_full_name()}

    @property
    def done(self):
        return _("The new role was recorded; the earlier one is kept as history.")

    def _form(self, data=None):
        membership = self.url_object
        return MemberChangeForm(
            data,
            initial={"role": membership.role, "organisation": membership.organisation},
            organisations=representable_organisations(membership.network),
        )

    def save(self, form):
        return membership_change(
            user=self.request.user, membership=self.url_object, **form.cleaned_data
        )


class MemberEndView(_MembershipView):
    @property
    def heading(self):
        return _("%(name)s leaves the network") % {"name": self.url_object.user.get_full_name()}

    @property
    def done(self):
        return _("The membership ended; it is kept as history.")

    def _form(self, data=None):
        return MemberEndForm(data)

    def save(self, form):
        return membership_end(
            user=self.request.user, membership=self.url_object, ends_on=form.cleaned_data["ends_on"]
        )
