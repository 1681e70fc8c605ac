"""The public directory of organisations per municipality and county (search, filters,
sorting, CSV and Excel exports, Swedish, phone), and the organisation profile form with its
themes, contact people, meeting places and logo."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone, translation
from PIL import Image

from elinvoima.actors.directory.forms import DirectoryFilterForm
from elinvoima.actors.directory.selectors import (
    Scope,
    directory_search,
)
from elinvoima.actors.models import Municipality, Organisation, WellbeingCounty

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

UTAJARVI, VAALA, POHJOIS_POHJANMAA = "889", "785", "19"
REUMA = "Utajärven reumayhdistys ry"
REUMA_SV = "Utajärvi reumaförening rf"
JUORKUNA = "Juorkunan kyläyhdistys ry"
MLL = "MLL Vaalan yhdistys ry"
DIRECTORY = f"/fi/municipalities/{UTAJARVI}/organisations/"
NAMES = "main ul.directory .directory__name"
COUNT = "main p[role=status]"
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}


def required_label(label: str) -> re.Pattern:
    """A required field's label: the text, then "(pakollinen)"."""
    return re.compile(rf"^{re.escape(label)} \(pakollinen\)$")


def names_shown(page) -> list[str]:
    return [name.strip() for name in page.locator(NAMES).all_inner_texts()]


def expected_names(*, language: str = "fi", **query: str) -> list[str]:
    """What the directory of Utajärvi should list for a query string, in order, straight
    from the database (through the same filter form the page uses)."""
    municipality = Municipality.objects.get(code=UTAJARVI)
    with translation.override(language):  # "name" sorts by the name in this language
        form = DirectoryFilterForm(query or None, villages=municipality.villages.all())
        scope = Scope(municipality=municipality)
        return [o.name for o in directory_search(scope=scope, filters=form.filters())]


def count_fi(count: int) -> str:
    return f"{count} organisaatio" if count == 1 else f"{count} organisaatiota"


def export_queries(page) -> dict[str, dict[str, list[str]]]:
    """The query strings of the CSV and Excel download links, parsed."""
    queries = {}
    for fmt in ("csv", "xlsx"):
        href = page.locator(f"main .exports a[href*='/organisations/export.{fmt}']").get_attribute(
            "href"
        )
        assert href is not None
        queries[fmt] = parse_qs(urlsplit(href).query)
    return queries


def assert_exports_keep(page, **query: str) -> None:
    queries = export_queries(page)
    wanted = {key: [value] for key, value in query.items()}
    for fmt, parsed in queries.items():
        kept = {key: parsed.get(key) for key in wanted}
        assert kept == wanted, f"the {fmt} link lost the filters: {parsed}"
        assert "page" not in parsed


def test_directory__municipality__search_filters_sort_exports_and_empty_result(site):
    page = site.page
    search = page.locator("main form.filters button[type=submit]")
    # given the page of Utajärvi
    site.visit(f"/fi/municipalities/{UTAJARVI}/")
    # when its organisations are opened from the "Organisaatiot" link
    link = page.locator(f"main .quick-links a[href='{DIRECTORY}']")
    assert link.inner_text().strip() == "Organisaatiot"
    site.follow(link)
    # then every published organisation of Utajärvi is listed by name, with the count
    assert page.url == site.url(DIRECTORY)
    assert page.locator("main h1").inner_text().strip() == "Organisaatiot: Utajärvi"
    everyone = expected_names()
    assert REUMA in everyone and JUORKUNA in everyone
    assert names_shown(page) == everyone
    assert page.locator(COUNT).inner_text().strip() == count_fi(len(everyone))

    # when searching for "reuma"
    page.get_by_label("Hae", exact=True).fill("reuma")
    site.follow(search)
    # then the rheumatism association alone is found, the search and count kept
    assert "q=reuma" in page.url
    assert page.locator("#id_q").input_value() == "reuma"
    assert names_shown(page) == [REUMA]
    assert page.locator(COUNT).inner_text().strip() == count_fi(1)
    # and the downloads are of the same search
    assert_exports_keep(page, q="reuma")

    # when the search is cleared and the theme "Vertaistuki" chosen
    page.locator("#id_q").fill("")
    page.get_by_label("Teema", exact=True).select_option(label="Vertaistuki")
    site.follow(search)
    # then only organisations with that theme are listed, the filter kept in the links
    assert "theme=peer_support" in page.url
    assert page.locator("#id_theme").input_value() == "peer_support"
    peer_support = expected_names(theme="peer_support")
    assert REUMA in peer_support and JUORKUNA not in peer_support
    assert names_shown(page) == peer_support
    assert page.locator(COUNT).inner_text().strip() == count_fi(len(peer_support))
    assert_exports_keep(page, theme="peer_support")
    # and the CSV download has exactly those rows, with a BOM and a Finnish header
    with page.expect_download() as download_info:
        page.locator("main .exports a", has_text="CSV").click()
    download = download_info.value
    assert download.suggested_filename == "utajarvi-organisations.csv"
    body = download.path().read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Nimi;")
    assert [line.split(";")[0] for line in lines[1:]] == peer_support

    # when the theme is cleared and the village "Juorkuna" chosen
    page.locator("#id_theme").select_option("")
    page.get_by_label("Kylä", exact=True).select_option(label="Juorkuna")
    site.follow(search)
    # then the village association of Juorkuna is listed
    village_pk = page.locator("#id_village").input_value()
    assert f"village={village_pk}" in page.url
    assert names_shown(page) == expected_names(village=village_pk) == [JUORKUNA]
    assert page.locator(COUNT).inner_text().strip() == count_fi(1)

    # when the theme "Vertaistuki" is chosen as well, nothing matches: the page says so
    page.locator("#id_theme").select_option("peer_support")
    site.follow(search)
    assert page.locator(NAMES).count() == 0
    assert page.locator(COUNT).inner_text().strip() == count_fi(0)
    assert page.get_by_text("Hakuun ei löytynyt yhtään organisaatiota").is_visible()
    assert_exports_keep(page, theme="peer_support", village=village_pk)

    # when every filter is cleared and the most recently updated are sorted first
    Organisation.objects.filter(name_fi=JUORKUNA).update(
        updated_at=timezone.now() + timedelta(minutes=1)
    )
    page.locator("#id_theme").select_option("")
    page.locator("#id_village").select_option("")
    page.get_by_label("Järjestä", exact=True).select_option(label="Viimeksi päivitetyt ensin")
    site.follow(search)
    # then the one updated last comes first, the others follow in the same order as the
    # database gives, and the downloads are sorted the same way
    assert "sort=-updated" in page.url
    by_update = expected_names(sort="-updated")
    assert by_update[0] == JUORKUNA
    assert by_update != everyone
    assert names_shown(page) == by_update
    assert page.locator(COUNT).inner_text().strip() == count_fi(len(everyone))
    assert_exports_keep(page, sort="-updated")


