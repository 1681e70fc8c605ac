"""Residents vote with codes (issue 15: "residents in an age range, checked without storing
more personal data than needed"): the coordinator makes codes, shown once and kept only as
hashes; a resident gives a code and a year of birth, checked against the age range and not
stored; one ballot per code, changeable until the close. The network's associations do not
vote in such a budget."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from elinvoima.budgeting.enums import Voters
from elinvoima.budgeting.models import Ballot, Budget, VotingCode
from elinvoima.budgeting.services import (
    ballot_cast_with_code,
    budget_save,
    voting_code_check,
    voting_codes_make,
)
from tests.budgeting.conftest import TODAY, budget_data
from tests.factories.actors import client_of


@pytest.fixture
def residents(world):
    """The world's budget, turned to a vote of residents aged 13–20."""
    Budget.objects.filter(pk=world["budget"].pk).update(
        voters=Voters.RESIDENTS, min_age=13, max_age=20
    )
    world["budget"].refresh_from_db()
    return world


def test_a_residents_budget_needs_its_age_range(world):
    with pytest.raises(ValidationError) as refused:
        budget_save(
            user=world["coordinator"],
            municipality=world["municipality"],
            data=budget_data(world["network"], voters=Voters.RESIDENTS, min_age=20, max_age=13),
        )
    assert "max_age" in refused.value.message_dict


def test_codes__kept_as_hashes__age_checked__one_ballot_a_code(residents):
    budget, proposals = residents["budget"], residents["proposals"]
    codes = voting_codes_make(user=residents["coordinator"], budget=budget, count=3)
    assert len(set(codes)) == 3 and VotingCode.objects.count() == 3
    stored = set(VotingCode.objects.values_list("code_hash", flat=True))
    assert not stored & {code for code in codes}  # the codes themselves are not kept
    assert not residents["mll_rep"].has_perm("budgeting.vote", budget)  # no association votes
    with pytest.raises(ValidationError) as refused:
        voting_code_check(budget=budget, code=codes[0], birth_year=TODAY.year - 30)
    assert "birth_year" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        voting_code_check(budget=budget, code="AAAAA-AAAAA", birth_year=TODAY.year - 15)
    assert "code" in refused.value.message_dict
    first = voting_code_check(budget=budget, code=codes[0].lower(), birth_year=TODAY.year - 15)

    ballot = ballot_cast_with_code(
        budget=budget, voting_code=first, proposal_ids=[proposals[0].pk, proposals[1].pk]
    )
    again = ballot_cast_with_code(
        budget=budget, voting_code=first, proposal_ids=[proposals[2].pk, proposals[0].pk]
    )
    assert again.pk == ballot.pk and ballot.voter is None
    second = voting_code_check(budget=budget, code=codes[1], birth_year=TODAY.year - 13)
    ballot_cast_with_code(
        budget=budget, voting_code=second, proposal_ids=[proposals[0].pk, proposals[1].pk]
    )
    assert Ballot.objects.filter(budget=budget).count() == 2


def test_pages__anonymous_resident_votes_with_a_code(residents, client):
    budget, proposals = residents["budget"], residents["proposals"]
    codes_page = reverse("budgeting:codes", kwargs={"pk": budget.pk})
    assert client_of(residents["mll_rep"]).post(codes_page, {"count": "2"}).status_code == 403
    page = client_of(residents["coordinator"]).post(codes_page, {"count": "2"})
    codes = page.context["codes"]
    assert len(codes) == 2 and codes[0] in page.content.decode()

    ballot_page = reverse("budgeting:code-ballot", kwargs={"pk": budget.pk})
    assert client.get(ballot_page).url == reverse("budgeting:code", kwargs={"pk": budget.pk})
    response = client.post(
        reverse("budgeting:code", kwargs={"pk": budget.pk}),
        {"code": codes[1], "birth_year": str(TODAY.year - 16)},
    )
    assert response.url == ballot_page
    assert client.get(ballot_page).status_code == 200
    response = client.post(ballot_page, {"proposals": [str(proposals[0].pk), str(proposals[2].pk)]})
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert ballot.voter_key.startswith("code:") and ballot.cast_by is None
