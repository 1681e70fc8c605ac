import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from elinvoima.actors.invitations.models import Invitation, token_digest
from elinvoima.actors.models import Membership, Organisation, User


def _reuma() -> Organisation:
    return Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Post the invitation form; the e-mail leaves when the transaction commits, which in a
    test means when the captured on-commit callbacks run."""

    def post(client, organisation, **changes):
        data = {
            "name": "Liisa Lahtinen",
            "email": "liisa@example.invalid",
            "role": "association_representative",
        }
        data.update(changes)
        url = reverse("actors:organisation-invite", kwargs={"pk": organisation.pk})
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def _link_from_mail() -> str:
    return re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)


def test_invite__coordinator__email_with_a_link_token_not_stored(client_for, invite):
    response = invite(client_for("hyte.utajarvi"), _reuma())
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["liisa@example.invalid"]
    assert "Utajärven reumayhdistys ry" in mail.outbox[-1].subject
    token = _link_from_mail().rstrip("/").rsplit("/", 1)[-1]
    invitation = Invitation.objects.get()
    assert invitation.token_digest == token_digest(token)
    assert token not in invitation.token_digest


def test_invite__association_representative__403(client_for, invite):
    assert invite(client_for("yhdistys.reuma"), _reuma()).status_code == 403
    assert mail.outbox == []


def test_invite__same_address_twice__explained(client_for, invite):
    client = client_for("hyte.utajarvi")
    invite(client, _reuma())
    response = invite(client, _reuma(), email="LIISA@example.invalid")
    assert response.status_code == 200
    assert Invitation.objects.count() == 1


def test_accept__new_person__account_membership_and_profile_edit(client_for, invite):
    invite(client_for("hyte.utajarvi"), _reuma())
    link = _link_from_mail()
    visitor = client_for(None)
    page = visitor.get(link)
    assert page.status_code == 200
    assert 'value="Liisa"' in page.text
    response = visitor.post(
        link,
        {
            "username": "liisa.lahtinen",
            "first_name": "Liisa",
            "last_name": "Lahtinen",
            "password1": "Mustikkapiirakka-42",
            "password2": "Mustikkapiirakka-42",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("actors:organisation-edit", kwargs={"pk": _reuma().pk})
    user = User.objects.get(username="liisa.lahtinen")
    assert user.email == "liisa@example.invalid"
    assert Membership.objects.filter(
        user=user, organisation=_reuma(), role="association_representative"
    ).exists()
    assert visitor.get(response["Location"]).status_code == 200  # logged in and allowed
    # the link works once
    assert client_for(None).get(link).status_code == 410


def test_accept__signed_in_person__membership_added(client_for, invite):
    invite(client_for("hyte.utajarvi"), _reuma(), email="mll@example.invalid")
    client = client_for("yhdistys.mll")
    response = client.post(_link_from_mail())
    assert response.status_code == 302
    assert Membership.objects.filter(user__username="yhdistys.mll", organisation=_reuma()).exists()


def test_accept__weak_password__explained_nothing_created(client_for, invite):
    invite(client_for("hyte.utajarvi"), _reuma())
    response = client_for(None).post(
        _link_from_mail(),
        {
            "username": "liisa",
            "first_name": "L",
            "last_name": "L",
            "password1": "123",
            "password2": "123",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="liisa").exists()
    assert Invitation.objects.get().accepted_at is None


def test_accept__expired__410_with_explanation(client_for, invite):
    invite(client_for("hyte.utajarvi"), _reuma())
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    response = client_for(None).get(_link_from_mail())
    assert response.status_code == 410
    assert "vanhentunut" in response.text


def test_profile_status__lists_not_updated_this_year_with_representatives(client_for):
    old = timezone.now() - timedelta(days=400)
    Organisation.objects.filter(name_fi="Ahmaksen kyläyhdistys ry").update(updated_at=old)
    client = client_for("hyte.utajarvi")
    page = client.get(reverse("actors:profile-status", kwargs={"code": "889"}))
    names = [o.name_fi for o in page.context["organisations"]]
    assert names == ["Ahmaksen kyläyhdistys ry"]
    everything = client.get(reverse("actors:profile-status", kwargs={"code": "889"}), {"all": "1"})
    listed = {o.name_fi: o.representatives for o in everything.context["organisations"]}
    assert listed["Utajärven reumayhdistys ry"] == 1
    assert "Utajärvi" not in listed  # the municipality itself is not an organisation to remind


def test_profile_status__other_municipalitys_coordinator__403(client_for):
    response = client_for("hyte.vaala").get(
        reverse("actors:profile-status", kwargs={"code": "889"})
    )
    assert response.status_code == 403


def test_invitation_create__service_asks_the_permission_first(demo):
    # Issue 11: only the page asked; the service recorded and mailed any invitation.
    from django.core.exceptions import PermissionDenied

    from elinvoima.actors.invitations.services import invitation_create

    representative = User.objects.get(username="yhdistys.reuma")
    with pytest.raises(PermissionDenied):
        invitation_create(
            organisation=_reuma(),
            name="Uusi Jäsen",
            email="uusi@example.invalid",
            role="association_representative",
            invited_by=representative,
            accept_url=lambda token: f"https://example.invalid/{token}",
        )
    assert not Invitation.objects.filter(email="uusi@example.invalid").exists()
    assert not mail.outbox
