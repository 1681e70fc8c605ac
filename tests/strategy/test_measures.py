"""Measures (toimenpiteet): definitions under a goal of an editable plan, realisation reports
by the implementers themselves, "my measures" and what needs attention."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from elinvoima.actors.enums import OrganisationKind
from elinvoima.actors.models import Municipality, Organisation, User
from elinvoima.strategy.enums import MeasureStatus, PlanKind, PlanState
from elinvoima.strategy.goal_cards.services import (
    period_bounds,
    period_current,
    period_previous,
)
from elinvoima.strategy.measures.selectors import (
    AttentionReason,
    measures_attention,
    my_measures,
)
from elinvoima.strategy.measures.services import (
    measure_create,
    measure_delete,
    measure_report_save,
    measure_report_version,
    measure_reportable_organisations,
    measure_update,
)
from elinvoima.strategy.models import Goal, Measure, MeasureReport, Plan, PriorityArea

CARD_GOAL = "Nuorten kokema terveydentila kohenee."
FAMILY_CAFE = "Perhekahvila kerran viikossa seurakuntatalolla"
YOUTH_BUDGET = "Nuorisovaltuuston osallistuva budjetointi"


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _org(name: str) -> Organisation:
    return Organisation.objects.get(name_fi=name)


@pytest.fixture
def vaala(demo) -> dict:
    measure = Measure.objects.get(title_fi=FAMILY_CAFE)
    return {
        "plan": measure.plan,
        "goal": measure.goal,
        "cafe": measure,
        "mll": _org("MLL Vaalan yhdistys ry"),
        "parish": measure.implementers.exclude(name_fi="MLL Vaalan yhdistys ry").get(),
    }


@pytest.fixture
def frozen_measure(demo) -> Measure:
    return Measure.objects.get(goal__title_fi=CARD_GOAL)


def _report(**changes) -> dict:
    year, tertial = period_current()
    return {
        "year": year,
        "tertial": tertial,
        "status": MeasureStatus.IN_PROGRESS,
        "realisation": "Kokoontui 12 kertaa, 10 perhettä kerrallaan.",
        **changes,
    }


# --- Definitions ----------------------------------------------------------------------------


def test_measure_create__draft_plan__placed_last_with_implementers(vaala):
    measure = measure_create(
        goal=vaala["goal"],
        user=_user("hyte.vaala"),
        implementers=[vaala["mll"]],
        title_fi="Vauvakerho",
        resources="Vapaaehtoiset",
        starts_on=datetime.date(2025, 2, 1),
        ends_on=datetime.date(2025, 6, 1),
    )
    assert measure.plan == vaala["plan"]
    assert measure.position == max(m.position for m in vaala["goal"].measures.all())
    assert list(measure.implementers.all()) == [vaala["mll"]]


def test_measure_create__ends_before_start__field_error(vaala):
    with pytest.raises(ValidationError) as error:
        measure_create(
            goal=vaala["goal"],
            user=None,
            title_fi="x",
            starts_on=datetime.date(2025, 6, 1),
            ends_on=datetime.date(2025, 2, 1),
        )
    assert "ends_on" in error.value.error_dict


def test_measure_create_update_delete__frozen_plan__refused(frozen_measure):
    for call in (
        lambda: measure_create(goal=frozen_measure.goal, user=None, title_fi="Uusi"),
        lambda: measure_update(measure=frozen_measure, user=None, resources="Muutettu"),
        lambda: measure_delete(measure=frozen_measure, user=None),
    ):
        with pytest.raises(ValidationError) as error:
            call()
        assert error.value.code == "frozen"
    assert Measure.objects.filter(pk=frozen_measure.pk, resources__startswith="Hyte").exists()


def test_measure_update__goal_of_another_plan__refused(vaala, frozen_measure):
    with pytest.raises(ValidationError) as error:
        measure_update(measure=vaala["cafe"], user=None, goal=frozen_measure.goal)
    assert "goal" in error.value.error_dict


# --- Reports --------------------------------------------------------------------------------


def test_measure_report__association__reports_own_part(vaala):
    report = measure_report_save(
        measure=vaala["cafe"], user=_user("yhdistys.mll"), organisation=vaala["mll"], **_report()
    )
    assert report.reported_by.username == "yhdistys.mll"
    vaala["cafe"].refresh_from_db()
    assert vaala["cafe"].status == MeasureStatus.IN_PROGRESS


def test_measure_report__association__other_implementers_part_refused(vaala):
    with pytest.raises(PermissionDenied):
        measure_report_save(
            measure=vaala["cafe"],
            user=_user("yhdistys.mll"),
            organisation=vaala["parish"],
            **_report(),
        )


def test_measure_report__association__measure_it_does_not_implement_refused(vaala):
    youth = Measure.objects.get(title_fi=YOUTH_BUDGET)
    # Permission first: the draft's other measures are not even the association's to see.
    with pytest.raises(Http404):
        measure_report_save(
            measure=youth, user=_user("yhdistys.mll"), organisation=vaala["mll"], **_report()
        )
    # A planner sees it; MLL is not among its implementers.
    with pytest.raises(ValidationError) as error:
        measure_report_save(
            measure=youth, user=_user("hyte.vaala"), organisation=vaala["mll"], **_report()
        )
    assert "organisation" in error.value.error_dict


def test_measure_report__planner__any_implementer_and_status_follows_newest(vaala):
    coordinator = _user("hyte.vaala")
    assert {
        o.pk for o in measure_reportable_organisations(measure=vaala["cafe"], user=coordinator)
    } == {
        vaala["mll"].pk,
        vaala["parish"].pk,
    }
    measure_report_save(
        measure=vaala["cafe"],
        user=coordinator,
        organisation=vaala["parish"],
        **_report(status=MeasureStatus.DONE),
    )
    vaala["cafe"].refresh_from_db()
    assert vaala["cafe"].status == MeasureStatus.DONE
    # An older period does not change the status any more.
    measure_report_save(
        measure=vaala["cafe"],
        user=coordinator,
        organisation=vaala["parish"],
        **_report(year=2025, tertial=2, status=MeasureStatus.DELAYED),
    )
    vaala["cafe"].refresh_from_db()
    assert vaala["cafe"].status == MeasureStatus.DONE


def test_measure_report__frozen_plan__reports_go_on(frozen_measure):
    unit = frozen_measure.implementers.get(kind=OrganisationKind.WELLBEING_COUNTY_UNIT)
    report = measure_report_save(
        measure=frozen_measure, user=_user("hva.paijathame"), organisation=unit, **_report()
    )
    assert report.pk


def test_measure_report__same_period_saved_meanwhile__told_not_overwritten(vaala):
    first = measure_report_save(
        measure=vaala["cafe"],
        user=_user("yhdistys.mll"),
        organisation=vaala["mll"],
        loaded_version="",
        **_report(realisation="Ensimmäinen"),
    )
    with pytest.raises(ValidationError) as error:
        measure_report_save(
            measure=vaala["cafe"],
            user=_user("hyte.vaala"),
            organisation=vaala["mll"],
            loaded_version="",
            **_report(realisation="Toinen"),
        )
    assert error.value.code == "concurrent_edit"
    assert "Hilkka Karjalainen" in error.value.messages[0]
    first.refresh_from_db()
    assert first.realisation == "Ensimmäinen"
    measure_report_save(
        measure=vaala["cafe"],
        user=_user("hyte.vaala"),
        organisation=vaala["mll"],
        loaded_version=measure_report_version(first),
        **_report(realisation="Toinen"),
    )


# --- Pages ----------------------------------------------------------------------------------


def test_measure_detail__association_implementer_sees_draft_measure(client_for, vaala):
    url = reverse("strategy:measure-detail", kwargs={"pk": vaala["cafe"].pk})
    response = client_for("yhdistys.mll").get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Perhekahvila kokoontui 14 kertaa" in html  # the demo's report
    assert reverse("strategy:measure-report", kwargs={"pk": vaala["cafe"].pk}) in html
    assert reverse("strategy:measure-edit", kwargs={"pk": vaala["cafe"].pk}) not in html
    assert client_for("yhdistys.reuma").get(url).status_code == 404  # hidden, as in the API


def test_measure_report_page__association__own_organisation_only(client_for, vaala):
    url = reverse("strategy:measure-report", kwargs={"pk": vaala["cafe"].pk})
    client = client_for("yhdistys.mll")
    page = client.get(url)
    assert page.status_code == 200
    assert list(page.context["form"].fields["organisation"].queryset) == [vaala["mll"]]
    year, tertial = period_current()
    post = {
        "organisation": vaala["parish"].pk,
        "year": year,
        "tertial": tertial,
        "status": MeasureStatus.IN_PROGRESS,
        "realisation": "Seurakunnan osuus",
        "loaded_version": "",
    }
    refused = client.post(url, post)
    assert refused.status_code == 200
    assert "organisation" in refused.context["form"].errors
    saved = client.post(url, {**post, "organisation": vaala["mll"].pk})
    assert saved.status_code == 302
    assert MeasureReport.objects.filter(
        measure=vaala["cafe"], organisation=vaala["mll"], year=year, tertial=tertial
    ).exists()


def test_measure_create_page__coordinator__saved_and_shown(client_for, vaala):
    url = reverse("strategy:measure-create", kwargs={"goal_pk": vaala["goal"].pk})
    client = client_for("hyte.vaala")
    page = client.get(url)
    assert page.status_code == 200
    assert vaala["mll"] in page.context["form"].fields["implementers"].queryset
    response = client.post(
        url,
        {
            "title_fi": "Isä-lapsi-liikunta",
            "implementers": [vaala["mll"].pk],
            "starts_on": "2025-03-01",
            "ends_on": "2025-05-31",
            "status": MeasureStatus.PLANNED,
            "expected_output": "10 kertaa",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(title_fi="Isä-lapsi-liikunta")
    assert response["Location"] == measure.get_absolute_url()


def test_measure_edit_page__saved_by_someone_else_meanwhile__refused_naming_them(client_for, vaala):
    # Issue 11, kind 3: a measure had no version check, so the later save overwrote.
    from elinvoima.actors.models import User

    measure = vaala["cafe"]
    url = reverse("strategy:measure-edit", kwargs={"pk": measure.pk})
    client = client_for("hyte.vaala")
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value is not None}
    other = User.objects.get(username="admin")
    measure_update(measure=measure, user=other, resources="Toisen tallentama")
    response = client.post(url, {**data, "resources": "Minun tekstini"})
    assert response.status_code == 200
    assert "tallensi tämän toimenpiteen" in response.content.decode()
    measure.refresh_from_db()
    assert measure.resources == "Toisen tallentama"


def test_measure_edit_page__frozen_plan__reason_shown_no_form(client_for, frozen_measure):
    url = reverse("strategy:measure-edit", kwargs={"pk": frozen_measure.pk})
    page = client_for("hva.paijathame").get(url)
    assert page.status_code == 200
    assert "form" not in page.context
    assert "13.06.2022" in page.content.decode()
    assert client_for("hyte.asikkala").get(url).status_code == 403


def test_measure_delete_page__asks_first_then_deletes(client_for, vaala):
    url = reverse("strategy:measure-delete", kwargs={"pk": vaala["cafe"].pk})
    client = client_for("hyte.vaala")
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["report_count"] == 1
    assert Measure.objects.filter(pk=vaala["cafe"].pk).exists()
    assert client.post(url).status_code == 302
    assert not Measure.objects.filter(pk=vaala["cafe"].pk).exists()


def test_measure_delete_page__association__403(client_for, vaala):
    url = reverse("strategy:measure-delete", kwargs={"pk": vaala["cafe"].pk})
    assert client_for("yhdistys.mll").post(url).status_code == 403
    assert Measure.objects.filter(pk=vaala["cafe"].pk).exists()


# --- My measures ----------------------------------------------------------------------------


def test_my_measures__association__its_measures_with_what_is_due(vaala):
    mine = my_measures(user=_user("yhdistys.mll"))
    titles = {row.measure.title for row in mine.measures}
    assert FAMILY_CAFE in titles
    assert YOUTH_BUDGET not in titles
    cafe = next(row for row in mine.measures if row.measure.pk == vaala["cafe"].pk)
    assert cafe.organisations == [vaala["mll"]]
    assert cafe.due == [vaala["mll"]]  # the current period is not reported yet
    measure_report_save(
        measure=vaala["cafe"], user=_user("yhdistys.mll"), organisation=vaala["mll"], **_report()
    )
    mine = my_measures(user=_user("yhdistys.mll"))
    cafe = next(row for row in mine.measures if row.measure.pk == vaala["cafe"].pk)
    assert cafe.due == []


def test_my_measures__goal_owner__owned_goal_due_for_an_update(demo):
    mine = my_measures(user=_user("hyte.asikkala"))
    [row] = [row for row in mine.goals if row.goal.title == CARD_GOAL]
    assert row.card is not None
    assert (row.latest.year, row.latest.tertial) == (2024, 1)
    assert row.due


def test_my_measures_page__every_signed_in_user(client, client_for, vaala):
    url = reverse("strategy:my-measures")
    assert client.get(url).status_code == 302
    html = client_for("yhdistys.mll").get(url).content.decode()
    assert FAMILY_CAFE in html
    assert f"?organisation={vaala['mll'].pk}" in html
    assert client_for("yhdistys.reuma").get(url).status_code == 200


# --- What needs attention -------------------------------------------------------------------


@pytest.fixture
def utajarvi_measures(demo) -> dict[str, Measure]:
    """A running plan of Utajärvi with one measure of each kind, the only measures of
    Utajärvi: the demo's welfare plan, which has late, unreported and implementer-less
    measures of its own (tests/portal/test_demo_stories.py), is emptied."""
    today = timezone.localdate()
    municipality = Municipality.objects.get(code="889")
    Measure.objects.filter(plan__municipality=municipality).delete()
    plan = Plan.objects.create(
        kind=PlanKind.OTHER,
        title_fi="Utajärven kokeilusuunnitelma",
        municipality=municipality,
        start_year=today.year - 1,
        end_year=today.year + 1,
        state=PlanState.PLANNING,
    )
    area = PriorityArea.objects.create(plan=plan, title_fi="Kärki")
    goal = Goal.objects.create(plan=plan, priority_area=area, title_fi="Tavoite")
    reuma = _org("Utajärven reumayhdistys ry")
    last_first, last_end = period_bounds(*period_previous(*period_current()))
    long_ago = datetime.date(today.year - 1, 1, 1)

    def make(title, status, *, starts=long_ago, ends=None, implementers=(reuma,)):
        measure = Measure.objects.create(
            plan=plan, goal=goal, title_fi=title, status=status, starts_on=starts, ends_on=ends
        )
        measure.implementers.set(implementers)
        return measure

    made = {
        "late": make("Myöhässä", MeasureStatus.IN_PROGRESS, ends=today - datetime.timedelta(1)),
        "delayed": make(
            "Viivästynyt", MeasureStatus.DELAYED, ends=today.replace(year=today.year + 1)
        ),
        "unreported": make("Raportoimatta", MeasureStatus.IN_PROGRESS),
        "reported": make("Raportoitu", MeasureStatus.IN_PROGRESS),
        "orphan": make("Ei toteuttajaa", MeasureStatus.PLANNED, implementers=()),
        "done": make("Valmis", MeasureStatus.DONE, ends=last_first),
        "future": make("Tuleva", MeasureStatus.PLANNED, starts=today + datetime.timedelta(30)),
    }
    year, tertial = period_previous(*period_current())
    for key in ("reported", "delayed", "late"):
        MeasureReport.objects.create(
            measure=made[key],
            year=year,
            tertial=tertial,
            organisation=reuma,
            status=made[key].status,
            realisation="Tehty",
        )
    assert last_end < today
    return made


def test_measures_attention__late_unreported_and_without_implementer(utajarvi_measures):
    rows = measures_attention(
        user=_user("hyte.utajarvi"), municipality=Municipality.objects.get(code="889")
    )
    flags = {m.title: (m.is_late, m.is_not_reported, m.has_no_implementer) for m in rows}
    assert flags == {
        "Myöhässä": (True, False, False),
        "Viivästynyt": (True, False, False),
        "Raportoimatta": (False, True, False),
        "Ei toteuttajaa": (False, False, True),
    }


def test_measures_attention__reason_filter(utajarvi_measures):
    municipality = Municipality.objects.get(code="889")
    user = _user("hyte.utajarvi")

    def titles(reason):
        rows = measures_attention(user=user, municipality=municipality, reason=reason)
        return {m.title for m in rows}

    assert titles(AttentionReason.LATE) == {"Myöhässä", "Viivästynyt"}
    assert titles(AttentionReason.NOT_REPORTED) == {"Raportoimatta"}
    assert titles(AttentionReason.NO_IMPLEMENTER) == {"Ei toteuttajaa"}


def test_measures_attention__draft_plan__not_shown_to_outsiders(utajarvi_measures):
    rows = measures_attention(
        user=_user("hyte.vaala"), municipality=Municipality.objects.get(code="889")
    )
    assert not rows.exists()


def test_measures_attention__county_scope_includes_municipal_plans(demo):
    rows = measures_attention(
        user=_user("hva.paijathame"),
        county=Organisation.objects.get(
            name_fi__startswith="Päijät-Hämeen hyvinvointialue,"
        ).wellbeing_county,
    )
    assert rows.filter(goal__title_fi=CARD_GOAL).exists()  # ended 2025, still in progress


def test_measures_attention_page__default_scope_filters_and_pagination(
    client_for, utajarvi_measures
):
    url = reverse("strategy:measures-attention")
    client = client_for("hyte.utajarvi")
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["municipality"].code == "889"
    html = page.content.decode()
    assert "Raportoimatta" in html and "Ei toteuttajaa" in html
    assert "Raportoitu" not in html
    filtered = client.get(url, {"municipality": "889", "reason": "no_implementer"})
    assert [m.title for m in filtered.context["measures"]] == ["Ei toteuttajaa"]
    assert client.get(url, {"municipality": "889", "page": "99"}).status_code == 200


def test_pages__malformed_query__no_500(client_for, vaala):
    client = client_for("hyte.vaala")
    report = reverse("strategy:measure-report", kwargs={"pk": vaala["cafe"].pk})
    update = reverse("strategy:goal-card-update", kwargs={"pk": vaala["goal"].pk})
    attention = reverse("strategy:measures-attention")
    for url, query in (
        (report, {"year": "x", "tertial": "", "organisation": "abc"}),
        (update, {"year": "20x4", "tertial": "9"}),
        (update, {"year": "2024", "tertial": "9"}),
        (update, {"year": "99999", "tertial": "1"}),
        (report, {"year": "2024", "tertial": "7"}),
        (attention, {"municipality": "99999", "plan": "x", "reason": "<b>", "page": "last"}),
        (attention, {"county": "nope"}),
    ):
        assert client.get(url, query).status_code in (200, 302), (url, query)
    # A report for a period before the plan began is refused on the form, not with a 500.
    response = client.post(
        report,
        {
            "organisation": vaala["mll"].pk,
            "year": 2019,
            "tertial": 1,
            "status": MeasureStatus.IN_PROGRESS,
            "realisation": "x",
            "loaded_version": "",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors
