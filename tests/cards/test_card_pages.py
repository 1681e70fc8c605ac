"""The pages of wellbeing cards: an association answers on its form (draft, then send), the
coordinator comments and accepts on the review page, and only then is the answer on the
public card page; who may open what."""

import datetime

from django.urls import reverse
from django.utils import timezone

from elinvoima.cards.enums import ResponseState
from elinvoima.cards.models import CardResponse
from elinvoima.cards.services import card_decision_record
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    client_of,
    councillor_of,
    official_of,
    representative_of,
)


def _card(world, *, closed=False):
    today = timezone.localdate()
    opens = today - datetime.timedelta(days=40)
    closes = today - datetime.timedelta(days=1) if closed else today + datetime.timedelta(days=30)
    decision = card_decision_record(
        user=world["coordinator"],
        municipality=world["municipality"],
        year=2026,
        body="Kunnan johtoryhmä",
        decided_on=opens,
        plan=world["plan"],
        goals=[world["elderly"]],
        opens_on=opens,
        closes_on=closes,
    )
    return decision.templates.get()


def _post_answer(client, template, organisation, action, texts, version=""):
    data = {"organisation": organisation.pk, "action": action, "loaded_version": version}
    for sub, (what, how) in zip(texts.keys(), texts.values(), strict=True):
        data[f"what_{sub.pk}"], data[f"how_{sub.pk}"] = what, how
    return client.post(reverse("cards:card-answer", kwargs={"pk": template.pk}), data)


def test_answer_form__draft_then_send__then_accepted__public_on_the_card(world):
    template = _card(world)
    association, rep = world["association"], client_of(world["representative"])
    march = {world["subs"][0]: ("Rollaattorimarssi laidunkauden avajaisiin", "40 kävelijää")}

    page = rep.get(reverse("cards:card-answer", kwargs={"pk": template.pk}))
    assert page.status_code == 200
    assert "Kaatumisten ehkäisy" in page.content.decode()
    saved = _post_answer(rep, template, association, "draft", march)
    assert saved.status_code == 302
    response = CardResponse.objects.get()
    assert response.state == ResponseState.DRAFT
    sent = _post_answer(
        rep, template, association, "send", march, version=response.updated_at.isoformat()
    )
    assert sent.status_code == 302
    card_url = reverse("cards:card", kwargs={"pk": template.pk})
    assert "Rollaattorimarssi" not in client_of(None).get(card_url).content.decode()

    coordinator = client_of(world["coordinator"])
    review_url = reverse("cards:response", kwargs={"pk": response.pk})
    assert coordinator.post(review_url, {"action": "comment", "text": "Hienoa!"}).status_code == 302
    response.refresh_from_db()
    accepted = coordinator.post(
        review_url, {"action": "accept", "loaded_version": response.updated_at.isoformat()}
    )

    assert accepted.status_code == 302
    assert CardResponse.objects.get().state == ResponseState.ACCEPTED
    public = client_of(None).get(card_url).content.decode()
    assert "Rollaattorimarssi laidunkauden avajaisiin" in public
    assert (
        "Hienoa!"
        in rep.get(reverse("cards:card-answer", kwargs={"pk": template.pk})).content.decode()
    )


def test_answer_form__stale_version__refused_naming_who_saved_texts_kept(world):
    template = _card(world)
    association = world["association"]
    first = client_of(world["representative"])
    _post_answer(first, template, association, "draft", {world["subs"][0]: ("Alku", "")})
    loaded = CardResponse.objects.get().updated_at.isoformat()
    other = representative_of(association, first_name="Pentti", last_name="Räisänen")
    _post_answer(
        client_of(other), template, association, "draft", {world["subs"][0]: ("Pentin", "")}, loaded
    )

    refused = _post_answer(
        first, template, association, "send", {world["subs"][0]: ("Minun", "")}, loaded
    )

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Pentti Räisänen" in html and "Minun" in html
    assert "Pentin" in html  # what the other saved is shown
    assert CardResponse.objects.get().answers.get().what_we_do == "Pentin"
    # Having seen it, the second save goes through.
    version = refused.context["form"].data["loaded_version"]
    resent = _post_answer(
        first, template, association, "send", {world["subs"][0]: ("Minun", "")}, version
    )
    assert resent.status_code == 302
    assert CardResponse.objects.get().answers.get().what_we_do == "Minun"


def test_answer_form__card_closed__refused_with_the_date_nothing_saved(world):
    template = _card(world, closed=True)

    refused = _post_answer(
        client_of(world["representative"]),
        template,
        world["association"],
        "send",
        {world["subs"][0]: ("Myöhässä", "")},
    )

    assert refused.status_code == 200
    assert template.closes_on.strftime("%-d.%-m.%Y") in refused.content.decode()
    assert not CardResponse.objects.exists()


def test_pages__who_may_open_what(world):
    template = _card(world)
    _post_answer(
        client_of(world["representative"]),
        template,
        world["association"],
        "send",
        {world["subs"][0]: ("Kerho", "")},
    )
    response = CardResponse.objects.get()
    review_url = reverse("cards:response", kwargs={"pk": response.pk})
    answer_url = reverse("cards:card-answer", kwargs={"pk": template.pk})
    stranger = client_of(representative_of(OrganisationFactory()))
    official = client_of(official_of(world["municipality"]))

    assert stranger.get(review_url).status_code == 404  # a hidden answer is a missing one
    assert client_of(councillor_of(MunicipalityFactory())).get(review_url).status_code == 404
    assert stranger.get(answer_url).status_code == 403  # not invited
    assert client_of(None).get(answer_url).status_code == 302  # to log in
    assert official.get(review_url).status_code == 200  # works in the municipality: reads
    assert official.post(review_url, {"action": "accept"}).status_code == 403  # does not accept
    assert CardResponse.objects.get().state == ResponseState.SUBMITTED
    cards_url = reverse("cards:municipality-cards", kwargs={"code": world["municipality"].code})
    assert template.name_fi in client_of(None).get(cards_url).content.decode()


def test_decision_form__coordinator_records_the_year__cards_made(world):
    url = reverse("cards:card-decision", kwargs={"code": world["municipality"].code})
    coordinator = client_of(world["coordinator"])
    page = coordinator.get(url)
    assert page.status_code == 200
    assert "Aktiivinen ja turvallinen ikääntyminen" in page.content.decode()
    assert "Kaatumisten ehkäisy" not in page.content.decode()  # a sub-goal: not a card
    data = {
        "plan": world["plan"].pk,
        "year": 2026,
        "body": "Kunnan johtoryhmä",
        "decided_on": "2026-01-15",
        "reference": "§ 4",
        "goals": [world["elderly"].pk],
        "opens_on": "2026-02-01",
        "closes_on": "2026-01-31",
    }

    refused = coordinator.post(url, data)
    assert refused.status_code == 200
    assert "Kortit eivät voi sulkeutua ennen kuin ne avautuvat." in refused.content.decode()
    saved = coordinator.post(url, {**data, "closes_on": "2026-11-30"})

    assert saved.status_code == 302
    assert world["elderly"].card_templates.get().closes_on == datetime.date(2026, 11, 30)
    assert client_of(world["representative"]).post(url, data).status_code == 403
