"""Pages of agreements and facilities: a municipality's or county's agreements, an
agreement's page (public once published), and the forms of its coordinators. Thin:
selectors read, services write."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ConfirmView, ObjectPermissionMixin
from elinvoima.networks.agreements.forms import AgreementForm, FacilityForm, PartyForm
from elinvoima.networks.agreements.models import Agreement, AgreementParty, Facility
from elinvoima.networks.agreements.selectors import (
    agreement_parties,
    agreements_of,
    facilities_of,
    party_choices,
)
from elinvoima.networks.agreements.services import (
    TEXTS,
    agreement_new_version,
    agreement_publish,
    agreement_save,
    agreement_version,
    default_principles,
    facility_delete,
    facility_save,
    party_remove,
    party_save,
)

VIEW = "networks.view_agreement"
CHANGE = "networks.change_agreement"


def agreements_url(owner) -> str:
    if isinstance(owner, Municipality):
        return redirect("networks:municipality-agreements", code=owner.code).url
    return redirect("networks:county-agreements", code=owner.code).url


class _AgreementListView(ObjectPermissionMixin, TemplateView):
    template_name = "networks/agreements/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner, user = self.url_object, self.request.user
        municipality = owner if isinstance(owner, Municipality) else None
        context.update(
            owner=owner,
            agreements=list(agreements_of(owner, user)),
            facilities=list(facilities_of(municipality)) if municipality else [],
            municipality=municipality,
            can_add=user.has_perm("networks.add_agreement", owner),
            can_change_facilities=municipality is not None
            and user.has_perm("networks.change_facilities", municipality),
        )
        return context


class MunicipalityAgreementsView(_AgreementListView):
    model = Municipality
    lookup_field = "code"


class CountyAgreementsView(_AgreementListView):
    model = WellbeingCounty
    lookup_field = "code"


class AgreementView(ObjectPermissionMixin, TemplateView):
    model = Agreement
    view_permission = VIEW
    anonymous_to_login = True
    template_name = "networks/agreements/agreement.html"
    context_object_name = "agreement"
    select_related = ("municipality", "wellbeing_county", "previous_version")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement, user = self.url_object, self.request.user
        newer = Agreement.objects.filter(previous_version=agreement).first()
        context.update(
            parties=list(agreement_parties(agreement)),
            facilities=list(facilities_of(agreement.municipality))
            if agreement.municipality_id
            else [],
            can_change=user.has_perm(CHANGE, agreement),
            can_version=user.has_perm("networks.version_agreement", agreement)
            and agreement.published_at is not None
            and newer is None,
            newer=newer if newer and user.has_perm(VIEW, newer) else None,
            list_url=agreements_url(agreement.owner),
        )
        return context


class _AgreementFormView(ObjectPermissionMixin, TemplateView):
    template_name = "networks/agreements/agreement_form.html"
    anonymous_to_login = True

    @cached_property
    def agreement(self) -> Agreement | None:
        return self.url_object if self.model is Agreement else None

    @cached_property
    def owner(self):
        return self.agreement.owner if self.agreement else self.url_object

    def _form(self, data=None):
        agreement = self.agreement
        if agreement is None:
            kind = self.request.GET.get("kind", "partnership_document")
            initial = {
                "kind": kind,
                "principles_fi": default_principles("fi"),
                "principles_sv": default_principles("sv"),
            }
        else:
            initial = {
                f"{text}_{language}": getattr(agreement, f"{text}_{language}")
                for text in TEXTS
                for language in ("fi", "sv")
            }
            initial.update(
                kind=agreement.kind,
                valid_from=agreement.valid_from,
                valid_until=agreement.valid_until,
                loaded_version=agreement_version(agreement),
            )
        return AgreementForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(
            agreement=self.agreement, owner=self.owner, list_url=agreements_url(self.owner)
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        agreement = saved_by(
            form,
            lambda: agreement_save(
                user=request.user,
                owner=self.owner,
                agreement=self.agreement,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if agreement:
            messages.success(request, _("The agreement was saved."))
            return redirect(agreement)
        return self.render_to_response(self.get_context_data(form=form))


class MunicipalityAgreementCreateView(_AgreementFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "networks.add_agreement"


class CountyAgreementCreateView(_AgreementFormView):
    model = WellbeingCounty
    lookup_field = "code"
    permission_required = "networks.add_agreement"


class AgreementEditView(_AgreementFormView):
    model = Agreement
    view_permission = VIEW
    permission_required = CHANGE


class _PartyFormView(ObjectPermissionMixin, TemplateView):
    template_name = "networks/agreements/party_form.html"
    anonymous_to_login = True
    view_permission = VIEW
    permission_required = CHANGE

    @cached_property
    def party(self) -> AgreementParty | None:
        return self.url_object if self.model is AgreementParty else None

    @cached_property
    def agreement(self) -> Agreement:
        return self.party.agreement if self.party else self.url_object

    def get_permission_object(self):
        return self.agreement

    def _form(self, data=None):
        party = self.party
        initial = {}
        if party is not None:
            initial = {
                name: getattr(party, name)
                for name in (
                    "organisation",
                    "signatory",
                    "signatory_title",
                    "signed_on",
                    "commitments_fi",
                    "commitments_sv",
                )
            }
        return PartyForm(data, initial=initial, organisations=party_choices(self.agreement))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(agreement=self.agreement, party=self.party)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: party_save(
                user=request.user,
                agreement=self.agreement,
                party=self.party,
                data=form.data_for_service(),
            ),
        ):
            messages.success(request, _("The party was saved."))
            return redirect(self.agreement)
        return self.render_to_response(self.get_context_data(form=form))


class PartyCreateView(_PartyFormView):
    model = Agreement


class PartyEditView(_PartyFormView):
    model = AgreementParty
    select_related = ("agreement",)


class _ConfirmView(ConfirmView, TemplateView):
    anonymous_to_login = True
    view_permission = VIEW


class PartyRemoveView(_ConfirmView):
    model = AgreementParty
    permission_required = CHANGE
    select_related = ("agreement", "organisation")

    def get_permission_object(self):
        return self.url_object.agreement

    def back(self) -> str:
        return self.url_object.agreement.get_absolute_url()

    @property
    def question(self):
        return _("Remove %(party)s from the parties?") % {"party": self.url_object.organisation}

    @property
    def action(self):
        return _("Remove")

    def act(self):
        party_remove(user=self.request.user, party=self.url_object)
        messages.success(self.request, _("The party was removed."))
        return self.back()


class PublishView(_ConfirmView):
    model = Agreement
    permission_required = CHANGE

    @property
    def question(self):
        return _(
            "Publish “%(title)s”? Everyone can then read it, and it is changed only by a "
            "new version."
        ) % {"title": self.url_object.title}

    @property
    def action(self):
        return _("Publish")

    def act(self):
        agreement = agreement_publish(user=self.request.user, agreement=self.url_object)
        messages.success(self.request, _("The agreement was published."))
        return agreement.get_absolute_url()


class NewVersionView(_ConfirmView):
    model = Agreement
    permission_required = "networks.version_agreement"

    @property
    def question(self):
        return _(
            "Start a new version of “%(title)s”? It starts as a copy; the parties sign it "
            "anew, and the published version stays as it is until the new one is published."
        ) % {"title": self.url_object.title}

    @property
    def action(self):
        return _("Start a new version")

    def act(self):
        draft = agreement_new_version(user=self.request.user, agreement=self.url_object)
        messages.success(self.request, _("A new version was started."))
        return draft.get_absolute_url()


class _FacilityFormView(ObjectPermissionMixin, TemplateView):
    template_name = "networks/agreements/facility_form.html"
    anonymous_to_login = True
    permission_required = "networks.change_facilities"

    @cached_property
    def facility(self) -> Facility | None:
        return self.url_object if self.model is Facility else None

    @cached_property
    def municipality(self) -> Municipality:
        return self.facility.municipality if self.facility else self.url_object

    def get_permission_object(self):
        return self.municipality

    def _form(self, data=None):
        facility = self.facility
        initial = {}
        if facility is not None:
            initial = {name: getattr(facility, name) for name in FacilityForm.base_fields}
        return FacilityForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(
            facility=self.facility,
            municipality=self.municipality,
            list_url=agreements_url(self.municipality),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if saved_by(
            form,
            lambda: facility_save(
                user=request.user,
                municipality=self.municipality,
                facility=self.facility,
                data=form.cleaned_data,
            ),
        ):
            messages.success(request, _("The facility was saved."))
            return redirect(f"{agreements_url(self.municipality)}#facilities")
        return self.render_to_response(self.get_context_data(form=form))


class FacilityCreateView(_FacilityFormView):
    model = Municipality
    lookup_field = "code"


class FacilityEditView(_FacilityFormView):
    model = Facility
    select_related = ("municipality",)


class FacilityDeleteView(_ConfirmView):
    model = Facility
    view_permission = None
    permission_required = "networks.change_facilities"
    select_related = ("municipality",)

    def get_permission_object(self):
        return self.url_object.municipality

    def back(self) -> str:
        return f"{agreements_url(self.url_object.municipality)}#facilities"

    @property
    def question(self):
        return _("Remove the facility “%(name)s”?") % {"name": self.url_object.name}

    @property
    def action(self):
        return _("Remove")

    def act(self):
        facility_delete(user=self.request.user, facility=self.url_object)
        messages.success(self.request, _("The facility was removed."))
        return self.back()
