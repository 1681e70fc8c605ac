"""Issue 19: counselling data is read only through counselling's own pages and API, by the
people its rules name — "not the platform admin, not the municipal coordinator, not the
API's ordinary endpoints, not exports, not search". These tests try the other doors."""

import re

import pytest
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from elinvoima.counselling.models import Period

pytestmark = pytest.mark.django_db

ACTIVITY = re.compile(r'<h2 class="activity__name">')


def _demo_client():
    client = Period.objects.select_related("client").get(municipality__code="407").client
    return client.name, client.identity_code


def test_no_counselling_model_is_in_the_admin_or_the_general_change_log():
    """The Django admin shows the platform admin every registered model, and django-auditlog
    would copy each change's values, decrypted, into its log (the admin's audit page): no
    counselling model may be in either."""
    for model in apps.get_app_config("counselling").get_models():
        assert not admin.site.is_registered(model), model
        assert not auditlog.contains(model), model


def test_the_admin_index_and_the_audit_page_show_nothing_of_a_client(client_for):
    name, code = _demo_client()
    admin_client = client_for("admin")
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert "/admin/counselling/" not in index
    for url in (reverse("admin:index"), reverse("core:audit-log")):
        html = admin_client.get(url).content.decode()
        assert name not in html and code not in html


@pytest.mark.parametrize("username", ["hyte.lapinjarvi", "admin", "laakari.lapinjarvi"])
def test_search_and_the_directory_do_not_know_the_client(client_for, username):
    name, code = _demo_client()
    client = client_for(username)
    for query in (name, code, name.split()[0]):
        found = client.get("/fi/activities/", {"q": query})
        assert found.status_code == 200 and not ACTIVITY.findall(found.content.decode())
        api = client.get("/api/v1/organisations/", {"search": query})
        assert api.status_code == 200 and api.json()["count"] == 0


def test_the_api_root_offers_no_counselling_collection_but_referrals(client_for):
    routes = client_for("admin").get("/api/v1/").json()
    counselling = {key for key, url in routes.items() if "referral" in url or "counsel" in url}
    assert counselling <= {"referrals"}