def test_directory__county_swedish_and_phone__same_rows_own_language_no_sideways_scroll(
    make_site, demo
):
    site = make_site(**DESKTOP)
    page = site.page
    # given the directory of the Pohjois-Pohjanmaa wellbeing services county
    site.visit(f"/fi/counties/{POHJOIS_POHJANMAA}/")
    site.follow(
        page.locator(f"main a[href='/fi/counties/{POHJOIS_POHJANMAA}/organisations/']").first
    )
    # then the organisations of both Utajärvi and Vaala are listed, each once
    county = WellbeingCounty.objects.get(code=POHJOIS_POHJANMAA)
    with translation.override("fi"):
        expected = [o.name for o in directory_search(scope=Scope(county=county), filters={})]
    assert names_shown(page) == expected
    assert len(set(expected)) == len(expected)
    assert {REUMA, JUORKUNA, MLL, "Vaalan Urheilijat ry"} <= set(expected)
    homes = {
        o.municipality.code
        for o in Organisation.objects.filter(name_fi__in=expected).select_related("municipality")
    }
    assert {UTAJARVI, VAALA} <= homes
    # and there is no village filter: villages belong to one municipality
    assert page.locator("#id_village").count() == 0

    # when the directory of Utajärvi is opened in Swedish
    site.visit(f"/sv/municipalities/{UTAJARVI}/organisations/")
    # then the page, its labels, options and names are in Swedish
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("main h1").inner_text().strip().startswith("Organisationer")
    for label in ("Sök", "Tema", "By", "Sortera", "För vem", "Typ"):
        assert page.get_by_label(label, exact=True).count() == 1, label
    assert page.locator("#id_theme option[value=peer_support]").inner_text() == "Kamratstöd"
    sort_labels = page.locator("#id_sort option").all_inner_texts()
    assert "Senast uppdaterade först" in sort_labels
    assert "Ladda ner den här listan:" in page.locator("main .exports").inner_text()
    swedish = expected_names(language="sv")
    assert REUMA_SV in swedish
    assert names_shown(page) == swedish
    assert page.locator(COUNT).inner_text().strip() == f"{len(swedish)} organisationer"
    # and a search that finds nothing says so in Swedish
    page.locator("#id_q").fill("ingenting sådant")
    site.follow(page.locator("main form.filters button[type=submit]"))
    assert page.locator(NAMES).count() == 0
    assert page.get_by_text("Ingen organisation motsvarar sökningen").is_visible()

    # when the directory is opened on a phone (visit runs axe on the narrow layout too)
    phone = make_site(**PHONE)
    phone.visit(DIRECTORY)
    # then the page fits the screen: nothing scrolls sideways
    widths = phone.page.evaluate(
        "() => ({page: document.documentElement.scrollWidth,"
        " body: document.body.scrollWidth, screen: window.innerWidth})"
    )
    assert widths["screen"] == 375
    assert widths["page"] <= widths["screen"], widths
    assert widths["body"] <= widths["screen"], widths
    assert phone.page.locator(NAMES).count() == len(expected_names())


