"""core.imports: problems of an imported file, kept as data, shown in the reader's language."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from elinvoima.core.imports import ImportRefused, Problem, ProblemLog, problem_text


class _Refused(ImportRefused):
    templates = {"bad_colour": "%(where)s: “%(value)s” is not a colour."}
    max_problems = 2


def test_problem__json_round_trip_drops_empty_parts():
    problem = Problem("not_a_number", row=3, field="value", params={"value": "x"})
    assert problem.as_json() == {
        "code": "not_a_number",
        "row": 3,
        "field": "value",
        "params": {"value": "x"},
    }
    assert Problem.from_json(problem.as_json()) == problem
    assert problem.value == "x"


def test_problem_text__common_template_in_the_active_language():
    problem = Problem("not_a_number", row=3, field="value", params={"value": "x"})
    with translation.override("en"):
        assert problem_text(problem) == "Row 3, field “value”: “x” is not a number."
    with translation.override("fi"):
        finnish = problem_text(problem)
    assert finnish.startswith("Rivi 3") and "x" in finnish


def test_problem_text__unknown_code__its_text_or_the_code():
    assert problem_text(Problem("odd", params={"text": "Odd."})) == "Odd."
    assert problem_text(Problem("odd")) == "odd"


def test_problem_text__long_values_shortened_unless_asked_not_to():
    problem = Problem("not_text", element=2, params={"value": "y" * 100})
    with translation.override("en"):
        assert "y" * 57 + "…" in problem_text(problem)
        assert "y" * 100 in problem_text(problem, shorten=None)


def test_refusal__a_validation_error_with_the_problems_and_their_texts():
    with translation.override("en"):
        refusal = _Refused([Problem("bad_colour", row=2, params={"value": "plaid"})])
    assert isinstance(refusal, ValidationError)
    assert refusal.messages == ["Row 2: “plaid” is not a colour."]
    assert refusal.problems[0].code == "bad_colour"
    assert refusal.rejected == 1


def test_problem_log__keeps_the_first_counts_the_rest_and_the_rows():
    log = ProblemLog(_Refused)
    assert not log
    for row in (2, 2, 3, 4):
        log.add(Problem("bad_colour", row=row, params={"value": row}))
    assert log
    with translation.override("en"), pytest.raises(_Refused) as refused:
        raise log.refuse()
    assert refused.value.rejected == 3  # rows 2, 3 and 4
    assert [problem.code for problem in refused.value.problems] == [
        "bad_colour",
        "bad_colour",
        "more_problems",
    ]
    assert refused.value.messages[-1] == "… and 2 more problems."
