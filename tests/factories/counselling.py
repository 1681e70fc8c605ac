"""Exercise counselling's test data: the county's grant of access to a person, valid from
ten days ago for about ten months (a counsellor's with induction five days ago), and a web
client whose login has passed its second factor, as counselling's pages ask."""

import datetime

from django.test import Client
from django.utils import timezone

from elinvoima.counselling.enums import AccessRole
from elinvoima.counselling.models import StaffAccess


def staff_access(user, county, role, municipality=None, **changes) -> StaffAccess:
    today = timezone.localdate()
    return StaffAccess.objects.create(
        **{
            "user": user,
            "wellbeing_county": county,
            "municipality": municipality,
            "role": role,
            "valid_from": today - datetime.timedelta(days=10),
            "valid_until": today + datetime.timedelta(days=300),
            "inducted_on": (
                today - datetime.timedelta(days=5) if role == AccessRole.COUNSELLOR else None
            ),
            **changes,
        }
    )


def signed_in_with_second_factor(user) -> Client:
    from tests.conftest import second_factor_pass

    client = Client()
    client.force_login(user)
    second_factor_pass(client, user)
    return client
