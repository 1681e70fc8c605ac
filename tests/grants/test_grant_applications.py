"""Grant applications (issue 15): an association's representative prepares a draft while
the round takes applications and submits it; the draft is the association's own, the
submitted application the round's coordinators' to read too, and no other applicant's. A
submitted application, one after the deadline, a second one of the same association and a
budget that does not cover the amount are refused, and nothing is written."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from rest_framework.test import APIClient

from elinvoima.grants.applications.models import GrantApplication
from elinvoima.grants.applications.services import (
    application_version,
    grant_application_save,
    grant_application_submit,
)
from elinvoima.grants.enums import ApplicationState
from elinvoima.grants.permissions import applications_visible_to
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    client_of,
    representative_of,
)
from tests.factories.strategy import GoalFactory
from tests.grants.conftest import TODAY, application_data, draft_application


def test_application__draft_is_the_associations_submitted_the_coordinators_too(world):
    application = draft_application(world)
    coordinator, other = world["coordinator"], world["other"]
    assert application.state == ApplicationState.DRAFT
    assert [(c.goal, c.how) for c in application.commitments.all()] == [
        (world["goal"], "Kaatumisten ehkäisy jumpalla")
    ]
    assert [line.amount for line in application.budget_lines.all()] == [
        Decimal("600"),
        Decimal("300"),
    ]
    for user, sees in ((world["representative"], True), (coordinator, False), (other, False)):
        assert user.has_perm("grants.view_application", application) is sees
        assert (application in set(applications_visible_to(user))) is sees

    application = grant_application_submit(user=world["representative"], application=application)

    assert application.state == ApplicationState.SUBMITTED
    assert application.submitted_at is not None
    assert (application.applicant_name, application.email) == (
        str(world["association"].name),
        "reuma@example.org",
    )
    for user, sees in ((world["representative"], True), (coordinator, True), (other, False)):
        assert user.has_perm("grants.view_application", application) is sees
        assert (application in set(applications_visible_to(user))) is sees


def test_application__refused_and_nothing_written(world):
    # more than the budget's costs, a goal that is not the round's
    with pytest.raises(ValidationError) as refused:
        draft_application(world, requested_amount=Decimal("950"))
    assert "50,00" in str(refused.value.error_dict["requested_amount"])  # 950 − (600 + 300)
    with pytest.raises(ValidationError) as refused:
        draft_application(world, commitments=((GoalFactory(), "Muuta"),))
    assert set(refused.value.error_dict) == {"commitments"}
    assert not GrantApplication.objects.exists()
    # another association's representative can neither see nor change the draft
    application = draft_application(world)
    with pytest.raises(Http404):
        grant_application_save(
            user=world["other"], application=application, data=application_data(world)
        )
    # a second application of the same association
    with pytest.raises(ValidationError):
        draft_application(world)
    # once submitted, not changed any more
    application = grant_application_submit(user=world["representative"], application=application)
    with pytest.raises(ValidationError) as refused:
        grant_application_save(
            user=world["representative"],
            application=application,
            data=application_data(world, action_plan="Muutettu"),
            loaded_version=application_version(application),
        )
    assert refused.value.code == "submitted"
    application.refresh_from_db()
    assert application.action_plan == "Tuolijumppaa palvelutalolla joka tiistai."


def test_application__after_the_deadline__refused(world):
    grant_round = world["round"]
    grant_round.closes_on = TODAY - datetime.timedelta(days=1)
    grant_round.opens_on = TODAY - datetime.timedelta(days=10)
    grant_round.save()
    with pytest.raises(ValidationError) as refused:
        draft_application(world)
    assert refused.value.code == "round_closed"
    assert not GrantApplication.objects.exists()


def test_application__association_of_another_municipality__may_not_apply(world):
    elsewhere = representative_of(
        OrganisationFactory(kind="association", municipality=MunicipalityFactory())
    )
    assert not elsewhere.has_perm("grants.apply", world["round"])
    assert world["representative"].has_perm("grants.apply", world["round"])
    assert not world["coordinator"].has_perm("grants.apply", world["round"])


def test_pages__association_applies_and_submits__coordinator_lists_it(world):
    client = client_of(world["representative"])
    apply_url = reverse("grants:apply", kwargs={"pk": world["round"].pk})
    form = client.get(apply_url)
    assert form.status_code == 200
    goal_field = f"goal_{world['goal'].pk}"
    response = client.post(
        apply_url,
        {
            "action_plan": "Tuolijumppaa",
            "requested_amount": "500,50",
            "contact_person": "Liisa",
            goal_field: "Jumppaa",
            "line-TOTAL_FORMS": "3",
            "line-INITIAL_FORMS": "0",
            "line-0-description": "Ohjaaja",
            "line-0-amount": "1 000",
            "line-1-description": "",
            "line-1-amount": "",
            "line-2-description": "Tila",
            "line-2-amount": "",
        },
    )
    assert response.status_code == 200  # the third line has no euros
    assert "Anna tämän kulun euromäärä." in response.content.decode()
    assert not GrantApplication.objects.exists()
    response = client.post(
        apply_url,
        {
            "action_plan": "Tuolijumppaa",
            "requested_amount": "500,50",
            "contact_person": "Liisa",
            goal_field: "Jumppaa",
            "line-TOTAL_FORMS": "1",
            "line-INITIAL_FORMS": "0",
            "line-0-description": "Ohjaaja",
            "line-0-amount": "1 000",
        },
    )
    application = GrantApplication.objects.get()
    assert response.url == reverse("grants:application", kwargs={"pk": application.pk})
    assert application.requested_amount == Decimal("500.50")
    assert client.get(apply_url).url == response.url  # applied already: to the application
    listing = reverse("grants:round-applications", kwargs={"pk": world["round"].pk})
    coordinator = client_of(world["coordinator"])
    assert "Tuolijumppaa" not in coordinator.get(listing).content.decode()

    client.post(response.url, {"loaded_version": application_version(application)})

    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    assert str(world["association"].name) in coordinator.get(listing).content.decode()
    assert coordinator.get(response.url).status_code == 200
    assert client_of(world["other"]).get(response.url).status_code == 404


def test_dashboard__draft_for_the_association__submitted_to_score_for_the_reviewer(world):
    application = draft_application(world)
    dashboard = reverse("portal:dashboard")
    listing = f"/grant-rounds/{world['round'].pk}/applications/"
    representative = client_of(world["representative"]).get(dashboard).content.decode()
    assert f"/grant-applications/{application.pk}/" in representative
    assert "avustushakemus jättämättä" in representative
    reviewer = client_of(world["reviewer"])
    assert listing not in reviewer.get(dashboard).content.decode()

    grant_application_submit(user=world["representative"], application=application)

    assert (
        f"/grant-applications/{application.pk}/"
        not in client_of(world["representative"]).get(dashboard).content.decode()
    )
    page = reviewer.get(dashboard).content.decode()
    assert listing in page and "avustushakemus pisteyttämättä" in page
    # The coordinator decides once the round has closed: nothing to do before.
    assert listing not in client_of(world["coordinator"]).get(dashboard).content.decode()


def test_api__an_application__the_applicants_then_the_coordinators_never_anothers(world):
    application = draft_application(world)

    def ids(user) -> list[int]:
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        body = client.get("/api/v1/grant-applications/").json()
        return [row["id"] for row in body["results"]]

    assert ids(world["representative"]) == [application.pk]
    assert ids(world["coordinator"]) == ids(world["other"]) == ids(None) == []
    grant_application_submit(user=world["representative"], application=application)
    assert ids(world["coordinator"]) == [application.pk]
    assert ids(world["other"]) == ids(None) == []
    other = APIClient()
    other.force_authenticate(world["other"])
    response = other.get(f"/api/v1/grant-applications/{application.pk}/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    mine = APIClient()
    mine.force_authenticate(world["representative"])
    row = mine.get(f"/api/v1/grant-applications/{application.pk}/").json()
    assert (row["state"], row["requested_amount"], len(row["budget_lines"])) == (
        "submitted",
        "800.00",
        2,
    )


def test_application_page__the_round_cards_answers_shown_with_it(client_for):
    """The demo's application to Utajärvi's round, tied to the Ikäihmiset-kortti: once the
    association has answered the card, the answer is shown with the application to the
    association and to the round's coordinator (who read the card's answers anyway)."""
    from elinvoima.actors.models import Organisation
    from elinvoima.cards.models import CardTemplate
    from elinvoima.cards.services import RowAnswer, card_response_save

    reuma = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    application = GrantApplication.objects.get(organisation=reuma, state="submitted")
    card = CardTemplate.objects.get(decision__municipality__code="889")
    falls = card.goal.sub_goals.get(title_fi="Kaatumisten ehkäisy")
    url = reverse("grants:application", kwargs={"pk": application.pk})
    heading = "Yhdistyksen vastaukset hyvinvointikortteihin"
    assert heading not in client_for("yhdistys.reuma").get(url).content.decode()

    card_response_save(
        user=None,
        template=card,
        organisation=reuma,
        answers={falls.pk: RowAnswer("Tuolijumppa tiistaisin", "12 osallistujaa")},
    )

    for username in ("yhdistys.reuma", "hyte.utajarvi"):
        page = client_for(username).get(url).content.decode()
        assert heading in page and "Tuolijumppa tiistaisin" in page, username
