"""Pages make the same number of queries however much data they show."""

from django.urls import reverse

from elinvoima.actors.models import Municipality, Organisation


def _queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_municipality_page__many_organisations__same_query_count(
    client_for, django_assert_max_num_queries
):
    client = client_for(None)
    url = reverse("actors:municipality-detail", kwargs={"code": "889"})
    few = _queries(client, url, django_assert_max_num_queries, 10)
    organisations = Organisation.objects.bulk_create(
        Organisation(name_fi=f"Kyläseura {n} ry", kind="village_association") for n in range(300)
    )
    utajarvi = Municipality.objects.get(code="889")
    operating_area = Organisation.municipalities.through
    operating_area.objects.bulk_create(
        operating_area(organisation=organisation, municipality=utajarvi)
        for organisation in organisations
    )
    many = _queries(client, url, django_assert_max_num_queries, 10)
    assert many == few


def test_lists__whole_country__bounded_queries(client_for, django_assert_max_num_queries):
    client = client_for("hyte.utajarvi")
    for name in ("actors:municipality-list", "actors:county-list"):
        _queries(client, reverse(name), django_assert_max_num_queries, 12)
    # The dashboard: 12, and one count for each kind of item on the coordinator's work list
    # (measures to report, goal cards, measures needing attention, profiles, imports, grant
    # applications to score and to decide, grant reports to receive, participatory budgets
    # waiting for the coordinator, action items of meetings, welfare report cards to deliver,
    # county welfare reports received, overdue steps of the partnership roadmap).
    _queries(client, reverse("portal:dashboard"), django_assert_max_num_queries, 12 + 14)
