"""Pages of a workshop's tables: seating the participants round by round and how well
they mix, and the table lists and name badges as PDF. Thin: selectors read, services
write."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from elinvoima.core.forms import saved_by
from elinvoima.core.pdf import pdf_from_html, pdf_response
from elinvoima.core.view_mixins import ObjectPermissionMixin

from .forms import TablesForm
from .mixing import quality_of, random_assignment
from .models import Workshop
from .selectors import seating
from .tables_services import participants_of, tables_mix


class TablesView(ObjectPermissionMixin, TemplateView):
    """Seat the participants at tables, round by round, and see how well they mix against a
    random seating (issue 17: the social golfer problem)."""

    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    template_name = "workshops/tables.html"
    context_object_name = "workshop"
    select_related = ("series", "area")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.url_object
        rounds = seating(workshop)
        context.setdefault("form", TablesForm())
        context["rounds"] = rounds
        if rounds:
            participants = participants_of(workshop)
            keys = [[[r.pk for r in people] for _number, people in tables] for _n, tables in rounds]
            size = max(len(people) for _n, tables in rounds for _t, people in tables)
            context["quality"] = quality_of(keys, participants)
            context["random_quality"] = quality_of(
                random_assignment(participants, rounds=len(rounds), table_size=size),
                participants,
            )
        return context

    def post(self, request, *args, **kwargs):
        form = TablesForm(request.POST)
        mixing = saved_by(
            form,
            lambda: tables_mix(user=request.user, workshop=self.url_object, **form.cleaned_data),
        )
        if mixing:
            messages.success(
                request,
                _("The participants were seated in %(seconds)s s.")
                % {"seconds": f"{mixing.seconds:.2f}"},
            )
            return redirect("workshops:tables", pk=self.url_object.pk)
        return self.render_to_response(self.get_context_data(form=form))


class _TablesPaperView(ObjectPermissionMixin, View):
    model = Workshop
    view_permission = "workshops.view_workshop"
    permission_required = "workshops.organise_workshop"
    anonymous_to_login = True
    select_related = ("series", "area")
    template = ""
    paper = ""

    def get(self, request, *args, **kwargs):
        workshop = self.url_object
        html = render_to_string(
            self.template, {"workshop": workshop, "rounds": seating(workshop)}, request
        )
        return pdf_response(pdf_from_html(html), self.paper)


class TableListsPdfView(_TablesPaperView):
    template = "workshops/tables_print.html"
    paper = "table-lists"


class BadgesPdfView(_TablesPaperView):
    template = "workshops/badges_print.html"
    paper = "name-badges"
