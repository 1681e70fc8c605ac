"""The base of every counselling page that shows or changes client data or access: only
for those the county has granted access (404 for anyone else, so the pages do not even
admit they exist), and only after the second factor of this login (issue 19: counsellors
and referrers log in with a second factor)."""

from django.http import Http404
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from elinvoima.core.second_factor import second_factor_redirect
from elinvoima.counselling.enums import AccessRole
from elinvoima.counselling.permissions import valid_accesses, was_granted_access


class CounsellingView(TemplateView):
    """Ask `was_granted_access` first, then the second factor; each view then asks its own
    counselling predicate (never `has_perm`)."""

    def dispatch(self, request, *args, **kwargs):
        if not was_granted_access(request.user):
            raise Http404
        if (redirect := second_factor_redirect(request)) is not None:
            return redirect
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def roles(self) -> set[str]:
        user = self.request.user
        return {role for role in AccessRole.values if valid_accesses(user, role).exists()}
