"""counselling_record_read: opening a client's counselling record with its read logged, at
county scale.

A: `GET /fi/counselling/periods/<id>/` as the client's assigned counsellor, past the second
   factor, warm: the rules asked (the grant, the agreement, the role), the audit entry
   written, the record decrypted (identity code, name, referral, plan, 4 visits with notes
   and measurements) and rendered.
B: a trivial authenticated request, the issue's own baseline ("the audit must not make the
   counsellor wait"): the same signed-in client's GET of the most trivial signed-in page,
   `/fi/accounts/password/change/done/` — the session, the user and the site's layout
   around one sentence. The line also gives A against the bare floor of a signed-in
   request (the session, the user and the memberships in SQL plus `/healthz`, as
   elinvoima.bench.coordinator_pages).
Data: in Lapinjärvi's county, 20,000 clients with a period each, 80,000 visits and
200,000 audit entries (elinvoima.bench.scale.counselling), generated unless there. Checked:
each A adds one audit entry, and the page shows the client's name.
"""

from statistics import median

from django.conf import settings
from django.db import connection
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from elinvoima.bench.scale.counselling import counselling_scale_ensure
from elinvoima.counselling.models import AuditEntry

from .coordinator_pages import _healthz, _signed_in_client, _signed_in_reads
from .harness import Result, alternate, progress, require_postgres, result_from_samples

NAME = "counselling_record_read"
TRIVIAL = "/fi/accounts/password/change/done/"
PAIRS = 30


def _second_factor_passed(client, user) -> None:
    """The login passes its second factor as django-otp's own login marks it: the session
    names the user's confirmed authenticator app (so B, the same client, reads it too)."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def counselling_record_read() -> Result:
    require_postgres()
    counsellor, period = counselling_scale_ensure()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client, params = _signed_in_client(counsellor)
    _second_factor_passed(client, counsellor)
    url = f"/fi/counselling/periods/{period.pk}/"
    name = period.client.name

    def page() -> str:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response.content.decode()

    def trivial() -> None:
        if client.get(TRIVIAL).status_code != 200:
            raise RuntimeError(f"{TRIVIAL} failed")

    def floor() -> None:
        _signed_in_reads(params)
        _healthz(client)

    before = AuditEntry.objects.filter(period=period).count()
    if name not in page():
        raise RuntimeError("the record does not show the client's name")
    if AuditEntry.objects.filter(period=period).count() != before + 1:
        raise RuntimeError("opening the record did not log the read")
    for _ in range(3):  # warm
        page()
        trivial()
    a, b = alternate(page, trivial, pairs=PAIRS, label=NAME)
    _a, bare = alternate(page, floor, pairs=PAIRS, label=f"{NAME} (floor)")
    entries = AuditEntry.objects.count()
    progress(f"{NAME}: {entries} audit entries in the log")
    result = result_from_samples(
        NAME,
        a,
        b,
        unit="ms",
        baseline="a trivial authenticated request",
        scale=1000,
        notes=f"GET {url} as the assigned counsellor, the read logged ({entries} audit "
        f"entries), DEBUG={settings.DEBUG}",
    )
    result.extra = (
        f"{median(a) / median(bare):.1f}x the bare signed-in floor at {median(bare) * 1000:.2f} ms"
    )
    return result
