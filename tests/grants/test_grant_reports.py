"""The grant report (issue 15): for a granted grant, once the decision is published, the
association reports what it did with it, choosing from its activity reports of the grant's
period; submitted, the activities' figures are summed into it and it is not changed any
more; the round's coordinator reads and receives it. Nobody else reads it, and a refused
application has nothing to report."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from elinvoima.cards.activities.services import ActivityData, activity_report
from elinvoima.cards.enums import ActivityKind
from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.applications.services import grant_application_submit
from elinvoima.grants.models import GrantReport, GrantRound
from elinvoima.grants.reporting.services import (
    GrantReportData,
    grant_report_receive,
    grant_report_save,
    grant_report_submit,
)
from elinvoima.grants.review.services import (
    DecisionData,
    grant_decision_save,
    grant_decisions_publish,
)
from tests.factories.actors import client_of
from tests.grants.conftest import TODAY, draft_application


def _granted(world, amount="600") -> GrantApplication:
    """The association's application, granted `amount` euros and published; the round's
    period runs from half a year ago to next week."""
    application = grant_application_submit(
        user=world["representative"], application=draft_application(world)
    )
    GrantRound.objects.filter(pk=world["round"].pk).update(
        opens_on=TODAY - datetime.timedelta(days=200),
        closes_on=TODAY - datetime.timedelta(days=150),
        period_starts_on=TODAY - datetime.timedelta(days=180),
        period_ends_on=TODAY + datetime.timedelta(days=7),
    )
    grant_round = GrantRound.objects.get(pk=world["round"].pk)
    application = GrantApplication.objects.get(pk=application.pk)
    grant_decision_save(
        user=world["coordinator"],
        application=application,
        data=DecisionData(
            granted_amount=Decimal(amount),
            reasons="Tukee tavoitetta.",
            report_due_on=TODAY + datetime.timedelta(days=60),
        ),
    )
    grant_decisions_publish(user=world["coordinator"], grant_round=grant_round)
    return GrantApplication.objects.select_related("grant_round", "decision").get(pk=application.pk)


def _activity(world, name, starts_on=TODAY, participants=10, goals=True):
    return activity_report(
        user=world["representative"],
        organisation=world["association"],
        data=ActivityData(
            kind=ActivityKind.CLUB,
            name=name,
            starts_on=starts_on,
            participants=participants,
            beyond_members=3,
            volunteer_hours=Decimal("2.5"),
            sub_goals=(world["goal"],) if goals else (),
        ),
    )


def _fresh(application) -> GrantApplication:
    return GrantApplication.objects.select_related("grant_round", "decision").get(pk=application.pk)


def test_report__from_the_activities__submitted__received(world):
    application = _granted(world)
    representative, coordinator = world["representative"], world["coordinator"]
    jumppa = _activity(world, "Tuolijumppa", participants=12)
    marssi = _activity(world, "Marssi", TODAY - datetime.timedelta(days=30), participants=30)
    too_early = _activity(world, "Vanha", TODAY - datetime.timedelta(days=300))
    assert representative.has_perm("grants.write_report", application)
    assert not coordinator.has_perm("grants.view_report", application)  # not submitted yet

    def data(**changes):
        values = {
            "summary": "Jumppaa joka viikko.",
            "used_amount": Decimal("600"),
            "activities": (jumppa, marssi),
        }
        return GrantReportData(**{**values, **changes})

    with pytest.raises(ValidationError) as refused:
        grant_report_save(
            user=representative,
            application=application,
            data=data(used_amount=Decimal("700"), activities=(too_early,)),
        )
    assert set(refused.value.message_dict) == {"used_amount", "activities"}
    assert not GrantReport.objects.exists()
    with pytest.raises(ValidationError):  # nothing to submit yet
        grant_report_submit(user=representative, application=application)

    grant_report_save(user=representative, application=application, data=data())
    report = grant_report_submit(user=representative, application=_fresh(application))

    assert (report.activity_count, report.participants, report.beyond_members) == (2, 42, 6)
    assert report.volunteer_hours == Decimal("5.0")
    application = _fresh(application)
    assert not representative.has_perm("grants.write_report", application)
    with pytest.raises(PermissionDenied):  # submitted: not changed any more
        grant_report_save(user=representative, application=application, data=data())
    assert coordinator.has_perm("grants.view_report", application)
    assert not world["other"].has_perm("grants.view_report", application)
    assert not world["reviewer"].has_perm("grants.view_report", application)
    with pytest.raises(PermissionDenied):
        grant_report_receive(user=representative, application=application)
    report = grant_report_receive(user=coordinator, application=application)
    assert report.received_by == coordinator and report.received_at is not None


def test_report__a_refused_application_has_nothing_to_report(world):
    application = _granted(world, amount="0")
    assert not world["representative"].has_perm("grants.write_report", application)
    url = reverse("grants:report", kwargs={"pk": application.pk})
    assert client_of(world["representative"]).get(url).status_code == 403


def test_report_page__activities_for_the_goals_chosen__dashboard_items(world):
    application = _granted(world)
    jumppa = _activity(world, "Tuolijumppa", participants=12)
    _activity(world, "Kevätsiivous", goals=False)
    url = reverse("grants:report", kwargs={"pk": application.pk})
    dashboard = reverse("portal:dashboard")
    client = client_of(world["representative"])
    assert "avustusselvitys kirjoittamatta" in client.get(dashboard).content.decode()
    page = client.get(url).content.decode()
    # Only the activity for the round's goal is chosen to start with.
    assert page.count("checked") == 1 and f'value="{jumppa.pk}"' in page

    response = client.post(
        url,
        {
            "action": "save",
            "summary": "Jumppaa joka viikko.",
            "used_amount": "550,50",
            "activities": [str(jumppa.pk)],
        },
    )
    assert response.status_code == 302
    assert GrantReport.objects.get().used_amount == Decimal("550.50")
    assert client.post(url, {"action": "submit"}).status_code == 302
    assert GrantReport.objects.get().participants == 12
    assert "avustusselvitys kirjoittamatta" not in client.get(dashboard).content.decode()

    coordinator = client_of(world["coordinator"])
    assert "avustusselvitys vastaanottamatta" in coordinator.get(dashboard).content.decode()
    page = coordinator.get(url).content.decode()
    assert "Jumppaa joka viikko." in page and "Tuolijumppa" in page
    assert coordinator.post(url, {"action": "receive"}).status_code == 302
    assert GrantReport.objects.get().received_at is not None
    assert "avustusselvitys vastaanottamatta" not in coordinator.get(dashboard).content.decode()
    assert client_of(world["other"]).get(url).status_code == 404
