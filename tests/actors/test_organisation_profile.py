import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from elinvoima.actors.models import Organisation
from tests.actors.forms_data import EMPTY_FORMSETS
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    client_for_username,
    coordinator_of,
    representative_of,
)


@pytest.fixture
def utajarvi(db):
    utajarvi = MunicipalityFactory(
        code="889", name_fi="Utajärvi", name_sv="Utajärvi", name_en="Utajärvi"
    )
    coordinator_of(utajarvi, username="hyte.utajarvi")
    return utajarvi


@pytest.fixture
def vaala(db):
    vaala = MunicipalityFactory(code="785", name_fi="Vaala", name_sv="Vaala", name_en="Vaala")
    coordinator_of(vaala, username="hyte.vaala")
    return vaala


@pytest.fixture
def reuma(utajarvi) -> Organisation:
    reuma = OrganisationFactory(
        name_fi="Utajärven reumayhdistys ry",
        name_sv="Utajärvi reumaförening rf",
        municipality=utajarvi,
    )
    representative_of(reuma, username="yhdistys.reuma")
    return reuma


@pytest.fixture
def mll(vaala) -> Organisation:
    return OrganisationFactory(
        name_fi="MLL Vaalan yhdistys ry", name_sv="MLL Vaala förening rf", municipality=vaala
    )


@pytest.fixture
def client_for(reuma, vaala):
    """Clients of the users made here by factories (this module needs no demo data):
    yhdistys.reuma, hyte.utajarvi and hyte.vaala."""
    return client_for_username


def _form_data(organisation, **changes):
    data = {
        "name_fi": organisation.name_fi,
        "name_sv": organisation.name_sv,
        "description_fi": organisation.description_fi,
        "description_sv": organisation.description_sv,
        "website": organisation.website,
        "email": organisation.email,
        "loaded_at": organisation.updated_at.isoformat(),
        **EMPTY_FORMSETS,
    }
    data.update(changes)
    return data


def test_organisation__representative_edits_own_profile__saved_and_audited(client_for, reuma):
    client = client_for("yhdistys.reuma")
    url = reverse("actors:organisation-edit", kwargs={"pk": reuma.pk})
    response = client.post(url, _form_data(reuma, description_fi="Tuolijumppaa tiistaisin."))
    assert response.status_code == 302
    reuma.refresh_from_db()
    assert reuma.description_fi == "Tuolijumppaa tiistaisin."
    entry = LogEntry.objects.get_for_object(reuma).latest("timestamp")
    assert entry.actor.username == "yhdistys.reuma"
    assert entry.changes_dict["description_fi"][1] == "Tuolijumppaa tiistaisin."


def test_organisation__representative_edits_other_organisation__403(client_for, mll):
    client = client_for("yhdistys.reuma")
    url = reverse("actors:organisation-edit", kwargs={"pk": mll.pk})
    assert client.get(url).status_code == 403
    response = client.post(url, _form_data(mll, description_fi="vallattu"))
    assert response.status_code == 403
    mll.refresh_from_db()
    assert mll.description_fi != "vallattu"


def test_organisation__coordinator_of_home_municipality__may_edit(client_for, reuma, mll):
    client = client_for("hyte.utajarvi")
    assert (
        client.get(reverse("actors:organisation-edit", kwargs={"pk": reuma.pk})).status_code == 200
    )
    assert client.get(reverse("actors:organisation-edit", kwargs={"pk": mll.pk})).status_code == 403


def test_organisation__html_in_description__escaped_on_profile(client_for, reuma):
    client = client_for("yhdistys.reuma")
    url = reverse("actors:organisation-edit", kwargs={"pk": reuma.pk})
    client.post(url, _form_data(reuma, description_fi="<script>alert(1)</script>"))
    page = client.get(reuma.get_absolute_url())
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_organisation__missing_name_and_bad_email__field_messages_in_finnish(client_for, reuma):
    client = client_for("yhdistys.reuma")
    url = reverse("actors:organisation-edit", kwargs={"pk": reuma.pk})
    response = client.post(url, _form_data(reuma, name_fi="", email="ei-osoite"))
    assert response.status_code == 200
    assert "Tämä kenttä vaaditaan." in response.text
    assert "Syötä kelvollinen sähköpostiosoite." in response.text


@pytest.mark.both_databases
def test_organisation__saved_by_someone_else_meanwhile__refused_not_overwritten(client_for, reuma):
    # given two people who opened the form at the same time
    first, second = client_for("yhdistys.reuma"), client_for("hyte.utajarvi")
    stale = _form_data(reuma)
    url = reverse("actors:organisation-edit", kwargs={"pk": reuma.pk})
    # when the first saves and then the second saves from the same starting point
    assert first.post(url, {**stale, "description_fi": "Ensimmäinen"}).status_code == 302
    response = second.post(url, {**stale, "description_fi": "Toinen"})
    # then the second is told, and the first one's change stands
    assert response.status_code == 200
    assert "tallensi" in response.text or "saved this profile" in response.text
    reuma.refresh_from_db()
    assert reuma.description_fi == "Ensimmäinen"


def test_organisation__unpublished__hidden_from_public_visible_to_member(client_for, reuma):
    reuma.is_published = False
    reuma.save()
    assert client_for(None).get(reuma.get_absolute_url()).status_code == 404
    assert client_for("hyte.vaala").get(reuma.get_absolute_url()).status_code == 404
    assert client_for("yhdistys.reuma").get(reuma.get_absolute_url()).status_code == 200


def test_organisation__unpublished_edit_page__404_for_who_may_not_see_it(client_for, reuma):
    # As the API answers: a hidden organisation does not exist (it was 403 here).
    Organisation.objects.filter(pk=reuma.pk).update(is_published=False)
    url = reverse("actors:organisation-edit", args=[reuma.pk])
    missing = reverse("actors:organisation-edit", args=[999999])
    assert client_for("hyte.vaala").get(url).status_code == 404
    assert client_for("hyte.vaala").get(missing).status_code == 404
    assert client_for("hyte.utajarvi").get(url).status_code == 200
    assert client_for(None).get(url).status_code == 302  # to log in first
