"""Review and decision of grant applications (issue 15): the round's reviewers score the
submitted applications and see their own scores only; a conflicted reviewer declares it and
no longer sees or scores the application; the coordinators see every review and record the
decisions, which stay within the round's budget — also when two decide at once — and are
published together, after which the applicant and everyone read them. An applicant never
reads the scores."""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.urls import reverse
from rest_framework.test import APIClient

from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.applications.services import grant_application_submit
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.models import GrantDecision, GrantRound, Review
from elinvoima.grants.permissions import (
    applications_visible_to,
    decisions_visible_to,
    reviews_visible_to,
)
from elinvoima.grants.review import services
from elinvoima.grants.review.services import (
    DecisionData,
    ReviewData,
    conflict_declare,
    grant_decision_save,
    grant_decisions_publish,
    grant_payment_record,
    review_save,
)
from tests.factories.actors import client_of, coordinator_of, official_of
from tests.grants.conftest import TODAY, draft_application


def _submitted(world, **changes) -> GrantApplication:
    return grant_application_submit(
        user=world["representative"], application=draft_application(world, **changes)
    )


def _closed(world) -> GrantRound:
    """The round took applications until yesterday."""
    GrantRound.objects.filter(pk=world["round"].pk).update(
        opens_on=TODAY - datetime.timedelta(days=30), closes_on=TODAY - datetime.timedelta(days=1)
    )
    world["round"].refresh_from_db()
    return world["round"]


def _scores(world, criteria=4, goal=5, comment="Hyvä") -> ReviewData:
    return ReviewData(
        criteria_points=criteria, comment=comment, goal_points=((world["goal"], goal),)
    )


def _decision(amount="800", reasons="Tukee tavoitetta.") -> DecisionData:
    return DecisionData(
        granted_amount=Decimal(amount),
        reasons=reasons,
        pay_on=TODAY + datetime.timedelta(days=14),
        report_due_on=TODAY + datetime.timedelta(days=365),
    )


def test_review__own_scores_for_the_reviewer__every_review_for_the_coordinator(world):
    application = _submitted(world)
    reviewer, coordinator = world["reviewer"], world["coordinator"]
    second = official_of(application.grant_round.municipality)
    world["round"].reviewers.add(second)

    mine = review_save(user=reviewer, application=application, data=_scores(world))
    review_save(user=second, application=application, data=_scores(world, 2, 3, "Heikompi"))

    application.refresh_from_db()
    assert application.state == ApplicationState.IN_REVIEW
    assert (mine.criteria_points, mine.mean_points) == (4, Decimal("4.50"))
    assert [score.points for score in mine.goal_scores.all()] == [5]
    assert list(reviews_visible_to(reviewer)) == [mine]  # not the other reviewer's
    assert set(reviews_visible_to(coordinator)) == set(Review.objects.all())
    assert not reviews_visible_to(world["representative"]).exists()
    for user, sees in ((reviewer, False), (coordinator, True), (world["representative"], False)):
        assert user.has_perm("grants.view_reviews", application) is sees
    # A change of the own review, and scores out of range or for another goal refused.
    review_save(user=reviewer, application=application, data=_scores(world, 3, 3))
    assert Review.objects.get(reviewer=reviewer).mean_points == Decimal("3.00")
    with pytest.raises(ValidationError, match="0.*5"):
        review_save(user=reviewer, application=application, data=_scores(world, 6))
    with pytest.raises(PermissionDenied):  # the coordinator is not named a reviewer
        review_save(user=coordinator, application=application, data=_scores(world))
    with pytest.raises(Http404):  # the other applicant does not even see it
        review_save(user=world["other"], application=application, data=_scores(world))


def test_review__a_draft_is_not_reviewed_or_seen(world):
    application = draft_application(world)
    assert not world["reviewer"].has_perm("grants.view_application", application)
    with pytest.raises(Http404):
        review_save(user=world["reviewer"], application=application, data=_scores(world))


