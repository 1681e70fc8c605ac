"""The controller's GDPR duties (issue 19, item 8): the keeper of the register exports all
of one client's data (logged before the file is made; refused to the counsellor, the
referrer, the coordinator and the admin), and erases a client only once the retention time
has passed since the last period closed — never with a period open — leaving no row of the
client in any table, the audit entries included (on PostgreSQL through the audit log's
trigger); the scheduled command's dry run changes nothing."""

import datetime
import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.http import Http404
from django.test import Client as WebClient
from django.urls import reverse
from django.utils import timezone

from elinvoima.actors.enums import Role
from elinvoima.counselling.enums import AccessRole, AuditAction
from elinvoima.counselling.gdpr import client_erase
from elinvoima.counselling.models import (
    AccessAgreement,
    AuditEntry,
    Booking,
    Client,
    Consent,
    Period,
    Slot,
    Visit,
)
from elinvoima.counselling.services import (
    ReferralData,
    VisitData,
    period_close,
    plan_save,
    record_read,
    referral_create,
    visit_record,
)
from tests.factories import (
    AdminFactory,
    MunicipalityFactory,
    coordinator_of,
    county_official_of,
    county_organisation,
    member_of,
    municipality_organisation,
)
from tests.factories.counselling import signed_in_with_second_factor, staff_access

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
CODE = "131052-308T"  # stdnum's example


@pytest.fixture
def record():
    """A client referred, booked, planned, visited with measurements, with a consent."""
    municipality = MunicipalityFactory()
    county = municipality.wellbeing_county
    AccessAgreement.objects.create(
        wellbeing_county=county,
        municipality=municipality,
        reference="Sopimus",
        valid_from=TODAY - 30 * DAY,
    )
    keeper = county_official_of(county)
    counsellor = member_of(municipality_organisation(municipality), Role.EXERCISE_COUNSELLOR)
    doctor = member_of(county_organisation(county), Role.REFERRING_PROFESSIONAL)
    staff_access(keeper, county, AccessRole.KEEPER)
    staff_access(counsellor, county, AccessRole.COUNSELLOR, municipality)
    staff_access(doctor, county, AccessRole.REFERRER)
    starts = timezone.now() + DAY
    slot = Slot.objects.create(
        counsellor=counsellor,
        municipality=municipality,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        place="Terveysasema",
    )
    period = referral_create(
        user=doctor,
        data=ReferralData(
            identity_code=CODE,
            name="Maija Meikäläinen",
            municipality=municipality,
            reason="Liikkumattomuus",
            slot=slot,
        ),
    )
    plan_save(user=counsellor, period=period, exercise_plan="Kävely 3 x 30 min")
    visit_record(
        user=counsellor,
        period=period,
        data=VisitData(
            visited_on=TODAY, notes="Hyvä alku", measurements={"activity_minutes": 90.0}
        ),
    )
    record_read(user=doctor, period=period)
    consent = Consent.objects.create(
        client=period.client,
        purpose="research",
        description="Tutkimus",
        given_on=TODAY,
        recorded_by=counsellor,
    )
    return {
        "county": county,
        "municipality": municipality,
        "keeper": keeper,
        "counsellor": counsellor,
        "doctor": doctor,
        "period": period,
        "client": period.client,
        "consent": consent,
    }


def test_the_keeper_exports_all_of_a_clients_data_logged_first(record):
    client = record["client"]
    url = reverse("counselling:client-export", kwargs={"pk": client.pk})
    response = signed_in_with_second_factor(record["keeper"]).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="client-{client.pk}.json"'
    data = json.loads(response.content)
    assert data["client"]["identity_code"] == CODE
    assert data["client"]["name"] == "Maija Meikäläinen"
    (period,) = data["periods"]
    assert period["exercise_plan"] == "Kävely 3 x 30 min" and period["reason"] == "Liikkumattomuus"
    assert period["visits"][0]["measurements"] == {"activity_minutes": 90.0}
    assert period["visits"][0]["notes"] == "Hyvä alku"
    assert [b["state"] for b in period["bookings"]] == ["booked"]
    assert period["fhir_bundle"]["resourceType"] == "Bundle"
    if record["consent"] is not None:
        assert [c["description"] for c in data["consents"]] == ["Tutkimus"]
    actions = [entry["action"] for entry in data["access_log"]]
    assert actions[-1] == AuditAction.EXPORT  # written before the file was made
    assert AuditAction.READ in actions and AuditAction.CREATE in actions
    assert AuditEntry.objects.filter(
        client=client, user=record["keeper"], action=AuditAction.EXPORT
    ).exists()
    access_log = reverse("counselling:access-log", kwargs={"pk": client.pk})
    assert url in signed_in_with_second_factor(record["keeper"]).get(access_log).content.decode()


