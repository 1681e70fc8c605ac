"""Indicator charts a councillor can read (issue 5, item 6): the trend of an indicator for a
municipality against its wellbeing county, the whole country and chosen peers.

Each chart is drawn with matplotlib as SVG, with a <title> and a <desc>, and shown beside
a short text summary and the data table. Drawing costs ~60 ms a chart (docs/performance.md), so
a chart is drawn once per data change and kept as a ChartImage: its key names what it
shows (indicator, regions, gender, language), its fingerprint digests what it was drawn
from (the values, the labels, the drawing's own version). A page reads the values for its
tables anyway, computes each fingerprint from them, and draws only the charts whose stored
fingerprint differs (the cold view); the SVG itself is served by `chart_svg_view` under a
URL that carries the fingerprint, so browsers may keep it for good.

`chart_svg()` gives the SVG bytes of one chart for other uses (PDF reports).
"""

import hashlib
import io
import math
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from elinvoima.core.translation import active_language
from elinvoima.indicators.enums import Gender, RegionCategory
from elinvoima.indicators.models import ChartImage, Region
from elinvoima.indicators.selectors import (
    ChartIndicator,
    ChartRegion,
    Series,
    chart_indicator,
    chart_values,
)

# Bump when the drawing changes: every stored chart's fingerprint then differs.
STYLE_VERSION = "3"  # 3: the summaries translated in full (issue 12)
FIGURE_INCHES = (8.0, 3.4)
# matplotlib writes SVG sizes in points (72 an inch); CSS pixels are 96 an inch.
IMAGE_SIZE_PX = (round(FIGURE_INCHES[0] * 96), round(FIGURE_INCHES[1] * 96))
# Dark enough against white for graphics (WCAG 1.4.11, at least 3:1), and each line also
# has its own marker and dash pattern, so colour is never the only difference.
STYLES = {
    "municipality": {"color": "#1a4f8b", "linewidth": 2.6, "marker": "o", "linestyle": "-"},
    "county": {"color": "#b4400c", "linewidth": 1.8, "marker": "s", "linestyle": "--"},
    "country": {"color": "#4a4a4a", "linewidth": 1.8, "marker": "^", "linestyle": ":"},
}
PEER_STYLES = [
    {"color": "#6b3fa0", "marker": "D"},
    {"color": "#2f7d32", "marker": "v"},
    {"color": "#8a5a00", "marker": "P"},
    {"color": "#0b7285", "marker": "X"},
    {"color": "#a61e4d", "marker": "*"},
]
RC_PARAMS = {
    "svg.fonttype": "none",  # text stays text: smaller, selectable, faster to draw
    "svg.hashsalt": "elinvoima",  # the same chart gives the same bytes
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"],
    "font.size": 10,
    "axes.edgecolor": "#595959",
    "axes.labelcolor": "#1a1a1a",
    "xtick.color": "#1a1a1a",
    "ytick.color": "#1a1a1a",
}
LEGEND_WRAP = 24  # characters a legend line holds
_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")
_SVG_METADATA = re.compile(rb"\s*<metadata>.*?</metadata>", re.DOTALL)


# --- Numbers in the user's language ---------------------------------------------------------
class NumberFormat:
    """Formats numbers as django.utils.formats.number_format does for the active language
    (1 234,5 in Finnish, 1,234.5 in English), a hundred times faster: the separators are
    looked up once, not per number."""

    def __init__(self) -> None:
        self.decimal = str(get_format("DECIMAL_SEPARATOR"))
        grouping = settings.USE_THOUSAND_SEPARATOR and get_format("NUMBER_GROUPING") == 3
        self.thousand = str(get_format("THOUSAND_SEPARATOR")) if grouping else ""
        # Python's "1,234.5" into the language's, and a real minus sign, in one pass.
        self.table = str.maketrans({",": self.thousand, ".": self.decimal, "-": "−"})

    def formatter(self, decimals: int):
        """A function formatting numbers with `decimals` decimals: for a table's cells."""
        spec, table = f",.{max(decimals, 0)}f", self.table

        def cell(value: float) -> str:
            text = format(value, spec)
            if text[0] == "-" and not text.strip("-0,."):  # -0,0 reads as 0,0
                text = text[1:]
            return text.translate(table)

        return cell

    def __call__(self, value: float | None, decimals: int, *, sign: bool = False) -> str:
        if value is None or math.isnan(value):
            return "–"
        text = f"{value:{'+' if sign else ''},.{max(decimals, 0)}f}"
        if text[0] in "+-" and not text.strip("+-0,."):  # -0,0 reads as 0,0
            text = ("±" if sign else "") + text[1:]
        return text.translate(self.table)


