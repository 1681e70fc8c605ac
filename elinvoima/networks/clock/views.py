"""Pages of the annual clock: the year wheel with the list of the year's entries (filtered
by kind, or to the participation plan), the iCalendar feed, and the forms of those who keep
the clock. Thin: selectors read, services write."""

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from elinvoima.actors.models import Municipality, WellbeingCounty
from elinvoima.core.forms import saved_by
from elinvoima.core.view_mixins import ObjectPermissionMixin, chosen_year
from elinvoima.networks.clock.forms import MONTHS, CalendarItemForm
from elinvoima.networks.clock.ical import clock_ical
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.clock.selectors import (
    ClockEntry,
    clock_entries,
    clock_years,
    owner_of_clock,
)
from elinvoima.networks.clock.services import (
    calendar_item_delete,
    calendar_item_save,
    calendar_item_version,
)
from elinvoima.networks.clock.wheel import CENTRE, SIZE, hand, sectors
from elinvoima.networks.enums import CalendarItemKind
from elinvoima.networks.models import Network


def clock_url(owner) -> str:
    kind = owner_of_clock(owner)
    if kind == "network":
        return redirect("networks:network-clock", pk=owner.pk).url
    name = "networks:municipality-clock" if kind == "municipality" else "networks:county-clock"
    return redirect(name, code=owner.code).url


def _when(entry: ClockEntry, short_date: str, short_datetime: str) -> str:
    if entry.starts_at is not None:
        return dateformat.format(timezone.localtime(entry.starts_at), short_datetime)
    if entry.starts_on is None:
        return ""
    when = dateformat.format(entry.starts_on, short_date)
    if entry.ends_on and entry.ends_on != entry.starts_on:
        when += "–" + dateformat.format(entry.ends_on, short_date)
    return when


def shown_entries(entries: list[ClockEntry]) -> list[tuple]:
    """What the list shows of each entry, as a tuple (title, url, the line under the title,
    description, who is heard, participation, item id): the texts composed once here, so
    that the template of hundreds of entries writes strings (docs/performance.md, "Pages")."""
    short_date = get_format("SHORT_DATE_FORMAT")
    short_datetime = get_format("SHORT_DATETIME_FORMAT")
    every_year, responsible, heard = (
        _("every year"),
        _("responsible: %(who)s"),
        _("Heard:"),
    )
    shown = []
    for e in entries:
        meta = [e.kind]
        if when := _when(e, short_date, short_datetime):
            meta.append(when)
        if e.every_year:
            meta.append(every_year)
        if e.source:
            meta.append(e.source)
        if e.responsible:
            meta.append(responsible % {"who": e.responsible})
        groups = " · ".join(part for part in (", ".join(e.heard), e.how_heard) if part)
        shown.append(
            (
                e.title,
                e.url,
                " · ".join(meta),
                e.description,
                f"{heard} {groups}" if groups else "",
                e.participation,
                e.item_id,
            )
        )
    return shown


def months_html(months, *, keeps: bool) -> str:
    """The months and their entries, rendered by Jinja2 (docs/performance.md, "Pages")."""
    placeholder = {"pk": 999999999}
    return mark_safe(  # noqa: S308 (a Jinja2 template's output, autoescaped)
        render_to_string(
            "networks/clock/_months.html",
            {
                "months": [
                    (number, name, shown_entries(entries)) for number, name, entries in months
                ],
                "keeps": keeps,
                "edit_url": reverse("networks:calendar-item-edit", kwargs=placeholder),
                "delete_url": reverse("networks:calendar-item-delete", kwargs=placeholder),
            },
            using="jinja2",
        )
    )


class _ClockView(ObjectPermissionMixin, TemplateView):
    """The year wheel and the list of a municipality's, county's or network's year."""

    view_permission = "networks.view_clock"
    anonymous_to_login = True
    template_name = "networks/clock/clock.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner, user, year = self.url_object, self.request.user, chosen_year(self.request)
        entries = clock_entries(owner, year, user)
        kind = self.request.GET.get("kind", "")
        participation = self.request.GET.get("participation") == "1"
        if participation:
            entries = [entry for entry in entries if entry.participation]
        elif kind:
            entries = [entry for entry in entries if entry.kind_code == kind]
        counts = {
            month: (
                sum(1 for e in entries if e.month == month),
                sum(1 for e in entries if e.month == month and e.participation),
            )
            for month in range(1, 13)
        }
        today = timezone.localdate()
        keeps = user.has_perm("networks.change_clock", owner)
        months = [
            (number, name, [e for e in entries if e.month == number]) for number, name in MONTHS
        ]
        context.update(
            owner=owner,
            owner_kind=owner_of_clock(owner),
            year=year,
            years=clock_years(year),
            months_html=months_html(months, keeps=keeps),
            entries=entries,
            sectors=sectors([str(name) for _n, name in MONTHS], counts),
            size=SIZE,
            centre=CENTRE,
            hand=hand(today) if today.year == year else None,
            kinds=[*CalendarItemKind.choices, ("automatic", _("From other work"))],
            kind=kind,
            participation=participation,
            keeps=keeps,
            clock_url=clock_url(owner),
            feed=owner_of_clock(owner) != "county"
            and (not isinstance(owner, Network) or owner.is_public),
        )
        return context


