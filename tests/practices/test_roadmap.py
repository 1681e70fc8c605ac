"""The partnership roadmap (seed 004's "TO DO"): a municipality's five steps, kept by its
coordinators and read by those who work with it; each step with what the platform already
holds for it, counted as the user may see it, in the same few queries however much there is;
a stale or simultaneous save refused; overdue steps on the coordinator's dashboard."""

import datetime
import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation

from elinvoima.actors.enums import OrganisationKind
from elinvoima.core.registry import registry
from elinvoima.networks.agreements.models import Agreement, Facility
from elinvoima.networks.clock.models import CalendarItem
from elinvoima.networks.enums import AgreementKind, CalendarItemKind
from elinvoima.practices.enums import PracticeState, RoadmapStepCode
from elinvoima.practices.models import Adoption, Practice
from elinvoima.practices.roadmap import services
from elinvoima.practices.roadmap.enums import RoadmapStatus
from elinvoima.practices.roadmap.models import RoadmapStep
from elinvoima.practices.roadmap.selectors import municipality_roadmap
from elinvoima.practices.roadmap.services import (
    NOT_STARTED,
    RoadmapStepData,
    roadmap_step_save,
    roadmap_step_version,
)
from tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    client_of,
    coordinator_of,
    county_official_of,
    official_of,
    representative_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
IDENTIFY, GATHER, NEW_WAYS = (
    RoadmapStepCode.IDENTIFY,
    RoadmapStepCode.GATHER,
    RoadmapStepCode.NEW_WAYS,
)
# The roadmap page: the session, the user, the municipality, the user's memberships and
# network roles, Django's permission tables (2), the steps and one count of each kind (7).
QUERIES = 15


@pytest.fixture(autouse=True)
def _in_english():
    translation.activate("en")  # the texts as written; conftest activates fi again after


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name_fi="Utajärvi")


@pytest.fixture
def coordinator(municipality):
    return coordinator_of(municipality, first_name="Sanna", last_name="Kemppainen")


def _save(user, municipality, step=IDENTIFY, loaded_version=None, **data):
    return roadmap_step_save(
        user=user,
        municipality=municipality,
        step=step,
        data=RoadmapStepData(**data),
        loaded_version=loaded_version,
    )


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"code": municipality.code, **kwargs})


# --- Services ---------------------------------------------------------------------------------
def test_save__the_coordinator_creates_then_changes_a_step(municipality, coordinator):
    step = _save(coordinator, municipality, responsible=" Sanna ", due_on=TODAY + 30 * DAY)
    assert (step.responsible, step.created_by, step.updated_by) == (
        "Sanna",
        coordinator,
        coordinator,
    )
    changed = _save(
        coordinator,
        municipality,
        loaded_version=roadmap_step_version(step),
        responsible="Sanna",
        due_on=step.due_on,
        done_on=TODAY,
    )
    assert changed.pk == step.pk and changed.done_on == TODAY
    assert RoadmapStep.objects.filter(municipality=municipality).count() == 1


def test_save__refused_to_those_who_do_not_manage_the_municipality(municipality, coordinator):
    elsewhere = coordinator_of(MunicipalityFactory())
    association = representative_of(OrganisationFactory(municipality=municipality))
    for stranger in (elsewhere, association):  # they do not even see the roadmap
        with pytest.raises(Http404):
            _save(stranger, municipality, responsible="Joku")
    for reader in (official_of(municipality), county_official_of(municipality.wellbeing_county)):
        with pytest.raises(PermissionDenied):
            _save(reader, municipality, responsible="Joku")
    assert not RoadmapStep.objects.exists()


