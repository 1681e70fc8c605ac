"""Pages of the county's keeper of the register (issue 19, items 0, 5 and 8): the county's
agreements with its municipalities, its grants of access (granted, renewed, inducted,
ended), the clients whose retention time has passed and their erasure, and the export of
one client's data. Built on `CounsellingView` (404 to anyone never granted access, the
second factor asked), then `keeps_register` with the county (403 to anyone else, the
attempt logged). Thin: the selectors read, the services write and check again."""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.models import User, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.counselling.access_forms import (
    AccessChangeForm,
    AccessFilterForm,
    AgreementForm,
    ClientFindForm,
    EndForm,
    GrantForm,
    VersionForm,
)
from elinvoima.counselling.access_selectors import (
    RENEW_WITHIN_DAYS,
    Validity,
    accesses_ending_soon,
    clients_past_retention,
    county_accesses,
    county_agreements,
    grant_candidates,
    retention_years,
    validity,
)
from elinvoima.counselling.access_services import (
    AgreementData,
    GrantData,
    access_change,
    access_end,
    access_grant,
    access_second_factor_reset,
    access_version,
    agreement_end,
    agreement_save,
    agreement_version,
    keeper_checked,
)
from elinvoima.counselling.gdpr import client_erase, client_export, client_lookup
from elinvoima.counselling.models import AccessAgreement, Client, StaffAccess
from elinvoima.counselling.view_base import CounsellingView

PER_PAGE = 25


def _state_text(state: str) -> str:
    return {
        Validity.IN_FORCE: _("In force"),
        Validity.ENDED: _("Ended"),
        Validity.COMING: _("Coming"),
    }[state]


class _KeeperCheck(TemplateView):
    """After `CounsellingView`'s checks (the MRO puts it between that and TemplateView):
    the county of the URL, and the keeper of its register, or 403 (logged)."""

    county: WellbeingCounty

    def dispatch(self, request, *args, **kwargs):
        self.county = get_object_or_404(WellbeingCounty, code=kwargs["code"])
        keeper_checked(request.user, self.county, f"keeper's page {request.path}"[:200])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["county"] = self.county
        return context


class _KeeperView(CounsellingView, _KeeperCheck):
    pass


