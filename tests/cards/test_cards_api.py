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


# --- writes: the services the pages call --------------------------------------------------


def _march(reuma, falls, **changes) -> dict:
    return {
        "organisation": reuma.pk,
        "client_key": "6f0c5a6e-2f7c-4d8a-9e43-0b3f2a1c9d11",
        "kind": "event",
        "name": "Rollaattorimarssi laidunkauden avajaisiin",
        "starts_on": timezone.localdate().isoformat(),
        "participants": 40,
        "in_target_group": 31,
        "beyond_members": 22,
        "volunteers": 6,
        "volunteer_hours": "18.5",
        "sub_goals": [falls.pk],
        **changes,
    }


def test_activity_api__sent_twice_one_activity__changed_with_if_match__removed(demo):
    from elinvoima.cards.models import Activity
    from elinvoima.strategy.models import Goal

    reuma = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    falls = Goal.objects.get(title_fi="Kaatumisten ehkäisy", plan__municipality__code="889")
    client = _client("yhdistys.reuma")

    first = client.post("/api/v1/activities/", _march(reuma, falls), format="json")
    again = client.post("/api/v1/activities/", _march(reuma, falls), format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    url = f"/api/v1/activities/{first.json()['id']}/"
    assert Activity.objects.filter(name__startswith="Rollaattorimarssi").count() == 1
    loaded = client.get(url)["ETag"]
    changed = _march(reuma, falls, participants=45)
    del changed["organisation"], changed["client_key"]
    assert client.put(url, changed, format="json", HTTP_IF_MATCH=loaded).status_code == 200
    stale = client.put(url, changed, format="json", HTTP_IF_MATCH=loaded)
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    too_many = client.put(url, {**changed, "in_target_group": 99}, format="json")
    assert too_many.status_code == 400 and "in_target_group" in too_many.json()
    assert _client("hyte.utajarvi").delete(url).status_code == 403  # reads, never changes
    assert _client("hyte.vaala").delete(url).status_code == 404
    assert client.delete(url).status_code == 204


def test_activity_api__only_for_an_association_one_represents(demo):
    from elinvoima.strategy.models import Goal

    reuma = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    falls = Goal.objects.get(title_fi="Kaatumisten ehkäisy", plan__municipality__code="889")

    refused = _client("yhdistys.mll").post(
        "/api/v1/activities/", _march(reuma, falls), format="json"
    )
    assert refused.status_code == 403
    assert _client(None).post("/api/v1/activities/", {}, format="json").status_code == 401


def test_card_response_api__first_answer_then_changed_with_if_match(demo):
    card = CardTemplate.objects.get(decision__municipality__code="889")
    reuma = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    row = card.goal.sub_goals.get(title_fi="Kaatumisten ehkäisy")
    client = _client("yhdistys.reuma")
    answer = {"sub_goal": row.pk, "what_we_do": "Tuolijumppa", "how_we_succeed": ""}

    made = client.post(
        "/api/v1/card-responses/",
        {"card": card.pk, "organisation": reuma.pk, "answers": [answer]},
        format="json",
    )
    assert made.status_code == 201 and made.json()["state"] == "draft"
    twice = client.post(
        "/api/v1/card-responses/",
        {"card": card.pk, "organisation": reuma.pk, "answers": [answer]},
        format="json",
    )
    assert twice.status_code == 412  # the first answer exists: change it with PUT
    url = f"/api/v1/card-responses/{made.json()['id']}/"
    sent = client.put(
        url,
        {"answers": [{**answer, "how_we_succeed": "13 joka viikko"}], "submit": True},
        format="json",
        HTTP_IF_MATCH=made["ETag"],
    )
    assert sent.status_code == 200 and sent.json()["state"] == "submitted"
    stale = client.put(url, {"answers": [answer]}, format="json", HTTP_IF_MATCH=made["ETag"])
    assert stale.status_code == 412
    assert _client("hyte.utajarvi").put(url, {"answers": []}, format="json").status_code == 403
    card.closes_on = card.opens_on
    card.save()
    closed = client.put(url, {"answers": [answer]}, format="json")
    assert closed.status_code == 409 and closed.json()["code"] == "closed"
