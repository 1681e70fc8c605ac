"""Participatory budgeting (issue 15): the network's member associations propose and vote,
one ballot each, within the budget's rule and until the voting closes; the votes are counted
by the documented rule and published; the municipality decides and the granted proposals
become grants on their measures. A voter sees only their own ballot; the votes show once
published."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.test import APIClient

from elinvoima.budgeting.enums import DecisionOutcome, Phase, VotingRule
from elinvoima.budgeting.models import Ballot, Budget, Proposal
from elinvoima.budgeting.services import (
    DecisionData,
    ProposalData,
    ballot_cast,
    ballot_problem,
    ballot_withdraw,
    budget_advance,
    budget_decide,
    budget_save,
    proposal_review,
    proposal_save,
)
from elinvoima.budgeting.tally import Counted, funded_ids
from elinvoima.grants.models import GrantApplication
from tests.budgeting.conftest import TODAY, advanced, budget_data
from tests.factories.actors import client_of


def _cast(world, voter, *indexes, user=None):
    user = user or world[{"mll": "mll_rep", "sports": "sports_rep"}[voter]]
    return ballot_cast(
        user=user,
        budget=world["budget"],
        voter=world[voter],
        proposal_ids=[world["proposals"][i].pk for i in indexes],
    )


def test_tally__by_votes__cheaper_first_on_a_tie__passed_over_when_it_does_not_fit():
    counted = [
        Counted(1, Decimal("2500"), 2),
        Counted(2, Decimal("2500"), 1),  # ties with 3, dearer: ranked after it
        Counted(3, Decimal("2000"), 1),
        Counted(4, Decimal("1000"), 1),  # same votes and cost as 5, older: first
        Counted(5, Decimal("1000"), 1),
        Counted(6, Decimal("100"), 0),  # no votes: never funded
    ]
    # 2500 (left 3500), 1000 (2500), 1000 (1500), then 2000 and 2500 do not fit.
    assert funded_ids(counted, Decimal("6000")) == [1, 4, 5]
    assert funded_ids(list(reversed(counted)), Decimal("6000")) == [1, 4, 5]  # reproducible
    assert funded_ids(counted, Decimal("10000")) == [1, 4, 5, 3, 2]


def test_ballot_rules__refused_saying_how_far_off(world):
    budget = Budget.objects.get(pk=world["budget"].pk)  # its rule changed below, unsaved
    proposals = world["proposals"]
    # Knapsack, 6,000 € with a minimum share of 50 %: 3,000 € at least.
    assert "1\xa0000,00" in ballot_problem(budget, proposals)  # 7,000 €: 1,000 € over
    short = ballot_problem(budget, proposals[2:])  # 2,000 €: 1,000 € short of 3,000 €
    assert "3\xa0000,00" in short and "2\xa0000,00" in short and "1\xa0000,00" in short
    assert ballot_problem(budget, proposals[:2]) is None
    budget.rule, budget.min_proposals, budget.max_proposals = VotingRule.APPROVAL, 1, 2
    with translation.override("en"):
        assert "you chose 3, 1 too many" in ballot_problem(budget, proposals)
    budget.rule, budget.min_proposals = VotingRule.MINIMUM, 3
    assert ballot_problem(budget, proposals) is None
    assert ballot_problem(budget, proposals[:1]) is not None
    with pytest.raises(ValidationError):  # over the budget: nothing written
        _cast(world, "mll", 0, 1, 2)
    assert not Ballot.objects.exists()


def test_ballot__one_per_association__changed__withdrawn__only_its_own_seen(world):
    first = _cast(world, "mll", 0, 1)
    again = _cast(world, "mll", 0, 2)  # changed: the same ballot
    assert again.pk == first.pk and Ballot.objects.count() == 1
    assert sorted(again.proposals.values_list("title", flat=True)) == [
        "Liikuntavuoro",
        "Perhekahvila",
    ]
    with transaction.atomic(), pytest.raises(IntegrityError):  # the database holds it too
        Ballot.objects.create(budget=world["budget"], voter_key=f"organisation:{world['mll'].pk}")
    with pytest.raises(ValidationError):  # an association of the network not represented
        ballot_cast(
            user=world["mll_rep"],
            budget=world["budget"],
            voter=world["sports"],
            proposal_ids=[world["proposals"][2].pk, world["proposals"][0].pk],
        )
    with pytest.raises(PermissionDenied):  # a company of the network does not vote
        ballot_cast(
            user=world["company_rep"],
            budget=world["budget"],
            voter=world["company"],
            proposal_ids=(),
        )

    api = APIClient()
    api.force_authenticate(world["sports_rep"])
    assert api.get("/api/v1/ballots/").json()["results"] == []  # not the other's ballot
    api.force_authenticate(world["mll_rep"])
    assert [row["id"] for row in api.get("/api/v1/ballots/").json()["results"]] == [first.pk]
    ballot_withdraw(user=world["mll_rep"], budget=world["budget"], voter=world["mll"])
    assert not Ballot.objects.exists()


def test_voting_after_the_close__refused(world):
    Budget.objects.filter(pk=world["budget"].pk).update(
        voting_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    world["budget"].refresh_from_db()
    with translation.override("en"), pytest.raises(ValidationError, match="closed"):
        _cast(world, "mll", 0, 1)
    api = APIClient()
    api.force_authenticate(world["mll_rep"])
    response = api.post(
        "/api/v1/ballots/",
        {
            "budget": world["budget"].pk,
            "voter": world["mll"].pk,
            "proposals": [p.pk for p in world["proposals"][:2]],
        },
        format="json",
    )
    assert response.status_code == 409 and response.json()["code"] == "closed"


def test_api__cast_by_post__totals_only_once_published(world):
    api = APIClient()
    api.force_authenticate(world["mll_rep"])
    payload = {
        "budget": world["budget"].pk,
        "voter": world["mll"].pk,
        "proposals": [world["proposals"][0].pk, world["proposals"][1].pk],
    }
    assert api.post("/api/v1/ballots/", payload, format="json").status_code == 201
    assert api.post("/api/v1/ballots/", payload, format="json").status_code == 200  # changed
    over = {**payload, "proposals": [p.pk for p in world["proposals"]]}
    response = api.post("/api/v1/ballots/", over, format="json")
    assert response.status_code == 400 and "non_field_errors" in response.json()
    _cast(world, "sports", 2, 0)

    def votes():
        body = APIClient().get(f"/api/v1/budgets/{world['budget'].pk}/").json()
        return {row["title"]: row["votes"] for row in body["proposals"]}

    assert set(votes().values()) == {None}
    budget = advanced(world["budget"], 2)  # counted, published
    assert votes() == {"Perhekahvila": 2, "Kyläkerhot": 1, "Liikuntavuoro": 1}
    funded = set(Proposal.objects.filter(funded=True).values_list("title", flat=True))
    assert funded == {"Perhekahvila", "Liikuntavuoro"}  # 2,500 + 2,000; 2,500 more does not fit
    assert budget.phase == Phase.FINISHED and budget.results_published_at is not None


def test_decision__approved__the_funded_proposals_become_grants_on_their_measures(world):
    _cast(world, "mll", 0, 1)
    _cast(world, "sports", 2, 0)
    budget = advanced(world["budget"], 2)
    coordinator = world["coordinator"]
    with pytest.raises(ValidationError):  # changes need their reasons
        budget_decide(
            user=coordinator,
            budget=budget,
            data=DecisionData(DecisionOutcome.AMENDED, "Hyvinvointilautakunta", TODAY),
        )
    budget_decide(
        user=coordinator,
        budget=budget,
        data=DecisionData(DecisionOutcome.APPROVED, "Hyvinvointilautakunta § 14", TODAY),
    )
    grants = GrantApplication.objects.filter(grant_round__municipality=world["municipality"])
    assert {(g.organisation, g.decision.granted_amount, g.measure) for g in grants} == {
        (world["mll"], Decimal("2500"), world["measure"]),
        (world["sports"], Decimal("2000"), world["measure"]),
    }
    assert all(g.grant_round.decisions_are_published for g in grants)
    assert Proposal.objects.filter(granted=True).count() == 2
    with pytest.raises(ValidationError):  # recorded once
        budget_decide(
            user=coordinator,
            budget=budget,
            data=DecisionData(DecisionOutcome.REJECTED, "Valtuusto", TODAY, "Ei rahaa"),
        )


def test_proposals__only_while_taken__of_the_networks_associations(world):
    with pytest.raises(PermissionDenied):  # voting now: no more proposals
        proposal_save(
            user=world["mll_rep"],
            budget=world["budget"],
            organisation=world["mll"],
            data=ProposalData(texts={"title_fi": "Myöhässä"}, cost=Decimal("100")),
        )
    budget = budget_save(
        user=world["coordinator"],
        municipality=world["municipality"],
        data=budget_data(world["network"]),
    )
    with pytest.raises(Http404):  # a draft is its coordinators' only
        proposal_save(
            user=world["mll_rep"],
            budget=budget,
            organisation=world["mll"],
            data=ProposalData(texts={"title_fi": "Liian aikaisin"}, cost=Decimal("100")),
        )
    budget = advanced(budget, 2)
    with pytest.raises(ValidationError) as refused:
        proposal_save(
            user=world["mll_rep"],
            budget=budget,
            organisation=world["mll"],
            data=ProposalData(texts={"title_fi": "Liian kallis"}, cost=Decimal("7000")),
        )
    assert "cost" in refused.value.message_dict
    with pytest.raises(ValidationError):  # into the vote only when every proposal is reviewed
        proposal_save(
            user=world["mll_rep"],
            budget=budget,
            organisation=world["mll"],
            data=ProposalData(texts={"title_fi": "Kerho"}, cost=Decimal("700")),
        )
        budget_advance(user=world["coordinator"], budget=advanced(budget))


def test_pages__vote_on_the_page__the_draft_hidden(world):
    url = reverse("budgeting:vote", kwargs={"pk": world["budget"].pk})
    client = client_of(world["mll_rep"])
    response = client.post(
        f"{url}?organisation={world['mll'].pk}",
        {"proposals": [str(p.pk) for p in world["proposals"]]},
    )
    assert response.status_code == 200 and not Ballot.objects.exists()
    assert "1\xa0000,00" in response.content.decode()  # how far over the budget
    response = client.post(
        f"{url}?organisation={world['mll'].pk}",
        {"proposals": [str(world["proposals"][0].pk), str(world["proposals"][1].pk)]},
    )
    assert response.status_code == 302 and Ballot.objects.count() == 1
    assert client_of(world["company_rep"]).get(url).status_code == 403
    draft = budget_save(
        user=world["coordinator"],
        municipality=world["municipality"],
        data=budget_data(world["network"]),
    )
    draft_url = reverse("budgeting:budget", kwargs={"pk": draft.pk})
    assert client_of(world["mll_rep"]).get(draft_url).status_code == 404
    assert client_of(world["coordinator"]).get(draft_url).status_code == 200


def test_proposal_edit__its_association_while_taken__the_coordinator_until_the_vote(world):
    budget = budget_save(
        user=world["coordinator"],
        municipality=world["municipality"],
        data=budget_data(world["network"]),
    )
    budget = advanced(budget, 2)  # taking proposals
    proposal = proposal_save(
        user=world["mll_rep"],
        budget=budget,
        organisation=world["mll"],
        data=ProposalData(texts={"title_fi": "Kerho"}, cost=Decimal("700")),
    )
    url = reverse("budgeting:proposal-edit", kwargs={"pk": proposal.pk})
    form = {"title_fi": "Kyläkerho", "cost": "800", "loaded_version": ""}
    assert client_of(world["sports_rep"]).post(url, form).status_code == 403  # not its own
    assert client_of(world["mll_rep"]).post(url, form).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title_fi, proposal.cost) == ("Kyläkerho", Decimal("800"))
    advanced(budget)  # reviewing: the coordinator's only
    assert client_of(world["mll_rep"]).post(url, form).status_code == 403
    assert client_of(world["coordinator"]).post(url, {**form, "cost": "750"}).status_code == 302
    proposal_review(user=world["coordinator"], proposal=proposal, accepted=True)
    advanced(budget)  # voting: no more changes
    assert client_of(world["coordinator"]).get(url).status_code == 403