def test_conflict__the_conflicted_reviewer_no_longer_sees_or_scores_the_application(world):
    application = _submitted(world)
    reviewer = world["reviewer"]
    review_save(user=reviewer, application=application, data=_scores(world))
    with pytest.raises(ValidationError):
        conflict_declare(user=reviewer, application=application, reason="  ")

    conflict_declare(
        user=reviewer, application=application, reason="Olen yhdistyksen hallituksessa."
    )

    application = GrantApplication.objects.get(pk=application.pk)  # fresh: no cached answers
    assert not Review.objects.exists()  # the scores given before are removed
    assert not reviewer.has_perm("grants.view_application", application)
    assert application not in applications_visible_to(reviewer)
    with pytest.raises(Http404):
        review_save(user=reviewer, application=application, data=_scores(world))
    client = client_of(reviewer)
    for name in ("grants:application", "grants:application-review", "grants:decision"):
        assert client.get(reverse(name, kwargs={"pk": application.pk})).status_code == 404
    listing = client.get(
        reverse("grants:round-applications", kwargs={"pk": application.grant_round_id})
    )
    page = listing.content.decode()
    assert "Ilmoitit esteellisyydestä." in page
    assert f"/grant-applications/{application.pk}/" not in page
    # The coordinators see who declared it, on the decision page.
    decision_page = client_of(world["coordinator"]).get(
        reverse("grants:decision", kwargs={"pk": application.pk})
    )
    assert "Olen yhdistyksen hallituksessa." in decision_page.content.decode()


def test_decision__after_the_close__within_the_budget__published_together(world):
    first = _submitted(world, requested_amount=Decimal("800"))
    world["association"], world["representative"] = (
        world["other"].memberships.get().organisation,
        world["other"],
    )
    second = _submitted(world, requested_amount=Decimal("900"))
    coordinator = world["coordinator"]
    with pytest.raises(ValidationError, match="kun haku on päättynyt|once the round has closed"):
        grant_decision_save(user=coordinator, application=first, data=_decision())
    grant_round = _closed(world)
    grant_round.budget = Decimal("1500")
    grant_round.save()

    grant_decision_save(user=coordinator, application=first, data=_decision("800"))
    with pytest.raises(ValidationError) as refused:  # 800 + 900 > 1,500
        grant_decision_save(user=coordinator, application=second, data=_decision("900"))
    assert "granted_amount" in refused.value.message_dict
    with pytest.raises(ValidationError):  # more than applied for
        grant_decision_save(user=coordinator, application=second, data=_decision("950"))
    with pytest.raises(ValidationError):  # no reasons
        grant_decision_save(user=coordinator, application=second, data=_decision("0", "  "))
    assert GrantDecision.objects.count() == 1
    with pytest.raises(ValidationError, match="1"):  # the second has no decision yet
        grant_decisions_publish(user=coordinator, grant_round=grant_round)
    assert not world["representative"].has_perm("grants.view_decision", first)
    assert not decisions_visible_to(world["representative"]).exists()

    grant_decision_save(user=coordinator, application=second, data=_decision("700"))
    grant_decisions_publish(user=coordinator, grant_round=grant_round)

    assert set(
        GrantApplication.objects.filter(grant_round=grant_round).values_list("state", flat=True)
    ) == {ApplicationState.DECIDED}
    assert decisions_visible_to(world["other"]).count() == 2  # public now
    page = client_of(None).get(reverse("grants:round", kwargs={"pk": grant_round.pk}))
    assert "Tukee tavoitetta." in page.content.decode()
    applicant_page = client_of(world["other"]).get(
        reverse("grants:application", kwargs={"pk": second.pk})
    )
    assert "700 €" in applicant_page.content.decode()
    second = GrantApplication.objects.get(pk=second.pk)  # as a new request loads it
    with pytest.raises(PermissionDenied):  # published: not changed any more
        grant_decision_save(user=coordinator, application=second, data=_decision("100"))
    # The payment, on a day that has come.
    with pytest.raises(ValidationError):
        grant_payment_record(
            user=coordinator, application=second, paid_on=TODAY + datetime.timedelta(days=1)
        )
    assert (
        grant_payment_record(user=coordinator, application=second, paid_on=TODAY).paid_on == TODAY
    )
    with pytest.raises(PermissionDenied):
        grant_payment_record(user=world["other"], application=second, paid_on=TODAY)


