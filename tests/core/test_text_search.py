"""The Finnish and Swedish search (core.text_search) against a written-down list of real
queries: inflected forms, words being typed, compounds, å/ä/ö, Swedish, typos and several
words. Run on both databases: SQLite must find what PostgreSQL finds.

The list chose the method. Of its 36 queries, the directory's earlier search (the whole text
as a substring of the names and descriptions) answered 6 right; Snowball stems alone
(PostgreSQL's `finnish` and `swedish` configurations, whole words, also in activities and
themes) 20; stems as prefixes, tried shorter for consonant gradation, and looked for inside
compounds answer all 36 (measured in Python over the same rows, December 2026)."""

import pytest
from django.urls import reverse

from elinvoima.actors.directory.selectors import Scope, directory_search
from elinvoima.actors.models import TargetGroup, Theme
from elinvoima.core.search import MAX_TERMS
from elinvoima.core.text_search import Term, TextSearch, words
from tests.factories.actors import MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.both_databases

ROWS = {
    "reuma": {
        "name_fi": "Testilän reumayhdistys ry",
        "name_sv": "Testilä reumaförening rf",
        "regular_activities_fi": "Tuolijumppa tiistaisin klo 10 seurakuntatalolla. "
        "Vesijumppa torstaisin.",
        "regular_activities_sv": "",
        "description_fi": "Reumaa sairastavien ja heidän läheistensä yhdistys. Vertaistukea "
        "ja liikuntaa.",
        "description_sv": "Förening för personer med reumatism och deras närstående.",
        "themes": ["peer_support", "physical_activity"],
        "target_groups": ["older_people"],
    },
    "mll": {
        "name_fi": "MLL:n Testilän paikallisyhdistys ry",
        "name_sv": "MLL Testilä lokalförening rf",
        "regular_activities_fi": "Perhekahvila perjantaisin. Vauvarytmiikka.",
        "regular_activities_sv": "Familjecafé på fredagar.",
        "description_fi": "Lapsiperheiden kohtaamispaikka.",
        "description_sv": "En mötesplats för barnfamiljer.",
        "themes": ["inclusion"],
        "target_groups": ["children_and_families"],
    },
    "kyla": {
        "name_fi": "Ylä-Kärsämön kyläyhdistys ry",
        "name_sv": "Övre Kärsämö byaförening rf",
        "regular_activities_fi": "Kylätalon kahvila ja talkoot.",
        "regular_activities_sv": "",
        "description_fi": "",
        "description_sv": "",
        "themes": ["village_development"],
        "target_groups": ["everyone"],
    },
    "urheilu": {
        "name_fi": "Testilän Urheilijat ry",
        "name_sv": "Testilä Idrottare rf",
        "regular_activities_fi": "Salibandy ja hiihtokoulu lapsille.",
        "regular_activities_sv": "Innebandy och skidskola för barn.",
        "description_fi": "",
        "description_sv": "",
        "themes": ["physical_activity"],
        "target_groups": ["young_people"],
    },
    "elakelaiset": {
        "name_fi": "Testilän eläkeläisyhdistys ry",
        "name_sv": "Pensionärsföreningen i Testilä rf",
        "regular_activities_fi": "Tanssit keskiviikkoisin.",
        "regular_activities_sv": "Stolgympa och sittdans på onsdagar.",
        "description_fi": "",
        "description_sv": "",
        "themes": ["inclusion"],
        "target_groups": ["older_people"],
    },
}

