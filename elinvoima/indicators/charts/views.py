"""The pages of charts: a municipality's indicators against its county, the country and
chosen peers, the stored chart images themselves, and the chart of one indicator on its
catalogue page."""

import re
from html import escape

from csp.constants import NONE
from csp.decorators import csp_replace
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotModified, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from elinvoima.actors.models import Municipality
from elinvoima.indicators.charts.drawing import chart_specs, charts_ensure, charts_html
from elinvoima.indicators.enums import Gender, IndicatorSource
from elinvoima.indicators.models import ChartImage
from elinvoima.indicators.selectors import (
    MAX_CHARTS,
    MAX_PEERS,
    chart_indicator,
    chart_indicators,
    chart_regions,
    chart_values,
    gender_or_total,
    indicator_set_choices,
    municipality_choices,
)

MUNICIPALITY_CODE = re.compile(r"^[0-9]{3}$")


def peer_codes_from(request, *, exclude: str = "") -> list[str]:
    """The peers chosen (`?peer=` codes), and the one being added (`?add_peer=`, a name in
    Finnish or Swedish or a code, as typed into the search box): at most MAX_PEERS."""
    codes = [code for code in request.GET.getlist("peer") if MUNICIPALITY_CODE.match(code)]
    if added := _municipality_code_of(request.GET.get("add_peer", "")):
        codes.append(added)
    return [code for code in dict.fromkeys(codes) if code != exclude][:MAX_PEERS]


def _municipality_code_of(typed: str) -> str | None:
    typed = " ".join(typed.split())[:100]
    if not typed:
        return None
    if MUNICIPALITY_CODE.match(typed):
        return typed
    found = Municipality.objects.filter(Q(name_fi__iexact=typed) | Q(name_sv__iexact=typed))
    return found.values_list("code", flat=True).first()


def _peer_chips(request, peers: list[str], choices) -> list[dict]:
    """Each chosen peer with the address of the page without it (its chip's remove link)."""
    names = dict(choices)
    chips = []
    for code in peers:
        query = request.GET.copy()
        query.setlist("peer", [other for other in peers if other != code])
        query.pop("add_peer", None)
        chips.append({"code": code, "name": names.get(code, code), "remove": query.urlencode()})
    return chips


def _options(choices, selected) -> str:
    """<option>s written out in Python (the peer list has 309)."""
    chosen = set(selected) if isinstance(selected, list | set | tuple) else {selected}
    return "".join(
        f'<option value="{escape(str(value))}"{" selected" if value in chosen else ""}>'
        f"{escape(str(label))}</option>"
        for value, label in choices
    )


@require_GET
def municipality_indicators(request, code: str):
    """Up to 20 charts of a municipality: the indicators of a chosen set (`?set=`), by
    default its own set, else the indicators with values for it; each against its county,
    the whole country and the peers (`?peer=`, at most 5), for a gender (`?gender=`)."""
    municipality = get_object_or_404(
        Municipality.objects.select_related("wellbeing_county"), code=code
    )
    gender = gender_or_total(request.GET.get("gender"))
    peers = peer_codes_from(request, exclude=municipality.code)
    regions = chart_regions(municipality=municipality, peer_codes=peers)
    sets = indicator_set_choices(municipality=municipality)
    set_ids = {choice.id for choice in sets}
    requested = request.GET.get("set", "")
    chosen_set = int(requested) if requested.isdigit() and int(requested) in set_ids else None
    if chosen_set is None and requested != "all":
        chosen_set = next((choice.id for choice in sets if choice.own), None)
    own_region = next((r.id for r in regions if r.role == "municipality"), None)
    indicators = chart_indicators(indicator_set_id=chosen_set, region_id=own_region)
    series = chart_values(
        indicator_ids=[indicator.id for indicator in indicators],
        region_ids=[region.id for region in regions],
        gender=gender,
    )
    specs = chart_specs(indicators=indicators, regions=regions, gender=gender, series=series)
    charts_ensure(specs)

    set_options = [("all", _("Indicators with data for the municipality"))] + [
        (str(choice.id), choice.name) for choice in sets
    ]
    context = {
        "municipality": municipality,
        "regions": regions,
        "charts": mark_safe(charts_html(specs)),  # noqa: S308 (escaped in charts_html)
        "chart_count": len(specs),
        "max_charts": MAX_CHARTS,
        "max_peers": MAX_PEERS,
        "has_sotkanet": any(s.indicator.source == IndicatorSource.SOTKANET for s in specs),
        "has_demo_values": any(spec.indicator.demo_values for spec in specs),
        "set_options": mark_safe(  # noqa: S308 (escaped in _options)
            _options(set_options, str(chosen_set) if chosen_set else "all")
        ),
        "gender_options": mark_safe(_options(Gender.choices, gender)),  # noqa: S308
        "peers": _peer_chips(request, peers, municipality_choices()),
        "can_add_peer": len(peers) < MAX_PEERS,
        "peer_names": mark_safe(  # noqa: S308 (escaped here)
            "".join(
                f'<option value="{escape(name)}"></option>'
                for code, name in municipality_choices()
                if code != municipality.code and code not in peers
            )
        ),
        "has_region": own_region is not None,
    }
    return render(request, "indicators/charts/municipality_indicators.html", context)


