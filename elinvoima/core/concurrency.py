"""Optimistic concurrency: a save carries the version of the object it was loaded from (a
form's hidden `loaded_at`, an API client's If-Match) and is refused when the saved object
has moved on since. The comparison belongs inside the service, after the row is locked
(`select_for_update`), so that two saves with the same loaded version cannot both pass.

A version is an opaque string (the services use `updated_at.isoformat()`). The expected
version may be None (the caller does not know it: no check), `ANY` (If-Match: *, any
current version matches, RFC 9110 13.1.1) or a collection of versions (an If-Match list:
one of them must match)."""

import datetime
from collections.abc import Callable, Collection
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

ANY = "*"
T = TypeVar("T", bound=Model)


def version_matches(current_version, expected_version) -> bool:
    """Whether a save that loaded `expected_version` may replace `current_version`."""
    if expected_version is None:
        return True
    if isinstance(expected_version, str):
        expected = (expected_version,)
    elif isinstance(expected_version, Collection):
        expected = tuple(expected_version)
    else:
        expected = (expected_version,)
    if ANY in expected:
        return current_version is not None
    return str(current_version) in {str(version) for version in expected}


def ensure_unchanged(
    current_version,
    expected_version,
    *,
    what=None,
    changed_by=None,
    changed_at: datetime.datetime | None = None,
    message=None,
    code: str = "conflict",
) -> None:
    """Refuse (ValidationError, code "conflict") a save whose loaded version is not the
    current one; the message names who saved `what` and when, as far as known. A page
    whose refusal says more (e.g. that the other text is shown) passes its own `message`
    and, where clients know it by another name, its `code`."""
    if version_matches(current_version, expected_version):
        return
    if message is not None:
        raise ValidationError(message, code=code)
    name = str(changed_by) if changed_by else _("Someone else")
    assert what is not None, "name `what` was saved, or pass a `message`"
    if changed_at is not None:
        when = formats.date_format(timezone.localtime(changed_at), "SHORT_DATETIME_FORMAT")
        message = _(
            "%(name)s saved %(what)s on %(when)s while you were editing it. Open it again to "
            "see their changes, then make yours."
        ) % {"name": name, "what": what, "when": when}
    else:
        message = _(
            "%(name)s saved %(what)s while you were editing it. Open it again to see their "
            "changes, then make yours."
        ) % {"name": name, "what": what}
    raise ValidationError(message, code=code)


def locked_unchanged(queryset: QuerySet[T], pk, loaded_version, *, what: Callable[[T], str]) -> T:
    """The row `pk` of `queryset` locked for the rest of the transaction (`select_for_update`),
    once its version (`updated_at`) is checked against `loaded_version` (ensure_unchanged,
    with who saved it and when). `what(row)` names it in the refusal. The row's model is
    `Tracked` (core.models): it has `updated_at` and `updated_by`."""
    row = queryset.select_for_update(of=("self",)).select_related("updated_by").get(pk=pk)
    changed_at = getattr(row, "updated_at")  # noqa: B009 (a Tracked row, which T does not say)
    ensure_unchanged(
        changed_at.isoformat(),
        loaded_version,
        what=what(row),
        changed_by=getattr(row, "updated_by"),  # noqa: B009
        changed_at=changed_at,
    )
    return row
