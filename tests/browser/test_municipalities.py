"""The public directory of municipalities and wellbeing services counties."""

import pytest

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.actors.selectors import municipality_list

pytestmark = pytest.mark.browser

PER_PAGE = 50
NAME_CELLS = "main table tbody tr td:first-child"


def names_shown(page) -> list[str]:
    return [name.strip() for name in page.locator(NAME_CELLS).all_inner_texts()]


def test_municipality_list__search_then_county_filter__narrows_the_list(site):
    page = site.page
    search = page.locator("main form.filters button[type=submit]")
    # given the list of all municipalities
    site.visit("/fi/municipalities/")
    assert page.locator(NAME_CELLS).count() == PER_PAGE
    # when searching for "Uta"
    page.locator("#id_q").fill("Uta")
    site.follow(search)
    # then Utajärvi and only the matching municipalities are listed, the search kept
    assert "q=Uta" in page.url
    assert page.locator("#id_q").input_value() == "Uta"
    expected = [m.name_fi for m in municipality_list(search="Uta")]
    assert "Utajärvi" in expected
    assert names_shown(page) == expected

    # when the search is cleared and the Päijät-Häme county chosen in the filter
    county = WellbeingCounty.objects.get(code="9")
    page.locator("#id_q").fill("")
    page.locator("#id_county").select_option("9")
    site.follow(search)
    # then only its municipalities are listed, and the filter stays selected
    assert "county=9" in page.url
    assert page.locator("#id_county").input_value() == "9"
    expected = [m.name_fi for m in municipality_list(county_code="9")]
    assert 0 < len(expected) < PER_PAGE
    assert names_shown(page) == expected
    counties = page.locator("main table tbody tr td:nth-child(3)").all_inner_texts()
    assert {text.strip() for text in counties} == {county.short_name_fi}
    assert page.locator("nav.pagination").count() == 0

    # when the search is "Uta" again within the county, then nothing matches, and it says so
    page.locator("#id_q").fill("Uta")
    site.follow(search)
    assert page.locator("main table tbody tr").count() == 1
    assert page.locator("main table tbody td[colspan]").inner_text().strip()
    assert page.locator("main table tbody a").count() == 0

    # when Utajärvi is searched in all counties and the result opened
    page.locator("#id_county").select_option("")
    site.follow(search)
    site.follow(page.locator("main table a", has_text="Utajärvi"))
    # then its page opens
    assert page.url == site.url("/fi/municipalities/889/")


def test_municipality_list__sort_and_paginate__second_page_keeps_sort(site):
    page = site.page
    codes = list(Municipality.objects.order_by("code").values_list("code", flat=True))
    assert len(codes) > PER_PAGE
    # given the list sorted by code
    site.visit("/fi/municipalities/")
    page.locator("#id_sort").select_option("code")
    site.follow(page.locator("main form.filters button[type=submit]"))
    shown = page.locator("main table tbody tr td:nth-child(2)").all_inner_texts()
    assert shown == codes[:PER_PAGE]
    # when the next page is opened
    site.follow(page.locator("nav.pagination a[href*='page=2']"))
    # then it continues in the same order
    assert "sort=code" in page.url and "page=2" in page.url
    shown = page.locator("main table tbody tr td:nth-child(2)").all_inner_texts()
    assert shown == codes[PER_PAGE : 2 * PER_PAGE]
    # and links back to the first page, keeping the sort
    previous = page.locator("nav.pagination a[href*='page=1']")
    assert "sort=code" in previous.get_attribute("href")


def test_municipality_detail__utajarvi__shows_its_county(site):
    page = site.page
    utajarvi = Municipality.objects.select_related("wellbeing_county").get(code="889")
    county = utajarvi.wellbeing_county
    # when Utajärvi's page is opened
    site.visit("/fi/municipalities/889/")
    # then it names the municipality and links its wellbeing services county
    assert page.locator("main h1").inner_text() == "Utajärvi"
    county_link = page.locator(f"main .facts a[href='/fi/counties/{county.code}/']")
    assert county_link.inner_text() == county.name_fi
    # and the county's page lists Utajärvi among its municipalities
    site.follow(county_link)
    assert page.locator("main h1").inner_text() == county.name_fi
    assert page.locator("main a[href='/fi/municipalities/889/']").inner_text() == "Utajärvi"


def test_county_list__open_county__lists_its_municipalities(site):
    page = site.page
    # given the list of wellbeing services counties
    site.visit("/fi/counties/")
    assert page.locator("main table tbody tr").count() == WellbeingCounty.objects.count()
    # when Päijät-Häme is opened
    site.follow(page.locator("main table a[href='/fi/counties/9/']"))
    # then its municipalities are listed, Asikkala among them
    assert page.url == site.url("/fi/counties/9/")
    links = page.locator("main ul.columns a")
    assert links.count() == Municipality.objects.filter(wellbeing_county__code="9").count()
    assert page.locator("main a[href='/fi/municipalities/016/']").count() == 1