class AgreementsView(_KeeperView):
    """The county's agreements with its municipalities, and recording a new one."""

    template_name = "counselling/county_agreements.html"

    def _form(self, data=None):
        return AgreementForm(data, municipalities=self.county.municipalities.order_by("name"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        rows = county_agreements(self.county)
        context["rows"] = [(row.agreement, _state_text(row.state), row.state) for row in rows]
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        saved = saved_by(
            form,
            lambda: agreement_save(
                user=request.user,
                county=self.county,
                data=AgreementData(
                    municipality=form.cleaned_data["municipality"],
                    reference=form.cleaned_data["reference"],
                    valid_from=form.cleaned_data["valid_from"],
                    valid_until=form.cleaned_data["valid_until"],
                ),
            ),
        )
        if saved:
            messages.success(request, _("The agreement was recorded."))
            return redirect("counselling:county-agreements", code=self.county.code)
        return self.render_to_response(self.get_context_data(form=form))


class _ConfirmStep(_KeeperView):
    """A step asked first, on a page of its own, with the version of the row it was opened
    on; a refusal of the service is shown on the form."""

    template_name = "counselling/county_confirm.html"

    def form_for(self, data=None):
        return VersionForm(data, initial={"loaded_version": self.version()})

    def version(self) -> str:
        raise NotImplementedError

    def question(self) -> str:
        raise NotImplementedError

    def action(self) -> str:
        raise NotImplementedError

    def back(self) -> str:
        raise NotImplementedError

    def act(self, form):
        raise NotImplementedError

    def done(self) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form_for())
        context.update(question=self.question(), action=self.action(), back=self.back())
        return context

    def post(self, request, *args, **kwargs):
        form = self.form_for(request.POST)
        if saved_by(form, lambda: self.act(form)):
            messages.success(request, self.done())
            return redirect(self.back())
        return self.render_to_response(self.get_context_data(form=form))


class AgreementEndView(_ConfirmStep):
    @cached_property
    def agreement(self) -> AccessAgreement:
        agreements = AccessAgreement.objects.select_related("municipality")
        return get_object_or_404(agreements, pk=self.kwargs["pk"], wellbeing_county=self.county)

    def form_for(self, data=None):
        return EndForm(data, initial={"loaded_version": agreement_version(self.agreement)})

    def question(self):
        return _(
            "End the agreement “%(reference)s” with %(name)s? After its last day the "
            "municipality's counsellors can no longer read or record counselling."
        ) % {"reference": self.agreement.reference, "name": self.agreement.municipality.name}

    def action(self):
        return _("End the agreement")

    def back(self):
        return reverse("counselling:county-agreements", kwargs={"code": self.county.code})

    def act(self, form):
        return agreement_end(
            user=self.request.user,
            agreement=self.agreement,
            last_day=form.cleaned_data["last_day"],
            loaded_version=form.cleaned_data["loaded_version"] or None,
        )

    def done(self):
        return _("The agreement was ended.")


class AccessListView(_KeeperView):
    """The county's grants of access, filtered and paginated, and granting a new one."""

    template_name = "counselling/county_access.html"

    @cached_property
    def municipalities(self):
        return self.county.municipalities.order_by("name")

    def _form(self, data=None):
        people = User.objects.filter(
            pk__in=grant_candidates(self.county).values("user_id")
        ).order_by("last_name", "first_name", "username")
        return GrantForm(data, people=people, municipalities=self.municipalities)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        filters = AccessFilterForm(
            self.request.GET or None, municipalities=self.municipalities, auto_id="filter_%s"
        )
        accesses = county_accesses(self.county, **filters.filters())
        page_obj = Paginator(accesses, PER_PAGE).get_page(self.request.GET.get("page"))
        today = timezone.localdate()
        soon = set(accesses_ending_soon(self.county, today).values_list("pk", flat=True))
        context.update(
            filters=filters,
            page_obj=page_obj,
            rows=[
                (
                    access,
                    _state_text(state := validity(access.valid_from, access.valid_until, today)),
                    state,
                    access.pk in soon,
                )
                for access in page_obj.object_list
            ],
            ending_soon=len(soon),
            renew_within=RENEW_WITHIN_DAYS,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        saved = saved_by(
            form,
            lambda: access_grant(
                user=request.user,
                county=self.county,
                data=GrantData(
                    person=form.cleaned_data["person"],
                    role=form.cleaned_data["role"],
                    municipality=form.cleaned_data["municipality"],
                    valid_from=form.cleaned_data["valid_from"],
                    valid_until=form.cleaned_data["valid_until"],
                    inducted_on=form.cleaned_data["inducted_on"],
                ),
            ),
        )
        if saved:
            messages.success(request, _("The access was granted."))
            return redirect("counselling:county-access", code=self.county.code)
        return self.render_to_response(self.get_context_data(form=form))


class _AccessStep:
    county: WellbeingCounty
    kwargs: dict

    @cached_property
    def access(self) -> StaffAccess:
        accesses = StaffAccess.objects.select_related("user", "municipality")
        return get_object_or_404(accesses, pk=self.kwargs["pk"], wellbeing_county=self.county)

    def person(self) -> str:
        return self.access.user.get_full_name() or self.access.user.username

    def back(self) -> str:
        return reverse("counselling:county-access", kwargs={"code": self.county.code})


class AccessChangeView(_AccessStep, _KeeperView):
    """Change a grant's last day (renew it) and record its induction."""

    template_name = "counselling/county_access_change.html"

    def _form(self, data=None):
        access = self.access
        return AccessChangeForm(
            data,
            initial={
                "valid_until": access.valid_until,
                "inducted_on": access.inducted_on,
                "loaded_version": access_version(access),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(access=self.access, person=self.person(), back=self.back())
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        saved = saved_by(
            form,
            lambda: access_change(
                user=request.user,
                access=self.access,
                valid_until=form.cleaned_data["valid_until"],
                inducted_on=form.cleaned_data["inducted_on"],
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if saved:
            messages.success(request, _("The access was changed."))
            return redirect(self.back())
        return self.render_to_response(self.get_context_data(form=form))


class AccessEndView(_AccessStep, _ConfirmStep):
    def version(self):
        return access_version(self.access)

    def question(self):
        return _(
            "End the access of %(name)s (%(role)s) now? From today they can no longer read or "
            "record counselling data."
        ) % {"name": self.person(), "role": self.access.get_role_display()}

    def action(self):
        return _("End the access")

    def act(self, form):
        return access_end(
            user=self.request.user,
            access=self.access,
            loaded_version=form.cleaned_data["loaded_version"] or None,
        )

    def done(self):
        return _("The access was ended.")


class AccessSecondFactorResetView(_AccessStep, _ConfirmStep):
    """A lost phone or key: the keeper removes the person's second factor and lets them
    link a new one."""

    def version(self):
        return ""  # a reset replaces nothing a page shows

    def question(self):
        return _(
            "Reset the second factor of %(name)s? Their authenticator apps and security keys "
            "stop working, and the next time they open exercise counselling they link a new "
            "one. Do this only when you know it is them asking (a lost or changed phone)."
        ) % {"name": self.person()}

    def action(self):
        return _("Reset the second factor")

    def act(self, form):
        access_second_factor_reset(user=self.request.user, access=self.access)
        return True

    def done(self):
        return _("The second factor was reset: %(name)s may now link a new one.") % {
            "name": self.person()
        }


class ErasureView(_KeeperView):
    """The clients whose retention time has passed, by number only."""

    template_name = "counselling/county_erasure.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        due = clients_past_retention(self.county).values_list("pk", flat=True)
        page_obj = Paginator(due, 50).get_page(self.request.GET.get("page"))
        context.update(page_obj=page_obj, due=page_obj.paginator.count, years=retention_years())
        return context


class ClientEraseView(_ConfirmStep):
    @cached_property
    def client(self) -> Client:
        return get_object_or_404(Client, pk=self.kwargs["pk"], wellbeing_county=self.county)

    def version(self):
        return ""

    def question(self):
        return _(
            "Erase client %(number)s and all of their counselling records and access log? "
            "This cannot be undone."
        ) % {"number": self.client.pk}

    def action(self):
        return _("Erase the records")

    def back(self):
        return reverse("counselling:county-erasure", kwargs={"code": self.county.code})

    def act(self, form):
        return client_erase(user=self.request.user, client=self.client)

    def done(self):
        return _("The client's records were erased.")


class ClientExportView(CounsellingView):
    """All of one client's data as a JSON file, for the keeper of the client's county; the
    service logs the export before the file is made."""

    def get(self, request, *args, **kwargs):
        client = get_object_or_404(
            Client.objects.select_related("wellbeing_county"), pk=kwargs["pk"]
        )
        data = client_export(user=request.user, client=client)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="client-{client.pk}.json"'
        response["Cache-Control"] = "no-store"
        return response


class ClientFindView(_KeeperView):
    """The keeper finds a client of the register by the identity code and opens the list
    of who looked at the client's data (the lookup by the keyed hash, logged)."""

    template_name = "counselling/county_client_find.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ClientFindForm())
        return context

    def post(self, request, *args, **kwargs):
        form = ClientFindForm(request.POST)
        client = saved_by(
            form,
            lambda: client_lookup(
                user=request.user,
                county=self.county,
                identity_code=form.cleaned_data["identity_code"],
            ),
        )
        if client is not None:
            return redirect("counselling:access-log", pk=client.pk)
        if not form.errors:  # valid, and the register has no such client
            form.add_error("identity_code", _("The register has no client with this code."))
        return self.render_to_response(self.get_context_data(form=form))
