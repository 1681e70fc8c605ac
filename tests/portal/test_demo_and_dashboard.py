import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from elinvoima.actors.demo_data import DEMO_ACCOUNTS
from elinvoima.actors.models import Membership, Organisation, User
from elinvoima.core.demo import demo_data_load

pytestmark = pytest.mark.both_databases


def test_seed_demo__run_twice__idempotent(demo):
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count())
    demo_data_load(password=settings.ELINVOIMA_DEMO_PASSWORD)
    assert counts == (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    )


def test_seed_demo__keeps_what_an_association_edited(demo):
    reuma = Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")
    reuma.description_fi = "Oma kuvaus"
    reuma.save()
    demo_data_load(password=settings.ELINVOIMA_DEMO_PASSWORD)
    reuma.refresh_from_db()
    assert reuma.description_fi == "Oma kuvaus"


@pytest.mark.django_db
def test_seed_demo__command__prints_every_demo_account(capsys):
    call_command("seed_demo")
    output = capsys.readouterr().out
    for account in DEMO_ACCOUNTS:
        assert account["username"] in output


def test_seed_demo__every_account__password_works(demo):
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account["username"])
        assert user.check_password(settings.ELINVOIMA_DEMO_PASSWORD), account["username"]


@pytest.mark.parametrize(
    ("username", "expected_task"),
    [
        ("yhdistys.reuma", "Utajärven reumayhdistys ry"),
        ("hyte.utajarvi", "Utajärvi"),
        ("hva.paijathame", "Päijät-Hämeen hyvinvointialue"),
        ("valtuutettu.vaala", "Vaala"),
        ("admin", reverse("core:audit-log")),
    ],
)
def test_dashboard__each_role__shows_what_it_can_do(client_for, username, expected_task):
    response = client_for(username).get(reverse("portal:dashboard"))
    assert response.status_code == 200
    assert expected_task in response.text


def test_dashboard__association_representative__no_admin_or_audit_links(client_for):
    response = client_for("yhdistys.reuma").get(reverse("portal:dashboard"))
    assert reverse("core:audit-log") not in response.text
    assert reverse("admin:index") not in response.text