# --- One chart ------------------------------------------------------------------------------
def chart_key(indicator_id: int, region_ids: Sequence[int], gender: str, lang: str) -> str:
    text = f"{indicator_id}|{','.join(map(str, region_ids))}|{gender}|{lang}"
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


@dataclass
class ChartSpec:
    """Everything one chart shows; the drawing, summary and table are made from it alone."""

    indicator: ChartIndicator
    regions: list[ChartRegion]
    gender: str
    language: str
    series: dict[int, dict[int, float]]  # region id → year → value
    image_id: int | None = None
    image_fingerprint: str = ""
    drawn: bool = False
    _fingerprint: str = field(default="", repr=False)

    @property
    def region_ids(self) -> list[int]:
        return [region.id for region in self.regions]

    @property
    def key(self) -> str:
        return chart_key(self.indicator.id, self.region_ids, self.gender, self.language)

    @property
    def years(self) -> list[int]:
        return sorted({year for values in self.series.values() for year in values})

    @property
    def unit(self) -> str:
        return unit_label(self.indicator)

    @property
    def fingerprint(self) -> str:
        """A digest of all the drawing depends on: values, labels, language, style."""
        if not self._fingerprint:
            parts = [
                STYLE_VERSION,
                self.language,
                self.gender,
                self.indicator.title,
                self.indicator.value_type,
                self.unit,
                str(self.indicator.decimals),
            ]
            parts.append(
                repr(
                    [
                        (region.id, region.role, region.title, sorted(series.items()))
                        for region in self.regions
                        for series in [self.series.get(region.id, {})]
                    ]
                )
            )
            digest = hashlib.sha256("\n".join(parts).encode())
            self._fingerprint = digest.hexdigest()[:40]
        return self._fingerprint

    @property
    def url(self) -> str:
        return chart_image_url(self.image_id, self.image_fingerprint)


def _url_prefix(name: str, **kwargs) -> str:
    """The part of a URL before its first argument: reverse() once, not once per chart."""
    url = reverse(name, kwargs=kwargs)
    return url[: url.index("/999999/") + 1]


def chart_image_url(pk: int | None, fingerprint: str) -> str:
    prefix = _url_prefix("indicators:chart-svg", pk=999999, fingerprint="f")
    return f"{prefix}{pk}/{fingerprint}.svg"


def unit_label(indicator: ChartIndicator) -> str:
    """What the numbers are: "%" for percentages, else the value type (per 100 000
    inhabitants)."""
    code = (indicator.value_type_code or "").upper()
    if code in ("PERCENT", "PERCENTAGE", "PROSENTTI", "OSUUS"):
        return "%"
    return indicator.value_type


def gender_label(gender: str) -> str:
    return str(Gender(gender).label) if gender in Gender.values else gender


class Texts(dict):
    """The page's texts translated once: `texts[gettext_noop("…")]`. Twenty charts ask for the
    same dozen sentences, and each gettext() call costs a thread-local lookup."""

    def __missing__(self, message: str) -> str:
        self[message] = translated = _(message)
        return translated

    def gender(self, gender: str) -> str:
        key = f"gender:{gender}"
        if key not in self:
            self[key] = gender_label(gender).lower()
        return self[key]


def chart_title_text(spec: ChartSpec, texts: Texts | None = None) -> str:
    texts = Texts() if texts is None else texts
    names = ", ".join(region.title for region in spec.regions)
    return texts[gettext_noop("%(indicator)s: %(regions)s (%(gender)s)")] % {
        "indicator": spec.indicator.title,
        "regions": names,
        "gender": texts.gender(spec.gender),
    }


