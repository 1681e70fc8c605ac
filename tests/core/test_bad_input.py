"""Bad input anywhere gets an answer, never a 500."""

import pytest
from django.urls import reverse

GARBAGE_QUERIES = [
    "page=abc",
    "page=-1",
    "page=999999",
    "q=" + "x" * 5000,
    "sort=drop table",
    "county=%00",
    "type=abc&actor=%27%22",
    "page_size=-5",
    "search=%ff%fe",
]


@pytest.mark.parametrize(
    "name",
    [
        "actors:municipality-list",
        "actors:county-list",
        "core:audit-log",
        "api:municipality-list",
        "api:wellbeing-county-list",
    ],
)
def test_list__garbage_query__answered_without_500(client_for, name):
    client = client_for("admin")
    answers = {
        query: client.get(f"{reverse(name)}?{query}").status_code for query in GARBAGE_QUERIES
    }
    assert all(status in (200, 400, 404) for status in answers.values()), answers


UNKNOWN_OR_MALFORMED = [
    "/fi/municipalities/%00/",
    "/fi/municipalities/" + "9" * 300 + "/",
    "/fi/counties/abc/",
    "/fi/organisations/999999999/",
    "/fi/organisations/99999999999999999999999/",
    "/fi/organisations/99999999999999999999999/edit/",
    "/fi/municipalities/abc/networks/",
    "/api/v1/wellbeing-counties/999/",
]


def test_detail__malformed_or_unknown_key__404(client_for):
    client = client_for("admin")
    answers = {path: client.get(path).status_code for path in UNKNOWN_OR_MALFORMED}
    assert set(answers.values()) <= {400, 404}, answers


def test_api__wrong_content_type__json_error(client_for):
    client = client_for("admin")
    response = client.post("/api/v1/auth/token/", "username=x", content_type="text/plain")
    assert response.status_code == 415
    assert "detail" in response.json()
