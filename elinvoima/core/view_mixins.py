"""The one object-permission mixin of the pages (docs/architecture.md, "One write path, one
permission source"): load the object the URL names, then ask a named predicate with it,
before the view does anything else.

- Not found, or the user may not even see it (`view_permission`): 404 — a hidden row
  answers as if it did not exist.
- Seen but not allowed (`permission_required`): anonymous users are sent to log in, others
  get 403 (rules' PermissionRequiredMixin).

Two hooks for pages whose two questions are about different objects or audiences:
`get_view_permission_object()` (e.g. the strategy pages ask `view_goal` with the goal and
`change_plan` with its plan) and `anonymous_to_login` (an anonymous user is sent to log in
even where a signed-in one would get 404: a link to a draft plan asks for login first).
"""

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from rules.contrib.views import PermissionRequiredMixin

if TYPE_CHECKING:  # the views it is mixed into give it request, kwargs and a context
    from django.views.generic.base import ContextMixin, View

    class _ViewBase(PermissionRequiredMixin, ContextMixin, View): ...
else:
    _ViewBase = PermissionRequiredMixin


def chosen_year(request) -> int:
    """The year a page shows: `?year=` of 2000–2100, else the current one."""
    year = request.GET.get("year", "")
    return int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year


class ObjectPermissionMixin(_ViewBase):
    permission_required: str | None = None  # None: a public page of the object
    model: type[Model]  # the model of the object the URL names
    lookup_field = "pk"  # its field matched against the URL
    lookup_url_kwarg: str | None = None  # the URL's kwarg, when not named as the field
    select_related: tuple[str, ...] = ()
    view_permission: str | None = None  # may the user see it at all? else 404
    context_object_name: str | None = None  # also put the object in the context as this
    anonymous_to_login = False  # True: a hidden row sends an anonymous user to log in, not 404

    def get_object_queryset(self):
        queryset = self.model._default_manager.all()
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset

    @cached_property
    def url_object(self):
        kwarg = self.lookup_url_kwarg or self.lookup_field
        return get_object_or_404(
            self.get_object_queryset(), **{self.lookup_field: self.kwargs[kwarg]}
        )

    def get_permission_object(self):
        """The object the predicates are asked with; override to ask with its owner."""
        return self.url_object

    def get_view_permission_object(self):
        """The object `view_permission` is asked with; by default the one the predicates are
        asked with. Override when the page is about a part of it (a goal of a plan)."""
        return self.get_permission_object()

    def has_permission(self) -> bool:
        user = self.request.user
        if self.view_permission and not user.has_perm(
            self.view_permission, self.get_view_permission_object()
        ):
            if self.anonymous_to_login and not user.is_authenticated:
                return False  # handle_no_permission sends an anonymous user to log in
            raise Http404
        if self.permission_required is None:
            return True
        return super().has_permission()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.context_object_name:
            context.setdefault(self.context_object_name, self.url_object)
        return context


class ConfirmView(ObjectPermissionMixin):
    """A step asked first on a page of its own (`question`, the button `action`); POST does
    it (`act()`, which returns where to go) and shows a refusal as an error message."""

    template_name = "confirm.html"
    question: str
    action: str

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(question=self.question, action=self.action, back=self.back())
        return context

    def back(self) -> str:
        return self.url_object.get_absolute_url()

    def act(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            target = self.act()
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect(self.back())
        return redirect(target)