def chart_summary(
    spec: ChartSpec, number: NumberFormat | None = None, texts: Texts | None = None
) -> str:
    """A few sentences saying what the chart shows: the latest value of the first region
    and its change since the first year, and the others in the same year."""
    number = number or NumberFormat()
    texts = Texts() if texts is None else texts
    decimals = spec.indicator.decimals
    unit = spec.unit
    suffix = "\u00a0%" if unit == "%" else ""
    if not spec.regions:
        return texts[gettext_noop("There are no regions to compare.")]
    main, *others = spec.regions
    values = spec.series.get(main.id, {})
    if not values:
        return texts[gettext_noop("%(region)s has no values for this indicator.")] % {
            "region": main.title
        }
    years = sorted(values)
    first, last = years[0], years[-1]
    sentences = [
        texts[gettext_noop("In %(year)s the value for %(region)s was %(value)s.")]
        % {"year": last, "region": main.title, "value": number(values[last], decimals) + suffix}
    ]
    if first != last:
        change = values[last] - values[first]
        sentences.append(
            texts[gettext_noop("In %(year)s it was %(value)s: a change of %(change)s.")]
            % {
                "year": first,
                "value": number(values[first], decimals) + suffix,
                "change": number(change, decimals, sign=True) + suffix,
            }
        )
    compared = []
    for region in others:
        value = spec.series.get(region.id, {}).get(last)
        if value is None:
            compared.append(texts[gettext_noop("%(region)s no value")] % {"region": region.title})
        else:
            compared.append(f"{region.title} {number(value, decimals)}{suffix}")
    if compared:
        sentences.append(
            texts[gettext_noop("In %(year)s for comparison: %(values)s.")]
            % {"year": last, "values": "; ".join(compared)}
        )
    if unit and unit != "%":
        sentences.append(texts[gettext_noop("Unit: %(unit)s.")] % {"unit": unit})
    return " ".join(sentences)


def chart_draw(spec: ChartSpec) -> str:
    """The chart as an SVG document with a <title> and a <desc>, in the spec's language."""
    svg, title, summary = _chart_rendered(spec, "svg")
    return _accessible_svg(svg, title=title, description=summary)


def chart_png(spec: ChartSpec) -> bytes:
    """The chart as a PNG picture (for a Word document, which does not show SVG
    everywhere); its title and summary are for the picture's alt text."""
    png, _title, _summary = _chart_rendered(spec, "png")
    return png


def _chart_rendered(spec: ChartSpec, file_format: str) -> tuple[bytes, str, str]:
    """The chart drawn in `file_format` ("svg", "png"), its title and its summary."""
    import matplotlib

    matplotlib.use("Agg")  # no GUI; the backend is chosen by savefig's format
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    with override(spec.language):
        number = NumberFormat()
        texts = Texts()
        title = chart_title_text(spec, texts)
        summary = chart_summary(spec, number, texts)
        unit = spec.unit
        years = spec.years
        with matplotlib.rc_context(RC_PARAMS):
            figure = Figure(figsize=FIGURE_INCHES)
            axes = figure.add_subplot()
            peers = iter(PEER_STYLES)
            for region in spec.regions:
                values = spec.series.get(region.id, {})
                if not values:
                    continue
                style = dict(STYLES.get(region.role) or {**next(peers), "linewidth": 1.6})
                style.setdefault("linestyle", "-")
                ys = [values.get(year, math.nan) for year in years]
                label = textwrap.fill(region.title, LEGEND_WRAP)
                axes.plot(years, ys, label=label, markersize=5, **style)
            axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))
            decimals = spec.indicator.decimals
            axes.yaxis.set_major_formatter(
                FuncFormatter(
                    lambda value, _position: number(
                        value, 0 if float(value).is_integer() else min(decimals, 2)
                    )
                )
            )
            axes.grid(True, axis="y", color="#d0d0d0", linewidth=0.8)
            axes.spines[["top", "right"]].set_visible(False)
            if unit:  # above the axis, where a long unit fits
                axes.set_title(textwrap.shorten(unit, 70, placeholder="…"), loc="left", fontsize=9)
            if axes.lines:
                axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
            else:
                axes.text(0.5, 0.5, _("No values"), ha="center", va="center")
            figure.subplots_adjust(left=0.09, right=0.7, top=0.9, bottom=0.1)
            buffer = io.BytesIO()
            if file_format == "svg":
                figure.savefig(buffer, format="svg", metadata={"Date": None})
            else:
                figure.savefig(buffer, format=file_format, dpi=150)
    return buffer.getvalue(), title, summary


def _accessible_svg(svg: bytes, *, title: str, description: str) -> str:
    """matplotlib's SVG with a <title> and <desc> as its first children, and announced as
    one image (role="img") named by them."""
    svg = _SVG_METADATA.sub(b"", svg, count=1)
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        raise ValueError("matplotlib gave no <svg> element")
    tag = opening.group(0)[:-1] + b' role="img" aria-labelledby="chart-title chart-desc">'
    inserted = (
        f'\n <title id="chart-title">{escape(title)}</title>'
        f'\n <desc id="chart-desc">{escape(description)}</desc>'
    ).encode()
    return (svg[: opening.start()] + tag + inserted + svg[opening.end() :]).decode()


