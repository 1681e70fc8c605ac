"""An association keeps its own profile up to date; the admin sees the change in the audit
log; another association's profile stays closed."""

import pytest

from elinvoima.actors.models import Organisation

pytestmark = pytest.mark.browser

REUMA = "Utajärven reumayhdistys ry"
MLL = "MLL Vaalan yhdistys ry"
SCRIPT = "<script>alert(1)</script>"


def record_dialogs(page) -> list[str]:
    """Every alert/confirm/prompt the page opens: injected markup must never run. (The CSP
    would block an inline script even if it were not escaped, and the fixture would report
    that; the tests also check that the text is shown as text, with no <script> element.)"""
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def edit_description(site, organisation: Organisation, *, language: str, text: str) -> None:
    """From the dashboard, open the profile form, write the description, save."""
    page = site.page
    if page.url != site.url(f"/{language}/dashboard/"):
        site.visit(f"/{language}/dashboard/")
    edit_url = f"/{language}/organisations/{organisation.pk}/edit/"
    site.follow(page.locator(f"main .task-list a[href='{edit_url}']"))
    assert page.url == site.url(edit_url)
    page.locator(f"#id_description_{language}").fill(text)
    site.follow(page.locator("main form button[type=submit]"))


def test_organisation_profile__representative_edits_fi_and_sv__saved_and_shown_as_text(site):
    page = site.page
    dialogs = record_dialogs(page)
    reuma = Organisation.objects.get(name_fi=REUMA)
    profile_url = f"/fi/organisations/{reuma.pk}/"

    # given the association's representative, logged in
    site.login("yhdistys.reuma")
    assert page.url == site.url("/fi/dashboard/")

    # when they open the profile form from the dashboard and enter an invalid e-mail address
    site.follow(page.locator(f"main .task-list a[href='/fi/organisations/{reuma.pk}/edit/']"))
    page.locator("#id_email").fill("not an address")
    site.follow(page.locator("main form button[type=submit]"))  # axe on the form with errors
    # then the form comes back with the error next to the field
    assert page.url == site.url(f"/fi/organisations/{reuma.pk}/edit/")
    assert page.locator(".form-field--invalid #id_email").count() == 1
    assert page.locator("#id_email_error").inner_text().strip()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    # and a summary at the top of the form, focused, linked to the field; the title says so
    summary = page.locator("main form .error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    assert page.title().startswith("Virhe: ")
    link = summary.locator("a[href='#id_email']")
    assert "Sähköposti" in link.inner_text()
    link.click()
    assert page.evaluate("document.activeElement.id") == "id_email"

    # when they write a Finnish description with markup in it and save
    text_fi = f"Vertaistukea ja liikuntaa. {SCRIPT} <b>Tervetuloa!</b>"
    page.locator("#id_email").fill("")
    page.locator("#id_description_fi").fill(text_fi)
    site.follow(page.locator("main form button[type=submit]"))
    # then the profile page says it was saved and shows the text as text
    assert page.url == site.url(profile_url)
    assert page.locator("main .messages .hds-notification--success").is_visible()
    description = page.locator("main .description")
    assert SCRIPT in description.inner_text()
    assert "<b>Tervetuloa!</b>" in description.inner_text()
    assert description.locator("script, b").count() == 0
    assert not dialogs
    reuma.refresh_from_db()
    assert reuma.description_fi == text_fi

    # when they do the same in Swedish for the Swedish description
    text_sv = f"Kamratstöd och motion. {SCRIPT}"
    edit_description(site, reuma, language="sv", text=text_sv)
    # then the Swedish profile page confirms it and shows the Swedish text as text
    assert page.url == site.url(f"/sv/organisations/{reuma.pk}/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("main .messages .hds-notification--success").is_visible()
    assert SCRIPT in page.locator("main .description").inner_text()
    assert page.locator("main .description script").count() == 0
    # and the Finnish description is untouched
    site.visit(profile_url)
    assert "Vertaistukea ja liikuntaa." in page.locator("main .description").inner_text()
    assert not dialogs
    reuma.refresh_from_db()
    assert (reuma.description_fi, reuma.description_sv) == (text_fi, text_sv)


def test_organisation_profile__other_associations_edit_page__403_page(site):
    page = site.page
    mll = Organisation.objects.get(name_fi=MLL)
    # given the representative of another association, logged in
    site.login("yhdistys.reuma")
    # when they open MLL's edit page directly (visit runs axe on the 403 page)
    site.visit(f"/fi/organisations/{mll.pk}/edit/", status=403)
    # then they get the no-access page in their language, and no form
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator("main h1").inner_text().strip()
    assert page.locator("main form").count() == 0
    assert page.locator("main a[href='/fi/']").count() == 1
    # and the public profile has no edit button for them
    site.visit(f"/fi/organisations/{mll.pk}/")
    assert page.locator(f"main a[href='/fi/organisations/{mll.pk}/edit/']").count() == 0


def test_audit_log__admin__sees_the_representatives_change(site):
    page = site.page
    reuma = Organisation.objects.get(name_fi=REUMA)
    text = "Rollaattorimarssi toukokuussa"
    # given the representative changed the association's description
    site.login("yhdistys.reuma")
    edit_description(site, reuma, language="fi", text=text)
    assert page.locator("main .messages .hds-notification--success").is_visible()
    site.logout()

    # when the admin logs in and opens the audit log from the main navigation
    site.login("admin")
    site.follow(page.locator(".main-nav a[href='/fi/audit/']"))
    # then the change is listed: who, which object and the new text
    assert page.url == site.url("/fi/audit/")
    row = page.locator("main table tbody tr", has_text=f": {REUMA}").filter(has_text=text)
    assert row.count() == 1
    assert "Pertti Honkanen" in row.inner_text()  # yhdistys.reuma
    assert "description_fi" in row.locator(".changes").inner_text()

    # when the log is filtered by the representative's username
    page.locator("#id_actor").fill("yhdistys.reuma")
    site.follow(page.locator("main form.filters button[type=submit]"))
    # then only their entries are listed, the change among them
    assert "actor=yhdistys.reuma" in page.url
    who = page.locator("main table tbody tr td:nth-child(2)").all_inner_texts()
    assert who and {name.strip() for name in who} == {"Pertti Honkanen"}
    assert page.locator("main table tbody tr", has_text=text).count() == 1


PHONE = {
    "viewport": {"width": 375, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}


def test_organisation_profile__failed_save_on_a_phone__summary_at_the_top_focused(make_site, demo):
    # Issue 12: the page reloaded at the top with no summary, the message 4,000 px below.
    site = make_site(**PHONE)
    page = site.page
    reuma = Organisation.objects.get(name_fi=REUMA)
    site.login("yhdistys.reuma")
    site.visit(f"/fi/organisations/{reuma.pk}/edit/")
    page.locator("#id_email").fill("ei osoite")
    page.locator("#id_name_fi").fill("")
    site.follow(page.locator("main form button[type=submit]"))

    summary = page.locator("main form .error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    box = summary.bounding_box()
    assert box is not None and 0 <= box["y"] < 740  # on the screen the phone shows
    assert page.title().startswith("Virhe: ")
    texts = summary.locator("li").all_inner_texts()
    assert len(texts) == 2 and any("Sähköposti" in text for text in texts), texts
    summary.locator("a[href='#id_name_fi']").tap()
    assert page.evaluate("document.activeElement.id") == "id_name_fi"
    assert Organisation.objects.get(pk=reuma.pk).name_fi == REUMA


def test_organisation_profile__on_a_phone__contact_added_on_demand_save_always_in_reach(
    make_site, demo
):
    site = make_site(**PHONE)
    page = site.page
    reuma = Organisation.objects.get(name_fi=REUMA)
    site.login("yhdistys.reuma")
    site.visit(f"/fi/organisations/{reuma.pk}/edit/")

    # the form has no empty contact row, but a button that adds one
    contacts = page.locator("[data-formset=contacts]")
    assert contacts.locator(".formset__item").count() == reuma.contacts.count()
    assert page.locator("text=Uusi yhteyshenkilö").count() == 0
    add = contacts.locator("button.formset__add")
    assert add.is_visible()
    # and the save button stays at the bottom of the screen, however far the form goes
    save = page.locator("main form button[type=submit]")
    box = save.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 740

    # when a contact person is added, with the phone number written with extra spaces
    add.click()
    index = reuma.contacts.count()
    name = page.locator(f"#id_contacts-{index}-name")
    assert page.evaluate("document.activeElement.id") == f"id_contacts-{index}-name"
    name.fill("Pentti Räisänen")
    page.locator(f"#id_contacts-{index}-phone").fill(" 040  123 4567 ")
    site.follow(save)

    # then the contact is saved with the number as written, its spaces single
    assert page.url == site.url(f"/fi/organisations/{reuma.pk}/")
    contact = reuma.contacts.get(name="Pentti Räisänen")
    assert contact.phone == "040 123 4567"
