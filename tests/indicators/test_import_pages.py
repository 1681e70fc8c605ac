"""The import pages: who may use them, the upload (enqueued and run for real), the 2 GB
upload refused unread, the progress fragment htmx polls, and the database task queue with
its worker (`manage.py db_worker`)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from elinvoima.actors.models import User
from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.models import ImportJob, IndicatorValue, Region
from elinvoima.indicators.sotkanet.views import ImportCreateView

from .test_sotkanet_helpers import METADATA_FILE

pytestmark = pytest.mark.both_databases

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def immediate_tasks(settings, media):
    settings.TASKS = IMMEDIATE


def _values_file_for_demo_regions(name="values.json") -> SimpleUploadedFile:
    """Values of indicator 186 for the regions the demo data has."""
    regions = list(Region.objects.order_by("pk").values_list("pk", flat=True)[:5])
    rows = [
        {"indicator": 186, "region": region, "year": 2030 + n, "gender": "total", "value": 1.5 * n}
        for region in regions
        for n in range(3)
    ]
    return SimpleUploadedFile(name, json.dumps(rows).encode(), "application/json")


def _upload(client, kind: str, uploaded):
    return client.post(reverse("indicators:import-create"), {"kind": kind, "file": uploaded})


@pytest.mark.parametrize(
    ("username", "expected"),
    [("hyte.utajarvi", 200), ("hva.paijathame", 200), ("admin", 200), ("yhdistys.reuma", 403)],
)
def test_import_pages__roles__who_may_import(client_for, username, expected):
    client = client_for(username)

    for name in ("indicators:import-list", "indicators:import-create"):
        assert client.get(reverse(name)).status_code == expected


def test_import_create__anonymous__sent_to_login(client_for):
    response = client_for(None).post(reverse("indicators:import-create"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_import_create__metadata_then_values__imported_and_summarised(client_for, immediate_tasks):
    client = client_for("hyte.utajarvi")
    metadata = SimpleUploadedFile("indicators_186_322.json", METADATA_FILE.read_bytes())

    response = _upload(client, ImportJob.Kind.INDICATOR_METADATA, metadata)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:import-detail", kwargs={"pk": job.pk})
    assert (job.status, job.total, job.created_by.username) == ("succeeded", 2, "hyte.utajarvi")
    assert job.task_id

    response = _upload(client, ImportJob.Kind.VALUES_JSON, _values_file_for_demo_regions())

    job = ImportJob.objects.latest("pk")
    assert (job.status, job.added, job.changed, job.unchanged) == ("succeeded", 15, 0, 0)
    page = client.get(response["Location"]).content.decode()
    assert "Imported: 15 rows, 15 added, 0 changed, 0 unchanged." in page
    assert 'role="status"' in page
    assert '<progress id="import-progress-bar" max="15" value="15">' in page
    assert "hx-get" not in page  # finished: no more polling
    assert "THL, Sotkanet" in page and "CC BY 4.0" in page


def test_import_create__bad_file__refused_with_reasons_nothing_written(client_for, immediate_tasks):
    client = client_for("hyte.utajarvi")
    before = IndicatorValue.objects.count()
    bad = SimpleUploadedFile(
        "values.csv", b"indicator,region,year,gender,value\n186,1,2020,total,1\n"
    )

    response = _upload(client, ImportJob.Kind.VALUES_CSV, bad)

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "Why the file was refused" in page
    assert "Row 1: the columns are separated by “,”; Sotkanet&#x27;s CSV uses “;”." in page
    assert IndicatorValue.objects.count() == before


def test_import_create__no_file__form_error(client_for, immediate_tasks):
    response = client_for("hyte.utajarvi").post(
        reverse("indicators:import-create"), {"kind": "values_json"}
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ImportJob.objects.exists()


class _Unreadable:
    def read(self, *args):
        raise AssertionError("the upload was read")

    readline = read


def test_import_create__2_gb_upload__refused_before_reading(demo, media):
    request = RequestFactory().post(reverse("indicators:import-create"), {"kind": "values_json"})
    request.META["CONTENT_LENGTH"] = str(2 * 1024**3)
    request._stream = _Unreadable()
    request.user = User.objects.get(username="hyte.utajarvi")

    response = ImportCreateView.as_view()(request)
    response.render()

    assert response.status_code == 413
    assert "The file is larger than 200.0\xa0MB" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_import_create__file_over_the_limit__stopped_while_uploading(
    client_for, settings, immediate_tasks
):
    settings.SOTKANET_UPLOAD_MAX_BYTES = 1000
    big = SimpleUploadedFile("values.json", b"[" + b" " * 5000 + b"]")

    response = _upload(client_for("hyte.utajarvi"), ImportJob.Kind.VALUES_JSON, big)

    assert response.status_code == 413
    assert "The file is larger than 1000" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_import_progress__running_job__fragment_keeps_polling(client_for, demo):
    job = ImportJob.objects.create(
        kind="values_json",
        original_name="big.json",
        status="running",
        done=50_000,
        total=200_000,
        created_by=User.objects.get(username="hyte.utajarvi"),
    )
    client = client_for("hyte.utajarvi")

    page = client.get(reverse("indicators:import-detail", kwargs={"pk": job.pk})).content.decode()
    fragment = client.get(
        reverse("indicators:import-progress", kwargs={"pk": job.pk}), HTTP_HX_REQUEST="true"
    )

    assert 'hx-trigger="every 2s"' in page
    assert fragment.status_code == 200
    text = fragment.content.decode()
    assert '<progress id="import-progress-bar" max="200000" value="50000">25 %</progress>' in text
    assert 'id="import-status" hx-swap-oob="innerHTML"' in text
    assert "Importing: 50,000 of 200,000 rows read (25 %)." in text


def test_import_progress__finished_job__htmx_told_to_stop(client_for, demo):
    job = ImportJob.objects.create(
        kind="regions", original_name="regions.json", status="succeeded", done=7, total=7
    )

    response = client_for("admin").get(
        reverse("indicators:import-progress", kwargs={"pk": job.pk}), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 286


def test_import_list__jobs__newest_first(client_for, demo):
    importer = User.objects.get(username="hyte.vaala")
    ImportJob.objects.create(kind="regions", original_name="first.json", created_by=importer)
    ImportJob.objects.create(kind="values_csv", original_name="second.csv", created_by=importer)

    page = client_for("hyte.vaala").get(reverse("indicators:import-list")).content.decode()

    assert page.index("second.csv") < page.index("first.json")


def test_import_create__database_queue__worker_runs_the_job(client_for, media, transactional_db):
    # The settings' own backend: django_tasks_db's DatabaseBackend. The worker commits and
    # reconnects as a real one does, so the test runs outside a wrapping transaction.
    client = client_for("hyte.utajarvi")
    metadata = SimpleUploadedFile("indicators_186_322.json", METADATA_FILE.read_bytes())

    _upload(client, ImportJob.Kind.INDICATOR_METADATA, metadata)

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.QUEUED
    page = client.get(reverse("indicators:import-detail", kwargs={"pk": job.pk})).content.decode()
    assert "Waiting for the background worker to start the import." in page

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    job.refresh_from_db()
    assert (job.status, job.total) == (ImportStatus.SUCCEEDED, 2)
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get(pk=job.task_id).status == "SUCCESSFUL"
