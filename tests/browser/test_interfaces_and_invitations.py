"""The interface (yhdyspinta) tables of the county and of a municipality with who may edit
which side, the actor map of a municipality, the embeddable organisation list (and that it
alone may be framed by another site), and inviting an association's representative by
e-mail through to their first login."""

import re

import pytest
from django.core import mail
from django.utils import translation

from elinvoima.actors.actor_map.selectors import actor_map
from elinvoima.actors.demo_data import ASIKKALA_INTERFACES
from elinvoima.actors.directory.forms import DirectoryFilterForm
from elinvoima.actors.directory.selectors import (
    Scope,
    directory_search,
)
from elinvoima.actors.interfaces.selectors import interface_matrix_of, interface_themes
from elinvoima.actors.models import (
    Membership,
    Municipality,
    Organisation,
    User,
    WellbeingCounty,
)

from .conftest import DESKTOP, TIMEOUT_MS

pytestmark = pytest.mark.browser

ASIKKALA, UTAJARVI, PAIJAT_HAME = "016", "889", "9"
REUMA = "Utajärven reumayhdistys ry"
SUCCESS = "main .messages .hds-notification--success"
SUBMIT = "main form button[type=submit]"
ASIKKALA_TABLE = f"/fi/municipalities/{ASIKKALA}/interfaces/"
ASIKKALA_EDIT = f"/fi/municipalities/{ASIKKALA}/interfaces/edit/"
DIRECTORY = f"/fi/municipalities/{UTAJARVI}/organisations/"
EMBED_LISTING = f"/fi/embed/municipalities/{UTAJARVI}/organisations/"
HOST = "https://municipality.example/"  # the municipality's own site, served by page.route


def table_rows(page, selector: str) -> list[list[str]]:
    """The text of every cell (th and td) of each row, trimmed."""
    return page.locator(selector).evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))"
    )


def interface_titles(page) -> dict[str, tuple[str, str]]:
    """Asikkala's table as shown: theme -> (county's title, municipality's title), the
    title being the bold first line of a contact ("" when nobody is named)."""
    return {
        row[0]: (row[1], row[2])
        for row in page.locator("main table tbody tr").evaluate_all(
            "rows => rows.map(row => [row.cells[0].innerText.trim(),"
            " ...[1, 2].map(i => row.cells[i].querySelector('strong')?.innerText.trim() ?? '')])"
        )
    }


def success_message(page) -> str:
    return page.locator(SUCCESS).inner_text().strip()


