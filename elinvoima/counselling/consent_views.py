"""Pages of the client's consents and of the research extract. A counsellor assigned to the
period records a consent and withdraws one (asked first, on a page of its own); the record
page lists them to everyone who reads it. The county's keeper of the register downloads the
pseudonymised extract of the consenting clients. Every view asks the counselling rules
themselves, through the services (never `has_perm`, which says yes to the platform admin)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from elinvoima.actors.models import WellbeingCounty
from elinvoima.core.exports import csv_response
from elinvoima.core.forms import saved_by
from elinvoima.counselling.consent import consent_record, consent_withdraw, uses_in_force
from elinvoima.counselling.consent_forms import ConsentForm, ExtractForm
from elinvoima.counselling.models import Consent, Period
from elinvoima.counselling.permissions import keeps_register
from elinvoima.counselling.research import research_extract
from elinvoima.counselling.services import counsellor_check
from elinvoima.counselling.view_base import CounsellingView


class _ConsentView(CounsellingView):
    """A page of the consents of a period's client, for its assigned counsellor: asked
    (`counsellor_check`: 403 logged, or 404) before anything else is loaded or shown."""

    @cached_property
    def period(self) -> Period:
        return get_object_or_404(Period.objects.select_related("client"), pk=self.kwargs["pk"])

    def record_url(self) -> str:
        return reverse("counselling:period", kwargs={"pk": self.period.pk}) + "#consents"

    def get_context_data(self, **kwargs):
        counsellor_check(user=self.request.user, period=self.period)
        context = super().get_context_data(**kwargs)
        context["period"] = self.period
        return context


class ConsentAddView(_ConsentView):
    """Record the client's consent to a use beyond counselling (the record page has the
    same form; this page shows it again with its errors)."""

    template_name = "counselling/tab_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ConsentForm())
        context["heading"] = _("Record a consent")
        return context

    def post(self, request, *args, **kwargs):
        counsellor_check(user=request.user, period=self.period)  # before the input is read
        form = ConsentForm(request.POST)
        consent = saved_by(
            form,
            lambda: consent_record(
                user=request.user,
                period=self.period,
                purpose=form.cleaned_data["purpose"],
                description=form.cleaned_data["description"],
                given_on=form.cleaned_data["given_on"],
            ),
        )
        if consent:
            messages.success(request, _("The consent was recorded."))
            return redirect(self.record_url())
        return self.render_to_response(self.get_context_data(form=form))


class ConsentWithdrawView(_ConsentView):
    """The client withdraws a consent: asked first; it then stays on record, not in force."""

    template_name = "confirm.html"

    def consent(self) -> Consent:
        """Asked after the counsellor's check: a consent of another client is not found."""
        consents = Consent.objects.filter(client_id=self.period.client_id)
        return get_object_or_404(consents, pk=self.kwargs["consent_pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        consent = self.consent()
        context.update(
            action=_("Withdraw the consent"),
            question=_(
                "The client withdraws the consent “%(use)s”, given on %(given)s. It stays on "
                "record, but the client's data is no longer used for it from today on."
            )
            % {
                "use": f"{consent.get_purpose_display()}: {consent.description}",
                "given": _date(consent.given_on),
            },
            back=self.record_url(),
        )
        return context

    def post(self, request, *args, **kwargs):
        counsellor_check(user=request.user, period=self.period)
        consent = self.consent()
        try:
            consent_withdraw(user=request.user, period=self.period, consent=consent)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("The consent was withdrawn."))
        return redirect(self.record_url())


def _date(day: datetime.date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "SHORT_DATE_FORMAT")


class ResearchExtractView(CounsellingView):
    """The county's keeper of the register downloads the pseudonymised extract for a use
    some clients have consented to; for anyone else the page does not exist."""

    template_name = "counselling/research_extract.html"

    @cached_property
    def county(self) -> WellbeingCounty:
        county = get_object_or_404(WellbeingCounty, code=self.kwargs["code"])
        if not keeps_register(self.request.user, county):
            raise Http404
        return county

    def _form(self, data=None) -> ExtractForm:
        return ExtractForm(data, uses=uses_in_force(self.county))

    def get_context_data(self, **kwargs):
        county = self.county
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context["county"] = county
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            purpose, description = form.chosen()
            try:
                table = research_extract(
                    user=request.user,
                    county=self.county,
                    purpose=purpose,
                    description=description,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                name = f"research-extract-{timezone.localdate():%Y-%m-%d}.csv"
                return csv_response(table, filename=name)
        return self.render_to_response(self.get_context_data(form=form))
