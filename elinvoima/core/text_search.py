"""Free-text search that understands Finnish and Swedish, the same on PostgreSQL and SQLite.

A search's words are reduced to their stems with the Snowball stemmers (PyStemmer: the very
algorithms of PostgreSQL's `finnish`, `swedish` and `english` text-search configurations),
and each word of the search must match somewhere in the row:

- **as a word**: a word of the text whose stem begins with the search word's stem, so that
  `ikäihmisille` finds "Ikäihmiset" and `ikä` (being typed) finds it too. On PostgreSQL this
  is full-text search (`to_tsvector('finnish', …) @@ to_tsquery(…:*)`) answered by the
  GIN indexes of each model's migration; on SQLite a function registered on the connection
  (core.sqlite_functions) gives the same stems.
- **inside a compound**: the stem (5 letters or more; else the word, 4 or more) anywhere
  in the text, so that `jumppaa` finds "Tuolijumppa" (answered on PostgreSQL by the
  trigram indexes of `icontains`).

Snowball does not undo Finnish consonant gradation or every plural (`vanhuksille` stems to
`vanhuks`, `vanhus` to `vanhus`; `ikäihmisten` to `ikäihmist`): a long stem is therefore
also tried one and two letters shorter. Words that the configurations ignore (ja, och, the…:
stopwords/) are dropped from the search. The queries these rules were chosen by, with the
rows they must find, are written down in tests/core/test_text_search.py.

The rows are ranked by where the words matched: in a name above a theme above the rest
(`SearchField.weight`).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import Stemmer
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Expression,
    F,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.lookups import Contains, IContains

from .search import search_terms

# The PostgreSQL text-search configuration and Snowball stemmer of each language.
CONFIGURATIONS = {"fi": "finnish", "sv": "swedish", "en": "english"}
WORD = re.compile(r"[^\W_]+")  # letters and digits; tsquery syntax has neither
SHORTEST_COMPOUND_STEM = 5  # a stem this long is also looked for inside words…
SHORTEST_COMPOUND_WORD = 4  # …else the word itself, if this long
STEMMERS_TRY_SHORTER_FROM = 6  # a stem this long is also tried 1 and 2 letters shorter


_per_thread = threading.local()


def _stemmer(language: str) -> Stemmer.Stemmer:
    """The language's stemmer, one per thread: a PyStemmer Stemmer is not thread-safe."""
    stemmers = _per_thread.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(CONFIGURATIONS[language])
    return stemmers[language]