class MunicipalityClockView(_ClockView):
    model = Municipality
    lookup_field = "code"


class CountyClockView(_ClockView):
    model = WellbeingCounty
    lookup_field = "code"


class NetworkClockView(_ClockView):
    model = Network


class _FeedView(ObjectPermissionMixin, View):
    """The public feed: what an anonymous visitor sees, this year and the next."""

    def get(self, request, *args, **kwargs):
        owner = self.url_object
        if isinstance(owner, Network) and not owner.is_public:
            raise Http404
        year = timezone.localdate().year
        anonymous = AnonymousUser()
        years = {y: clock_entries(owner, y, anonymous) for y in (year, year + 1)}
        name = _("Annual clock: %(name)s") % {"name": owner.name}
        body = clock_ical(name, years, request.build_absolute_uri("/")[:-1])
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="vuosikello.ics"'
        return response


class MunicipalityFeedView(_FeedView):
    model = Municipality
    lookup_field = "code"


class NetworkFeedView(_FeedView):
    model = Network


class _ItemFormView(ObjectPermissionMixin, TemplateView):
    template_name = "networks/clock/item_form.html"
    anonymous_to_login = True

    @cached_property
    def item(self) -> CalendarItem | None:
        return self.url_object if self.model is CalendarItem else None

    @cached_property
    def owner(self):
        return self.item.owner if self.item else self.url_object

    def get_view_permission_object(self):
        return self.owner

    def _form(self, data=None):
        item = self.item
        if item is None:
            return CalendarItemForm(
                data, initial={"year": chosen_year(self.request), "recurrence": "once"}
            )
        initial = {
            name: getattr(item, name)
            for name in CalendarItemForm.base_fields
            if name not in ("heard_groups", "loaded_version")
        }
        initial.update(
            heard_groups=list(item.heard_groups.all()),
            loaded_version=calendar_item_version(item),
        )
        return CalendarItemForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        context.update(item=self.item, owner=self.owner, clock_url=clock_url(self.owner))
        return context

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        item = saved_by(
            form,
            lambda: calendar_item_save(
                user=request.user,
                owner=self.owner,
                item=self.item,
                data=form.data_for_service(),
                loaded_version=form.cleaned_data["loaded_version"] or None,
            ),
        )
        if item:
            messages.success(request, _("The item was saved."))
            return redirect(f"{clock_url(self.owner)}?year={item.year}#month-{item.month}")
        return self.render_to_response(self.get_context_data(form=form))


class MunicipalityItemCreateView(_ItemFormView):
    model = Municipality
    lookup_field = "code"
    view_permission = "networks.view_clock"
    permission_required = "networks.change_clock"


class CountyItemCreateView(_ItemFormView):
    model = WellbeingCounty
    lookup_field = "code"
    view_permission = "networks.view_clock"
    permission_required = "networks.change_clock"


class NetworkItemCreateView(_ItemFormView):
    model = Network
    view_permission = "networks.view_clock"
    permission_required = "networks.change_clock"


class ItemEditView(_ItemFormView):
    model = CalendarItem
    view_permission = "networks.view_clock"
    permission_required = "networks.change_calendar_item"


class ItemDeleteView(ObjectPermissionMixin, TemplateView):
    model = CalendarItem
    view_permission = "networks.view_clock"
    permission_required = "networks.change_calendar_item"
    anonymous_to_login = True
    template_name = "networks/clock/item_delete.html"
    context_object_name = "item"

    def get_view_permission_object(self):
        return self.url_object.owner

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["clock_url"] = clock_url(self.url_object.owner)
        return context

    def post(self, request, *args, **kwargs):
        item = self.url_object
        calendar_item_delete(user=request.user, item=item)
        messages.success(request, _("The item was removed from the annual clock."))
        return redirect(f"{clock_url(item.owner)}?year={item.year}")
