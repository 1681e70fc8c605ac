"""Pages of community cards: a card as everyone reads it, and the form that makes or
changes one (its municipality's coordinators, the keeping village association)."""

from dataclasses import fields

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, Village
from elinvoima.cards.community.forms import CommunityCardForm
from elinvoima.cards.community.models import CommunityCard
from elinvoima.cards.community.services import (
    CommunityCardData,
    card_version,
    community_card_save,
)
from elinvoima.core.forms import form_add_service_errors
from elinvoima.core.view_mixins import ObjectPermissionMixin
from elinvoima.indicators.enums import ExperientialDomain

KEEPER_KINDS = (OrganisationKind.VILLAGE_ASSOCIATION, OrganisationKind.ASSOCIATION)


class CommunityCardView(ObjectPermissionMixin, TemplateView):
    """A community card: public."""

    model = CommunityCard
    template_name = "cards/community/community_card.html"
    context_object_name = "card"

    def get_object_queryset(self):
        return CommunityCard.objects.select_related("municipality", "village", "keeper")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        card = self.url_object
        texts = {summary.domain: summary.text for summary in card.summaries.all()}
        context["domains"] = [
            (domain.label, texts.get(domain.value, "")) for domain in ExperientialDomain
        ]
        context["can_edit"] = self.request.user.has_perm("cards.change_community_card", card)
        return context


class _CardFormView(ObjectPermissionMixin, TemplateView):
    template_name = "cards/community/community_card_form.html"

    @cached_property
    def card(self) -> CommunityCard | None:
        return self.url_object if self.model is CommunityCard else None

    @cached_property
    def municipality(self) -> Municipality:
        return self.card.municipality if self.card else self.url_object

    def _form(self, data=None, files=None) -> CommunityCardForm:
        card, municipality = self.card, self.municipality
        keepers = Organisation.objects.filter(
            Q(municipality=municipality, kind__in=KEEPER_KINDS)
            | Q(pk=card.keeper_id if card else None)
        ).order_by("name")
        initial = {}
        if card:
            # The form starts from what the service stores: CommunityCardData's fields.
            initial = {field.name: getattr(card, field.name) for field in fields(CommunityCardData)}
            initial["loaded_version"] = card_version(card)
            for summary in card.summaries.all():
                initial[f"summary_{summary.domain}"] = summary.text
        return CommunityCardForm(
            data,
            files,
            initial=initial,
            villages=Village.objects.filter(municipality=municipality).order_by("name"),
            keepers=keepers,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(card=self.card, municipality=self.municipality)
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST, request.FILES)
        if form.is_valid():
            try:
                card = community_card_save(
                    user=request.user,
                    municipality=self.municipality,
                    card=self.card,
                    data=form.data_for_service(),
                    summaries=form.summaries(),
                    picture=form.cleaned_data["picture"] or None,
                    remove_picture=form.cleaned_data["remove_picture"],
                    loaded_version=form.cleaned_data["loaded_version"] if self.card else None,
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The community card was saved."))
                return redirect("cards:community-card", pk=card.pk)
        return self.render_to_response(self.get_context_data(form=form))


class CommunityCardCreateView(_CardFormView):
    model = Municipality
    lookup_field = "code"
    permission_required = "cards.add_community_card"


class CommunityCardEditView(_CardFormView):
    model = CommunityCard
    permission_required = "cards.change_community_card"

    def get_object_queryset(self):
        return CommunityCard.objects.select_related("municipality", "updated_by")
