"""The indicator catalogue: search, filters, sorting, paging, and an indicator's page."""

import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from elinvoima.actors.models import Municipality
from elinvoima.indicators.catalogue.sotkanet_html import sotkanet_html
from elinvoima.indicators.demo import DEMO_NOTE, METADATA_FILE, sotkanet_metadata_fields
from elinvoima.indicators.enums import IndicatorSource
from elinvoima.indicators.models import Indicator
from elinvoima.indicators.selectors import DEMO_VALUES_FLAG
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    MunicipalityFactory,
    WellbeingCountyFactory,
    region_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.fixture
def indicators(db):
    """THL's own metadata of Sotkanet indicators 186 and 322 with made-up values for Vaala
    and its county, and one own indicator each of Utajärvi and Vaala, as the demo has them,
    built by factories; no demo data."""
    county = WellbeingCountyFactory(
        code="19",
        name_fi="Pohjois-Pohjanmaan hyvinvointialue",
        name_sv="Norra Österbottens välfärdsområde",
        name_en="Pohjois-Pohjanmaa wellbeing services county",
    )
    utajarvi, vaala = (
        MunicipalityFactory(
            code=code, name_fi=name, name_sv=name, name_en=name, wellbeing_county=county
        )
        for code, name in (("889", "Utajärvi"), ("785", "Vaala"))
    )
    for item in json.loads(METADATA_FILE.read_text(encoding="utf-8")):
        indicator = IndicatorFactory(
            **sotkanet_metadata_fields(item),
            owner_municipality=None,
            metadata={**item, DEMO_VALUES_FLAG: True},
        )
        for region in (region_of(vaala), region_of(county)):
            for year in range(2015, 2025):
                IndicatorValueFactory(indicator=indicator, region=region, year=year)
    for owner, fi, sv, en in [
        (
            utajarvi,
            "Hyvinvointinsa hyväksi kokevat, % kuntalaiskyselyyn vastanneista",
            "Upplever sitt välbefinnande som gott, % av dem som svarade på enkäten",
            "Rate their wellbeing as good, % of the residents' survey respondents",
        ),
        (
            vaala,
            "Kylätalojen tapahtumien kävijät / 1 000 asukasta",
            "Besökare på bygdegårdarnas evenemang / 1 000 invånare",
            "Visitors to village hall events per 1 000 inhabitants",
        ),
    ]:
        IndicatorFactory(
            owner_municipality=owner,
            title_fi=fi,
            title_sv=sv,
            title_en=en,
            description_fi=DEMO_NOTE["fi"],
            description_sv=DEMO_NOTE["sv"],
            description_en=DEMO_NOTE["en"],
            metadata={DEMO_VALUES_FLAG: True},
        )


NAMES = re.compile(r'<h2 class="directory__name"><a href="[^"]*">([^<]*)</a></h2>')


@pytest.fixture(autouse=True)
def _fresh_subjects():
    cache.clear()  # the subject choices are cached for ten minutes
    yield
    cache.clear()


def list_url(language: str = "fi") -> str:
    with translation.override(language):
        return reverse("indicators:indicator-list")


def detail_url(indicator: Indicator, language: str = "fi") -> str:
    with translation.override(language):
        return reverse("indicators:indicator-detail", kwargs={"pk": indicator.pk})


def names(response) -> list[str]:
    assert response.status_code == 200
    return NAMES.findall(response.content.decode())


# --- The list -------------------------------------------------------------------------------
def test_indicator_list__no_filters__sotkanet_and_own_indicators(client, indicators):
    shown = names(client.get(list_url()))

    assert "Kuolleisuus / 100 000 asukasta" in shown
    assert "Hyvinvointinsa hyväksi kokevat, % kuntalaiskyselyyn vastanneista" in shown


def test_indicator_list__search__in_the_users_language(client, indicators):
    assert names(client.get(list_url("en"), {"q": "mortality"})) == [
        "Mortality among population aged 65 and over per 100 000 persons of same age",
        "Mortality per 100 000 inhabitants",
    ]
    assert names(client.get(list_url("sv"), {"q": "dödlighet"})) == [
        "Dödlighet / 100 000 invånare",
        "Dödlighet i åldrarna 65 år och över / 100 000 i samma åldrar",
    ]
    assert names(client.get(list_url(), {"q": "ei tällaista"})) == []


def test_indicator_list__source_and_subject__filtered(client, indicators):
    own = names(client.get(list_url(), {"source": IndicatorSource.OWN}))
    mortality = names(client.get(list_url(), {"subject": "http://www.yso.fi/onto/yso/p5003"}))

    assert "Kuolleisuus / 100 000 asukasta" not in own
    assert "Kylätalojen tapahtumien kävijät / 1 000 asukasta" in own
    assert len(own) == Indicator.objects.filter(source=IndicatorSource.OWN).count()
    assert mortality == [
        "Kuolleisuus / 100 000 asukasta",
        "Kuolleisuus 65 vuotta täyttäneillä / 100 000 vastaavan ikäistä",
    ]
    page = client.get(list_url()).content.decode()
    assert '<option value="http://www.yso.fi/onto/yso/p5003">kuolleisuus</option>' in page