# --- Many charts: find the stored ones, draw the rest -----------------------------------------
def charts_ensure(specs: Sequence[ChartSpec]) -> None:
    """Give every spec a stored, current image: one query finds the stored charts, and the
    ones missing or stale are drawn and written in one more (an upsert on the key)."""
    if not specs:
        return
    stored = dict(
        (key, (pk, fingerprint))
        for key, pk, fingerprint in ChartImage.objects.filter(
            key__in=[spec.key for spec in specs]
        ).values_list("key", "id", "fingerprint")
    )
    missing: list[ChartSpec] = []
    for spec in specs:
        pk, fingerprint = stored.get(spec.key, (None, ""))
        if pk is not None and fingerprint == spec.fingerprint:
            spec.image_id, spec.image_fingerprint = pk, fingerprint
        else:
            missing.append(spec)
    if missing:
        _charts_store(missing)


def _charts_store(specs: Sequence[ChartSpec]) -> None:
    images = {}
    for spec in specs:  # two specs may be the same chart (the same key)
        images[spec.key] = ChartImage(
            key=spec.key,
            indicator_id=spec.indicator.id,
            regions=",".join(map(str, spec.region_ids)),
            gender=spec.gender,
            language=spec.language,
            fingerprint=spec.fingerprint,
            svg=chart_draw(spec),
        )
    ChartImage.objects.bulk_create(
        list(images.values()),
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["fingerprint", "svg", "drawn_at", "regions", "gender", "language"],
    )
    # The upsert returns the ids on PostgreSQL and SQLite; should a backend not, read them.
    if any(image.pk is None for image in images.values()):
        ids = dict(ChartImage.objects.filter(key__in=list(images)).values_list("key", "id"))
        for key, image in images.items():
            image.pk = ids[key]
    for spec in specs:
        image = images[spec.key]
        spec.image_id, spec.image_fingerprint, spec.drawn = image.pk, image.fingerprint, True


def chart_specs(
    *,
    indicators: Iterable[ChartIndicator],
    regions: list[ChartRegion],
    gender: str,
    series: dict[int, dict[int, dict[int, float]]],
) -> list[ChartSpec]:
    lang = active_language()
    return [
        ChartSpec(
            indicator=indicator,
            regions=regions,
            gender=gender,
            language=lang,
            series={region.id: series[indicator.id][region.id] for region in regions}
            if indicator.id in series
            else {},
        )
        for indicator in indicators
    ]


def chart_svg(
    *, indicator, regions: Sequence[Region | ChartRegion], gender: str = Gender.TOTAL
) -> bytes:
    """The SVG of one chart, for (indicator, regions, gender) in the active language: the
    stored one if current, else drawn now and stored. For PDF reports and other pages.
    `indicator` is an Indicator or its id; the first region is the one the summary is about
    (drawn as the municipality), counties and the country get their own styles, other
    regions are drawn as peers."""
    indicator_id = getattr(indicator, "pk", indicator)
    found = chart_indicator(pk=indicator_id)
    if found is None:
        raise ValueError(f"no indicator {indicator_id}")
    roles = {RegionCategory.WELLBEING_COUNTY: "county", RegionCategory.COUNTRY: "country"}
    chart_regions = [
        region
        if isinstance(region, ChartRegion)
        else ChartRegion(
            region.pk,
            region.title,
            "municipality" if i == 0 else roles.get(region.category, "peer"),
        )
        for i, region in enumerate(regions)
    ]
    series = chart_values(
        indicator_ids=[found.id], region_ids=[r.id for r in chart_regions], gender=gender
    )
    (spec,) = chart_specs(indicators=[found], regions=chart_regions, gender=gender, series=series)
    charts_ensure([spec])
    return ChartImage.objects.values_list("svg", flat=True).get(pk=spec.image_id).encode()


@dataclass(frozen=True)
class StoredChart:
    indicator_id: int
    image_id: int
    fingerprint: str
    svg: bytes  # empty when not asked for (a page links to chart_svg_view instead)
    spec: ChartSpec  # to draw it in another format (chart_png)


