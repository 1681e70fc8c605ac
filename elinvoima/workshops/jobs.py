"""The erasure of a registration's personal data, scheduled when it is made: a deferred
background task (django-tasks `run_after`; `manage.py db_worker` runs it) on the day after
the date the person agreed to. `manage.py erase_expired_registrations` does the same for
all that are due, should a worker have been down."""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import Registration


@transaction.atomic
def registrations_erase_expired(
    today: datetime.date | None = None, *, only: int | None = None
) -> int:
    """Erase the personal data of registrations past their retention date (`only`: of that
    one); the counts (background, municipality, diet) stay for the statistics."""
    today = today or timezone.localdate()
    expired = Registration.objects.filter(retain_until__lt=today, erased=False)
    if only is not None:
        expired = expired.filter(pk=only)
    return expired.update(
        name="",
        email="",
        organisation_name="",
        allergies="",
        accessibility="",
        erased=True,
    )


@task()
def registration_erase(registration_id: int) -> dict:
    return {"erased": registrations_erase_expired(only=registration_id)}


def erasure_schedule(registration_id: int, retain_until: datetime.date) -> None:
    """Enqueue the erasure for the night after `retain_until`, where the backend defers."""
    if not default_task_backend.supports_defer:
        return
    day = retain_until + datetime.timedelta(days=1)
    run_after = timezone.make_aware(datetime.datetime.combine(day, datetime.time(3, 0)))
    registration_erase.using(run_after=run_after).enqueue(registration_id)
