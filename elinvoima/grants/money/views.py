"""The money view of a municipality: per goal, the year's grants and support in kind, to
whom, and what the associations did for the goal. Public, as the decisions are."""

from django.views.generic import TemplateView

from elinvoima.actors.models import Municipality
from elinvoima.actors.permissions import visible_organisation_ids
from elinvoima.core.view_mixins import ObjectPermissionMixin, chosen_year
from elinvoima.grants.money.selectors import money_by_goal, money_years


class MoneyView(ObjectPermissionMixin, TemplateView):
    model = Municipality
    lookup_field = "code"
    template_name = "grants/money/money.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality, year = self.url_object, chosen_year(self.request)
        rows = money_by_goal(municipality, year)
        years = money_years(municipality)
        context.update(
            year=year,
            years=sorted({*years, year}, reverse=True),
            rows=rows,
            granted=sum(row.granted for row in rows),
            support=sum(row.support for row in rows),
            visible_organisations=visible_organisation_ids(
                self.request.user, (pk for row in rows for pk in row.recipients)
            ),
        )
        return context