def test_pages__applicant_never_reads_the_scores__reviewer_and_coordinator_forms(world):
    application = _submitted(world)
    _closed(world)
    review_url = reverse("grants:application-review", kwargs={"pk": application.pk})
    decision_url = reverse("grants:decision", kwargs={"pk": application.pk})
    applicant = client_of(world["representative"])
    assert applicant.get(review_url).status_code == 403
    assert applicant.get(decision_url).status_code == 403
    assert client_of(world["other"]).get(review_url).status_code == 404
    reviewer = client_of(world["reviewer"])
    goal_field = f"goal_{world['goal'].pk}"
    # An unscored goal: the error at its field, nothing written.
    response = reviewer.post(review_url, {"criteria_points": "4", "comment": "Hyvä"})
    assert response.status_code == 200 and not Review.objects.exists()
    assert f'id="id_{goal_field}_error"' in response.content.decode()
    response = reviewer.post(
        review_url, {"criteria_points": "4", goal_field: "5", "comment": "Hyvä"}
    )
    assert response.status_code == 302
    assert Review.objects.get().mean_points == Decimal("4.50")
    assert reviewer.get(decision_url).status_code == 403  # another reviewer's scores: no

    coordinator = client_of(world["coordinator"])
    page = coordinator.get(decision_url).content.decode()
    assert "Hyvä" in page and "4,5" in page  # the review, its mean in Finnish
    response = coordinator.post(decision_url, {"granted_amount": "6 000", "reasons": "Hyvä"})
    assert response.status_code == 200 and not GrantDecision.objects.exists()
    assert "Yhdistys haki" in response.content.decode()  # more than it applied for
    response = coordinator.post(decision_url, {"granted_amount": "750,50", "reasons": "Hyvä"})
    assert response.status_code == 302
    assert GrantDecision.objects.get().granted_amount == Decimal("750.50")
    listing = reverse("grants:round-applications", kwargs={"pk": application.grant_round_id})
    assert coordinator.post(listing).status_code == 302
    application.refresh_from_db()
    assert application.state == ApplicationState.DECIDED
    assert (
        "750,50 €"
        in applicant.get(
            reverse("grants:application", kwargs={"pk": application.pk})
        ).content.decode()
    )


def test_api__the_decision_for_the_coordinator__for_the_applicant_once_published(world):
    application = _submitted(world)
    grant_round = _closed(world)
    grant_decision_save(user=world["coordinator"], application=application, data=_decision("600"))

    def decision(user):
        client = APIClient()
        client.force_authenticate(user)
        return client.get(f"/api/v1/grant-applications/{application.pk}/").json()["decision"]

    assert decision(world["coordinator"])["granted_amount"] == "600.00"
    assert decision(world["representative"]) is None
    grant_decisions_publish(user=world["coordinator"], grant_round=grant_round)
    assert decision(world["representative"])["reasons"] == "Tukee tavoitetta."


@pytest.mark.django_db(transaction=True)
def test_two_deciders_at_once__the_budget_holds(world, monkeypatch):
    """Two coordinators decide two applications at the same moment, each within the budget
    alone, together over it: the round's lock lets one through and refuses the other. The
    sum of the others' grants is read slowly, to make the race certain."""
    costs = (("Ohjaajat", Decimal("3000")),)
    first = _submitted(world, requested_amount=Decimal("3000"), budget_lines=costs)
    world["association"], world["representative"] = (
        world["other"].memberships.get().organisation,
        world["other"],
    )
    second = _submitted(world, requested_amount=Decimal("3000"), budget_lines=costs)
    grant_round = _closed(world)  # budget 5,000
    other_coordinator = coordinator_of(grant_round.municipality)
    summed = services._granted_by_others

    def slowly(*args):
        total = summed(*args)
        time.sleep(0.4)
        return total

    monkeypatch.setattr(services, "_granted_by_others", slowly)
    outcomes: list = [None, None]
    barrier = threading.Barrier(2)

    def decide(index, user, application):
        barrier.wait()
        try:
            grant_decision_save(user=user, application=application, data=_decision("3000"))
            outcomes[index] = "saved"
        except ValidationError as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(0, world["coordinator"], first)),
        threading.Thread(target=decide, args=(1, other_coordinator, second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcome == "saved" for outcome in outcomes) == [False, True]
    assert GrantDecision.objects.count() == 1