def test_indicator_list__sorted_by_sotkanet_number(client, indicators):
    shown = names(client.get(list_url(), {"sort": "sotkanet", "source": "sotkanet"}))

    assert shown == [
        "Kuolleisuus / 100 000 asukasta",
        "Kuolleisuus 65 vuotta täyttäneillä / 100 000 vastaavan ikäistä",
    ]


def test_indicator_list__many__paginated(client, db):
    Indicator.objects.bulk_create(
        Indicator(source="own", title=f"Mittari {n:03}", title_fi=f"Mittari {n:03}")
        for n in range(60)
    )

    first = names(client.get(list_url()))
    second = names(client.get(list_url(), {"page": 2}))

    assert first[0] == "Mittari 000" and len(first) == 50
    assert second == [f"Mittari {n:03}" for n in range(50, 60)]


def test_indicator_list__bad_filter_values__ignored(client, indicators):
    response = client.get(list_url(), {"source": "nonsense", "sort": "x", "subject": "y"})

    assert names(response) == names(client.get(list_url()))
    assert len(names(response)) == Indicator.objects.count()


# --- One indicator --------------------------------------------------------------------------
def test_indicator_detail__sotkanet_metadata_in_swedish(client, indicators):
    indicator = Indicator.objects.get(sotkanet_id=186)

    html = client.get(detail_url(indicator, "sv")).content.decode()

    assert "<h1>Dödlighet / 100 000 invånare</h1>" in html
    assert "Per hundratusen invånare" in html  # value type
    assert "Statistikcentralen" in html  # producer and source
    assert "Avlidna (Statistikcentralen)" in html
    assert "29.4.2025" in html  # data updated
    assert "dödlighet" in html  # subject
    assert "<dd>1</dd>" in html  # decimals
    assert "THL, Sotkanet" in html and "CC BY 4.0" in html
    # Sotkanet's own HTML in the description is not passed through.
    assert "<p id=suhteutus>" not in html and "&lt;p" not in html
    assert "THL har relaterat uppgifterna" in html
    # The demo's values are said to be made up.
    assert "chart-demo-note" in html


def test_indicator_detail__missing_language__falls_back_to_finnish(client, db):
    indicator = Indicator.objects.create(
        source="own", title="Oma mittari", title_fi="Oma mittari", description_fi="Kuvaus."
    )

    html = client.get(detail_url(indicator, "en")).content.decode()

    assert "<h1>Oma mittari</h1>" in html
    assert "Kuvaus." in html


def test_indicator_detail__no_request_leaves_the_site(client, indicators):
    html = client.get(detail_url(Indicator.objects.get(sotkanet_id=322))).content.decode()

    # Links to THL and the licence, but nothing that the browser would load from elsewhere.
    assert 'href="https://sotkanet.fi/' in html
    assert not re.search(r'(src|srcset)="(https?:)?//', html)
    assert not re.search(r'<link[^>]+href="(https?:)?//', html)


def test_indicator_detail__municipality_chosen__its_chart(client, indicators):
    indicator = Indicator.objects.get(sotkanet_id=186)

    html = client.get(detail_url(indicator), {"municipality": "785"}).content.decode()

    assert '<th scope="col">Vaala</th>' in html
    assert '<th scope="col">Pohjois-Pohjanmaan hyvinvointialue</th>' in html
    assert re.search(r'<img src="/fi/indicators/charts/\d+/[0-9a-f]+\.svg"', html)
    assert reverse("indicators:municipality-indicators", kwargs={"code": "785"}) in html


def test_indicator_detail__unknown__404(client, db):
    assert client.get("/fi/indicators/987654/").status_code == 404


# --- Sotkanet's own texts, as THL writes them (issue 11) -------------------------------------

THL_TEXT = (
    'Lisätietoja: <a href="https://thl.fi" onclick="steal()" target="_blank">THL</a>.<br>'
    "Ikäryhmät &#8594; 65 vuotta täyttäneet &amp; muut.<ul><li>Kuolleet</li><li>Väestö</li></ul>"
    '<script>alert("x")</script><p><em>Huom.</em> <strong>vakioimaton</strong></p>'
)
THL_TEXT_SHOWN = (
    'Lisätietoja: <a href="https://thl.fi" rel="noopener noreferrer">THL</a>.<br>'
    "Ikäryhmät → 65 vuotta täyttäneet &amp; muut.<ul><li>Kuolleet</li><li>Väestö</li></ul>"
    "<p><em>Huom.</em> <strong>vakioimaton</strong></p>"
)


