"""Import jobs: an uploaded or fetched file, imported by a background task that keeps
the job's progress and summary up to date for the import pages."""

import logging
from pathlib import Path
from typing import BinaryIO

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from elinvoima.indicators.enums import ImportStatus
from elinvoima.indicators.models import ImportJob
from elinvoima.indicators.sotkanet.importing import sotkanet_file_import
from elinvoima.indicators.sotkanet.problems import ImportRefused, Problem

logger = logging.getLogger(__name__)


@transaction.atomic
def import_job_create(*, kind: str, uploaded_file: UploadedFile, user) -> ImportJob:
    """Keep the uploaded file with a new, queued job."""
    job = ImportJob(
        kind=kind,
        original_name=Path(uploaded_file.name or "").name[:255],
        size=uploaded_file.size or 0,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    job.file.save(job.original_name or "sotkanet", uploaded_file, save=False)
    job.save()
    return job


def import_job_enqueue(*, job: ImportJob) -> ImportJob:
    """Hand the job to the task queue (`manage.py db_worker` runs it)."""
    result = sotkanet_import.enqueue(job.pk)
    # An immediate backend (tests) has run the job already: keep what it wrote.
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def import_job_run(*, job: ImportJob, source: BinaryIO | None = None) -> ImportJob:
    """Import the job's file (or `source`), all or nothing, recording progress as it goes
    and the summary or the reasons for refusing the file at the end."""
    job.status = ImportStatus.RUNNING
    job.started_at = timezone.now()
    job.done = job.added = job.changed = job.unchanged = job.rejected = 0
    job.messages = []
    job.save()

    def progress(done: int, total: int) -> None:
        # Between chunks (every 50,000 rows or so), never per row.
        ImportJob.objects.filter(pk=job.pk).update(done=done, total=total)

    try:
        if source is not None:
            summary = sotkanet_file_import(kind=job.kind, source=source, progress=progress)
        else:
            with job.file.storage.open(job.file.name, "rb") as stored:
                # The plain file under Django's File: read in large blocks, seekable.
                summary = sotkanet_file_import(
                    kind=job.kind, source=getattr(stored, "file", stored), progress=progress
                )
    except ImportRefused as refusal:
        job.refresh_from_db(fields=["done", "total"])  # as far as the reading got
        job.status = ImportStatus.FAILED
        job.messages = [problem.as_json() for problem in refusal.problems]
        job.rejected = refusal.rejected
    except Exception:
        logger.exception("Sotkanet import job %s failed", job.pk)
        job.refresh_from_db(fields=["done", "total"])
        job.status = ImportStatus.FAILED
        job.messages = [Problem("internal_error").as_json()]
        job.finished_at = timezone.now()
        job.save()
        raise
    else:
        job.status = ImportStatus.SUCCEEDED
        job.total = job.done = summary.total
        job.added, job.changed, job.unchanged = summary.added, summary.changed, summary.unchanged
    job.finished_at = timezone.now()
    job.save()
    return job


@task()
def sotkanet_import(job_id: int) -> dict:
    """The background task (django-tasks, database backend: `manage.py db_worker` runs it)
    that imports the file of an ImportJob."""
    job = import_job_run(job=ImportJob.objects.get(pk=job_id))
    return {
        "status": job.status,
        "added": job.added,
        "changed": job.changed,
        "unchanged": job.unchanged,
        "rejected": job.rejected,
    }