def test_organisation_edit__themes_contact_place_logo__shown_on_profile_then_bad_business_id(
    site, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"  # the uploaded logo stays out of var/media
    logo_file = tmp_path / "logo.png"
    Image.new("RGB", (64, 64), (0, 110, 90)).save(logo_file, format="PNG")
    page = site.page
    reuma = Organisation.objects.get(name_fi=REUMA)
    edit_url = f"/fi/organisations/{reuma.pk}/edit/"
    profile_url = f"/fi/organisations/{reuma.pk}/"
    save = page.locator("main form button[type=submit]")
    assert reuma.contacts.count() == 0 and reuma.meeting_places.count() == 0

    # given the association's representative on the profile form (axe runs on it)
    site.login("yhdistys.reuma")
    site.visit(edit_url)
    for field in ("#id_business_id", "#id_register_number"):
        assert page.locator(field).is_visible()
    assert page.locator("#id_logo[type=file]").count() == 1
    themes = page.get_by_role("group", name="Teemat", exact=True)
    assert themes.locator("legend").count() == 1
    assert page.get_by_role("group", name="Kohderyhmät").count() == 1
    assert page.get_by_role("group", name="Kylät").count() == 1

    # when they tick two more themes
    themes.get_by_label("Kulttuuri ja taide", exact=True).check()
    themes.get_by_label("Vapaaehtoistoiminta", exact=True).check()
    # and add a contact person who agrees to be shown publicly (a row added by its button)
    page.get_by_role("button", name="Lisää yhteyshenkilö").click()
    contact = page.get_by_role("group", name="Uusi yhteyshenkilö")
    contact.get_by_label(required_label("Nimi")).fill("Raili Reumala")
    contact.get_by_label("Tehtävä organisaatiossa", exact=True).fill("sihteeri")
    contact.get_by_label("Sähköposti", exact=True).fill("raili@example.org")
    contact.get_by_label("Näytetään julkisesti", exact=True).check()
    # and a meeting place in Utajärvi
    page.get_by_role("button", name="Lisää kokoontumispaikka").click()
    place = page.get_by_role("group", name="Uusi kokoontumispaikka")
    place.get_by_label(required_label("Nimi")).fill("Seurakuntatalo")
    place.get_by_label("Postinumero", exact=True).fill("91600")
    place.get_by_label(required_label("Kunta")).select_option(label="Utajärvi")
    # and choose a logo
    page.set_input_files("#id_logo", str(logo_file))
    site.follow(save)

    # then the profile says it was saved and shows all of it
    assert page.url == site.url(profile_url)
    assert page.locator("main .messages .hds-notification--success").inner_text().strip() == (
        "Profiili on tallennettu."
    )
    facts = page.locator("main dl.facts")
    shown_themes = facts.locator("dt:text-is('Teemat') + dd").inner_text()
    for theme in ("Vertaistuki", "Kulttuuri ja taide", "Vapaaehtoistoiminta"):
        assert theme in shown_themes
    contacts = page.locator("main section[aria-labelledby=profile-contacts]")
    assert "Raili Reumala, sihteeri" in contacts.inner_text()
    assert contacts.locator("a[href='mailto:raili@example.org']").count() == 1
    places = page.locator("main section[aria-labelledby=profile-places]")
    assert "Seurakuntatalo, 91600 Utajärvi" in places.inner_text()
    logo = page.locator("main img.profile-heading__logo")
    assert logo.get_attribute("alt") == f"Logo: {REUMA}"
    assert (logo.get_attribute("src") or "").startswith("/media/logos/")
    # (the test server serves media files; the picture really loads)
    assert logo.evaluate("img => img.complete && img.naturalWidth") == 64
    reuma.refresh_from_db()
    assert reuma.logo.name.startswith("logos/") and reuma.logo.storage.exists(reuma.logo.name)
    assert set(reuma.themes.values_list("code", flat=True)) >= {"culture", "volunteering"}

    # and a visitor who is not logged in sees the public contact person too
    site.logout()
    site.visit(profile_url)
    assert "Raili Reumala" in page.locator("main").inner_text()
    assert page.locator("main a[href='mailto:raili@example.org']").count() == 1

    # when the representative enters an invalid business ID
    site.login("yhdistys.reuma")
    site.visit(edit_url)
    assert page.get_by_role("group", name="Raili Reumala").count() == 1  # the saved contact
    page.locator("#id_business_id").fill("1234567-8")
    site.follow(save)  # axe runs on the form with the error
    # then the form comes back with the error in Finnish next to the field, nothing saved
    assert page.url == site.url(edit_url)
    assert page.locator(".form-field--invalid #id_business_id").count() == 1
    assert page.locator("#id_business_id").get_attribute("aria-invalid") == "true"
    error = page.locator("#id_business_id_error").inner_text().strip()
    assert error == "1234567-8 ei ole kelvollinen Y-tunnus. Y-tunnus on muotoa 1234567-8."
    reuma.refresh_from_db()
    assert reuma.business_id == ""