def test_interfaces__county_matrix_asikkala_table_edit_sides_and_other_municipality_403(site):
    page = site.page
    with translation.override("fi"):
        matrix = interface_matrix_of(county=WellbeingCounty.objects.get(code=PAIJAT_HAME))
        theme_names = {theme.code: theme.name for theme in interface_themes()}
        expected_matrix = [
            [row.municipality.name, *(str(cell.label) for cell in row.cells), str(row.gaps)]
            for row in matrix.rows
        ]
    seed = {theme_names[code]: (county, own) for code, county, own in ASIKKALA_INTERFACES}
    employment, ageing = theme_names["employment"], theme_names["ageing"]

    # given the county's official on the dashboard
    site.login("hva.paijathame")
    county_link = page.locator(f"main .task-list a[href='/fi/counties/{PAIJAT_HAME}/interfaces/']")
    assert county_link.inner_text().strip().startswith("Yhdyspinnat: ")
    # when they open the county's matrix
    site.follow(county_link)
    # then every municipality of the county is a row, each cell says in words which sides
    # have named a contact, and the gaps are counted per row and in all
    assert page.locator("main table caption").inner_text().strip() == "Yhdyspinnat kunnittain"
    assert table_rows(page, "main table tbody tr") == expected_matrix
    assert matrix.total_gaps > 0
    assert page.get_by_text(f"{matrix.total_gaps} aukkoa yhteensä.", exact=True).count() == 1
    totals = table_rows(page, "main table tfoot tr")[0]
    assert totals == ["Aukkoja", *map(str, matrix.theme_gaps), str(matrix.total_gaps)]
    shown = {label for row in expected_matrix for label in row[1:-1]}
    assert {"molemmat", "vain kunta", "puuttuu"} <= shown
    asikkala_row = next(row for row in expected_matrix if row[0] == "Asikkala")
    assert asikkala_row[-1] == "0"  # seed 001's table names both sides on every theme

    # when they open Asikkala's table from its row
    site.follow(page.locator(f"main table tbody th a[href='{ASIKKALA_TABLE}']"))
    # then it shows the seed's titles on both sides, theme by theme, in the order of themes
    assert page.locator("main h1").inner_text().strip() == "Yhdyspinnat: Asikkala"
    assert page.locator("main table caption").count() == 1
    titles = interface_titles(page)
    assert list(titles) == list(theme_names.values())
    assert titles == seed
    assert titles[employment] == ("Tulosaluejohtaja, työikäisten palvelut", "Työllisyysvastaava")
    assert titles[theme_names["nutrition"]] == (
        "Ravitsemusterapeutti, ravitsemusyksikkö",
        "Tukipalvelupäällikkö",
    )

    # when they open the editor (both sides editable for the county), rename Asikkala's
    # employment contact and save
    site.follow(page.locator(f"main .quick-links a[href='{ASIKKALA_EDIT}']"))
    assert page.locator("#id_employment-county-title").get_attribute("readonly") is None
    own_employment = page.locator("#id_employment-municipality-title")
    assert own_employment.input_value() == "Työllisyysvastaava"
    own_employment.fill("Työllisyyspalvelujen päällikkö")
    site.follow(page.locator(SUBMIT))
    # then the table says it was saved and shows the new title, the county's unchanged
    assert page.url == site.url(ASIKKALA_TABLE)
    assert success_message(page) == "Yhdyspintojen yhteyshenkilöt tallennettiin."
    titles = interface_titles(page)
    assert titles[employment] == (
        "Tulosaluejohtaja, työikäisten palvelut",
        "Työllisyyspalvelujen päällikkö",
    )
    assert titles[ageing] == seed[ageing]

    # given Asikkala's own welfare coordinator on the editor
    site.logout()
    site.login("hyte.asikkala")
    site.visit(ASIKKALA_EDIT)
    # then the county's side is shown read-only, saying who changes it
    county_title = page.locator("#id_ageing-county-title")
    assert county_title.get_attribute("readonly") is not None
    assert county_title.input_value() == seed[ageing][0]
    assert page.locator("#id_ageing-county-title_helptext").inner_text().strip() == (
        "Tätä muuttaa vain hyvinvointialue."
    )
    assert page.locator("#id_ageing-municipality-title").get_attribute("readonly") is None
    # and the county official's change is there
    assert page.locator("#id_employment-municipality-title").input_value() == (
        "Työllisyyspalvelujen päällikkö"
    )
    # when they rename the municipality's contact on ageing and save
    page.locator("#id_ageing-municipality-title").fill("Vanhuspalvelujen yhteyshenkilö")
    site.follow(page.locator(SUBMIT))
    # then it is saved and shown, both earlier changes kept
    assert page.url == site.url(ASIKKALA_TABLE)
    assert success_message(page) == "Yhdyspintojen yhteyshenkilöt tallennettiin."
    titles = interface_titles(page)
    assert titles[ageing] == (seed[ageing][0], "Vanhuspalvelujen yhteyshenkilö")
    assert titles[employment][1] == "Työllisyyspalvelujen päällikkö"

    # given the welfare coordinator of Utajärvi, another county's municipality
    site.logout()
    site.login("hyte.utajarvi")
    # then Asikkala's table and its editor are closed: the 403 page (axe runs on it)
    for path in (ASIKKALA_TABLE, ASIKKALA_EDIT):
        site.visit(path, status=403)
        assert page.locator("main h1").inner_text().strip() == "Ei käyttöoikeutta"
        assert page.locator("main table").count() == 0


def test_actor_map__gaps_in_words__count_link_opens_directory_by_theme_and_group(site):
    page = site.page
    utajarvi = Municipality.objects.get(code=UTAJARVI)
    with translation.override("fi"):
        mapped = actor_map(municipality=utajarvi)
        without_actors = [theme.name for theme in mapped["themes_without_actors"]]
        form = DirectoryFilterForm(
            {"theme": "peer_support", "target_group": "older_people"},
            villages=utajarvi.villages.all(),
        )
        expected = [
            o.name
            for o in directory_search(scope=Scope(municipality=utajarvi), filters=form.filters())
        ]
    assert without_actors and REUMA in expected

    # given the page of Utajärvi
    site.visit(f"/fi/municipalities/{UTAJARVI}/")
    # when its actor map is opened from "Toimijakartta"
    link = page.locator(f"main .quick-links a[href='/fi/municipalities/{UTAJARVI}/actor-map/']")
    assert link.inner_text().strip() == "Toimijakartta"
    site.follow(link)
    # then the table is named (caption and scrolling region) and its columns have headers
    assert page.locator("main h1").inner_text().strip() == "Toimijakartta: Utajärvi"
    table = page.locator("main table.actor-map")
    caption = "Toimijat teemoittain ja kohderyhmittäin"
    assert table.locator("caption").inner_text().strip() == caption
    assert page.get_by_role("region", name=caption).count() == 1
    assert table.locator("thead th[scope=col]").first.inner_text().strip() == "Teema"
    assert table.locator("tbody th[scope=row]").count() == len(mapped["rows"])
    # and every theme without an actor says so in words, not colour alone
    gap_rows = table.locator("tbody tr", has_text="ei toimijaa")
    assert [
        re.sub(r"\s*\(ei toimijaa\)$", "", text.strip())
        for text in gap_rows.locator("th").all_inner_texts()
    ] == without_actors
    notice = page.locator("main .hds-notification", has_text="Teemat, joilla ei ole yhtään")
    assert notice.locator("p").inner_text().strip() == ", ".join(without_actors)

    # when the count of peer support for older people is followed
    count_link = table.locator("a[href$='?theme=peer_support&target_group=older_people']")
    assert count_link.inner_text().strip() == str(len(expected))
    site.follow(count_link)
    # then the directory opens filtered by both, listing those organisations
    assert page.url.startswith(site.url(DIRECTORY))
    assert "theme=peer_support" in page.url and "target_group=older_people" in page.url
    assert page.locator("#id_theme").input_value() == "peer_support"
    assert page.locator("#id_target_group").input_value() == "older_people"
    names = page.locator("main ul.directory .directory__name").all_inner_texts()
    assert [name.strip() for name in names] == expected