# query → the rows it must find; every other row it must not find (`…` marks a query
# whose other finds are not judged: a theme's search word may bring in more).
QUERIES = [
    # inflected forms
    ("ikäihmisille", {"reuma", "elakelaiset"}),
    ("ikäihmisten", {"reuma", "elakelaiset"}),
    ("vanhuksille", {"reuma", "elakelaiset"}),
    ("lapsiperheille", {"mll"}),
    ("kylätalolla", {"kyla"}),
    ("yhdistyksen", {"reuma", "mll", "kyla", "elakelaiset"}),
    ("läheisille", {"reuma"}),
    # words being typed
    ("ikä", {"reuma", "elakelaiset"}),
    ("vanhu", {"reuma", "elakelaiset"}),
    ("tuolij", {"reuma"}),
    ("reum", {"reuma"}),
    # compounds
    ("jumppa", {"reuma", "urheilu", ...}),
    ("jumppaa", {"reuma", "urheilu", ...}),
    ("tuolijumppaan", {"reuma"}),
    ("kahvila", {"mll", "kyla"}),
    ("hiihto", {"urheilu"}),
    ("rytmiikka", {"mll"}),
    ("paikallisyhdistys", {"mll"}),
    # å, ä, ö and capitals
    ("KÄRSÄMÖ", {"kyla"}),
    ("kärsämön", {"kyla"}),
    ("övre", {"kyla"}),
    ("PENSIONÄRER", {"elakelaiset", "reuma"}),  # the target group's search words
    ("äldre", {"elakelaiset", "reuma"}),
    # Swedish
    ("föreningarna", {"reuma", "mll", "kyla", "elakelaiset"}),
    ("stolgympan", {"elakelaiset"}),
    ("barnfamiljerna", {"mll"}),
    ("skidskolan", {"urheilu"}),
    ("reumatismen", {"reuma"}),
    # typos: a missing or doubled letter at the end
    ("tuolijumpa", {"reuma"}),
    ("salibandyy", {"urheilu"}),
    ("reumayhdistyss", {"reuma"}),
    # several words: each must match
    ("jumppa ikäihmisille", {"reuma"}),
    ("hiihto lapsille", {"urheilu"}),
    ("kahvila perheille", {"mll", "kyla"}),  # the village: for all ages
    # stopwords are left out
    ("kahvila ja", {"mll", "kyla"}),
    ("tanssit ja jumppa", set()),  # nothing does both
]


@pytest.fixture
def rows(demo):
    municipality = MunicipalityFactory(name_fi="Testilä", name_sv="Testilä")
    made = {}
    for key, values in ROWS.items():
        values = dict(values)
        themes = list(Theme.objects.filter(code__in=values.pop("themes")))
        groups = list(TargetGroup.objects.filter(code__in=values.pop("target_groups")))
        made[key] = OrganisationFactory(
            municipality=municipality, themes=themes, target_groups=groups, **values
        )
    return municipality, made


@pytest.mark.parametrize("text, expected", QUERIES, ids=[text for text, _ in QUERIES])
def test_query__finds_the_rows_it_should(rows, text, expected):
    municipality, made = rows
    keys = {organisation.pk: key for key, organisation in made.items()}
    found = [
        keys[organisation.pk]
        for organisation in directory_search(
            scope=Scope(municipality=municipality), filters={"q": TextSearch(text)}
        )
    ]
    wanted = expected - {...}
    assert wanted <= set(found), f"{text!r} found {found}"
    if ... not in expected:
        assert set(found) == wanted, f"{text!r} found {found}"


@pytest.mark.parametrize(
    "text, ranks",
    [
        ("urheilu", {"urheilu": 4, "reuma": 3}),  # a name; the physical-activity theme
        ("kahvila", {"mll": 2, "kyla": 2}),  # what they do regularly
        ("läheisille", {"reuma": 1}),  # the description
    ],
)
def test_rank__name_above_theme_above_activities_above_description(rows, text, ranks):
    municipality, made = rows
    keys = {organisation.pk: key for key, organisation in made.items()}
    found = directory_search(
        scope=Scope(municipality=municipality), filters={"q": TextSearch(text)}
    )
    assert {keys[o.pk]: o.search_rank for o in found} == ranks
    assert [keys[o.pk] for o in found][0] == max(ranks, key=ranks.get)


def test_term__stems_prefixes_and_compound_parts():
    assert Term.of("ikäihmisille").prefixes == ("ikäihm",)
    assert Term.of("jumppa").compound_parts == ("jumpp",)  # Swedish's stem; Finnish's "jump"
    assert Term.of("äldre").compound_parts == ("äldre",)  # "äldr" is in "föräldrar"
    assert Term.of("tuolijumppa").compound_parts == ("tuoliju",)
    assert Term.of("ikä").compound_parts == ()  # too short to look inside words
    assert words("HYTE-kerroin, Ylä-Kärsämö!") == ["hyte", "kerroin", "ylä", "kärsämö"]


def test_text_search__only_stopwords__no_condition():
    assert not TextSearch("ja ja och")
    assert TextSearch("ja jumppa").terms == [Term.of("jumppa")]


def test_text_search__too_many_words__refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        TextSearch(" ".join(["sana"] * (MAX_TERMS + 1)))