@cache
def stopwords() -> frozenset[str]:
    """The words every configuration ignores: PostgreSQL's lists for fi, sv and en."""
    folder = Path(__file__).with_name("stopwords")
    words: set[str] = set()
    for name in CONFIGURATIONS.values():
        words.update((folder / f"{name}.stop").read_text(encoding="utf-8").split())
    return frozenset(words)


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, as the text-search parser splits them."""
    return WORD.findall(text.casefold())


@lru_cache(maxsize=4096)
def document_stems(text: str, language: str) -> str:
    """The stems of a text's words, each preceded by a space (for `LIKE '% stem%'`): what
    PostgreSQL's `to_tsvector(<language's configuration>, text)` holds, for SQLite."""
    stemmer = _stemmer(language)
    ignored = stopwords()
    stems = {stemmer.stemWord(word) for word in words(text) if word not in ignored}
    return "".join(f" {stem}" for stem in sorted(stems))


@dataclass(frozen=True)
class SearchField:
    """A text column searched, its language (the stemmer of its words) and its weight."""

    name: str
    language: str  # "fi", "sv" or "en"
    weight: int = 1


def translated(name: str, weight: int = 1, languages=("fi", "sv")) -> list[SearchField]:
    """The language columns of a modeltranslation field: name → name_fi, name_sv."""
    return [SearchField(f"{name}_{language}", language, weight) for language in languages]


def _shortest_of(prefixes: list[str]) -> tuple[str, ...]:
    """The prefixes without those that a shorter one begins (they would add nothing), the
    longest first."""
    kept = {p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)}
    return tuple(sorted(kept, key=lambda p: (-len(p), p)))


@dataclass(frozen=True)
class Term:
    """One word of a search: the stems it is looked for by (the longest first)."""

    word: str
    prefixes: tuple[str, ...]
    compound_parts: tuple[str, ...]  # looked for inside words

    @classmethod
    def of(cls, word: str) -> Term:
        stems = [_stemmer(language).stemWord(word) for language in ("fi", "sv")]
        candidates: list[str] = []
        for stem in stems:
            candidates.append(stem)
            if len(stem) >= STEMMERS_TRY_SHORTER_FROM:
                candidates += [stem[:-1], stem[:-2]]
        # Inside words: the candidates of 5 letters or more ("jumpp" of "jumppaa" is in
        # "tuolijumppa"); with none, the word itself, as a shorter stem finds too much
        # ("äldr", of "äldre", is inside "föräldrar").
        long = [p for p in candidates if len(p) >= SHORTEST_COMPOUND_STEM]
        if not long and len(word) >= SHORTEST_COMPOUND_WORD:
            long = [word]
        return cls(word, _shortest_of(candidates), _shortest_of(long))

    def found_in(self, text: str, language: str) -> bool:
        """The same test in Python, for short lists kept in memory (themes and their
        search words): as a word of `text`, or inside a compound."""
        stems = document_stems(text, language)
        folded = text.casefold()
        return any(f" {prefix}" in stems for prefix in self.prefixes) or any(
            part in folded for part in self.compound_parts
        )

    def tsquery(self) -> str:
        """`stem:* | shorter:*` for PostgreSQL's `to_tsquery('simple', …)`."""
        return " | ".join(f"{prefix}:*" for prefix in self.prefixes)


class TextSearch:
    """A validated search (core.search's bounds) and the conditions it puts on a queryset.

    `TextSearch(text).filter(fields)` is a Q: every word of the search matches one of
    the fields (or `also(term)`, e.g. a theme whose name matches); `rank(fields)` is an
    expression to order by, higher for a word found in a heavier field."""

    def __init__(self, text: str):
        found = [word for raw in search_terms(text) for word in words(raw)]
        kept = [word for word in found if word not in stopwords()]
        self.terms = [Term.of(word) for word in dict.fromkeys(kept)]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def filter(self, fields: list[SearchField], also=None) -> Q:
        condition = Q()
        for term in self.terms:
            matches = Q()
            for field in fields:
                matches |= term_in_field(term, field)
            if also is not None:
                matches |= also(term)
            condition &= matches
        return condition

    def rank(self, fields: list[SearchField], also=None, also_weight: int = 0) -> Expression:
        """Σ over the words of the heaviest weight among the fields that contain it (a
        cheap substring test, for ordering only), plus `also_weight` where `also` holds."""
        total: Expression = Value(0)
        for term in self.terms:
            weighted = [
                (field.weight, contains(field.name, prefix))
                for field in fields
                for prefix in term.prefixes
            ]
            if also is not None and (extra := also(term)):
                weighted.append((also_weight, extra))
            # CASE takes the first that holds: the heaviest first.
            weighted.sort(key=lambda pair: -pair[0])
            cases = [When(condition, then=Value(weight)) for weight, condition in weighted]
            total = total + Case(*cases, default=Value(0), output_field=IntegerField())
        return total


def term_in_field(term: Term, field: SearchField) -> Q:
    """The term as a word of the field, or (4 letters and more) inside a compound."""
    condition = Q(_as_word(term, field))
    for part in term.compound_parts:
        condition |= Q(contains(field.name, part))
    return condition


def contains(field_name: str, fragment: str) -> Expression:
    """Case-insensitive "the text contains fragment", also for å, ä and ö on SQLite (whose
    LIKE folds only ASCII letters). On PostgreSQL it is `icontains`, answered by a trigram
    index on UPPER(column)."""
    if connection.vendor == "postgresql":
        return IContains(F(field_name), fragment)
    folded = Func(F(field_name), function="elinvoima_casefold", output_field=TextField())
    return Contains(folded, fragment.casefold())


def _as_word(term: Term, field: SearchField) -> Expression:
    if connection.vendor == "postgresql":
        configuration = CONFIGURATIONS[field.language]
        return WordsMatch(F(field.name), configuration=configuration, query=term.tsquery())
    stems = Func(
        F(field.name), Value(field.language), function="elinvoima_stems", output_field=TextField()
    )
    condition = Q()
    for prefix in term.prefixes:
        condition |= Q(Contains(stems, f" {prefix}"))
    return condition  # type: ignore[return-value]


class WordsMatch(Func):
    """`to_tsvector('<configuration>', COALESCE(column, '')) @@ to_tsquery('simple', query)`:
    written exactly as the GIN indexes of the migrations are, so that PostgreSQL uses them.
    The query's words are already stems (Term), so its configuration is `simple`."""

    output_field = BooleanField()

    def __init__(self, expression, *, configuration: str, query: str):
        if configuration not in CONFIGURATIONS.values():
            raise ValueError(f"unknown text-search configuration {configuration!r}")
        self.configuration = configuration
        super().__init__(expression, Value(query))

    def as_sql(self, compiler, connection, function=None, template=None, arg_joiner=None, **extra):
        column, column_params = compiler.compile(self.source_expressions[0])
        query, query_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"to_tsvector('{self.configuration}'::regconfig, COALESCE({column}, ''))"
            f" @@ to_tsquery('simple'::regconfig, {query})"
        )
        return sql, (*column_params, *query_params)