def test_embed__instructions_snippet_preview_and_only_the_listing_may_be_framed(site, browser):
    page = site.page
    with translation.override("fi"):
        peer_support = [
            o.name
            for o in Scope(municipality=Municipality.objects.get(code=UTAJARVI))
            .organisations()
            .filter(themes__code="peer_support")
            .order_by("name_fi")
        ]
    assert peer_support == [REUMA]

    # given the directory of Utajärvi
    site.visit(DIRECTORY)
    # when "Näytä tämä lista omilla verkkosivuillasi" is followed
    site.follow(page.get_by_role("link", name="Näytä tämä lista omilla verkkosivuillasi"))
    assert page.url == site.url(f"/fi/municipalities/{UTAJARVI}/organisations/embed/")
    snippet = page.locator("main pre.code code").first
    assert f'src="{site.url(EMBED_LISTING)}"' in snippet.inner_text()
    # and the theme "Vertaistuki" is chosen and the code updated
    page.get_by_label("Teema", exact=True).select_option(label="Vertaistuki")
    site.follow(page.get_by_role("button", name="Päivitä koodi"))
    # then the iframe snippet shows only that theme
    assert "theme=peer_support" in page.url
    code = snippet.inner_text()
    assert code.startswith("<iframe ") and code.endswith("></iframe>")
    assert f'src="{site.url(EMBED_LISTING)}?theme=peer_support"' in code
    assert 'title="Organisaatiot: Utajärvi"' in code
    # when the preview is opened
    site.follow(page.get_by_role("link", name="Esikatsele listaa"))
    # then the bare listing (no site header, navigation or footer) lists the association
    assert page.url == site.url(f"{EMBED_LISTING}?theme=peer_support")
    assert page.locator("h1").inner_text().strip() == "Organisaatiot: Utajärvi"
    assert page.locator("header, nav, footer").count() == 0
    names = page.locator(".embed__list .embed__name").all_inner_texts()
    assert [name.strip() for name in names] == peer_support

    # Framing needs a page of another origin, so this part runs in a context of its own:
    # the `site` checks would (rightly) fail on the request to the fake host, which is the
    # point here. Nothing else is loaded in it; the framed pages were axe-checked above.
    # Chromium's Local Network Access checks block a public site from framing localhost
    # unless the site is a secure context (hence https) and has the permission a real
    # visitor would grant; a real municipality's site frames a public server, unchecked.
    context = browser.new_context(**DESKTOP, permissions=["local-network-access"])
    try:
        context.set_default_timeout(TIMEOUT_MS)
        host = context.new_page()
        framed = {"html": ""}
        host.route(
            HOST,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=framed["html"]
            ),
        )
        responses = {}
        host.on("response", lambda response: responses.setdefault(response.url, response))

        def frame_on_host(path: str):
            framed["html"] = (
                '<!DOCTYPE html><html lang="fi"><head><title>Kunta</title></head><body>'
                f'<iframe src="{site.url(path)}" title="Järjestöt"></iframe></body></html>'
            )
            host.goto(HOST, wait_until="load")  # waits for the iframe's load too
            return host.frame_locator("iframe")

        # when a municipality's page frames the listing, then it shows inside the frame
        listing = frame_on_host(EMBED_LISTING)
        assert listing.locator("h1").inner_text().strip() == "Organisaatiot: Utajärvi"
        assert REUMA in listing.locator(".embed__list").inner_text()
        headers = responses[site.url(EMBED_LISTING)].headers
        assert "x-frame-options" not in headers
        assert "frame-ancestors *" in headers["content-security-policy"]

        # when it frames an ordinary page, the directory, then Chromium refuses to show it
        responses.clear()

        def is_refusal(message) -> bool:
            return "frame-ancestors" in message.text

        with host.expect_console_message(is_refusal) as refusal:
            refused = frame_on_host(DIRECTORY)
        assert "violates the following Content Security Policy directive" in refusal.value.text
        assert "frame-ancestors 'none'" in refusal.value.text
        headers = responses[site.url(DIRECTORY)].headers
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        # the frame holds nothing of the page (Chromium's error page, or not even that yet)
        assert not host.frames[1].url.startswith(site.base_url), host.frames[1].url
        assert refused.locator("main, .directory, form").count() == 0
        assert "Organisaatiot" not in refused.locator("body").inner_text()
    finally:
        context.close()


