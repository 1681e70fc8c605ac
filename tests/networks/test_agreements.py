"""Agreements and network projects (issue 16): a coordinator drafts a partnership
document, names its parties, publishes it once signed; published, it is public and frozen,
changed by a new version; facilities; a network project's participants and fees."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from elinvoima.networks.agreements.models import Agreement, AgreementParty
from elinvoima.networks.agreements.services import (
    PartyData,
    agreement_new_version,
    agreement_publish,
    agreement_save,
    facility_save,
    party_save,
)
from elinvoima.networks.enums import NetworkKind, NetworkRole, SizeClass
from elinvoima.networks.projects.models import ProjectMembership
from elinvoima.networks.projects.services import ParticipationData, participation_save
from tests.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    UserFactory,
    client_of,
    coordinator_of,
    municipality_organisation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    utajarvi = MunicipalityFactory(code="889", name_fi="Utajärvi", name_sv="Utajärvi")
    association = OrganisationFactory(name_fi="Utajärven reumayhdistys ry", municipality=utajarvi)
    return {
        "utajarvi": utajarvi,
        "coordinator": coordinator_of(utajarvi),
        "association": association,
        "municipality": municipality_organisation(utajarvi),
    }


def _draft(world) -> Agreement:
    return agreement_save(
        user=world["coordinator"],
        owner=world["utajarvi"],
        data={
            "kind": "partnership_document",
            "title_fi": "Kumppanuusasiakirja",
            "title_sv": "Partnerskapsdokument",
            "grant_practices_fi": "Avustuksissa huomioidaan sitoutuminen tavoitteisiin.",
        },
    )


def test_coordinator__drafts_signs_publishes__public_reads_it(world):
    coordinator = client_of(world["coordinator"])
    add = reverse("networks:municipality-agreement-add", kwargs={"code": "889"})
    # the form starts from seed 004's principles of partnership
    form = coordinator.get(add, {"kind": "partnership_document"})
    assert "Kumppanuus perustuu tasaveroisuuteen" in form.text
    response = coordinator.post(
        add,
        {
            "kind": "partnership_document",
            "title_fi": "Utajärven kumppanuusasiakirja",
            "principles_fi": "Yhteinen tavoite ja siihen sitoutuminen.",
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    # a draft is not public
    assert client_of(None).get(agreement.get_absolute_url()).status_code == 302  # to log in
    assert client_of(UserFactory()).get(agreement.get_absolute_url()).status_code == 404
    coordinator.post(
        reverse("networks:agreement-party-add", kwargs={"pk": agreement.pk}),
        {"organisation": world["association"].pk, "commitments_fi": "Toimintaa syrjäkyliin."},
    )
    # publishing waits for every signature
    with pytest.raises(ValidationError, match="Utajärven reumayhdistys"):
        agreement_publish(user=world["coordinator"], agreement=agreement)
    party = AgreementParty.objects.get()
    coordinator.post(
        reverse("networks:agreement-party-edit", kwargs={"pk": party.pk}),
        {
            "organisation": world["association"].pk,
            "signatory": "Pentti Räisänen",
            "signed_on": "2019-01-10",
            "commitments_fi": "Toimintaa syrjäkyliin.",
        },
    )
    coordinator.post(reverse("networks:agreement-publish", kwargs={"pk": agreement.pk}))
    agreement.refresh_from_db()
    assert agreement.published_at is not None
    page = client_of(None).get(agreement.get_absolute_url())
    assert "Toimintaa syrjäkyliin." in page.text and "Pentti Räisänen" in page.text
    assert "/api/v1/agreements/" and client_of(None).get("/api/v1/agreements/").json()["count"] == 1


def test_published_agreement__frozen__changed_by_a_new_version(world):
    agreement = _draft(world)
    party_save(
        user=world["coordinator"],
        agreement=agreement,
        data=PartyData(
            organisation=world["association"],
            signatory="Pentti",
            signed_on=datetime.date(2019, 1, 10),
        ),
    )
    agreement_publish(user=world["coordinator"], agreement=agreement)
    with pytest.raises(PermissionDenied):
        agreement_save(user=world["coordinator"], agreement=agreement, data={"title_fi": "Muu"})
    edit = reverse("networks:agreement-edit", kwargs={"pk": agreement.pk})
    assert client_of(world["coordinator"]).get(edit).status_code == 403
    draft = agreement_new_version(user=world["coordinator"], agreement=agreement)
    assert (draft.version, draft.previous_version, draft.published_at) == (2, agreement, None)
    (copied,) = draft.parties.all()
    assert copied.organisation == world["association"] and copied.signed_on is None
    agreement.refresh_from_db()
    assert agreement.title_fi == "Kumppanuusasiakirja"
    with pytest.raises(ValidationError):
        agreement_new_version(user=world["coordinator"], agreement=agreement)


def test_party__signed_in_the_future_or_twice__refused(world):
    agreement = _draft(world)
    with pytest.raises(ValidationError) as refused:
        party_save(
            user=world["coordinator"],
            agreement=agreement,
            data=PartyData(
                organisation=world["association"],
                signatory="Pentti",
                signed_on=timezone.localdate() + datetime.timedelta(days=1),
            ),
        )
    assert "signed_on" in refused.value.message_dict
    party_save(
        user=world["coordinator"],
        agreement=agreement,
        data=PartyData(organisation=world["association"]),
    )
    with pytest.raises(ValidationError) as refused:
        party_save(
            user=world["coordinator"],
            agreement=agreement,
            data=PartyData(organisation=world["association"]),
        )
    assert "organisation" in refused.value.message_dict


def test_agreement__outsider_may_not_draft(world):
    with pytest.raises(PermissionDenied):
        agreement_save(
            user=UserFactory(),
            owner=world["utajarvi"],
            data={"kind": "vitality_agreement", "title_fi": "Sopimus"},
        )
    assert not Agreement.objects.exists()


def test_facility__coordinator_records_terms__public_list(world):
    facility_save(
        user=world["coordinator"],
        municipality=world["utajarvi"],
        data={
            "name_fi": "Liikuntahalli",
            "terms_fi": "Maksuton yhdistyksille.",
            "accessible": True,
        },
    )
    page = client_of(None).get(reverse("networks:municipality-agreements", kwargs={"code": "889"}))
    assert "Liikuntahalli" in page.text and "Maksuton yhdistyksille." in page.text
    with pytest.raises(PermissionDenied):
        facility_save(
            user=UserFactory(),
            municipality=world["utajarvi"],
            data={"name_fi": "X", "terms_fi": "Y"},
        )


def test_grant_round__starts_from_the_partnership_documents_grant_practices(world):
    agreement = _draft(world)
    party_save(
        user=world["coordinator"],
        agreement=agreement,
        data=PartyData(
            organisation=world["municipality"],
            signatory="Kunnanjohtaja",
            signed_on=datetime.date(2019, 1, 10),
        ),
    )
    agreement_publish(user=world["coordinator"], agreement=agreement)
    form = client_of(world["coordinator"]).get(reverse("grants:round-new", kwargs={"code": "889"}))
    assert "Avustuksissa huomioidaan sitoutuminen tavoitteisiin." in form.text


@pytest.fixture
def project(world):
    network = NetworkFactory(
        municipality=None,
        organisation=OrganisationFactory(name_fi="Suomen Kuntaliitto"),
        kind=NetworkKind.NETWORK_PROJECT,
        name_fi="Kunta hyvinvoinnin edistäjänä",
    )
    chair = UserFactory()
    NetworkMembershipFactory(user=chair, network=network, role=NetworkRole.CHAIR)
    return network, chair


def test_project__fee_by_size_class__region_pays_the_smaller(world, project):
    network, chair = project
    large = participation_save(
        user=chair,
        network=network,
        data=ParticipationData(
            year=2017, size_class=SizeClass.LARGE, municipality=world["utajarvi"]
        ),
    )
    assert large.fee == Decimal("4000.00")
    county = world["utajarvi"].wellbeing_county
    with pytest.raises(ValidationError) as refused:
        participation_save(
            user=chair,
            network=network,
            data=ParticipationData(year=2017, size_class=SizeClass.LARGE, wellbeing_county=county),
        )
    assert "size_class" in refused.value.message_dict
    region = participation_save(
        user=chair,
        network=network,
        data=ParticipationData(year=2017, size_class=SizeClass.OTHER, wellbeing_county=county),
    )
    assert region.fee == Decimal("3000.00")
    with pytest.raises(ValidationError):  # the same municipality twice in a year
        participation_save(
            user=chair,
            network=network,
            data=ParticipationData(year=2017, size_class="other", municipality=world["utajarvi"]),
        )


def test_project__paid_needs_the_days__fees_shown_to_those_who_run_it(world, project):
    network, chair = project
    with pytest.raises(ValidationError) as refused:
        participation_save(
            user=chair,
            network=network,
            data=ParticipationData(
                year=2018, size_class="other", municipality=world["utajarvi"], invoice_state="paid"
            ),
        )
    assert {"invoiced_on", "paid_on"} <= set(refused.value.message_dict)
    participation_save(
        user=chair,
        network=network,
        data=ParticipationData(year=2018, size_class="other", municipality=world["utajarvi"]),
    )
    url = reverse("networks:project", kwargs={"pk": network.pk})
    fee = re.compile(r"3\s000")
    assert fee.search(client_of(chair).get(url).text)
    public = client_of(None).get(url).text
    assert "Utajärvi" in public and not fee.search(public)
    with pytest.raises(PermissionDenied):
        participation_save(
            user=UserFactory(),
            network=network,
            data=ParticipationData(year=2019, size_class="other", municipality=world["utajarvi"]),
        )
    assert ProjectMembership.objects.count() == 1