def test_save__dates_checked(municipality, coordinator):
    cases = [
        ({"done_on": TODAY + DAY}, "done_on"),  # not done in the future
        ({"done_on": datetime.date(1999, 12, 31)}, "done_on"),
        ({"due_on": TODAY + 11 * 366 * DAY}, "due_on"),  # not planned decades ahead
        ({"due_on": TODAY - DAY}, "due_on"),  # a new due date in the past
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as refused:
            _save(coordinator, municipality, **data)
        assert field in refused.value.error_dict, data
    with pytest.raises(ValidationError) as refused:
        _save(coordinator, municipality, step="sixth")
    assert "step" in refused.value.error_dict
    # A past due date is fine for a step done, and kept as it was for an overdue one.
    _save(coordinator, municipality, due_on=TODAY - 9 * DAY, done_on=TODAY - 10 * DAY)
    RoadmapStep.objects.update(done_on=None)
    kept = _save(coordinator, municipality, responsible="Uusi", due_on=TODAY - 9 * DAY)
    assert kept.responsible == "Uusi" and kept.due_on == TODAY - 9 * DAY


def test_save__a_stale_form_refused_naming_who_saved(municipality, coordinator):
    other = coordinator_of(municipality, first_name="Kari", last_name="Pohjola")
    loaded = roadmap_step_version(None)  # both open the step before it is started
    assert loaded == NOT_STARTED
    first = _save(other, municipality, loaded_version=loaded, responsible="Kari")
    with pytest.raises(ValidationError, match="Kari Pohjola") as refused:
        _save(coordinator, municipality, loaded_version=loaded, responsible="Sanna")
    assert refused.value.code == "conflict"
    version = roadmap_step_version(first)
    _save(other, municipality, loaded_version=version, responsible="Kari ja Sanna")
    with pytest.raises(ValidationError) as refused:
        _save(coordinator, municipality, loaded_version=version, responsible="Sanna")
    assert refused.value.code == "conflict"
    assert RoadmapStep.objects.get().responsible == "Kari ja Sanna"


@pytest.mark.django_db(transaction=True)
def test_save__two_first_saves_at_once__one_kept_the_other_refused(monkeypatch):
    """Both find the step not started; the second insert meets the first one's row (the
    unique constraint, once the first commits) and is refused as a stale form."""
    if connection.vendor != "postgresql":
        pytest.skip("parallel writers need PostgreSQL's row locks")
    municipality = MunicipalityFactory()
    writers = [
        coordinator_of(municipality, first_name=name, last_name="Koordinaattori")
        for name in ("Aino", "Bertil")
    ]
    validate = services.validate_for_save

    def slowly(*args, **kwargs):  # both have looked for the row before either inserts
        validate(*args, **kwargs)
        time.sleep(0.4)

    monkeypatch.setattr(services, "validate_for_save", slowly)
    barrier, outcomes = threading.Barrier(2), {}

    def save(user):
        barrier.wait()
        try:
            _save(user, municipality, loaded_version=NOT_STARTED, responsible=user.first_name)
            outcomes[user.first_name] = "saved"
        except ValidationError as refused:
            outcomes[user.first_name] = refused.code
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(user,)) for user in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes.values()) == ["conflict", "saved"], outcomes
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    assert RoadmapStep.objects.get(municipality=municipality).responsible == winner


# --- Selectors --------------------------------------------------------------------------------
def _holding_counts(entries) -> dict[str, list[str]]:
    return {entry.code: [holding.label for holding in entry.holdings] for entry in entries}


def test_roadmap__five_steps_in_order_with_their_status(municipality, coordinator):
    entries = municipality_roadmap(municipality, coordinator)
    assert [e.code for e in entries] == list(RoadmapStepCode.values)
    assert {e.status for e in entries} == {RoadmapStatus.NOT_STARTED}
    _save(coordinator, municipality, IDENTIFY, done_on=TODAY)
    _save(coordinator, municipality, GATHER, due_on=TODAY + DAY, responsible="Sanna")
    _save(coordinator, municipality, NEW_WAYS, due_on=TODAY)
    RoadmapStep.objects.filter(step=NEW_WAYS).update(due_on=TODAY - DAY)
    statuses = [e.status for e in municipality_roadmap(municipality, coordinator)]
    assert statuses == ["done", "due", "overdue", "not_started", "not_started"]


def test_roadmap__counts_only_what_the_user_may_see(municipality, coordinator):
    year = TODAY.year
    OrganisationFactory(municipality=municipality)
    OrganisationFactory(municipality=municipality, is_published=False)  # its coordinators'
    OrganisationFactory(municipality=municipality, kind=OrganisationKind.MUNICIPALITY)
    OrganisationFactory()  # of another municipality
    published = Practice.objects.create(
        name_fi="Kyläillat", summary_fi="Kunta tulee kylään.", state=PracticeState.PUBLISHED
    )
    draft = Practice.objects.create(name_fi="Luonnos", state=PracticeState.DRAFT)
    for practice in (published, draft):
        Adoption.objects.create(practice=practice, municipality=municipality)
    neighbour = MunicipalityFactory(wellbeing_county=municipality.wellbeing_county)
    elsewhere = Practice.objects.create(
        name_fi="Naapurissa", summary_fi="Naapurin tapa.", state=PracticeState.PUBLISHED
    )
    Adoption.objects.create(practice=elsewhere, municipality=neighbour)
    Adoption.objects.create(practice=published, municipality=neighbour)  # used here already
    NetworkFactory(municipality=municipality)
    private = NetworkFactory(municipality=municipality, is_public=False)
    NetworkFactory(municipality=neighbour)
    for owner, kind, how in (
        ({"municipality": municipality}, CalendarItemKind.HEARING, ""),
        ({"municipality": municipality}, CalendarItemKind.EVENT, "Kysely"),
        ({"municipality": municipality}, CalendarItemKind.EVENT, ""),  # hears no one
        ({"network": private}, CalendarItemKind.ASSOCIATION_FORUM, ""),
    ):
        CalendarItem.objects.create(
            **owner, title_fi="Tapahtuma", kind=kind, year=year, month=5, how_heard_fi=how
        )
    CalendarItem.objects.create(  # last year's
        municipality=municipality, title_fi="Kuuleminen", kind="hearing", year=year - 1, month=5
    )
    for title, published_at in (("Kumppanuusasiakirja", timezone.now()), ("Luonnos", None)):
        Agreement.objects.create(
            municipality=municipality,
            kind=AgreementKind.PARTNERSHIP_DOCUMENT,
            title_fi=title,
            published_at=published_at,
        )
    Facility.objects.create(municipality=municipality, name_fi="Kylätalo", terms_fi="Maksuton")

    seen = _holding_counts(municipality_roadmap(municipality, coordinator))
    assert seen == {
        "identify": [
            "2 organisations based here in the directory",
            "1 good practice in use here",  # the draft's use is not counted
        ],
        "gather": ["2 networks"],
        "new_ways": ["1 practice of the neighbours not yet used here", "The practice library"],
        "embed": ["3 hearings and forums in this year's participation plan"],
        "resource": ["1 published agreement", "1 facility for associations"],
    }
    hidden = _holding_counts(municipality_roadmap(municipality, AnonymousUser()))
    assert hidden["identify"] == [
        "1 organisation based here in the directory",
        "1 good practice in use here",
    ]
    assert hidden["gather"] == ["1 network"]
    assert hidden["embed"] == ["2 hearings and forums in this year's participation plan"]


