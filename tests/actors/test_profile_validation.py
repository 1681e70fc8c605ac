import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Organisation, Theme
from tests.actors.forms_data import EMPTY_FORMSETS
from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    client_for_username,
    reference_themes,
    representative_of,
)


@pytest.fixture
def reuma(db) -> Organisation:
    """Utajärvi's rheumatism association with its representative `yhdistys.reuma`, and two
    other organisations of Utajärvi: a parish with a business ID and a village association."""
    reference_themes()
    utajarvi = MunicipalityFactory(
        code="889", name_fi="Utajärvi", name_sv="Utajärvi", name_en="Utajärvi"
    )
    reuma = OrganisationFactory(
        name_fi="Utajärven reumayhdistys ry",
        name_sv="Utajärvi reumaförening rf",
        municipality=utajarvi,
        register_number="148.512",
    )
    representative_of(reuma, username="yhdistys.reuma")
    OrganisationFactory(
        name_fi="Utajärven seurakunta",
        kind=OrganisationKind.PARISH,
        municipality=utajarvi,
        business_id="0205401-0",
    )
    OrganisationFactory(
        name_fi="Juorkunan kyläyhdistys ry",
        kind=OrganisationKind.VILLAGE_ASSOCIATION,
        municipality=utajarvi,
    )
    return reuma


@pytest.fixture
def client_for(reuma):
    """Clients of the users made here by factories (this module needs no demo data)."""
    return client_for_username


def _post(client, organisation, **changes):
    data = {
        "name_fi": organisation.name_fi,
        "name_sv": organisation.name_sv,
        "business_id": organisation.business_id,
        "register_number": organisation.register_number,
        "loaded_at": organisation.updated_at.isoformat(),
        **EMPTY_FORMSETS,
    }
    data.update(changes)
    return client.post(reverse("actors:organisation-edit", kwargs={"pk": organisation.pk}), data)


def _picture(format_name: str, size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=format_name)
    return buffer.getvalue()


def test_business_id__wrong_check_digit__explained(client_for, reuma):
    response = _post(client_for("yhdistys.reuma"), reuma, business_id="0205401-1")
    assert response.status_code == 200
    assert "ei ole kelvollinen Y-tunnus" in response.text


def test_business_id__without_dash__stored_in_official_format(client_for, reuma):
    response = _post(client_for("yhdistys.reuma"), reuma, business_id="1846301 1")
    assert response.status_code == 302
    reuma.refresh_from_db()
    assert reuma.business_id == "1846301-1"


@pytest.mark.both_databases
def test_business_id__already_used__duplicate_refused(client_for, reuma):
    # Utajärven seurakunta has 0205401-0 (the `reuma` fixture)
    response = _post(client_for("yhdistys.reuma"), reuma, business_id="0205401-0")
    assert response.status_code == 200
    assert "on jo hakemistossa" in response.text  # "already in the directory"


def test_register_number__digits_only__formatted(client_for, reuma):
    assert _post(client_for("yhdistys.reuma"), reuma, register_number="148512").status_code == 302
    reuma.refresh_from_db()
    assert reuma.register_number == "148.512"


def test_register_number__letters__refused(client_for, reuma):
    response = _post(client_for("yhdistys.reuma"), reuma, register_number="ry-12")
    assert response.status_code == 200
    assert "yhdistysrekisterinumero" in response.text


@pytest.mark.both_databases
def test_name__same_as_another_in_the_municipality__duplicate_refused(client_for, reuma):
    response = _post(client_for("yhdistys.reuma"), reuma, name_fi="juorkunan KYLÄYHDISTYS ry")
    assert response.status_code == 200
    reuma.refresh_from_db()
    assert reuma.name_fi == "Utajärven reumayhdistys ry"


def test_logo__png__saved(client_for, reuma, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    logo = SimpleUploadedFile("logo.png", _picture("PNG"), content_type="image/png")
    assert _post(client_for("yhdistys.reuma"), reuma, logo=logo).status_code == 302
    reuma.refresh_from_db()
    assert reuma.logo.name.endswith(".png")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.png", b"<script>alert(1)</script>"),  # not a picture at all
        ("logo.gif", None),  # a picture of a format not allowed
    ],
)
def test_logo__not_an_allowed_picture__refused(
    client_for, reuma, settings, tmp_path, name, content
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile(name, content or _picture("GIF"), content_type="image/png")
    response = _post(client_for("yhdistys.reuma"), reuma, logo=upload)
    assert response.status_code == 200
    reuma.refresh_from_db()
    assert not reuma.logo


def test_logo__too_large__refused(client_for, reuma, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    big = SimpleUploadedFile("big.png", _picture("PNG") + b"\0" * (2 * 1024 * 1024), "image/png")
    response = _post(client_for("yhdistys.reuma"), reuma, logo=big)
    assert response.status_code == 200
    assert "2 Mt" in response.text or "2 MB" in response.text


def test_themes_contacts_and_places__saved_together(client_for, reuma):
    themes = list(Theme.objects.filter(code__in=["peer_support", "physical_activity"]))
    utajarvi = reuma.municipality
    data = {
        "themes": [theme.pk for theme in themes],
        "contacts-TOTAL_FORMS": "1",
        "contacts-0-name": "Maija Meikäläinen",
        "contacts-0-title": "sihteeri",
        "contacts-0-email": "maija@example.invalid",
        "contacts-0-is_public": "on",
        "places-TOTAL_FORMS": "1",
        "places-0-name": "Kylätalo",
        "places-0-postal_code": "91600",
        "places-0-municipality": str(utajarvi.pk),
    }
    response = _post(client_for("yhdistys.reuma"), reuma, **data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert set(reuma.themes.values_list("code", flat=True)) == {"peer_support", "physical_activity"}
    assert reuma.contacts.get().name == "Maija Meikäläinen"
    assert reuma.meeting_places.get().postal_code == "91600"
    page = client_for(None).get(reuma.get_absolute_url())
    assert "Maija Meikäläinen" in page.text and "Kylätalo" in page.text


def test_contact__not_public__hidden_from_public_profile(client_for, reuma):
    reuma.contacts.create(name="Salainen Henkilö", is_public=False)
    assert "Salainen Henkilö" not in client_for(None).get(reuma.get_absolute_url()).text
    assert "Salainen Henkilö" in client_for("yhdistys.reuma").get(reuma.get_absolute_url()).text


def test_meeting_place__bad_postal_code__field_error(client_for, reuma):
    response = _post(
        client_for("yhdistys.reuma"),
        reuma,
        **{
            "places-TOTAL_FORMS": "1",
            "places-0-name": "Kylätalo",
            "places-0-postal_code": "9160",
            "places-0-municipality": str(reuma.municipality.pk),
        },
    )
    assert response.status_code == 200
    assert not reuma.meeting_places.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("reuma.fi", "https://reuma.fi"),
        ("www.reuma.fi/utajarvi", "https://www.reuma.fi/utajarvi"),
        (" https://reuma.fi ", "https://reuma.fi"),
        ("http://reuma.fi", "http://reuma.fi"),
    ],
)
def test_website__typed_without_a_scheme__accepted_as_https(client_for, reuma, typed, stored):
    # Issue 12: people type web addresses their way; "reuma.fi" was refused.
    response = _post(client_for("yhdistys.reuma"), reuma, website=typed)
    assert response.status_code == 302, response.content.decode()[:500]
    reuma.refresh_from_db()
    assert reuma.website == stored