def test_the_export_is_refused_to_all_but_the_keeper(record):
    client = record["client"]
    url = reverse("counselling:client-export", kwargs={"pk": client.pk})
    for granted in (record["counsellor"], record["doctor"]):  # refused, logged
        assert signed_in_with_second_factor(granted).get(url).status_code == 403
        assert AuditEntry.objects.filter(
            client=client, user=granted, action=AuditAction.DENIED
        ).exists()
    for never in (coordinator_of(record["municipality"]), AdminFactory()):
        assert signed_in_with_second_factor(never).get(url).status_code == 404
    assert WebClient().get(url).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def _closed(record, years_ago: float):
    """The period closed `years_ago` years ago (and opened before)."""
    period = record["period"]
    period_close(user=record["counsellor"], period=period, outcome="goals_met", summary="Hyvä")
    moment = timezone.now() - datetime.timedelta(days=round(365.25 * years_ago))
    Period.objects.filter(pk=period.pk).update(closed_at=moment, opened_at=moment - 90 * DAY)
    Client.objects.filter(pk=record["client"].pk).update(created_at=moment - 90 * DAY)


def _rows_of(client_pk: int, period_pks: list[int]) -> dict[str, int]:
    """Rows in every table that name the client or its periods."""
    counts = {
        "client": Client.objects.filter(pk=client_pk).count(),
        "periods": Period.objects.filter(pk__in=period_pks).count(),
        "bookings": Booking.objects.filter(period__in=period_pks).count(),
        "visits": Visit.objects.filter(period__in=period_pks).count(),
        "audit": AuditEntry.objects.filter(client=client_pk).count()
        + AuditEntry.objects.filter(period__in=period_pks).count(),
        "counsellors": Period.counsellors.through.objects.filter(period__in=period_pks).count(),
    }
    for model in apps.get_app_config("counselling").get_models():
        for field in model._meta.concrete_fields:
            target = getattr(field, "related_model", None)
            if target is Client:
                counts[f"{model.__name__}.{field.name}"] = model._default_manager.filter(
                    **{field.name: client_pk}
                ).count()
            elif target is Period:
                counts[f"{model.__name__}.{field.name}"] = model._default_manager.filter(
                    **{f"{field.name}__in": period_pks}
                ).count()
    return counts


def test_erasure_is_refused_inside_the_retention_time(record):
    keeper, client = record["keeper"], record["client"]
    with pytest.raises(ValidationError, match="avoin neuvontajakso"):
        client_erase(user=keeper, client=client)
    _closed(record, years_ago=11.9)
    with pytest.raises(ValidationError, match="säilytetään .* asti"):
        client_erase(user=keeper, client=client)
    for refused in (record["counsellor"], record["doctor"]):
        with pytest.raises(PermissionDenied):
            client_erase(user=refused, client=client)
    with pytest.raises(Http404):
        client_erase(user=AdminFactory(), client=client)
    assert Client.objects.filter(pk=client.pk).exists()


