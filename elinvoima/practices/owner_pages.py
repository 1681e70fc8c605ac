"""The pages of an assessment's or a consultation's owner — a municipality or a wellbeing
services county — that the practices' pages link to, by the owner's kind."""

from django.urls import reverse

from elinvoima.actors.models import Municipality


def owner_kind(owner) -> str:
    """The URL names' word for the owner: "municipality" or "county"."""
    return "municipality" if isinstance(owner, Municipality) else "county"


def owner_urls(owner) -> dict[str, str]:
    kind, code = owner_kind(owner), {"code": owner.code}
    return {
        "page": owner.get_absolute_url(),
        "clock": reverse(f"networks:{kind}-clock", kwargs=code),
        "hearings": reverse(f"practices:{kind}-hearings", kwargs=code),
        "assessments": reverse(f"practices:{kind}-assessments", kwargs=code),
    }