def charts_of_series(
    *,
    indicators: Sequence[ChartIndicator],
    regions: list[ChartRegion],
    series: Series,
    gender: str = Gender.TOTAL,
    with_svg: bool = True,
) -> list[StoredChart]:
    """The charts of values already read (a report's snapshot, not the database as it is
    now), in the active language: stored ones reused, the others drawn and stored; with
    `with_svg` their SVGs in one query (a document that embeds them)."""
    specs = chart_specs(indicators=indicators, regions=regions, gender=gender, series=series)
    charts_ensure(specs)
    svgs: dict[int, str] = {}
    if with_svg:
        svgs = dict(
            ChartImage.objects.filter(pk__in=[spec.image_id for spec in specs]).values_list(
                "pk", "svg"
            )
        )
    return [
        StoredChart(
            spec.indicator.id,
            spec.image_id,
            spec.image_fingerprint,
            svgs.get(spec.image_id, "").encode(),
            spec,
        )
        for spec in specs
        if spec.image_id is not None
    ]


# --- HTML of the chart blocks ---------------------------------------------------------------
def charts_html(
    specs: Sequence[ChartSpec], *, heading_level: int = 2, detail_links: bool = True
) -> SafeString:
    """The chart blocks of a page, written out in Python: twenty blocks with their tables
    are ~2,000 cells, which Django's template engine renders ten times slower. Everything
    from the data goes through html.escape."""
    number = NumberFormat()
    texts = Texts()
    image_prefix = _url_prefix("indicators:chart-svg", pk=999999, fingerprint="f")
    year_label = escape(_("Year"))
    no_value = (
        '<span aria-hidden="true">–</span><span class="visually-hidden">'
        + escape(_("no value"))
        + "</span>"
    )
    values_caption = _("Values of the chart: %(unit)s, %(gender)s")
    values_caption_no_unit = _("Values of the chart, %(gender)s")
    chart_alt = _("Line chart: %(title)s. The summary and the table follow.")
    open_label = escape(_("Open the chart as an image"))
    demo_note = escape(_("Illustrative demo values, not THL figures."))
    table_label = _("Values of %(indicator)s")
    h = f"h{heading_level}"
    detail_prefix = _url_prefix("indicators:indicator-detail", pk=999999)
    parts: list[str] = []
    append = parts.append
    for index, spec in enumerate(specs, start=1):
        indicator = spec.indicator
        block_id = f"chart-{index}"
        title = escape(indicator.title)
        append(f'<section class="chart" aria-labelledby="{block_id}-title">')
        if detail_links:
            detail = f"{detail_prefix}{indicator.id}/"
            append(f'<{h} id="{block_id}-title" class="chart__title"><a href="{detail}">')
            append(f"{title}</a></{h}>")
        else:
            append(f'<{h} id="{block_id}-title" class="chart__title">{title}</{h}>')
        if indicator.demo_values:
            append(f'<p class="chart__demo">{demo_note}</p>')
        append('<div class="chart__body"><figure class="chart__figure">')
        url = escape(f"{image_prefix}{spec.image_id}/{spec.image_fingerprint}.svg")
        alt = escape(chart_alt % {"title": chart_title_text(spec, texts)})
        width, height = IMAGE_SIZE_PX
        append(
            f'<a href="{url}" class="chart__image-link" aria-label="{open_label}">'
            f'<img src="{url}" alt="{alt}" width="{width}" height="{height}" '
            f'loading="lazy" decoding="async"></a>'
        )
        summary = escape(chart_summary(spec, number, texts))
        append(f'<figcaption class="chart__summary">{summary}')
        append("</figcaption></figure>")
        # The table: a row per year, a column per region.
        unit = spec.unit
        gender = texts.gender(spec.gender)
        caption = (values_caption if unit else values_caption_no_unit) % {
            "unit": unit,
            "gender": gender,
        }
        label = escape(table_label % {"indicator": indicator.title})
        append(
            f'<div class="chart__table-wrap" role="region" tabindex="0" aria-label="{label}">'
            f'<table class="chart__table"><caption>{escape(caption)}</caption><thead><tr>'
            f'<th scope="col">{year_label}</th>'
        )
        for region in spec.regions:
            append(f'<th scope="col">{escape(region.title)}</th>')
        append("</tr></thead><tbody>")
        cell = number.formatter(indicator.decimals)
        columns = [spec.series.get(region.id, {}) for region in spec.regions]
        for year in spec.years:
            append(f'<tr><th scope="row">{year}</th>')
            for values in columns:
                value = values.get(year)
                append(f"<td>{no_value if value is None else cell(value)}</td>")
            append("</tr>")
        append("</tbody></table></div></div></section>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)