def test_erasure_after_the_retention_time_leaves_no_row_of_the_client(record):
    keeper, client = record["keeper"], record["client"]
    other = referral_create(
        user=record["doctor"],
        data=ReferralData(
            identity_code="010101A123N",
            name="Toinen",
            municipality=record["municipality"],
            reason="X",
        ),
    )
    _closed(record, years_ago=12.1)
    periods = [record["period"].pk]
    before = _rows_of(client.pk, periods)
    assert before["visits"] == 1 and before["audit"] > 3
    page = signed_in_with_second_factor(keeper).get(
        reverse("counselling:county-erasure", kwargs={"code": record["county"].code})
    )
    assert list(page.context["page_obj"].object_list) == [client.pk]
    erase_url = reverse(
        "counselling:county-client-erase", kwargs={"code": record["county"].code, "pk": client.pk}
    )
    assert signed_in_with_second_factor(keeper).get(erase_url).status_code == 200  # asked first
    assert (
        signed_in_with_second_factor(keeper).post(erase_url, {"loaded_version": ""}).status_code
        == 302
    )
    assert set(_rows_of(client.pk, periods).values()) == {0}
    assert Client.objects.filter(pk=other.client_id).exists()  # the other client stays
    assert AuditEntry.objects.filter(client=other.client_id).exists()
    erased = f"client {client.pk} erased under the retention rule (12 years)"
    entry = AuditEntry.objects.get(client=None, what=erased)
    assert entry.user == keeper and entry.action == AuditAction.ERASE


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_on_postgresql_the_audit_trigger_still_refuses_other_deletes(record):
    from django.db import DatabaseError, transaction

    _closed(record, years_ago=13)
    referral_create(
        user=record["doctor"],
        data=ReferralData(
            identity_code="010101A123N",
            name="Toinen",
            municipality=record["municipality"],
            reason="X",
        ),
    )
    client_erase(user=record["keeper"], client=record["client"])  # allowed in its deletes only
    assert AuditEntry.objects.exists()  # the other client's
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM counselling_auditentry")


def test_the_command_dry_run_changes_nothing_and_commit_erases(record):
    _closed(record, years_ago=13)
    client = record["client"]
    entries = AuditEntry.objects.count()
    out = StringIO()
    call_command("counselling_erase_expired", stdout=out)
    assert "1 clients past 12 years" in out.getvalue() and "Dry run" in out.getvalue()
    assert Client.objects.filter(pk=client.pk).exists() and AuditEntry.objects.count() == entries
    out = StringIO()
    call_command(
        "counselling_erase_expired", "--commit", "--as", record["keeper"].username, stdout=out
    )
    assert "Erased 1 clients." in out.getvalue()
    assert not Client.objects.filter(pk=client.pk).exists()


def test_the_keeper_finds_a_client_by_the_code_and_lists_who_looked__logged(record):
    keeper, client = record["keeper"], record["client"]
    find = reverse("counselling:county-client-find", kwargs={"code": record["county"].code})
    web = signed_in_with_second_factor(keeper)
    bad = web.post(find, {"identity_code": "131052-308X"})
    assert bad.status_code == 200 and bad.context["form"].errors["identity_code"]
    nobody = web.post(find, {"identity_code": "010101A123N"})
    assert nobody.status_code == 200 and nobody.context["form"].errors["identity_code"]
    found = web.post(find, {"identity_code": CODE})
    log = reverse("counselling:access-log", kwargs={"pk": client.pk})
    assert found.status_code == 302 and found["Location"] == log
    page = web.get(log)
    export = reverse("counselling:client-export", kwargs={"pk": client.pk})
    assert page.status_code == 200 and export in page.content.decode()
    whats = list(
        AuditEntry.objects.filter(client=client, user=keeper).values_list("action", "what")
    )
    assert whats == [
        (AuditAction.READ, "found by identity code"),
        (AuditAction.READ, "access log"),
    ]


def test_the_access_log_and_the_lookup_are_refused_to_the_others__logged_if_granted(record):
    client = record["client"]
    log = reverse("counselling:access-log", kwargs={"pk": client.pk})
    find = reverse("counselling:county-client-find", kwargs={"code": record["county"].code})
    for person in (record["doctor"], record["counsellor"]):
        web = signed_in_with_second_factor(person)
        assert web.get(log).status_code == 403
        assert web.post(find, {"identity_code": CODE}).status_code == 403
        assert AuditEntry.objects.filter(
            user=person, client=client, action=AuditAction.DENIED, what="access log"
        ).exists()
    for person in (coordinator_of(record["municipality"]), AdminFactory()):
        web = signed_in_with_second_factor(person)
        assert web.get(log).status_code == 404
        assert web.post(find, {"identity_code": CODE}).status_code == 404