@pytest.fixture
def thl_sample(db):
    """THL's real metadata of indicator 186, imported as the import does, with the small
    HTML THL's texts carry added: a link, a line break, a list, entities, emphasis; and what
    must never reach a page, a script and an event handler. Legislation too."""
    from elinvoima.indicators.sotkanet.importing import indicator_metadata_import

    from .test_sotkanet_helpers import source

    document = json.loads(METADATA_FILE.read_text(encoding="utf-8"))[0]
    document["description"]["fi"] += " " + THL_TEXT
    document["legislation"] = {
        "fi": "Laki <em>terveydenhuollosta</em> &amp; asetus &#8594; "
        '<a href="javascript:alert(1)">klikkaa</a> <a href="/sotkanet/fi/">Sotkanet</a>',
        "sv": "",
        "en": "Health Care Act",
    }
    indicator_metadata_import(source=source([document]))
    return Indicator.objects.get(sotkanet_id=186), document


def test_indicator_detail__thl_html__shown_sanitised(client, thl_sample):
    indicator, document = thl_sample

    html = client.get(detail_url(indicator)).content.decode()

    assert THL_TEXT_SHOWN in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]
    assert "steal()" not in html and "onclick" not in html and 'target="_blank"' not in html
    assert "&#8594;" not in html and "&amp;#" not in html and "&lt;a" not in html
    # Stored as THL sent it; only the page sanitises.
    assert indicator.description_fi == document["description"]["fi"].strip()
    assert indicator.metadata["legislation"]["fi"] == document["legislation"]["fi"]


def test_indicator_detail__legislation__shown_with_safe_links_only(client, thl_sample):
    indicator, _document = thl_sample

    html = client.get(detail_url(indicator)).content.decode()
    english = client.get(detail_url(indicator, "en")).content.decode()

    assert '<h2 id="indicator-legislation">Lainsäädäntö</h2>' in html
    assert (
        'Laki <em>terveydenhuollosta</em> &amp; asetus → <a rel="noopener noreferrer">klikkaa</a>'
        in html
    )
    assert "javascript:" not in html
    # A relative link is Sotkanet's own page.
    assert (
        '<a href="https://sotkanet.fi/sotkanet/fi/" rel="noopener noreferrer">Sotkanet</a>' in html
    )
    assert "Health Care Act" in english


def test_indicator_detail__every_documented_metadata_field__shown(client, thl_sample):
    indicator, document = thl_sample

    html = client.get(detail_url(indicator, "en")).content.decode()

    assert "<h1>Mortality per 100 000 inhabitants</h1>" in html  # title
    assert "THL Sotkanet, indicator 186" in html  # id
    assert "<dd>04/29/2025</dd>" in html  # data-updated
    assert "<dd>1990–2024</dd>" in html  # range, years without a thousands separator
    assert "Per 100 000 inhabitants" in html and "(PER100000)" in html  # primaryValueType
    assert "<dt>Decimals</dt><dd>1</dd>" in html
    assert "Statistics Finland" in html  # organization, sources
    assert "Deaths (Statistics Finland)" in html
    assert "mortality" in html  # subjects
    regional_levels = document["classifications"]["region"]["title"]["en"]
    assert f"<dt>Regional levels</dt><dd>{regional_levels}</dd>" in html  # classifications
    assert "<dt>Genders</dt><dd>Total, Men, Women</dd>" in html
    assert "<dt>Groups in Sotkanet</dt><dd>188, 102</dd>" in html  # groups
    for section in ("description", "limits", "legislation", "notices"):  # the texts
        assert f'id="indicator-{section}"' in html


def test_indicator_detail__own_indicator_text__plain_text_escaped(client, db):
    indicator = IndicatorFactory(description_fi='Rivi 1 <a href="https://x.example">x</a>\nRivi 2')

    html = client.get(detail_url(indicator)).content.decode()

    assert "<p>Rivi 1 &lt;a href=&quot;https://x.example&quot;&gt;x&lt;/a&gt;<br>Rivi 2</p>" in html


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (THL_TEXT, THL_TEXT_SHOWN),
        ("Yksi.<br><br /><p id=suhteutus>Kaksi</p>", "Yksi.<br><br><p>Kaksi</p>"),
        ('<a href="ftp://x.example/a">ftp</a>', '<a rel="noopener noreferrer">ftp</a>'),
        (
            '<a href="mailto:info@thl.fi" class="c" style="color: red">posti</a>',
            '<a href="mailto:info@thl.fi" rel="noopener noreferrer">posti</a>',
        ),
        ('<img src="x" onerror="alert(1)">kuva', "kuva"),
        ("1 &lt; 2 &amp;&amp; 3 > 2", "1 &lt; 2 &amp;&amp; 3 &gt; 2"),
        ("<p> </p><br>", ""),
        ("", ""),
    ],
)
def test_sotkanet_html__sanitised_entities_decoded_once(text, shown):
    assert sotkanet_html(text) == shown


def test_indicator_detail__own_indicator__its_municipality(client, indicators):
    indicator = Indicator.objects.get(owner_municipality=Municipality.objects.get(code="785"))

    html = client.get(detail_url(indicator)).content.decode()

    assert "Vaala" in html
    assert "Kuvitteellinen esittelyaineisto" in html
