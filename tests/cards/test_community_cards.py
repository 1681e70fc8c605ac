"""Community cards (Vaala's Hyvinvoinnin edistämisen kortti): a village association makes
its card with a picture (made smaller, turned upright, its camera data left out) and the six
summaries; files that are not pictures, too large or of too many pixels are refused with a
message and nothing saved; a picture needs its description; two editors do not overwrite
each other; who may make and change a card."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from elinvoima.cards.community.services import (
    PICTURE_LONGEST_SIDE,
    CommunityCardData,
    card_version,
    community_card_save,
)
from elinvoima.cards.models import CommunityCard
from elinvoima.indicators.enums import ExperientialDomain
from tests.factories.actors import (
    MunicipalityFactory,
    OrganisationFactory,
    client_of,
    coordinator_of,
    representative_of,
)


def _image(size=(3000, 2000), image_format="JPEG", exif=True) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (40, 120, 200))
    out = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x0112] = 6  # orientation: turned 90° (a phone held upright)
        data[0x010F] = "Puhelinvalmistaja"
        extra["exif"] = data
    image.save(out, image_format, **extra)
    return SimpleUploadedFile(f"kuva.{image_format.lower()}", out.getvalue())


@pytest.fixture
def village(db):
    municipality = MunicipalityFactory()
    association = OrganisationFactory(municipality=municipality, kind="village_association")
    return {
        "municipality": municipality,
        "association": association,
        "representative": representative_of(association),
        "coordinator": coordinator_of(municipality),
    }


def _save(village, user=None, **changes):
    data = {"name": "Säräisniemi", "keeper": village["association"], "residents": 450}
    options = {
        key: changes.pop(key)
        for key in ("picture", "card", "loaded_version", "summaries")
        if key in changes
    }
    return community_card_save(
        user=user or village["representative"],
        municipality=village["municipality"],
        data=CommunityCardData(**{**data, **changes}),
        summaries=options.pop("summaries", {}),
        **options,
    )


def test_save__phone_photo__smaller_upright_without_camera_data(village, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    card = _save(
        village,
        picture=_image(),
        picture_alt="Kylätalo ja järvi",
        summaries={ExperientialDomain.LEISURE.value: "Uimaranta ja latu."},
    )
    with Image.open(card.picture.path) as stored:
        assert stored.format == "JPEG"
        # 3000 × 2000 turned upright is 2000 × 3000; the longer side made 1600
        assert stored.size == (round(PICTURE_LONGEST_SIDE * 2 / 3), PICTURE_LONGEST_SIDE)
        assert not stored.getexif()
    assert card.summaries.get().text == "Uimaranta ja latu."


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("kuva.jpg", b"<html>ei kuva</html>"), "picture"),
        (SimpleUploadedFile("iso.jpg", b"0" * (10 * 1024 * 1024 + 1)), "picture"),
        (_image(size=(8000, 6000), image_format="PNG", exif=False), "picture"),
        (_image(size=(20, 20), image_format="GIF", exif=False), "picture"),
    ],
    ids=["not-a-picture", "over-10-MB", "48-megapixels", "gif"],
)
def test_save__bad_picture__refused_at_the_picture_nothing_saved(village, upload, code):
    with pytest.raises(ValidationError) as refused:
        _save(village, picture=upload, picture_alt="Kuva")
    assert code in refused.value.message_dict
    assert not CommunityCard.objects.exists()


def test_save__picture_without_description__refused(village, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as refused:
        _save(village, picture=_image(size=(300, 200)))
    assert "picture_alt" in refused.value.message_dict


def test_save__two_editors_from_one_version__the_second_refused(village):
    card = _save(village)
    loaded = card_version(card)
    _save(village, card=card, loaded_version=loaded, residents=460)
    with pytest.raises(ValidationError) as refused:
        _save(village, user=village["coordinator"], card=card, loaded_version=loaded, residents=1)
    assert refused.value.code == "conflict"
    card.refresh_from_db()
    assert card.residents == 460


def test_save__another_municipalitys_volunteer__refused(village):
    stranger = representative_of(OrganisationFactory(municipality=MunicipalityFactory()))
    with pytest.raises(PermissionDenied):
        _save(village, user=stranger)
    card = _save(village)
    with pytest.raises(PermissionDenied):
        _save(village, user=stranger, card=card, loaded_version=card_version(card))


def test_pages__public_card_edit_by_keeper_and_coordinator_only(village):
    card = _save(village, summaries={ExperientialDomain.MIND_BODY.value: "Luonto auttaa."})
    page = client_of(None).get(reverse("cards:community-card", kwargs={"pk": card.pk}))
    assert page.status_code == 200
    assert "Luonto auttaa." in page.content.decode()
    edit = reverse("cards:community-card-edit", kwargs={"pk": card.pk})
    assert client_of(village["representative"]).get(edit).status_code == 200
    assert client_of(village["coordinator"]).get(edit).status_code == 200
    other = representative_of(OrganisationFactory(municipality=village["municipality"]))
    assert client_of(other).get(edit).status_code == 403
