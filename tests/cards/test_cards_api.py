"""The cards API on the demo data: `card-templates` and `community-cards` are public with
their rows and summaries; an answer is listed only for whom may read it until accepted; an
association's activities only for it and for those who work in the municipality."""

from django.utils import timezone
from rest_framework.test import APIClient

from elinvoima.actors.models import Organisation, User
from elinvoima.cards.models import CardResponse, CardTemplate


def _client(username: str | None) -> APIClient:
    client = APIClient()
    if username:
        client.force_authenticate(User.objects.get(username=username))
    return client


def test_card_templates__public_with_rows_filtered_by_municipality_and_year(demo):
    year = timezone.localdate().year
    rows = _client(None).get(f"/api/v1/card-templates/?municipality=889&year={year}").json()
    (card,) = rows["results"]
    assert card["name"] == "Ikäihmiset-kortti"
    assert [row["title"] for row in card["rows"]] == [
        "Turvallinen asuminen ja turvallisuudentunne",
        "Yksinäisyyden vähentäminen",
        "Kaatumisten ehkäisy",
    ]
    assert _client(None).get("/api/v1/card-templates/?municipality=785").json()["count"] == 0


def test_card_responses__a_draft__read_by_its_association_hidden_from_others(demo):
    draft = CardResponse.objects.create(
        template=CardTemplate.objects.get(decision__municipality__code="889"),
        organisation=Organisation.objects.get(name_fi="Utajärven reumayhdistys ry"),
    )
    url = f"/api/v1/card-responses/{draft.pk}/"
    assert _client("yhdistys.reuma").get(url).status_code == 200
    assert _client("hyte.utajarvi").get(url).status_code == 200
    for outsider in (None, "yhdistys.mll", "hyte.vaala"):
        assert _client(outsider).get(url).status_code == 404
        assert _client(outsider).get("/api/v1/card-responses/").json()["count"] == 0


def test_activities__the_association_and_utajarvi_read_them_others_do_not(demo):
    reuma = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    own = _client("yhdistys.reuma").get(f"/api/v1/activities/?organisation={reuma.pk}").json()
    assert own["count"] == 2
    assert {row["name"] for row in own["results"]} == {"Tuolijumppa"}
    assert own["results"][0]["municipality"] == "889"
    assert _client("hyte.utajarvi").get("/api/v1/activities/").json()["count"] == 2
    assert _client("hyte.vaala").get("/api/v1/activities/").json()["count"] == 0
    assert _client(None).get("/api/v1/activities/").status_code == 401


def test_community_cards__public_with_the_six_summaries(demo):
    (card,) = _client(None).get("/api/v1/community-cards/?municipality=785").json()["results"]
    assert card["name"] == "Säräisniemi"
    assert len(card["summaries"]) == 6
    assert card["picture_alt"].startswith("Piirroskuva")
