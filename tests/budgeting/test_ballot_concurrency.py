"""Voting twice is impossible (issue 15): ten windows of one association cast its ballot at
the same moment, each on its own database connection. One ballot remains — the database's
`ballot_one_per_voter` refuses the second insert and the service changes the one ballot
instead — and its choices are one whole ballot, never a mix of two."""

import threading

import pytest
from django.db import connection

from elinvoima.budgeting.models import Ballot, BallotChoice
from elinvoima.budgeting.services import ballot_cast

pytestmark = pytest.mark.django_db(transaction=True)


def test_ten_windows_at_once__one_ballot_one_whole_choice(world):
    proposals = world["proposals"]
    choices = [
        (proposals[0], proposals[1]),
        (proposals[0], proposals[2]),
        (proposals[1], proposals[2]),
    ]
    barrier = threading.Barrier(10)
    errors: list = []

    def cast(index):
        barrier.wait()
        try:
            ballot_cast(
                user=world["mll_rep"],
                budget=world["budget"],
                voter=world["mll"],
                proposal_ids=[proposal.pk for proposal in choices[index % 3]],
            )
        except Exception as error:  # noqa: BLE001 (any failure is the test's finding)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=cast, args=(index,)) for index in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    ballot = Ballot.objects.get()
    chosen = set(BallotChoice.objects.filter(ballot=ballot).values_list("proposal_id", flat=True))
    assert chosen in [{a.pk, b.pk} for a, b in choices]