def test_invitation__coordinator_invites_reuma__link_creates_account_once(site):
    page = site.page
    reuma = Organisation.objects.get(name_fi=REUMA)
    invite_url = f"/fi/organisations/{reuma.pk}/invite/"

    # given Utajärvi's welfare coordinator on the dashboard
    site.login("hyte.utajarvi")
    # when they open who has not updated their profile, and show all organisations
    site.follow(
        page.get_by_role("link", name="Ketkä eivät ole päivittäneet profiiliaan tänä vuonna")
    )
    assert page.url == site.url(f"/fi/municipalities/{UTAJARVI}/profile-status/")
    site.follow(page.get_by_role("link", name="Näytä kaikki organisaatiot"))
    assert page.url.endswith("?all=1")
    reuma_row = page.locator("main table tbody tr", has_text=REUMA)
    assert reuma_row.count() == 1
    # and invite a representative for the rheumatism association ("Kutsu", which says to
    # a screen reader whom: the organisation's name is visually hidden in the link)
    invite = reuma_row.locator(f"a[href='{invite_url}']")
    assert invite.text_content() == f"Kutsu: {REUMA}"
    site.follow(invite)
    assert page.url == site.url(invite_url)
    page.locator("#id_name").fill("Reija Reumala")
    page.locator("#id_email").fill("Reija.Reumala@example.org")
    site.follow(page.get_by_role("button", name="Lähetä kutsu"))
    # then it says the invitation was sent, and lists it as waiting
    assert page.url == site.url(invite_url)
    assert success_message(page) == "Kutsu lähetettiin osoitteeseen reija.reumala@example.org."
    row = page.locator("main section[aria-labelledby=sent-invitations] tbody tr")
    assert row.count() == 1
    cells = [cell.strip() for cell in row.locator("td").all_inner_texts()]
    assert cells[:2] == ["Reija Reumala", "reija.reumala@example.org"]
    assert cells[3].startswith("Odottaa, voimassa ")
    # and the e-mail (Django's test outbox: the live server runs in this process) has the link
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reija.reumala@example.org"]
    assert REUMA in message.subject
    links = re.findall(r"https?://\S+/invitations/\S+/", message.body)
    assert len(links) == 1 and links[0].startswith(site.url("/fi/invitations/")), message.body
    accept_path = links[0].removeprefix(site.base_url)

    # when the invited person, not logged in, opens the link
    site.logout()
    site.visit(accept_path)
    assert page.locator("main h1").inner_text().strip() == "Hyväksy kutsu"
    # the name is filled in from the invitation; they choose a username and a password
    assert page.locator("#id_first_name").input_value() == "Reija"
    assert page.locator("#id_last_name").input_value() == "Reumala"
    page.locator("#id_username").fill("reija.reumala")
    page.locator("#id_password1").fill("Tuolijumppa-tiistaisin-10")
    page.locator("#id_password2").fill("Tuolijumppa-tiistaisin-10")
    site.follow(page.get_by_role("button", name="Luo tunnus ja hyväksy kutsu"))
    # then they land on the association's profile form, logged in as themselves
    assert page.url == site.url(f"/fi/organisations/{reuma.pk}/edit/")
    assert success_message(page) == (
        f"Tervetuloa! Voit nyt pitää tämän organisaation profiilin ajan tasalla: {REUMA}."
    )
    assert page.locator(".site-header__user").inner_text().strip() == "Reija Reumala"
    user = User.objects.get(username="reija.reumala")
    assert user.email == "reija.reumala@example.org"
    assert Membership.objects.filter(
        user=user, organisation=reuma, role="association_representative"
    ).exists()

    # when the link is opened again, it cannot be used
    site.visit(accept_path, status=410)
    assert page.locator("main h1").inner_text().strip() == "Kutsua ei voi käyttää"
    assert page.locator("main form").count() == 0
