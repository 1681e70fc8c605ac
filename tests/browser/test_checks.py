"""The checks every browser test relies on do catch what they are there to catch."""

import pytest

pytestmark = pytest.mark.browser


def test_axe_check__unlabelled_field__fails_naming_rule_impact_and_target(site_without_data):
    site = site_without_data
    page = site.page
    site.visit("/fi/")
    # given a form field without a label added to a page that passed axe
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML("
        "'beforeend', '<input type=\"text\" id=\"nameless\">')"
    )
    # when axe runs, then the check fails naming the rule, its impact and the element
    with pytest.raises(AssertionError) as failure:
        site.check_accessibility()
    message = str(failure.value)
    assert "label (critical)" in message
    assert "#nameless" in message


def test_csp_check__inline_style__fails(site_without_data):
    site = site_without_data
    page = site.page
    site.visit("/fi/")
    # given an inline <style> element, which the Content-Security-Policy forbids
    with page.expect_console_message(lambda message: message.type == "error"):
        page.evaluate(
            "document.head.insertAdjacentHTML('beforeend', '<style>main { color: red; }</style>')"
        )
    # then the style is not applied, Chromium's console error is caught and the check fails
    with pytest.raises(AssertionError, match="Content-Security-Policy"):
        site.check_origin_and_csp()
    assert page.evaluate("getComputedStyle(document.querySelector('main')).color") != (
        "rgb(255, 0, 0)"
    )
    site.csp_errors.clear()  # seen; the fixture's final check need not fail again
