"""Pages of the county's keeper of the register about the county's care teams (issue 19,
item 5: "professionals of the same care team, where the county grants it"): the teams with
their members and their reading in words, a new team, one team renamed and its reading
granted or taken away, a member added (only a professional with a valid referrer's access)
or removed (asked first). Built on the keeper's base (`county_views._KeeperView`: 404 to
anyone never granted access, the second factor, then 403 logged to anyone but the keeper
of the URL's county); a team is found only under its own county's code. Thin: the
services of care_teams.py check again, validate, write and audit."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from elinvoima.actors.models import User, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.counselling.access_forms import CareTeamForm, MemberForm
from elinvoima.counselling.care_teams import (
    care_team_member_add,
    care_team_member_remove,
    care_team_save,
    care_team_version,
    county_care_teams,
    member_candidates,
)
from elinvoima.counselling.county_views import PER_PAGE, _ConfirmStep, _KeeperView
from elinvoima.counselling.models import CareTeam

TEAM_FORM, MEMBER_FORM = "team", "member"  # the hidden `step` of the team page's two forms


def _team_saved(request, form: CareTeamForm, *, county=None, team=None) -> CareTeam | None:
    """The team the form's data saved (`care_team_save`), or None with its refusal on the
    form."""
    return saved_by(
        form,
        lambda: care_team_save(
            user=request.user,
            county=county,
            team=team,
            name=form.cleaned_data["name"],
            may_read=form.cleaned_data["may_read"],
            loaded_version=form.cleaned_data["loaded_version"] or None,
        ),
    )


def _name(user: User) -> str:
    return user.get_full_name() or user.username


class CareTeamsView(_KeeperView):
    """The county's care teams, paginated, and naming a new one."""

    template_name = "counselling/county_care_teams.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CareTeamForm())
        teams = county_care_teams(self.county)
        context["page_obj"] = Paginator(teams, PER_PAGE).get_page(self.request.GET.get("page"))
        return context

    def post(self, request, *args, **kwargs):
        form = CareTeamForm(request.POST)
        team = _team_saved(request, form, county=self.county)
        if team is not None:
            messages.success(request, _("The care team was created."))
            return redirect("counselling:county-care-team", code=self.county.code, pk=team.pk)
        return self.render_to_response(self.get_context_data(form=form))


class _TeamStep:
    """The team of the URL, found only among the URL's county's teams."""

    county: WellbeingCounty
    kwargs: dict

    @cached_property
    def team(self) -> CareTeam:
        return get_object_or_404(
            county_care_teams(self.county), pk=self.kwargs["pk"], wellbeing_county=self.county
        )

    def back(self) -> str:
        return reverse(
            "counselling:county-care-team", kwargs={"code": self.county.code, "pk": self.team.pk}
        )


class CareTeamView(_TeamStep, _KeeperView):
    """One team: its name and reading changed, its members added and removed."""

    template_name = "counselling/county_care_team.html"

    def _team_form(self, data=None):
        team = self.team
        initial = {
            "name": team.name,
            "may_read": team.may_read,
            "loaded_version": care_team_version(team),
        }
        return CareTeamForm(data, initial=initial)

    def _member_form(self, data=None):
        return MemberForm(data, candidates=member_candidates(self.team))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._team_form())
        context.setdefault("member_form", self._member_form())
        context.update(
            candidates=context["member_form"].fields["member"].queryset.exists(),
            team=self.team,
            team_step=TEAM_FORM,
            member_step=MEMBER_FORM,
            teams=reverse("counselling:county-care-teams", kwargs={"code": self.county.code}),
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("step") == MEMBER_FORM:
            member_form = self._member_form(request.POST)
            added = saved_by(
                member_form,
                lambda: care_team_member_add(
                    user=request.user, team=self.team, member=member_form.cleaned_data["member"]
                ),
            )
            if added is not None:
                name = _name(member_form.cleaned_data["member"])
                messages.success(
                    request, _("%(name)s was added to the care team.") % {"name": name}
                )
                return redirect(self.back())
            return self.render_to_response(self.get_context_data(member_form=member_form))
        form = self._team_form(request.POST)
        if _team_saved(request, form, team=self.team) is not None:
            messages.success(request, _("The care team was saved."))
            return redirect(self.back())
        return self.render_to_response(self.get_context_data(form=form))


class CareTeamMemberRemoveView(_TeamStep, _ConfirmStep):
    """Remove a member, asked first: from then on they read none of the team's records."""

    @cached_property
    def member(self) -> User:
        return get_object_or_404(self.team.members.all(), pk=self.kwargs["user_pk"])

    def version(self):
        return ""  # a removal replaces nothing: one already made is refused by the service

    def question(self):
        return _(
            "Remove %(name)s from the care team “%(team)s”? From now on they can no longer "
            "read the records of the periods referred within the team."
        ) % {"name": _name(self.member), "team": self.team.name}

    def action(self):
        return _("Remove from the team")

    def act(self, form):
        return care_team_member_remove(user=self.request.user, team=self.team, member=self.member)

    def done(self):
        return _("%(name)s was removed from the care team.") % {"name": _name(self.member)}