@pytest.mark.parametrize("text", ["ikäihmiset", "ikä", "vanhu", "jumppa", "IKÄIHMISILLE"])
def test_utajarvi_directory__finds_the_chair_gym_of_the_rheumatism_association(client_for, text):
    """The issue's queries, on the demo data: Utajärvi's rheumatism association runs
    "Tuolijumppa" for older people."""
    url = reverse("actors:municipality-directory", kwargs={"municipality_code": "889"})
    response = client_for(None).get(url, {"q": text})
    names = [organisation.name_fi for organisation in response.context["organisations"]]
    assert names[:1] == ["Utajärven reumayhdistys ry"], names


@pytest.fixture
def loneliness(db):
    from tests.factories.indicators import IndicatorFactory

    return IndicatorFactory(
        sotkanet=True,
        title_fi="Yksinäisyyttä kokevien osuus (%), 75 vuotta täyttäneet",
        title_sv="Andel som upplever ensamhet (%), 75 år fyllda",
        title_en="Share of people feeling lonely (%), aged 75 and over",
        description_fi="Kyselytutkimuksen vastaajat, jotka kokevat itsensä yksinäisiksi.",
    )


@pytest.mark.parametrize("text", ["yksinäisyys", "yksinäiset", "ensamheten", "lonely", "kokevat"])
def test_indicator_catalogue__inflected_words_in_three_languages(client_for, loneliness, text):
    response = client_for(None).get("/fi/indicators/", {"q": text})
    assert loneliness in list(response.context["indicators"]), text


def test_indicator_api__search_as_the_catalogue(client_for, loneliness):
    response = client_for(None).get("/api/v1/indicators/", {"search": "yksinäisyyden"})
    assert [row["id"] for row in response.json()["results"]] == [loneliness.pk]


def test_organisation_api__search_as_the_directory(client_for):
    response = client_for(None).get("/api/v1/organisations/", {"search": "tuolijumppaa"})
    names = [row["name_fi"] for row in response.json()["results"]]
    assert names == ["Utajärven reumayhdistys ry"]


def test_strategy_api__goals_and_measures_searched_in_finnish(client_for):
    from tests.factories.strategy import GoalFactory, MeasureFactory, PlanFactory

    plan = PlanFactory(approved=True)
    goal = GoalFactory(plan=plan, title_fi="Yksinäisyyden vähentäminen", title_sv="Mindre ensamhet")
    measure = MeasureFactory(goal=goal, title_fi="Kyläillat ja tuolijumppa ikäihmisille")
    client = client_for(None)
    for text in ("yksinäisyys", "ensamheten"):
        goals = client.get("/api/v1/goals/", {"search": text}).json()["results"]
        assert goal.pk in {row["id"] for row in goals}, text
    measures = client.get("/api/v1/measures/", {"search": "jumppaa"}).json()["results"]
    assert measure.pk in {row["id"] for row in measures}
    assert client.get("/api/v1/measures/", {"search": "kyläiltoihin"}).json()["count"] >= 1


@pytest.mark.parametrize(
    "table, model_path",
    [("goal", "elinvoima.strategy.models.Goal"), ("measure", "elinvoima.strategy.models.Measure")],
)
def test_strategy_text_search__answered_by_indexes_on_postgresql(demo, table, model_path):
    """Migration strategy 0007: the API's search of goals and measures reads only indexes."""
    from django.db import connection, transaction
    from django.utils.module_loading import import_string

    from elinvoima.core.text_search import translated
    from tests.factories.strategy import MeasureFactory

    measure = MeasureFactory(title_fi="Yksinäisyyden vähentäminen kylissä")
    made = {"goal": measure.goal_id, "measure": measure.pk}[table]
    model = import_string(model_path)
    model.objects.filter(pk=made).update(title_fi="Yksinäisyyden vähentäminen kylissä")
    searched = model.objects.filter(TextSearch("yksinäisyys").filter(translated("title")))
    assert made in set(searched.values_list("pk", flat=True))
    if connection.vendor != "postgresql":
        return  # the indexes are PostgreSQL's; SQLite searches row by row
    sql, params = searched.order_by().query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for column in ("title_fi", "title_sv"):
        assert f"Bitmap Index Scan on {table}_{column}_words" in plan, plan
        assert f"Bitmap Index Scan on {table}_{column}_trgm" in plan, plan
