import pytest
from django.urls import reverse
from django.utils import translation


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_front_page__each_language__html_lang_matches(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text


@pytest.mark.django_db
def test_root__no_prefix__redirects_to_finnish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.django_db
def test_language_switcher__links_to_same_page_in_each_language(client, demo):
    response = client.get("/fi/municipalities/889/")
    assert 'href="/sv/municipalities/889/"' in response.text
    assert 'href="/en/municipalities/889/"' in response.text


@pytest.mark.django_db
def test_municipality_page__swedish__swedish_name_and_number_format(client, demo):
    with translation.override("sv"):
        url = reverse("actors:municipality-detail", kwargs={"code": "091"})
    response = client.get(url)
    assert url.startswith("/sv/")
    assert "<h1>Helsingfors</h1>" in response.text
    # Swedish and Finnish group thousands with a (non-breaking) space
    assert "656\xa0920" in response.text or "656 920" in response.text


def test_formats__finnish_and_swedish__dates_and_numbers_as_written_in_finland():
    import datetime
    from decimal import Decimal

    from django import forms
    from django.utils.formats import date_format, number_format

    day = datetime.date(2026, 3, 5)
    for language in ("fi", "sv"):
        with translation.override(language):
            assert date_format(day, "SHORT_DATE_FORMAT") == "5.3.2026"
            assert (
                number_format(Decimal("1234567.5"), 1, force_grouping=True) == "1\xa0234\xa0567,5"
            )
            assert forms.DateField().clean("5.3.2026") == day
    # the American month/day order of Sweden's defaults is not accepted
    with translation.override("sv"), pytest.raises(forms.ValidationError):
        forms.DateField().clean("3/5/2026")