def indicator_chart_context(request, *, indicator_id: int) -> dict:
    """The chart of one indicator for a municipality (`?municipality=`) against its county,
    the country and peers, as on the municipality's page; with the choices of municipality
    and gender. Shown on the indicator's catalogue page."""
    code = request.GET.get("municipality", "")
    gender = gender_or_total(request.GET.get("gender"))
    context = {
        "municipality_options": mark_safe(  # noqa: S308 (escaped in _options)
            _options([("", _("Choose a municipality")), *municipality_choices()], code)
        ),
        "gender_options": mark_safe(_options(Gender.choices, gender)),  # noqa: S308
        "chart": "",
    }
    if not MUNICIPALITY_CODE.match(code):
        return context
    municipality = Municipality.objects.select_related("wellbeing_county").filter(code=code).first()
    if municipality is None:
        return context
    regions = chart_regions(
        municipality=municipality,
        peer_codes=peer_codes_from(request, exclude=municipality.code),
    )
    found = chart_indicator(pk=indicator_id)
    series = chart_values(
        indicator_ids=[indicator_id], region_ids=[r.id for r in regions], gender=gender
    )
    specs = chart_specs(indicators=[found], regions=regions, gender=gender, series=series)
    charts_ensure(specs)
    context.update(
        chart=charts_html(specs, heading_level=3, detail_links=False),
        chart_municipality=municipality,
    )
    return context


# The SVG is matplotlib's, with a <style> element and style attributes: it gets a policy of
# its own that allows inline styles and nothing else (no scripts, no fetches). HTML pages
# keep the site's strict policy; as an <img>, the SVG cannot run anything anyway.
SVG_POLICY = {
    "default-src": [NONE],
    "script-src": [NONE],
    "style-src": ["'unsafe-inline'"],
    "img-src": [NONE],
    "font-src": [NONE],
    "connect-src": [NONE],
    "form-action": [NONE],
    "base-uri": [NONE],
}


@require_GET
@csp_replace(SVG_POLICY)
def chart_svg_view(request, pk: int, fingerprint: str):
    """A stored chart. Its URL carries the fingerprint of the data it shows, so the answer
    never changes and may be cached for good; an older fingerprint is sent on to the
    current image."""
    row = ChartImage.objects.filter(pk=pk).values_list("fingerprint", "svg").first()
    if row is None:
        raise Http404
    current, svg = row
    if fingerprint != current:
        response = HttpResponseRedirect(
            reverse("indicators:chart-svg", kwargs={"pk": pk, "fingerprint": current})
        )
        response["Cache-Control"] = "no-cache"
        return response
    etag = f'"{current}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="chart-{pk}.svg"'
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
