"""Asking before a write: the one place that turns a named predicate's answer into 404 or
403 for the services of every app (docs/architecture.md: permission first)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def authorize(user, permission: str, obj, *, visible: tuple[str, object] | None = None) -> None:
    """Permission first, before any validation: Http404 when the user may not even see the
    object (`visible`: the view permission and its object), PermissionDenied when the user
    sees it but may not do this. `user` None is a trusted caller (a management command,
    data loading, a test of the rules of the data), never a request: views and the API pass
    `request.user`, which is never None."""
    if user is None:
        return
    if visible is not None:
        view_permission, view_object = visible
        if not user.has_perm(view_permission, view_object):
            raise Http404
    if not user.has_perm(permission, obj):
        raise PermissionDenied
