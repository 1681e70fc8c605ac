"""Logging in and out through the forms, as a person does."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser


def test_login__demo_coordinator__dashboard_with_tasks_then_logout(site):
    page = site.page
    # given the front page, not logged in
    site.visit("/fi/")
    # when the coordinator follows the header's login link and logs in with the form
    site.follow(page.locator(".site-header__account a"))
    assert page.url == site.url("/fi/accounts/login/")
    page.locator("#id_username").fill("hyte.utajarvi")
    page.locator("#id_password").fill(settings.ELINVOIMA_DEMO_PASSWORD)
    site.follow(page.locator("main form button[type=submit]"))
    # then the dashboard greets them and shows their tasks
    assert page.url == site.url("/fi/dashboard/")
    assert "Sanna Kemppainen" in page.locator("main h1").inner_text()
    assert page.title().endswith(" – Elinvoima") and "<" not in page.title()
    assert page.locator(".site-header__user").inner_text() == "Sanna Kemppainen"
    task_links = page.locator("main .task-list a, main .link-list a")
    hrefs = [link.get_attribute("href") for link in task_links.all()]
    assert "/fi/municipalities/889/" in hrefs  # the wellbeing work of Utajärvi
    assert "/fi/accounts/password/change/" in hrefs
    assert "/api/docs/" in hrefs
    assert any(href.endswith("/edit/") for href in hrefs)  # Utajärvi's own profile
    assert page.locator(".main-nav a[aria-current='page']").get_attribute("href") == (
        "/fi/dashboard/"
    )
    # and a task link works
    site.follow(page.locator("main .task-list a[href='/fi/municipalities/889/']"))
    assert page.url == site.url("/fi/municipalities/889/")

    # when they log out with the header button
    site.logout()
    # then they are on the front page, logged out
    assert page.url == site.url("/fi/")
    assert page.locator(".site-header__user").count() == 0
    assert page.locator(".site-header__account a").get_attribute("href") == ("/fi/accounts/login/")
    # and the dashboard asks them to log in again
    site.visit("/fi/dashboard/")
    assert page.url.startswith(site.url("/fi/accounts/login/?next="))


def test_login__wrong_password__error_on_the_form(site):
    page = site.page
    # given the login page
    site.visit("/fi/accounts/login/")
    # when a wrong password is submitted
    page.locator("#id_username").fill("hyte.utajarvi")
    page.locator("#id_password").fill("not-the-password")
    site.follow(page.locator("main form button[type=submit]"))  # axe on the re-rendered form
    # then the form is shown again with an error, keeping the username, not the password
    assert page.url == site.url("/fi/accounts/login/")
    error = page.locator("main .form-errors[role=alert]")
    assert error.is_visible()
    assert error.inner_text().strip()
    assert page.locator("#id_username").input_value() == "hyte.utajarvi"
    assert page.locator("#id_password").input_value() == ""
    assert page.locator(".site-header__user").count() == 0


def test_login__swedish__dashboard_in_swedish(site):
    page = site.page
    # when a user logs in on the Swedish login page
    site.login("hyte.vaala", language="sv")
    # then the dashboard is in Swedish too
    assert page.url == site.url("/sv/dashboard/")
    assert page.locator("html").get_attribute("lang") == "sv"
    hrefs = [a.get_attribute("href") for a in page.locator("main .task-list a").all()]
    assert "/sv/municipalities/785/" in hrefs  # Vaala


def test_password_change__too_short_then_valid__errors_then_changed(site):
    page = site.page
    # given an association representative on their dashboard
    site.login("yhdistys.mll")
    site.follow(page.locator("main .link-list a[href='/fi/accounts/password/change/']"))
    old_password = settings.ELINVOIMA_DEMO_PASSWORD
    # when the new password is too short
    page.locator("#id_old_password").fill(old_password)
    page.locator("#id_new_password1").fill("lyhyt")
    page.locator("#id_new_password2").fill("lyhyt")
    site.follow(page.locator("main form button[type=submit]"))  # axe on the errors
    # then the form says so at the field
    assert page.url == site.url("/fi/accounts/password/change/")
    assert page.locator(".form-field--invalid #id_new_password2").count() == 1
    assert page.locator("#id_new_password2_error").inner_text().strip()
    # when a good new password is given
    new_password = "Perhekahvila-torstaisin-2026"
    page.locator("#id_old_password").fill(old_password)
    page.locator("#id_new_password1").fill(new_password)
    page.locator("#id_new_password2").fill(new_password)
    site.follow(page.locator("main form button[type=submit]"))
    # then it is changed, and the next login takes it
    assert page.url == site.url("/fi/accounts/password/change/done/")
    site.logout()
    site.login("yhdistys.mll", new_password)
    assert page.url == site.url("/fi/dashboard/")
