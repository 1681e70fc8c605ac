"""Import jobs (issue 11): a file the decoder cannot take is refused with its reason on the
command line and on the job's page, never a traceback or "0 problems"; and an importer sees
only the jobs they started (the platform admin every job), another's job answering 404 as
one that does not exist."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.models import ImportJob, Indicator
from elinvoima.indicators.permissions import import_jobs_visible_to
from elinvoima.indicators.sotkanet.problems import Problem
from tests.factories import (
    AdminFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
    client_of,
    coordinator_of,
    county_official_of,
    representative_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

DEEP = b"[" * 100_000
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEEP_REASON = "is nested more than 20 levels deep; Sotkanet&#x27;s files are not."


@pytest.fixture
def immediate_tasks(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = IMMEDIATE


@pytest.fixture
def importer():
    return coordinator_of(MunicipalityFactory())


def _without_pk(response, job: ImportJob) -> str:
    """The page but for the address asked (the language links repeat it) and the form
    token (masked anew for each response)."""
    page = response.content.decode().replace(f"/imports/{job.pk}/", "/imports/N/")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def _detail(job: ImportJob, name: str = "indicators:import-detail") -> str:
    return reverse(name, kwargs={"pk": job.pk})


# --- a file the decoder cannot take ---------------------------------------------------------


@pytest.mark.parametrize("option", ["--metadata", "--regions", "--indicators", "--values"])
def test_import_command__deeply_nested_json__refused_with_reason_not_traceback(
    tmp_path, capsys, option
):
    path = tmp_path / "deep.json"
    path.write_bytes(DEEP)

    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("import_sotkanet", option, str(path))

    assert str(refused.value) == "deep.json was refused; nothing of it was written."
    assert "nested more than 20 levels deep" in capsys.readouterr().err
    job = ImportJob.objects.get()
    assert (job.status, job.rejected) == (ImportStatus.FAILED, 1)
    assert job.messages[0]["code"] == "json_too_deep"
    assert not Indicator.objects.exists()


def test_import_command__deeply_nested_json__reason_in_finnish(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_bytes(DEEP)

    with translation.override("fi"), pytest.raises(CommandError) as refused:
        call_command("import_sotkanet", "--metadata", str(path))

    assert str(refused.value) == "deep.json hylättiin; siitä ei tallennettu mitään."
    assert "deep.json: Tiedosto: rakenne on sisäkkäin yli 20 tasoa syvä" in capsys.readouterr().err


@pytest.mark.parametrize(
    "kind", [ImportJob.Kind.INDICATOR_METADATA, ImportJob.Kind.VALUES_JSON, ImportJob.Kind.REGIONS]
)
def test_import_page__deeply_nested_json__refused_with_the_reason(immediate_tasks, importer, kind):
    client = client_of(importer)

    response = client.post(
        reverse("indicators:import-create"),
        {"kind": kind, "file": SimpleUploadedFile("deep.json", DEEP)},
    )

    job = ImportJob.objects.get()
    assert (job.status, job.rejected) == (ImportStatus.FAILED, 1)
    with translation.override("en"):
        page = client.get(_detail(job)).content.decode()
    assert "Why the file was refused" in page
    assert DEEP_REASON in page
    assert "1 element or row had a problem." in page
    assert "The import stopped because of an error" not in page
    assert response.status_code == 302


def test_import_page__internal_error__no_count_of_problems(importer):
    job = ImportJob.objects.create(
        kind="regions",
        original_name="regions.json",
        status=ImportStatus.FAILED,
        messages=[Problem("internal_error").as_json()],
        created_by=importer,
    )

    with translation.override("en"):
        page = client_of(importer).get(_detail(job)).content.decode()

    assert "The import stopped because of an error in the service" in page
    assert "had a problem" not in page and "had problems" not in page
    assert "0 elements" not in page


# --- who sees a job -------------------------------------------------------------------------


@pytest.fixture
def jobs(importer):
    """A job of `importer`, one of another importer and one of the command line."""
    other = county_official_of(MunicipalityFactory().wellbeing_county)
    return {
        "own": ImportJob.objects.create(
            kind="regions", original_name="own.json", created_by=importer
        ),
        "other": ImportJob.objects.create(
            kind="regions", original_name="others.json", created_by=other
        ),
        "command": ImportJob.objects.create(kind="regions", original_name="command-line.json"),
    }


def test_import_list__importer__sees_only_own_jobs(importer, jobs):
    page = client_of(importer).get(reverse("indicators:import-list")).content.decode()

    assert "own.json" in page
    assert "others.json" not in page and "command-line.json" not in page


def test_import_list__platform_admin__sees_every_job(jobs):
    page = client_of(AdminFactory()).get(reverse("indicators:import-list")).content.decode()

    assert all(name in page for name in ("own.json", "others.json", "command-line.json"))


@pytest.mark.parametrize("url_name", ["indicators:import-detail", "indicators:import-progress"])
def test_import_job__anothers_job__404_as_a_missing_one(importer, jobs, url_name):
    client = client_of(importer)
    missing = ImportJob(pk=max(job.pk for job in jobs.values()) + 1000)

    own = client.get(_detail(jobs["own"], url_name))
    others = client.get(_detail(jobs["other"], url_name))
    command = client.get(_detail(jobs["command"], url_name))
    nowhere = client.get(_detail(missing, url_name))

    assert own.status_code == 200
    assert others.status_code == command.status_code == nowhere.status_code == 404
    assert _without_pk(others, jobs["other"]) == _without_pk(nowhere, missing)


@pytest.mark.parametrize("url_name", ["indicators:import-detail", "indicators:import-progress"])
def test_import_job__platform_admin__sees_anyones_job(jobs, url_name):
    client = client_of(AdminFactory())

    assert all(client.get(_detail(job, url_name)).status_code == 200 for job in jobs.values())


def test_import_job__not_an_importer__403_whether_or_not_it_exists(jobs):
    client = client_of(representative_of(OrganisationFactory()))

    assert client.get(_detail(jobs["own"])).status_code == 403
    assert client.get(_detail(ImportJob(pk=jobs["own"].pk + 1000))).status_code == 403


def test_view_import_job__predicate_and_its_queryset_twin_agree(importer, jobs):
    former = UserFactory()
    jobs["former"] = ImportJob.objects.create(
        kind="regions", original_name="former.json", created_by=former
    )
    users = [importer, former, AdminFactory(), representative_of(OrganisationFactory())]
    for user in users:
        visible = set(import_jobs_visible_to(user))
        for job in jobs.values():
            assert user.has_perm("indicators.view_import_job", job) == (job in visible)
    assert set(import_jobs_visible_to(importer)) == {jobs["own"]}
    assert import_jobs_visible_to(former).count() == 0  # no longer an importer
