from django.urls import reverse

from elinvoima.actors.models import User
from elinvoima.networks.models import Network


def test_networks__vaala__four_age_group_networks_listed_with_members(client_for):
    response = client_for(None).get(
        reverse("networks:municipality-networks", kwargs={"code": "785"})
    )
    assert response.status_code == 200
    assert response.text.count("<h3>Vaalan ikäkausiverkosto:") == 4
    assert "MLL Vaalan yhdistys ry" in response.text
    network = Network.objects.get(name_fi="Vaalan ikäkausiverkosto: nuoret")
    assert reverse("strategy:network-plans", kwargs={"pk": network.pk}) in response.text


def test_networks__paijat_hame__regional_networks_of_seed_001(client_for):
    response = client_for(None).get(reverse("networks:county-networks", kwargs={"code": "9"}))
    for name in ("Ravitsemusterveys", "Lähisuhdeväkivalta", "Yhdyspintaneuvottelukunta"):
        assert name in response.text


def test_network_permission__chair_runs_member_does_not(demo):
    network = Network.objects.get(name_fi="Vaalan ikäkausiverkosto: lapset ja lapsiperheet")
    chair = User.objects.get(username="hyte.vaala")
    member = User.objects.get(username="yhdistys.mll")
    outsider = User.objects.get(username="yhdistys.reuma")
    assert chair.has_perm("networks.run_network", network)
    assert not member.has_perm("networks.run_network", network)
    assert not outsider.has_perm("networks.run_network", network)


def test_dashboard__network_member__sees_networks_and_role(client_for):
    response = client_for("yhdistys.mll").get(reverse("portal:dashboard"))
    assert "Vaalan ikäkausiverkosto: lapset ja lapsiperheet" in response.text
    assert "Jäsen" in response.text


def test_networks__page__same_query_count_for_small_and_large_network(
    client_for, django_assert_max_num_queries
):
    from elinvoima.actors.models import Organisation

    client = client_for(None)
    url = reverse("networks:municipality-networks", kwargs={"code": "785"})
    with django_assert_max_num_queries(6):
        client.get(url)
    network = Network.objects.get(name_fi="Vaalan ikäkausiverkosto: nuoret")
    network.members.add(*Organisation.objects.filter(kind="municipality")[:200])
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