# --- Pages ------------------------------------------------------------------------------------
def test_pages__the_coordinator_keeps_the_steps_others_read_or_are_refused(
    municipality, coordinator
):
    roadmap = _url("practices:roadmap", municipality)
    step = _url("practices:roadmap-step", municipality, step=GATHER)
    official, elsewhere = official_of(municipality), coordinator_of(MunicipalityFactory())
    association = representative_of(OrganisationFactory(municipality=municipality))
    assert client_of(None).get(roadmap).status_code == 302  # to log in
    for refused in (elsewhere, association):
        assert client_of(refused).get(roadmap).status_code == 403
        assert client_of(refused).get(step).status_code == 403
    read = client_of(official).get(roadmap)
    assert read.status_code == 200 and step not in read.text
    assert client_of(official).get(step).status_code == 403
    client = client_of(coordinator)
    assert client.get(_url("practices:roadmap-step", municipality, step="sixth")).status_code == 404
    form = client.get(step)
    assert form.status_code == 200 and NOT_STARTED in form.text
    saved = client.post(
        step,
        {
            "responsible": "Sanna",
            "due_on": (TODAY + 7 * DAY).isoformat(),
            "notes": "Koolle.",
            "loaded_version": NOT_STARTED,
        },
    )
    assert saved.status_code == 302 and saved["Location"].endswith(f"{roadmap}#step-{GATHER}")
    page = client.get(roadmap).text
    assert step in page and "Responsible: Sanna" in page and "Koolle." in page
    assert "Due" in page and "Not started" in page
    assert roadmap in client.get(municipality.get_absolute_url()).text  # the tab
    assert roadmap not in client_of(None).get(municipality.get_absolute_url()).text


def test_pages__the_form_shows_a_refusal_at_the_top_and_at_the_field(municipality, coordinator):
    step = _url("practices:roadmap-step", municipality, step=IDENTIFY)
    client = client_of(coordinator)
    future = client.post(
        step, {"done_on": (TODAY + DAY).isoformat(), "loaded_version": NOT_STARTED}
    )
    assert future.status_code == 200
    assert 'id="id_done_on_error"' in future.text and "in the future" in future.text
    _save(coordinator_of(municipality, first_name="Kari", last_name="Pohjola"), municipality)
    stale = client.post(step, {"responsible": "Sanna", "loaded_version": NOT_STARTED})
    assert stale.status_code == 200 and "form-errors" in stale.text and "Kari Pohjola" in stale.text
    assert RoadmapStep.objects.get().responsible == ""


def test_page__the_same_few_queries_however_much_there_is(
    municipality, coordinator, django_assert_max_num_queries
):
    url = _url("practices:roadmap", municipality)
    client = client_of(coordinator)
    client.get(url)
    with django_assert_max_num_queries(QUERIES) as few:
        assert client.get(url).status_code == 200
    for step in RoadmapStepCode.values:
        _save(coordinator, municipality, step, responsible="Sanna", due_on=TODAY + DAY)
    for n in range(5):
        OrganisationFactory(municipality=municipality)
        network = NetworkFactory(municipality=municipality, is_public=n % 2 == 0)
        CalendarItem.objects.create(
            network=network, title_fi="Foorumi", kind="association_forum", year=TODAY.year, month=3
        )
        Agreement.objects.create(
            municipality=municipality,
            kind=AgreementKind.VITALITY_AGREEMENT,
            title_fi=f"Sopimus {n}",
            published_at=timezone.now(),
        )
    with django_assert_max_num_queries(QUERIES) as many:
        assert client.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_dashboard__overdue_steps_for_the_coordinator(municipality, coordinator):
    official = official_of(municipality)
    _save(coordinator, municipality, IDENTIFY, due_on=TODAY)
    _save(coordinator, municipality, GATHER, due_on=TODAY)
    _save(coordinator, municipality, NEW_WAYS, due_on=TODAY, done_on=TODAY)
    RoadmapStep.objects.update(due_on=TODAY - DAY)

    def work(user):
        return {str(item.label): item.url for item in registry.dashboard_work_for(user)}

    assert work(coordinator)["2 steps of the partnership roadmap overdue"] == _url(
        "practices:roadmap", municipality
    )
    assert not [label for label in work(official) if "roadmap" in label]
