"""What the practice library adds to the portal (core.registry): the library in the main
navigation; on a municipality's page the neighbours' practices and the partnership roadmap;
on a municipality's and a county's page the ex-ante impact assessments and the hearings of
residents; on the dashboard the editors' records waiting for review, the overdue steps of
the roadmap and the assessments whose decision is near; the URLs, the API and the seeds'
records."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from elinvoima.actors.enums import Role
from elinvoima.actors.scopes import MUNICIPAL_KINDS, user_scope
from elinvoima.core.registry import (
    ApiRoute,
    DashboardWork,
    DemoLoader,
    NavEntry,
    Registry,
    Tab,
    UrlModule,
    WorkItem,
)

from .api import PracticeViewSet
from .assessments.api import AssessmentViewSet
from .assessments.models import Assessment
from .demo import practices_demo_load
from .enums import AssessmentState, Phase, PracticeState
from .permissions import is_editor, practices_visible_to
from .roadmap.selectors import overdue_steps


def _work(user):
    if not user.is_authenticated or not is_editor(user):
        return  # no query for those who review nothing
    waiting = list(
        practices_visible_to(user)
        .filter(state=PracticeState.IN_REVIEW)
        .exclude(created_by=user)
        .values_list("pk", flat=True)[:100]
    )
    if waiting:
        yield WorkItem(
            ngettext(
                "%(count)d good practice waiting for review",
                "%(count)d good practices waiting for review",
                len(waiting),
            )
            % {"count": len(waiting)},
            len(waiting),
            reverse("practices:practice", kwargs={"pk": waiting[0]}),
        )
    due = list(
        practices_visible_to(user)
        .filter(phase=Phase.TRIAL, follow_up_on__lte=timezone.localdate(), trial_result="")
        .order_by("follow_up_on")
        .values_list("pk", flat=True)[:100]
    )
    if due:  # a trial ("rohkea kokeilu") whose follow-up date has come without its result
        yield WorkItem(
            ngettext(
                "%(count)d trial to follow up: record its result",
                "%(count)d trials to follow up: record their results",
                len(due),
            )
            % {"count": len(due)},
            len(due),
            reverse("practices:edit", kwargs={"pk": due[0]}),
        )


def _roadmap_work(user):
    """The overdue steps of the roadmaps of the municipalities the user coordinates."""
    if not user.is_authenticated:
        return
    municipalities = {
        m.pk: m for m in user_scope(user).municipalities_where((Role.COORDINATOR,), MUNICIPAL_KINDS)
    }
    if not municipalities:
        return  # no query for those who coordinate nothing
    overdue = list(
        overdue_steps(list(municipalities)).values_list("municipality_id", flat=True)[:100]
    )
    if overdue:
        yield WorkItem(
            ngettext(
                "%(count)d step of the partnership roadmap overdue",
                "%(count)d steps of the partnership roadmap overdue",
                len(overdue),
            )
            % {"count": len(overdue)},
            len(overdue),
            reverse("practices:roadmap", kwargs={"code": municipalities[overdue[0]].code}),
        )


def _assessment_work(user):
    """The assessments being prepared, of the municipalities and counties the user acts
    for, whose decision is due within a month (or overdue)."""
    if not user.is_authenticated:
        return
    scope = user_scope(user)
    municipalities = scope.municipalities_where((Role.COORDINATOR,), MUNICIPAL_KINDS)
    counties = scope.counties_where((Role.COUNTY_OFFICIAL,))
    if not municipalities and not counties:
        return  # no query for those who prepare no decisions
    due = list(
        Assessment.objects.filter(
            Q(municipality__in=municipalities) | Q(wellbeing_county__in=counties),
            state=AssessmentState.DRAFT,
            decision_due__lte=timezone.localdate() + datetime.timedelta(days=30),
        )
        .order_by("decision_due")
        .values_list("pk", flat=True)[:100]
    )
    if due:
        yield WorkItem(
            ngettext(
                "%(count)d impact assessment to finish before its decision",
                "%(count)d impact assessments to finish before their decisions",
                len(due),
            )
            % {"count": len(due)},
            len(due),
            reverse("practices:assessment", kwargs={"pk": due[0]}),
        )


def register(registry: Registry) -> None:
    registry.add(
        NavEntry(_("Good practices"), "practices:list", order=55),
        Tab(
            "municipality",
            _("Practices from neighbours"),
            "practices:neighbours",
            lambda municipality: {"code": municipality.code},
            order=70,
        ),
        Tab(
            "municipality",
            _("Partnership roadmap"),
            "practices:roadmap",
            lambda municipality: {"code": municipality.code},
            order=72,
            predicate="practices.view_roadmap",
        ),
        Tab(
            "municipality",
            _("Ex-ante impact assessments"),
            "practices:municipality-assessments",
            lambda owner: {"code": owner.code},
            order=74,
        ),
        Tab(
            "municipality",
            _("Hearing residents"),
            "practices:municipality-hearings",
            lambda owner: {"code": owner.code},
            order=76,
        ),
        Tab(
            "county",
            _("Ex-ante impact assessments"),
            "practices:county-assessments",
            lambda owner: {"code": owner.code},
            order=74,
        ),
        Tab(
            "county",
            _("Hearing residents"),
            "practices:county-hearings",
            lambda owner: {"code": owner.code},
            order=76,
        ),
        DashboardWork(_work, order=70),
        DashboardWork(_assessment_work, order=74),
        DashboardWork(_roadmap_work, order=72),
        UrlModule("elinvoima.practices.urls"),
        ApiRoute("practices", PracticeViewSet, "practice"),
        ApiRoute("impact-assessments", AssessmentViewSet, "impact-assessment"),
        DemoLoader("practices", practices_demo_load),
    )
