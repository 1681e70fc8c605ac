"""Background tasks of the indicators (django-tasks, database backend: `manage.py
db_worker` runs them; no other server is needed)."""

from django_tasks import task

from .models import ImportJob


@task()
def sotkanet_import(job_id: int) -> dict:
    """Import the file of an ImportJob (elinvoima.indicators.sotkanet.jobs)."""
    from .sotkanet.jobs import import_job_run

    job = import_job_run(job=ImportJob.objects.get(pk=job_id))
    return {
        "status": job.status,
        "added": job.added,
        "changed": job.changed,
        "unchanged": job.unchanged,
        "rejected": job.rejected,
    }
