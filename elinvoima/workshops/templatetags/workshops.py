"""Template filters of the workshops' papers."""

from django import template

register = template.Library()


@register.filter
def badges(rounds) -> list[tuple]:
    """(person, their table in each round) for each person seated, by name: a name badge
    tells its wearer where to sit in every round."""
    tables: dict[int, tuple] = {}
    for _number, round_tables in rounds:
        for table, people in round_tables:
            for person in people:
                tables.setdefault(person.pk, (person, []))[1].append(str(table))
    return sorted(tables.values(), key=lambda item: item[0].name)
