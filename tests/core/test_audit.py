import pytest
from auditlog.models import LogEntry
from django.urls import include, path
from rest_framework import serializers, viewsets
from rest_framework.routers import SimpleRouter
from rest_framework.test import APIClient

from config import urls as project_urls
from elinvoima.actors.models import Organisation
from elinvoima.core.api import AuditActorMixin
from tests.actors.forms_data import EMPTY_FORMSETS
from tests.factories import (
    AdminFactory,
    MeasureFactory,
    MunicipalityFactory,
    OrganisationFactory,
    client_for_username,
    coordinator_of,
    representative_of,
)


@pytest.fixture
def people(db):
    """Utajärvi's coordinator `hyte.utajarvi`, the rheumatism association's representative
    `yhdistys.reuma` and the platform admin `admin`, with the demo's password; no demo data."""
    utajarvi = MunicipalityFactory(
        code="889", name_fi="Utajärvi", name_sv="Utajärvi", name_en="Utajärvi"
    )
    reuma = OrganisationFactory(name_fi="Utajärven reumayhdistys ry", municipality=utajarvi)
    OrganisationFactory(name_fi="Juorkunan kyläyhdistys ry", municipality=utajarvi)
    users = [
        coordinator_of(utajarvi, username="hyte.utajarvi"),
        representative_of(
            reuma, username="yhdistys.reuma", first_name="Pertti", last_name="Honkanen"
        ),
        AdminFactory(username="admin"),
    ]
    for user in users:
        user.set_password("elinvoima-demo")
        user.save(update_fields=["password"])
    return users


@pytest.fixture
def client_for(people):
    """Clients of the users made here by factories."""
    return client_for_username


class OrganisationNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name_fi"]


class OrganisationNameViewSet(AuditActorMixin, viewsets.ModelViewSet):
    queryset = Organisation.objects.all()
    serializer_class = OrganisationNameSerializer


router = SimpleRouter()
router.register("audit-probe", OrganisationNameViewSet, basename="audit-probe")


class Urls:
    urlpatterns = [path("api/v1/", include(router.urls)), *project_urls.urlpatterns]


def test_audit__api_change_with_token__recorded_with_actor(people, settings):
    settings.ROOT_URLCONF = Urls
    client = APIClient()
    token = client.post(
        "/api/v1/auth/token/",
        {"username": "hyte.utajarvi", "password": "elinvoima-demo"},
        format="json",
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    organisation = Organisation.objects.get(name_fi="Juorkunan kyläyhdistys ry")
    response = client.patch(
        f"/api/v1/audit-probe/{organisation.pk}/",
        {"name_fi": "Juorkunan kyläseura ry"},
        format="json",
    )
    assert response.status_code == 200
    entry = LogEntry.objects.get_for_object(organisation).latest("timestamp")
    assert entry.actor.username == "hyte.utajarvi"
    assert entry.changes_dict["name_fi"] == ["Juorkunan kyläyhdistys ry", "Juorkunan kyläseura ry"]


def test_audit__page_change__who_when_what_visible_to_admin(client_for):
    organisation = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    editor = client_for("yhdistys.reuma")
    editor.post(
        f"/fi/organisations/{organisation.pk}/edit/",
        {
            "name_fi": organisation.name_fi,
            "name_sv": organisation.name_sv,
            "description_fi": "Vesijumppaa torstaisin",
            "description_sv": "",
            "website": "",
            "email": "",
            "loaded_at": organisation.updated_at.isoformat(),
            **EMPTY_FORMSETS,
        },
    )
    page = client_for("admin").get("/fi/audit/?actor=yhdistys.reuma")
    assert page.status_code == 200
    assert "Vesijumppaa torstaisin" in page.text
    assert "yhdistys.reuma" in page.text or "Pertti Honkanen" in page.text


@pytest.mark.django_db
def test_audit__deletion__recorded():
    from elinvoima.actors.services import reference_data_load

    reference_data_load()
    organisation = Organisation.objects.create(name_fi="Poistuva ry", kind="association")
    organisation_pk = organisation.pk
    organisation.delete()
    assert LogEntry.objects.filter(
        object_pk=str(organisation_pk), action=LogEntry.Action.DELETE
    ).exists()


def test_audit_log__many_to_many_change__listed_with_the_objects(client_for):
    from elinvoima.strategy.models import Measure

    MeasureFactory(implementers=[OrganisationFactory()])
    measure = Measure.objects.filter(implementers__isnull=False).first()
    implementer = measure.implementers.first()
    measure.implementers.remove(implementer)

    response = client_for("admin").get("/fi/audit/")

    assert response.status_code == 200
    assert str(implementer) in response.content.decode()
