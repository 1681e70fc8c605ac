"""Role × URL: every named URL, requested anonymously and as every demo role, against an
explicit table of who may see what. A URL without an entry in the table fails the test,
so no page ships without a decision on who may see it."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from elinvoima.counselling.demo import KEEPER
from elinvoima.indicators.charts import drawing
from tests.conftest import DEMO_USERNAMES

pytestmark = pytest.mark.both_databases

ANONYMOUS = "anonymous"
# The demo's accounts, and the keeper of the counselling register that counselling's demo
# loader adds (actors' demo has no one in Itä-Uusimaa).
ROLES = [ANONYMOUS, *DEMO_USERNAMES, KEEPER]

OK = "200"
LOGIN = "login"  # redirected to the login page
ADMIN_LOGIN = "admin-login"
REDIRECT = "redirect"  # redirected somewhere else
FORBIDDEN = "403"
NOT_FOUND = "404"
UNAUTHORISED = "401"
NOT_ALLOWED = "405"  # the URL answers other methods than GET

EVERYONE = dict.fromkeys(ROLES, OK)


def only(*usernames: str, anonymous: str = LOGIN, others: str = FORBIDDEN) -> dict[str, str]:
    table = dict.fromkeys(ROLES, others)
    table[ANONYMOUS] = anonymous
    table.update(dict.fromkeys(usernames, OK))
    return table


def signed_in(anonymous: str = LOGIN) -> dict[str, str]:
    return {**EVERYONE, ANONYMOUS: anonymous}


def _pk(model: str, **filters) -> dict[str, int]:
    """kwargs of a demo object found by `filters`: `_pk("indicators.IndicatorSet", name=…)`."""
    from django.apps import apps

    return {"pk": apps.get_model(model).objects.get(**filters).pk}


def _open_round() -> dict[str, int]:
    """Utajärvi's round that takes applications (the demo's other one has been decided)."""
    return _pk("grants.GrantRound", municipality__code="889", decisions_published_at=None)


def _open_application(d) -> dict[str, int]:
    """The rheumatism association's submitted application to it."""
    return _pk("grants.GrantApplication", organisation=d["reuma"], state="submitted")


def _decided_application(d) -> dict[str, int]:
    """The association's application to this year's round: decided, its report sent."""
    return _pk("grants.GrantApplication", organisation=d["reuma"], state="decided")


def _voting_budget() -> dict[str, int]:
    """Vaala's children's network's budget for next year, being voted on."""
    return _pk("budgeting.Budget", network__name_fi__endswith="lapsiperheet", phase="voting")


VITALITY_GROUP = "Utajärven elinvoimaryhmä"
RUNS_VITALITY_GROUP = ("admin", "hyte.utajarvi")  # the chair and the secretary have no login
# The group's members and those who work for Utajärvi read its minutes before approval.
READS_VITALITY_MINUTES = (*RUNS_VITALITY_GROUP, "toimiala.utajarvi", "yhdistys.reuma")


def _vitality_group() -> dict[str, int]:
    return _pk("networks.Network", name_fi=VITALITY_GROUP)


def _held_meeting() -> dict[str, int]:
    """The vitality group's last meeting: held, its minutes ready, not approved yet."""
    return _pk("networks.Meeting", title="Elinvoimaryhmän kokous 2")


def _coming_meeting() -> dict[str, int]:
    """Its next meeting: invited, with a document on its agenda."""
    return _pk("networks.Meeting", title="Elinvoimaryhmän kokous 3")


def _coming_item() -> dict[str, int]:
    return _pk("networks.AgendaItem", meeting=_coming_meeting()["pk"], position=2)


def _decided_item() -> dict[str, int]:
    return _pk("networks.AgendaItem", meeting=_held_meeting()["pk"], position=2)


def _reuma_membership() -> dict[str, int]:
    return _pk(
        "networks.NetworkMembership",
        network__name_fi=VITALITY_GROUP,
        user__username="yhdistys.reuma",
    )


def _clock_item() -> dict[str, int]:
    """An item of the vitality group's annual clock."""
    return _pk("networks.CalendarItem", title_fi="Kesäasukkaiden ilta")


def _partnership_document() -> dict[str, int]:
    """Utajärvi's partnership document: published."""
    return _pk("networks.Agreement", kind="partnership_document", municipality__code="889")


def _draft_agreement() -> dict[str, int]:
    """Pohjois-Pohjanmaa's shared wellbeing agreement: a draft."""
    return _pk("networks.Agreement", kind="wellbeing_agreement", wellbeing_county__code="19")


def _survey(published: bool) -> dict[str, int]:
    """Päijät-Häme's cooperation surveys: last year's with its results published, this
    year's open for answers."""
    return _pk("reports.Survey", wellbeing_county__code="9", results_published=published)


def _workshop_practice() -> dict[str, int]:
    """Seed 003's record of the regional workshops: published."""
    return _pk("practices.Practice", name_fi="Järjestö-kuntayhteistyön alueelliset elinvoimapajat")


def _workshop_file() -> dict[str, int]:
    """The outline (a PDF) attached to that record."""
    practice = _workshop_practice()["pk"]
    return {"pk": practice, "file_pk": _pk("practices.PracticeFile", practice_id=practice)["pk"]}


COUNSELLING = ("laakari.lapinjarvi", "liikuntaneuvoja.lapinjarvi")


def _lapinjarvi_county() -> dict[str, str]:
    from elinvoima.actors.models import Municipality

    return {"code": Municipality.objects.get(code="407").wellbeing_county.code}


def _counselling_period() -> dict[str, int]:
    """The demo's referred client's counselling period in Lapinjärvi."""
    from elinvoima.counselling.models import Period

    period = Period.objects.get(municipality__code="407")
    return {"pk": period.pk, "client": period.client_id}


def _counselling_grant(kind: str) -> dict[str, str | int]:
    """Itä-Uusimaa's code with its agreement with Lapinjärvi, the counsellor's grant of
    access, or the demo client (`kind`: agreement, access, client)."""
    from elinvoima.counselling.models import AccessAgreement, StaffAccess

    if kind == "agreement":
        pk = AccessAgreement.objects.get(municipality__code="407").pk
    elif kind == "access":
        pk = StaffAccess.objects.get(user__username="liikuntaneuvoja.lapinjarvi").pk
    else:
        pk = _counselling_period()["client"]
    return {**_lapinjarvi_county(), "pk": pk}


def _counselling_consent() -> dict[str, int]:
    """The demo client's consent to a follow-up survey, in force."""
    from elinvoima.counselling.models import Consent

    consent = Consent.objects.get(client__periods__municipality__code="407")
    return {"pk": _counselling_period()["pk"], "consent_pk": consent.pk}


def _counselling_care_team(*, member: bool = False) -> dict[str, str | int]:
    """Itä-Uusimaa's code with the demo care team of Lapinjärvi's health centre (`member`:
    and its member, the doctor)."""
    from elinvoima.counselling.models import CareTeam

    team = CareTeam.objects.get(name="Lapinjärven terveysaseman hoitotiimi")
    kwargs: dict[str, str | int] = {**_lapinjarvi_county(), "pk": team.pk}
    if member:
        kwargs["user_pk"] = team.members.get(username="laakari.lapinjarvi").pk
    return kwargs


def _consultation() -> dict[str, int]:
    """Utajärvi's consultation on school transport: open for answers."""
    return _pk("practices.Consultation", title="Koulukuljetukset uusiksi")


def _assessment(*, published: bool) -> dict[str, int]:
    """Utajärvi's assessment of the evening library (published), or its child impact
    assessment of school transport (being prepared)."""
    return _pk("practices.Assessment", state="published" if published else "draft")


def _welfare_report() -> dict[str, int]:
    """Päijät-Häme's welfare report of last year: being written (a draft of the county)."""
    return _pk("reports.Report", wellbeing_county__code="9")


def _report_file() -> dict[str, int]:
    """A file of the report still being made: not to be downloaded by anyone yet."""
    from elinvoima.reports.welfare.models import ReportFile

    report = _welfare_report()["pk"]
    return {"pk": ReportFile.objects.get_or_create(report_id=report, format="pdf")[0].pk}


def _survey_answer_link() -> dict[str, str]:
    """The demo's unanswered invitation to this year's survey."""
    from elinvoima.reports.surveys.models import SurveyInvitation
    from elinvoima.reports.surveys.services import invitation_token

    return {"token": invitation_token(SurveyInvitation.objects.get(answered=False))}


def _utajarvi_facility() -> dict[str, int]:
    return _pk("networks.Facility", municipality__code="889")


def _network_project() -> dict[str, int]:
    return _pk("networks.Network", kind="network_project")


def _workshop() -> dict[str, int]:
    """The coming workshop of Keski-Suomi's Jyväskylä area (the demo has its predecessor)."""
    return _pk("workshops.Workshop", theme_fi="Yhteistyön suunnitelmat käytäntöön")


def _post_only(*usernames: str, others: str = FORBIDDEN) -> dict[str, str]:
    """A POST-only URL: those allowed get 405 for a GET, the others are refused first."""
    return {**only(others=others), **dict.fromkeys(usernames, NOT_ALLOWED)}


def _demo_indicator_chart() -> dict:
    """The demo's indicator 186 and its stored chart for Utajärvi (drawn on first use)."""
    from elinvoima.indicators.charts.drawing import chart_svg
    from elinvoima.indicators.models import ChartImage, Indicator, Region

    indicator = Indicator.objects.get(sotkanet_id=186)
    chart_svg(indicator=indicator, regions=[Region.objects.get(municipality__code="889")])
    image = ChartImage.objects.filter(indicator=indicator).latest("drawn_at")
    return {"indicator": indicator.pk, "pk": image.pk, "fingerprint": image.fingerprint}


CARD_GOAL = "Nuorten kokema terveydentila kohenee."  # the goal of seed 001's tracking card
VAALA_CAFE = "Perhekahvila kerran viikossa seurakuntatalolla"
VAALA_PLAN = {"municipality__code": "785", "kind": "welfare_plan", "version": 1}  # a draft
VAALA_REPORT = {"municipality__code": "785", "kind": "welfare_report"}  # approved
PAIJAT_HAME_PLAN = {"wellbeing_county__code": "9", "kind": "regional_welfare_plan", "version": 1}
PREVENTIVE_PLAN = {"wellbeing_county__code": "9", "kind": "preventive_work"}
VAALA_NETWORK = "Vaalan ikäkausiverkosto: lapset ja lapsiperheet"


def _utajarvi_card() -> dict[str, int]:
    """The demo's Ikäihmiset-kortti of Utajärvi (this year's)."""
    from elinvoima.cards.models import CardTemplate

    return {"pk": CardTemplate.objects.get(decision__municipality__code="889").pk}


def _card_draft() -> dict[str, int]:
    """A draft answer of the rheumatism association to the Ikäihmiset-kortti."""
    from elinvoima.actors.models import Organisation
    from elinvoima.cards.models import CardResponse, CardTemplate

    response, _created = CardResponse.objects.get_or_create(
        template=CardTemplate.objects.get(decision__municipality__code="889"),
        organisation=Organisation.objects.get(name_fi="Utajärven reumayhdistys ry"),
    )
    return {"pk": response.pk}


def _reuma() -> dict[str, int]:
    return _pk("actors.Organisation", name_fi="Utajärven reumayhdistys ry")


def _saraisniemi() -> dict[str, int]:
    """The demo's community card of the village of Säräisniemi, Vaala."""
    return _pk("cards.CommunityCard", name="Säräisniemi")


def _club_meeting() -> dict[str, int]:
    """A meeting of the rheumatism association's chair exercise club (the demo's)."""
    from elinvoima.cards.models import Activity

    return {"pk": Activity.objects.filter(club__name="Tuolijumppa").first().pk}


def _help_request() -> dict[str, int]:
    return _pk("cards.HelpRequest", municipality__code="889")


def _help_offer() -> dict[str, int]:
    return _pk("cards.HelpOffer", request__municipality__code="889")


# Utajärvi's help request: changed by its coordinator, read by those who work in Utajärvi and
# the association it was sent to, hidden from everyone else.
CHANGED_BY_UTAJARVI_COORDINATOR = {
    **only(
        "admin",
        "hyte.utajarvi",
        others=NOT_FOUND,
    ),
    "toimiala.utajarvi": FORBIDDEN,
    "yhdistys.reuma": FORBIDDEN,
}


# An activity or a club of the rheumatism association: changed by it, seen (not changed) by
# those who work in Utajärvi, hidden from everyone else.
REUMA_ONLY_SEEN_BY_UTAJARVI = {
    **only("admin", "yhdistys.reuma", others=NOT_FOUND),
    "hyte.utajarvi": FORBIDDEN,
    "toimiala.utajarvi": FORBIDDEN,
}

SOTKANET_IMPORTERS = (
    "admin",
    "hyte.utajarvi",
    "hyte.vaala",
    "hyte.lapinjarvi",
    "hyte.asikkala",
    "hva.paijathame",
)


def _import_job() -> dict[str, int]:
    """A Sotkanet import job that Utajärvi's coordinator started, waiting in the queue."""
    from elinvoima.actors.models import User
    from elinvoima.indicators.models import ImportJob

    job, _ = ImportJob.objects.get_or_create(
        kind="regions",
        original_name="regions.json",
        created_by=User.objects.get(username="hyte.utajarvi"),
    )
    return {"pk": job.pk}


# An import job is seen by the importer who started it and the platform admin; to the other
# importers it does not exist (404), the others may not import at all (403).
IMPORT_JOB = {
    **only(*SOTKANET_IMPORTERS),
    **{role: NOT_FOUND for role in SOTKANET_IMPORTERS if role not in ("admin", "hyte.utajarvi")},
}


# Linking a security key: for those who have a second factor already, or leave to link one
# (here the counselling people); the others are refused before the method is looked at.
KEY_LINKING = {
    **dict.fromkeys(ROLES, FORBIDDEN),
    **dict.fromkeys((*COUNSELLING, KEEPER), NOT_ALLOWED),
}

# URL name → (kwargs builder, expectation per role). Kwargs builders get the demo data.
EXPECTATIONS = {
    "healthz": (None, EVERYONE),
    "portal:home": (None, EVERYONE),
    "portal:dashboard": (None, signed_in()),
    "core:audit-log": (None, only("admin")),
    "login": (None, {**dict.fromkeys(ROLES, REDIRECT), ANONYMOUS: OK}),
    "logout": (None, dict.fromkeys(ROLES, NOT_ALLOWED)),
    # Those granted counselling access have passed their second factor in these tests, so
    # the page sends them on; the others are shown how to link an app (its own tests:
    # tests/core/test_second_factor.py). The security keys' steps are POST only.
    "second-factor": (None, {**signed_in(), **dict.fromkeys(COUNSELLING, REDIRECT)}),
    "otp_webauthn:credential-registration-begin": (None, KEY_LINKING),
    "otp_webauthn:credential-registration-complete": (None, KEY_LINKING),
    "otp_webauthn:credential-authentication-begin": (None, dict.fromkeys(ROLES, NOT_ALLOWED)),
    "otp_webauthn:credential-authentication-complete": (
        None,
        dict.fromkeys(ROLES, NOT_ALLOWED),
    ),
    "otp_webauthn:js-i18n-catalog": (None, EVERYONE),
    "password_change": (None, signed_in()),
    "password_change_done": (None, signed_in()),
    "password_reset": (None, EVERYONE),
    "password_reset_done": (None, EVERYONE),
    "password_reset_confirm": (lambda d: {"uidb64": "MQ", "token": "set-password"}, EVERYONE),
    "password_reset_complete": (None, EVERYONE),
    "actors:municipality-list": (None, EVERYONE),
    "actors:municipality-detail": (lambda d: {"code": "889"}, EVERYONE),
    "actors:activity-search": (None, EVERYONE),
    "actors:municipality-directory": (lambda d: {"municipality_code": "889"}, EVERYONE),
    "actors:municipality-directory-export": (
        lambda d: {"municipality_code": "889", "format": "csv"},
        EVERYONE,
    ),
    "actors:actor-map": (lambda d: {"code": "889"}, EVERYONE),
    "actors:organisation-invite": (
        lambda d: {"pk": d["reuma"].pk},
        only("admin", "hyte.utajarvi"),
    ),
    "actors:invitation-accept": (
        lambda d: {"token": "no-such-token"},
        dict.fromkeys(ROLES, NOT_FOUND),
    ),
    "actors:profile-status": (lambda d: {"code": "889"}, only("admin", "hyte.utajarvi")),
    "actors:embed-instructions": (lambda d: {"code": "889"}, EVERYONE),
    "actors:embed-listing": (lambda d: {"code": "889"}, EVERYONE),
    "embed-feed": (lambda d: {"code": "889"}, EVERYONE),
    "actors:county-list": (None, EVERYONE),
    "actors:county-directory": (lambda d: {"county_code": "9"}, EVERYONE),
    "actors:county-directory-export": (lambda d: {"county_code": "9", "format": "xlsx"}, EVERYONE),
    "actors:county-detail": (lambda d: {"code": "9"}, EVERYONE),
    "actors:organisation-detail": (lambda d: {"pk": d["reuma"].pk}, EVERYONE),
    "actors:organisation-edit": (
        lambda d: {"pk": d["reuma"].pk},
        only("admin", "yhdistys.reuma", "hyte.utajarvi"),
    ),
    "actors:municipality-interfaces": (
        lambda d: {"code": "016"},
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "actors:municipality-interfaces-edit": (
        lambda d: {"code": "016"},
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "actors:county-interfaces": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    "networks:municipality-networks": (lambda d: {"code": "785"}, EVERYONE),
    "cards:municipality-cards": (lambda d: {"code": "889"}, EVERYONE),
    "cards:card-decision": (lambda d: {"code": "889"}, only("admin", "hyte.utajarvi")),
    "cards:card": (lambda d: _utajarvi_card(), EVERYONE),
    "cards:card-pdf": (lambda d: _utajarvi_card(), EVERYONE),
    "cards:card-answer": (lambda d: _utajarvi_card(), only("yhdistys.reuma")),
    "cards:card-edit": (lambda d: _utajarvi_card(), only("admin", "hyte.utajarvi")),
    "cards:card-remind": (lambda d: _utajarvi_card(), dict.fromkeys(ROLES, NOT_ALLOWED)),
    "cards:response": (
        lambda d: _card_draft(),
        only("admin", "hyte.utajarvi", "toimiala.utajarvi", "yhdistys.reuma", others=NOT_FOUND),
    ),
    "cards:council-summary": (
        lambda d: {"code": "889", "year": timezone.localdate().year},
        only("admin", "hyte.utajarvi", "toimiala.utajarvi"),
    ),
    "cards:organisation-activities": (
        lambda d: _reuma(),
        only("admin", "hyte.utajarvi", "toimiala.utajarvi", "yhdistys.reuma"),
    ),
    "cards:activity-new": (lambda d: _reuma(), only("admin", "yhdistys.reuma")),
    "cards:club-new": (lambda d: _reuma(), only("admin", "yhdistys.reuma")),
    "cards:activity": (lambda d: _club_meeting(), REUMA_ONLY_SEEN_BY_UTAJARVI),
    "cards:activity-delete": (lambda d: _club_meeting(), REUMA_ONLY_SEEN_BY_UTAJARVI),
    "cards:club": (lambda d: _pk("cards.Club", name="Tuolijumppa"), REUMA_ONLY_SEEN_BY_UTAJARVI),
    "cards:club-meeting": (
        lambda d: _pk("cards.Club", name="Tuolijumppa"),
        REUMA_ONLY_SEEN_BY_UTAJARVI,
    ),
    "cards:community-card": (lambda d: _saraisniemi(), EVERYONE),
    "cards:community-card-edit": (lambda d: _saraisniemi(), only("admin", "hyte.vaala")),
    "cards:community-card-new": (
        lambda d: {"code": "785"},
        only("admin", "hyte.vaala", "yhdistys.mll"),
    ),
    "cards:help-requests": (
        lambda d: {"code": "889"},
        only("admin", "hyte.utajarvi", "toimiala.utajarvi", "yhdistys.reuma"),
    ),
    "cards:help-request-new": (lambda d: {"code": "889"}, only("admin", "hyte.utajarvi")),
    "cards:help-request": (
        lambda d: _help_request(),
        only("admin", "hyte.utajarvi", "toimiala.utajarvi", "yhdistys.reuma", others=NOT_FOUND),
    ),
    "cards:help-request-edit": (lambda d: _help_request(), CHANGED_BY_UTAJARVI_COORDINATOR),
    "cards:help-request-close": (lambda d: _help_request(), CHANGED_BY_UTAJARVI_COORDINATOR),
    "cards:help-offer-reply": (
        lambda d: _help_offer(),
        {
            **CHANGED_BY_UTAJARVI_COORDINATOR,
            ANONYMOUS: NOT_FOUND,
            "admin": NOT_ALLOWED,
            "hyte.utajarvi": NOT_ALLOWED,
        },
    ),
    "cards:help-offer-done": (
        lambda d: _help_offer(),
        {
            **CHANGED_BY_UTAJARVI_COORDINATOR,
            "hyte.utajarvi": FORBIDDEN,
            "yhdistys.reuma": OK,
        },
    ),
    "cards:organisation-annual": (
        lambda d: _reuma(),
        only("admin", "hyte.utajarvi", "toimiala.utajarvi", "yhdistys.reuma"),
    ),
    # The association's plan, not shared with the municipality yet: its own.
    "cards:annual-document": (
        lambda d: _pk("cards.AnnualDocument", organisation__name_fi="Utajärven reumayhdistys ry"),
        only("admin", "yhdistys.reuma", others=NOT_FOUND),
    ),
    "cards:annual-document-edit": (
        lambda d: _pk("cards.AnnualDocument", organisation__name_fi="Utajärven reumayhdistys ry"),
        only("admin", "yhdistys.reuma", others=NOT_FOUND),
    ),
    "grants:municipality-rounds": (lambda d: {"code": "889"}, EVERYONE),
    "grants:round-new": (lambda d: {"code": "889"}, only("admin", "hyte.utajarvi")),
    "grants:money": (lambda d: {"code": "889"}, EVERYONE),
    "grants:support": (lambda d: {"code": "889"}, EVERYONE),
    "grants:support-new": (lambda d: {"code": "889"}, only("admin", "hyte.utajarvi")),
    # The demo's free sports hall turn of the rheumatism association: its coordinator's.
    "grants:support-edit": (
        lambda d: _pk("grants.SupportInKind", organisation=d["reuma"]),
        only("admin", "hyte.utajarvi"),
    ),
    "grants:support-delete": (
        lambda d: _pk("grants.SupportInKind", organisation=d["reuma"]),
        only("admin", "hyte.utajarvi"),
    ),
    # Utajärvi's published round: everyone reads it, its coordinator changes it.
    "grants:round": (lambda d: _open_round(), EVERYONE),
    "grants:round-edit": (
        lambda d: _open_round(),
        only("admin", "hyte.utajarvi"),
    ),
    # The rheumatism association has applied to it (its representative is sent to its
    # application); no other demo account represents an association of Utajärvi.
    "grants:apply": (
        lambda d: _open_round(),
        {**only(), "yhdistys.reuma": REDIRECT},
    ),
    "grants:round-applications": (
        lambda d: _open_round(),
        only("admin", "hyte.utajarvi"),
    ),
    # Its submitted application: the association's and the round's coordinators' to read; a
    # submitted one is not changed (the edit page sends to the application).
    "grants:application": (
        lambda d: _open_application(d),
        only("admin", "yhdistys.reuma", "hyte.utajarvi", others=NOT_FOUND),
    ),
    "grants:application-edit": (
        lambda d: _open_application(d),
        {
            **only(others=NOT_FOUND),
            "admin": REDIRECT,
            "yhdistys.reuma": REDIRECT,
            "hyte.utajarvi": FORBIDDEN,
        },
    ),
    # Its attachments: the association's to change (a submitted one no more: the page only
    # lists them), every reader's to download.
    "grants:attachments": (
        _open_application,
        {**only("admin", "yhdistys.reuma", others=NOT_FOUND), "hyte.utajarvi": FORBIDDEN},
    ),
    "grants:attachment": (
        lambda d: _pk("grants.Attachment", application=_open_application(d)["pk"]),
        only("admin", "yhdistys.reuma", "hyte.utajarvi", others=NOT_FOUND),
    ),
    "grants:attachment-remove": (
        lambda d: _pk("grants.Attachment", application=_open_application(d)["pk"]),
        {**only("admin", "yhdistys.reuma", others=NOT_FOUND), "hyte.utajarvi": FORBIDDEN},
    ),
    # Its reviewer is the coordinator (the admin, a superuser, may do anything); the applicant
    # reads neither the scores nor the decision in preparation (403), the others do not see
    # the application (404).
    "grants:application-review": (
        _open_application,
        {**only("admin", "hyte.utajarvi", others=NOT_FOUND), "yhdistys.reuma": FORBIDDEN},
    ),
    "grants:conflict": (
        _open_application,
        {**only("admin", "hyte.utajarvi", others=NOT_FOUND), "yhdistys.reuma": FORBIDDEN},
    ),
    "grants:decision": (
        _open_application,
        {**only("admin", "hyte.utajarvi", others=NOT_FOUND), "yhdistys.reuma": FORBIDDEN},
    ),
    # The grant report of the decided application: the association's and, sent, the
    # coordinator's.
    "grants:report": (
        _decided_application,
        only("admin", "yhdistys.reuma", "hyte.utajarvi", others=NOT_FOUND),
    ),
    "budgeting:municipality-budgets": (lambda d: {"code": "785"}, EVERYONE),
    "budgeting:budget-new": (lambda d: {"code": "785"}, only("admin", "hyte.vaala")),
    "budgeting:budget": (lambda d: _voting_budget(), EVERYONE),
    "budgeting:budget-edit": (lambda d: _voting_budget(), only("admin", "hyte.vaala")),
    "budgeting:meeting": (lambda d: _voting_budget(), only("admin", "hyte.vaala")),
    "budgeting:decision": (lambda d: _voting_budget(), only("admin", "hyte.vaala")),
    # Voting: no proposal is changed any more (but for the admin, a superuser, whose save
    # the service still refuses once voting has begun).
    "budgeting:proposal-edit": (
        lambda d: _pk(
            "budgeting.Proposal",
            budget=_voting_budget()["pk"],
            title_fi__startswith="Perhekahvila",
        ),
        only("admin"),
    ),
    "budgeting:proposal-review": (
        lambda d: _pk(
            "budgeting.Proposal", budget=_voting_budget()["pk"], title_fi__startswith="Perhekahvila"
        ),
        only("admin", "hyte.vaala"),
    ),
    # MLL, a member association of the network, votes (and may withdraw); no one proposes
    # during the vote; the admin represents no association.
    "budgeting:propose": (lambda d: _voting_budget(), only()),
    "budgeting:vote": (lambda d: _voting_budget(), only("yhdistys.mll")),
    "budgeting:withdraw": (lambda d: _voting_budget(), only("yhdistys.mll")),
    # Its associations vote, not residents with codes (the admin, a superuser, passes every
    # predicate: without a code in the session the ballot sends to the code page).
    "budgeting:code": (lambda d: _voting_budget(), only("admin")),
    "budgeting:code-ballot": (lambda d: _voting_budget(), {**only(), "admin": REDIRECT}),
    "budgeting:codes": (lambda d: _voting_budget(), only("admin", "hyte.vaala")),
    "networks:county-networks": (lambda d: {"code": "9"}, EVERYONE),
    "networks:municipality-network-add": (lambda d: {"code": "889"}, only(*RUNS_VITALITY_GROUP)),
    "networks:county-network-add": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    # Utajärvi's vitality group is public; its coordinator (the owner's) runs it in the demo.
    "networks:network": (lambda d: _vitality_group(), EVERYONE),
    "networks:network-edit": (lambda d: _vitality_group(), only(*RUNS_VITALITY_GROUP)),
    "networks:member-add": (lambda d: _vitality_group(), only(*RUNS_VITALITY_GROUP)),
    "networks:member-change": (lambda d: _reuma_membership(), only(*RUNS_VITALITY_GROUP)),
    "networks:member-end": (lambda d: _reuma_membership(), only(*RUNS_VITALITY_GROUP)),
    "networks:meeting-add": (lambda d: _vitality_group(), only(*RUNS_VITALITY_GROUP)),
    # Its meetings: invited ones are public, their minutes the members' until approved.
    "networks:meeting": (lambda d: _held_meeting(), EVERYONE),
    "networks:agenda-pdf": (lambda d: _held_meeting(), EVERYONE),
    "networks:minutes-pdf": (
        lambda d: _held_meeting(),
        only(*READS_VITALITY_MINUTES, others=NOT_FOUND),
    ),
    "networks:meeting-edit": (lambda d: _coming_meeting(), only(*RUNS_VITALITY_GROUP)),
    "networks:meeting-cancel": (lambda d: _coming_meeting(), only(*RUNS_VITALITY_GROUP)),
    "networks:meeting-invite": (lambda d: _coming_meeting(), only(*RUNS_VITALITY_GROUP)),
    "networks:minutes": (lambda d: _held_meeting(), only(*RUNS_VITALITY_GROUP)),
    "networks:minutes-ready": (lambda d: _held_meeting(), only(*RUNS_VITALITY_GROUP)),
    "networks:minutes-approve": (lambda d: _coming_meeting(), _post_only(*RUNS_VITALITY_GROUP)),
    "networks:agenda-item-add": (lambda d: _coming_meeting(), only(*RUNS_VITALITY_GROUP)),
    "networks:agenda-item-edit": (lambda d: _coming_item(), only(*RUNS_VITALITY_GROUP)),
    "networks:agenda-item-delete": (lambda d: _coming_item(), only(*RUNS_VITALITY_GROUP)),
    "networks:decision-forward": (lambda d: _decided_item(), only(*RUNS_VITALITY_GROUP)),
    "networks:agenda-document": (
        lambda d: _pk("networks.AgendaDocument", item=_coming_item()["pk"]),
        EVERYONE,
    ),
    "networks:agenda-document-remove": (
        lambda d: _pk("networks.AgendaDocument", item=_coming_item()["pk"]),
        _post_only(*RUNS_VITALITY_GROUP),
    ),
    "networks:action-item-add": (lambda d: _held_meeting(), only(*RUNS_VITALITY_GROUP)),
    # The association's action item: its owner and those who run the group update it.
    "networks:action-item-status": (
        lambda d: _pk("networks.ActionItem", owner__username="yhdistys.reuma"),
        _post_only(*RUNS_VITALITY_GROUP, "yhdistys.reuma"),
    ),
    "networks:my-action-items": (None, signed_in()),
    # Keski-Suomi's workshops: public; registrations are the organiser's (personal data).
    "workshops:series-list": (None, EVERYONE),
    "workshops:series": (lambda d: _pk("workshops.Series"), EVERYONE),
    "workshops:series-add": (
        lambda d: _pk("actors.Organisation", name_fi="Keski-Suomen Yhteisöjen Tuki ry"),
        only("admin", "pajat.keskisuomi"),
    ),
    "workshops:series-edit": (lambda d: _pk("workshops.Series"), only("admin", "pajat.keskisuomi")),
    "workshops:area-add": (lambda d: _pk("workshops.Series"), only("admin", "pajat.keskisuomi")),
    "workshops:area-edit": (
        lambda d: _pk("workshops.Area", position=0),
        only("admin", "pajat.keskisuomi"),
    ),
    "workshops:area-hosts": (
        lambda d: _pk("workshops.Area", position=0),
        _post_only("admin", "pajat.keskisuomi"),
    ),
    "workshops:workshop": (lambda d: _workshop(), EVERYONE),
    "workshops:workshop-add": (
        lambda d: _pk("workshops.Series"),
        only("admin", "pajat.keskisuomi"),
    ),
    "workshops:carpool": (lambda d: _workshop(), EVERYONE),
    "workshops:tasks": (lambda d: _workshop(), only("admin", "pajat.keskisuomi")),
    "workshops:invitations": (lambda d: _workshop(), only("admin", "pajat.keskisuomi")),
    "workshops:feedback": (lambda d: _workshop(), EVERYONE),
    "workshops:news-add": (lambda d: _workshop(), only("admin", "pajat.keskisuomi")),
    "workshops:news-rss": (None, EVERYONE),
    "workshops:news-atom": (None, EVERYONE),
    "workshops:nominations": (lambda d: _pk("workshops.Series"), EVERYONE),
    "workshops:plans": (lambda d: _workshop(), only("admin", "pajat.keskisuomi")),
    "workshops:tables": (lambda d: _workshop(), only("admin", "pajat.keskisuomi")),
    "workshops:table-lists-pdf": (
        lambda d: _workshop(),
        only("admin", "pajat.keskisuomi"),
    ),
    "workshops:badges-pdf": (
        lambda d: _workshop(),
        only("admin", "pajat.keskisuomi"),
    ),
    "workshops:workshop-edit": (
        lambda d: _workshop(),
        only("admin", "pajat.keskisuomi"),
    ),
    "workshops:registrations": (
        lambda d: _workshop(),
        only("admin", "pajat.keskisuomi"),
    ),
    # A registration's page is its link: an unknown one answers 404 to everyone.
    "workshops:registration": (
        lambda d: {"token": "not-a-registration"},
        dict.fromkeys(ROLES, NOT_FOUND),
    ),
    # Vaala's children's network: public; the measures it agreed in the welfare plan.
    "strategy:network-measures": (
        lambda d: _pk("networks.Network", name_fi__endswith="lapsiperheet"),
        EVERYONE,
    ),
    # Annual clocks: public; kept by the owner's coordinators and the network's runners.
    "networks:municipality-clock": (lambda d: {"code": "889"}, EVERYONE),
    "networks:municipality-clock-feed": (lambda d: {"code": "889"}, EVERYONE),
    "networks:municipality-clock-add": (lambda d: {"code": "889"}, only(*RUNS_VITALITY_GROUP)),
    "networks:county-clock": (lambda d: {"code": "9"}, EVERYONE),
    "networks:county-clock-add": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    "networks:network-clock": (lambda d: _vitality_group(), EVERYONE),
    "networks:network-clock-feed": (lambda d: _vitality_group(), EVERYONE),
    "networks:network-clock-add": (lambda d: _vitality_group(), only(*RUNS_VITALITY_GROUP)),
    "networks:calendar-item-edit": (lambda d: _clock_item(), only(*RUNS_VITALITY_GROUP)),
    "networks:calendar-item-delete": (lambda d: _clock_item(), only(*RUNS_VITALITY_GROUP)),
    # Agreements: published ones are public and changed only by a new version; a draft is
    # its owner's (no demo account works for Pohjois-Pohjanmaa: only the admin).
    "networks:municipality-agreements": (lambda d: {"code": "889"}, EVERYONE),
    "networks:municipality-agreement-add": (lambda d: {"code": "889"}, only(*RUNS_VITALITY_GROUP)),
    "networks:county-agreements": (lambda d: {"code": "19"}, EVERYONE),
    "networks:county-agreement-add": (lambda d: {"code": "19"}, only("admin")),
    "networks:agreement": (lambda d: _partnership_document(), EVERYONE),
    "networks:agreement-new-version": (
        lambda d: _partnership_document(),
        only(*RUNS_VITALITY_GROUP),
    ),
    "networks:agreement-edit": (lambda d: _draft_agreement(), only("admin", others=NOT_FOUND)),
    "networks:agreement-publish": (lambda d: _draft_agreement(), only("admin", others=NOT_FOUND)),
    "networks:agreement-party-add": (
        lambda d: _draft_agreement(),
        only("admin", others=NOT_FOUND),
    ),
    "networks:agreement-party-edit": (
        lambda d: _pk(
            "networks.AgreementParty",
            agreement=_draft_agreement()["pk"],
            organisation__municipality__code="889",
        ),
        only("admin", others=NOT_FOUND),
    ),
    "networks:agreement-party-remove": (
        lambda d: _pk(
            "networks.AgreementParty",
            agreement=_draft_agreement()["pk"],
            organisation__municipality__code="889",
        ),
        only("admin", others=NOT_FOUND),
    ),
    # Cooperation surveys: run by the county's HYTE officials; published results public,
    # answered through a personal link without an account.
    # The goal-to-impact view: public, each part filtered by what the viewer may see; the
    # experiential data of a goal is chosen by those who plan for the owner.
    "reports:municipality-impact": (lambda d: {"code": "889"}, EVERYONE),
    "reports:county-impact": (lambda d: {"code": "9"}, EVERYONE),
    "reports:goal-domains": (
        lambda d: _pk("strategy.Goal", title_fi="Aktiivinen ja turvallinen ikääntyminen"),
        only("admin", "hyte.utajarvi"),
    ),
    # Welfare reports: a draft is read by those who work with its owner (the county's HYTE
    # officials), a published one by everyone; a card by its contributor and the writers.
    "reports:municipality-reports": (lambda d: {"code": "016"}, EVERYONE),
    "reports:report-add-municipality": (lambda d: {"code": "016"}, only("admin", "hyte.asikkala")),
    "reports:county-reports": (lambda d: {"code": "9"}, EVERYONE),
    "reports:report-add-county": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    **{
        name: (lambda d: _welfare_report(), only("admin", "hva.paijathame", others=NOT_FOUND))
        for name in (
            "reports:report",
            "reports:report-edit",
            "reports:contributions",
            "reports:report-read-data",
            "reports:report-send",
            "reports:report-decision",
            "reports:report-new-version",
            "reports:report-negotiation",
            "reports:report-files",
        )
    },
    "reports:report-section": (
        lambda d: {**_welfare_report(), "key": "summary"},
        only("admin", "hva.paijathame", others=NOT_FOUND),
    ),
    "reports:report-file": (lambda d: _report_file(), dict.fromkeys(ROLES, NOT_FOUND)),
    "reports:contribution": (
        lambda d: _pk("reports.Contribution", organisation__municipality__code="016"),
        only("admin", "hva.paijathame", "hyte.asikkala", others=NOT_FOUND),
    ),
    # The practice library: published records public; editing a published record and the
    # review are the editors' (the admin, county HYTE officials); a municipality's use of a
    # practice is recorded by its coordinators.
    "practices:list": (None, EVERYONE),
    "practices:add": (None, signed_in()),
    "practices:practice": (lambda d: _workshop_practice(), EVERYONE),
    "practices:edit": (lambda d: _workshop_practice(), only("admin", "hva.paijathame")),
    "practices:files": (lambda d: _workshop_practice(), only("admin", "hva.paijathame")),
    "practices:file": (lambda d: _workshop_file(), EVERYONE),
    "practices:file-remove": (lambda d: _workshop_file(), only("admin", "hva.paijathame")),
    "practices:submit": (lambda d: _workshop_practice(), only("admin", "hva.paijathame")),
    "practices:review": (lambda d: _workshop_practice(), only("admin", "hva.paijathame")),
    "practices:adoption": (
        lambda d: {**_workshop_practice(), "code": "889"},
        only("admin", "hyte.utajarvi"),
    ),
    "practices:neighbours": (lambda d: {"code": "889"}, EVERYONE),
    # A municipality's partnership roadmap: read by those who work with it (Utajärvi's
    # coordinator and official; no demo account works for Pohjois-Pohjanmaa), kept by its
    # coordinators.
    "practices:roadmap": (
        lambda d: {"code": "889"},
        only("admin", "hyte.utajarvi", "toimiala.utajarvi"),
    ),
    "practices:roadmap-step": (
        lambda d: {"code": "889", "step": "new_ways"},
        only("admin", "hyte.utajarvi"),
    ),
    # Hearing residents: public lists and opened consultations, answered without an
    # account; kept by those who act for the owner (Utajärvi's coordinator, Päijät-Häme's
    # HYTE official). A hearing in person is recorded by those who keep the clock.
    "practices:municipality-hearings": (lambda d: {"code": "889"}, EVERYONE),
    "practices:county-hearings": (lambda d: {"code": "9"}, EVERYONE),
    "practices:municipality-consultation-add": (
        lambda d: {"code": "889"},
        only("admin", "hyte.utajarvi"),
    ),
    "practices:county-consultation-add": (
        lambda d: {"code": "9"},
        only("admin", "hva.paijathame"),
    ),
    "practices:consultation": (lambda d: _consultation(), EVERYONE),
    **{
        name: (lambda d: _consultation(), only("admin", "hyte.utajarvi"))
        for name in (
            "practices:consultation-edit",
            "practices:consultation-open",
            "practices:consultation-close",
        )
    },
    "practices:hearing-add": (
        lambda d: _pk(
            "networks.CalendarItem",
            municipality__code="889",
            title_fi="Kyläilta: kirjasto iltaisin",
        ),
        only("admin", "hyte.utajarvi"),
    ),
    "practices:hearing": (lambda d: _pk("practices.HearingRecord"), EVERYONE),
    "practices:hearing-edit": (
        lambda d: _pk("practices.HearingRecord"),
        only("admin", "hyte.utajarvi"),
    ),
    # Ex-ante impact assessments: public once the decision is made; drafts read by those
    # who work with the owner, filled in by those who act for it.
    "practices:municipality-assessments": (lambda d: {"code": "889"}, EVERYONE),
    "practices:county-assessments": (lambda d: {"code": "9"}, EVERYONE),
    "practices:municipality-assessment-add": (
        lambda d: {"code": "889"},
        only("admin", "hyte.utajarvi"),
    ),
    "practices:county-assessment-add": (
        lambda d: {"code": "9"},
        only("admin", "hva.paijathame"),
    ),
    "practices:assessment": (lambda d: _assessment(published=True), EVERYONE),
    **{
        name: (
            lambda d: _assessment(published=False),
            {
                **only("admin", "hyte.utajarvi", others=NOT_FOUND),
                "toimiala.utajarvi": FORBIDDEN,
            },
        )
        for name in ("practices:assessment-edit", "practices:assessment-publish")
    },
    # Exercise counselling: health data. Only those the county has granted access; anyone
    # else — the admin and the coordinators included — is told nothing exists (404). A
    # referrer may read the record but not write on the counselling tab (403, logged). The
    # keeper of the register's answers are set after the table.
    "counselling:home": (None, only(*COUNSELLING, anonymous=NOT_FOUND, others=NOT_FOUND)),
    "counselling:referral-add": (
        None,
        only("laakari.lapinjarvi", anonymous=NOT_FOUND, others=NOT_FOUND),
    ),
    "counselling:slots": (
        None,
        only("liikuntaneuvoja.lapinjarvi", anonymous=NOT_FOUND, others=NOT_FOUND),
    ),
    # Counselling's statistics: aggregated, small counts hidden, for those who work with the
    # municipality or the county (no demo account works for Itä-Uusimaa itself).
    "counselling:municipality-statistics": (
        lambda d: {"code": "407"},
        only("admin", "hyte.lapinjarvi"),
    ),
    "counselling:county-statistics": (lambda d: _lapinjarvi_county(), only("admin")),
    "counselling:letter": (
        lambda d: {"pk": _counselling_period()["pk"]},
        only(*COUNSELLING, anonymous=NOT_FOUND, others=NOT_FOUND),
    ),
    "counselling:period": (
        lambda d: {"pk": _counselling_period()["pk"]},
        only(*COUNSELLING, anonymous=NOT_FOUND, others=NOT_FOUND),
    ),
    **{
        name: (
            lambda d: {"pk": _counselling_period()["pk"]},
            {
                **only("liikuntaneuvoja.lapinjarvi", anonymous=NOT_FOUND, others=NOT_FOUND),
                "laakari.lapinjarvi": FORBIDDEN,
            },
        )
        for name in ("counselling:plan", "counselling:visit-add", "counselling:close")
    },
    # The keeper of the register's pages (agreements, grants of access, care teams, erasure
    # by retention, a client's export) open to the keeper (set after the table); the doctor
    # and the counsellor, granted access but not keepers, are refused (403, logged); to
    # everyone else they do not exist.
    **{
        name: (
            kwargs_for,
            {
                **only(anonymous=NOT_FOUND, others=NOT_FOUND),
                **dict.fromkeys(COUNSELLING, FORBIDDEN),
            },
        )
        for name, kwargs_for in (
            ("counselling:access-log", lambda d: {"pk": _counselling_period()["client"]}),
            ("counselling:client-export", lambda d: {"pk": _counselling_period()["client"]}),
            ("counselling:county-client-find", lambda d: _lapinjarvi_county()),
            ("counselling:county-agreements", lambda d: _lapinjarvi_county()),
            ("counselling:county-agreement-end", lambda d: _counselling_grant("agreement")),
            ("counselling:county-access", lambda d: _lapinjarvi_county()),
            ("counselling:county-access-change", lambda d: _counselling_grant("access")),
            ("counselling:county-access-end", lambda d: _counselling_grant("access")),
            (
                "counselling:county-access-second-factor-reset",
                lambda d: _counselling_grant("access"),
            ),
            ("counselling:county-erasure", lambda d: _lapinjarvi_county()),
            ("counselling:county-client-erase", lambda d: _counselling_grant("client")),
            ("counselling:county-care-teams", lambda d: _lapinjarvi_county()),
            ("counselling:county-care-team", lambda d: _counselling_care_team()),
            (
                "counselling:county-care-team-member-remove",
                lambda d: _counselling_care_team(member=True),
            ),
        )
    },
    # The client's consents: the assigned counsellor records and withdraws them (the
    # referrer 403, logged); the research extract is the keeper's.
    "counselling:consent-add": (
        lambda d: {"pk": _counselling_period()["pk"]},
        {
            **only("liikuntaneuvoja.lapinjarvi", anonymous=NOT_FOUND, others=NOT_FOUND),
            "laakari.lapinjarvi": FORBIDDEN,
        },
    ),
    "counselling:consent-withdraw": (
        lambda d: _counselling_consent(),
        {
            **only("liikuntaneuvoja.lapinjarvi", anonymous=NOT_FOUND, others=NOT_FOUND),
            "laakari.lapinjarvi": FORBIDDEN,
        },
    ),
    "counselling:research-extract": (
        lambda d: _lapinjarvi_county(),
        dict.fromkeys(ROLES, NOT_FOUND),
    ),
    "reports:county-surveys": (lambda d: {"code": "9"}, EVERYONE),
    "reports:survey-add": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    "reports:survey": (lambda d: _survey(published=True), EVERYONE),
    **{
        name: (
            lambda d: _survey(published=False),
            only("admin", "hva.paijathame", others=NOT_FOUND),
        )
        for name in (
            "reports:survey-edit",
            "reports:survey-invitations",
            "reports:survey-open",
            "reports:survey-close",
            "reports:survey-publish",
        )
    },
    "reports:survey-answer": (lambda d: _survey_answer_link(), EVERYONE),
    "reports:survey-answered": (None, EVERYONE),
    "networks:facility-add": (lambda d: {"code": "889"}, only(*RUNS_VITALITY_GROUP)),
    "networks:facility-edit": (lambda d: _utajarvi_facility(), only(*RUNS_VITALITY_GROUP)),
    "networks:facility-delete": (lambda d: _utajarvi_facility(), only(*RUNS_VITALITY_GROUP)),
    # Kuntaliitto's network project: public; its participants' fees are its runners' (no
    # demo account works for Kuntaliitto: only the admin).
    "networks:project": (lambda d: _network_project(), EVERYONE),
    "networks:project-participation-edit": (
        lambda d: _pk("networks.ProjectMembership", municipality__code="889", year=2018),
        only("admin"),
    ),
    "networks:project-participation-remove": (
        lambda d: _pk("networks.ProjectMembership", municipality__code="889", year=2018),
        only("admin"),
    ),
    "networks:project-partner-remove": (
        lambda d: _pk("networks.ProjectPartner", organisation__name_fi="Terve kunta -verkosto"),
        only("admin"),
    ),
    "networks:project-theme-remove": (
        lambda d: _pk("networks.ProjectTheme", year=2018),
        only("admin"),
    ),
    "api:api-root": (None, signed_in(anonymous=UNAUTHORISED)),
    "api:auth-token": (None, dict.fromkeys(ROLES, NOT_ALLOWED)),
    "api:municipality-list": (None, EVERYONE),
    "api:municipality-detail": (lambda d: {"code": "889"}, EVERYONE),
    "api:wellbeing-county-list": (None, EVERYONE),
    "api:wellbeing-county-detail": (lambda d: {"code": "9"}, EVERYONE),
    "api:organisation-list": (None, EVERYONE),
    "api:organisation-detail": (lambda d: {"pk": d["reuma"].pk}, EVERYONE),
    "api:indicator-list": (None, EVERYONE),
    "api:card-template-list": (None, EVERYONE),
    "api:grant-round-list": (None, EVERYONE),
    "api:grant-round-detail": (
        lambda d: _open_round(),
        EVERYONE,
    ),
    "api:card-template-detail": (lambda d: _utajarvi_card(), EVERYONE),
    "api:grant-application-list": (None, EVERYONE),
    "api:grant-application-detail": (
        lambda d: _open_application(d),
        only("admin", "hyte.utajarvi", "yhdistys.reuma", anonymous=NOT_FOUND, others=NOT_FOUND),
    ),
    "api:network-list": (None, EVERYONE),
    "api:network-detail": (lambda d: _vitality_group(), EVERYONE),
    "api:meeting-list": (None, EVERYONE),
    "api:meeting-detail": (lambda d: _held_meeting(), EVERYONE),
    "api:calendar-item-list": (None, EVERYONE),
    "api:welfare-report-list": (None, EVERYONE),  # published ones; drafts to their people
    "api:welfare-report-detail": (
        lambda d: _welfare_report(),
        only("admin", "hva.paijathame", anonymous=NOT_FOUND, others=NOT_FOUND),
    ),
    "api:impact-assessment-list": (None, EVERYONE),  # published ones; drafts to their people
    "api:impact-assessment-detail": (lambda d: _assessment(published=True), EVERYONE),
    "api:practice-list": (None, EVERYONE),
    "api:practice-detail": (lambda d: _workshop_practice(), EVERYONE),
    "api:survey-list": (None, EVERYONE),  # published results; every survey to organisers
    "api:survey-detail": (lambda d: _survey(published=True), EVERYONE),
    "api:workshop-list": (None, EVERYONE),
    "api:workshop-detail": (lambda d: _workshop(), EVERYONE),
    # Exercise counselling's referrals (health data): as its pages, 404 to all but those the
    # county granted access; the list and the record to the doctor and the counsellor (the
    # record's read logged); the FHIR referral is POST only (tests/counselling/test_api.py).
    "api:referral-list": (None, only(*COUNSELLING, anonymous=NOT_FOUND, others=NOT_FOUND)),
    **{
        name: (
            lambda d: {"pk": _counselling_period()["pk"]},
            only(*COUNSELLING, anonymous=NOT_FOUND, others=NOT_FOUND),
        )
        for name in ("api:referral-detail", "api:referral-fhir-bundle")
    },
    "api:referral-fhir-referral": (
        None,
        {**dict.fromkeys(ROLES, NOT_FOUND), **dict.fromkeys(COUNSELLING, NOT_ALLOWED)},
    ),
    "api:workshop-registration-list": (None, EVERYONE),  # an empty list but for organisers
    "api:workshop-registration-detail": (
        lambda d: _pk("workshops.Registration", name="Sirpa Mäkinen"),
        {**dict.fromkeys(ROLES, NOT_FOUND), "admin": OK, "pajat.keskisuomi": OK},
    ),
    "api:agreement-list": (None, EVERYONE),
    "api:agreement-detail": (lambda d: _partnership_document(), EVERYONE),
    "api:calendar-item-detail": (lambda d: _clock_item(), EVERYONE),
    "api:budget-list": (None, EVERYONE),
    "api:budget-detail": (lambda d: _voting_budget(), EVERYONE),
    "api:ballot-list": (None, EVERYONE),
    # The sports club's ballot: its own only, and no demo account represents it.
    "api:ballot-detail": (
        lambda d: _pk("budgeting.Ballot", budget=_voting_budget()["pk"]),
        {**dict.fromkeys(ROLES, NOT_FOUND)},
    ),
    "api:card-response-list": (None, EVERYONE),
    "api:card-response-detail": (
        lambda d: _card_draft(),
        only(
            "admin",
            "hyte.utajarvi",
            "toimiala.utajarvi",
            "yhdistys.reuma",
            anonymous=NOT_FOUND,
            others=NOT_FOUND,
        ),
    ),
    "api:activity-list": (None, signed_in(anonymous=UNAUTHORISED)),
    "api:activity-detail": (
        lambda d: _club_meeting(),
        only(
            "admin",
            "hyte.utajarvi",
            "toimiala.utajarvi",
            "yhdistys.reuma",
            anonymous=UNAUTHORISED,
            others=NOT_FOUND,
        ),
    ),
    "api:community-card-list": (None, EVERYONE),
    "api:community-card-detail": (lambda d: _saraisniemi(), EVERYONE),
    "api:indicator-detail": (lambda d: _pk("indicators.Indicator", sotkanet_id=186), EVERYONE),
    "api:indicator-value-list": (None, EVERYONE),
    # A municipality's own indicators: public list, kept by its coordinators
    "indicators:own-indicator-list": (lambda d: {"code": "889"}, EVERYONE),
    "indicators:own-indicator-add": (lambda d: {"code": "889"}, only("admin", "hyte.utajarvi")),
    "indicators:own-indicator-edit": (
        lambda d: _pk("indicators.Indicator", source="own", owner_municipality__code="889"),
        only("admin", "hyte.utajarvi"),
    ),
    "indicators:own-indicator-delete": (
        lambda d: _pk("indicators.Indicator", source="own", owner_municipality__code="889"),
        only("admin", "hyte.utajarvi"),
    ),
    "api:schema": (None, EVERYONE),
    "api:docs": (None, EVERYONE),
    # Sotkanet import (indicators): the platform admin, coordinators and county officials
    "indicators:import-list": (None, only(*SOTKANET_IMPORTERS)),
    "indicators:import-create": (None, only(*SOTKANET_IMPORTERS)),
    "indicators:import-detail": (lambda d: _import_job(), IMPORT_JOB),
    "indicators:import-progress": (lambda d: _import_job(), IMPORT_JOB),
    # Catalogue, indicator pages and charts (indicators): public, Sotkanet data is open
    "indicators:indicator-list": (None, EVERYONE),
    "indicators:indicator-detail": (
        lambda d: {"pk": _demo_indicator_chart()["indicator"]},
        EVERYONE,
    ),
    "indicators:municipality-indicators": (lambda d: {"code": "889"}, EVERYONE),
    "indicators:chart-svg": (
        lambda d: {k: v for k, v in _demo_indicator_chart().items() if k != "indicator"},
        EVERYONE,
    ),
    # HYTE coefficient, indicator sets, experiential data (indicators)
    "indicators:hyte-county": (lambda d: {"code": "9"}, EVERYONE),
    "indicators:hyte-follow-up": (lambda d: {"code": "9"}, EVERYONE),
    "indicators:hyte-score-add": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    "indicators:hyte-score-edit": (
        lambda d: {
            "code": "9",
            **_pk("indicators.HyteCoefficientScore", wellbeing_county__code="9"),
        },
        only("admin", "hva.paijathame"),
    ),
    "indicators:hyte-rule-list": (None, EVERYONE),
    "indicators:hyte-rule-add": (None, only("admin", "hva.paijathame")),
    "indicators:hyte-rule-edit": (
        lambda d: _pk("indicators.HyteFundingRule", year=2024, level="wellbeing_county"),
        only("admin", "hva.paijathame"),
    ),
    "indicators:indicator-set-list": (lambda d: {"code": "785"}, EVERYONE),
    "indicators:indicator-set-add": (lambda d: {"code": "785"}, only("admin", "hyte.vaala")),
    "indicators:indicator-set-presets": (None, EVERYONE),
    "indicators:indicator-set-preset-add": (None, only("admin")),
    "indicators:indicator-set-detail": (
        lambda d: _pk("indicators.IndicatorSet", name="THL:n minimilista"),
        EVERYONE,
    ),
    "indicators:indicator-set-edit": (
        lambda d: _pk("indicators.IndicatorSet", wellbeing_county__code="9"),
        only("admin", "hva.paijathame"),
    ),
    "indicators:indicator-set-delete": (
        lambda d: _pk("indicators.IndicatorSet", wellbeing_county__code="9"),
        only("admin", "hva.paijathame"),
    ),
    "indicators:experiential-municipality": (
        lambda d: {"code": "785"},
        only("admin", "hyte.vaala", "valtuutettu.vaala"),
    ),
    "indicators:experiential-survey-add": (lambda d: {"code": "785"}, only("admin", "hyte.vaala")),
    "indicators:experiential-survey-detail": (
        lambda d: _pk("indicators.ExperientialSurvey", municipality__code="785"),
        only("admin", "hyte.vaala", "valtuutettu.vaala"),
    ),
    "indicators:experiential-result-add": (
        lambda d: _pk("indicators.ExperientialSurvey", municipality__code="785"),
        only("admin", "hyte.vaala"),
    ),
    "indicators:experiential-import": (
        lambda d: _pk("indicators.ExperientialSurvey", municipality__code="785"),
        only("admin", "hyte.vaala"),
    ),
    # Goal tracking cards and measures (strategy): the Päijät-Häme card of seed 001 (its plan
    # is approved: public, the static part frozen) and Vaala's draft plan whose measures MLL
    # Vaalan yhdistys implements.
    "strategy:goal-card": (lambda d: _pk("strategy.Goal", title_fi=CARD_GOAL), EVERYONE),
    "strategy:goal-card-print": (lambda d: _pk("strategy.Goal", title_fi=CARD_GOAL), EVERYONE),
    "strategy:goal-card-edit": (
        lambda d: _pk("strategy.Goal", title_fi=CARD_GOAL),
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "strategy:goal-card-update": (
        lambda d: _pk("strategy.Goal", title_fi=CARD_GOAL),
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "strategy:measure-create": (
        lambda d: {"goal_pk": _pk("strategy.Goal", title_fi=CARD_GOAL)["pk"]},
        only("admin", "hva.paijathame"),
    ),
    "strategy:measure-detail": (
        lambda d: _pk("strategy.Measure", title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala", "valtuutettu.vaala", "yhdistys.mll"),
    ),
    "strategy:measure-edit": (
        lambda d: _pk("strategy.Measure", title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:measure-delete": (
        lambda d: _pk("strategy.Measure", title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:measure-report": (
        lambda d: _pk("strategy.Measure", title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala", "yhdistys.mll"),
    ),
    "strategy:measures-attention": (None, signed_in()),
    "strategy:my-measures": (None, signed_in()),
    # Plans (strategy): Vaala's draft welfare plan, read by its municipality's people and
    # edited by its coordinator; Päijät-Häme's approved plans, public and frozen.
    "strategy:municipality-plans": (lambda d: {"code": "785"}, EVERYONE),
    "strategy:county-plans": (lambda d: {"code": "9"}, EVERYONE),
    "strategy:network-plans": (lambda d: _pk("networks.Network", name_fi=VAALA_NETWORK), EVERYONE),
    "strategy:plan-create-municipality": (
        lambda d: {"code": "785"},
        only("admin", "hyte.vaala"),
    ),
    "strategy:plan-create-county": (lambda d: {"code": "9"}, only("admin", "hva.paijathame")),
    "strategy:plan-create-network": (
        lambda d: _pk("networks.Network", name_fi=VAALA_NETWORK),
        only("admin", "hyte.vaala"),
    ),
    "strategy:plan-detail": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        only("admin", "hyte.vaala", "valtuutettu.vaala"),
    ),
    "strategy:plan-edit": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        only("admin", "hyte.vaala"),
    ),
    "strategy:plan-send-to-decision": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        only("admin", "hyte.vaala"),
    ),
    "strategy:plan-decision": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        only("admin", "hyte.vaala"),
    ),
    # POST only: evaluation ↔ planning.
    "strategy:plan-stage": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        {**only("admin", "hyte.vaala"), "admin": NOT_ALLOWED, "hyte.vaala": NOT_ALLOWED},
    ),
    "strategy:plan-new-version": (
        lambda d: _pk("strategy.Plan", **PAIJAT_HAME_PLAN),
        only("admin", "hva.paijathame"),
    ),
    "strategy:priority-area-create": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        only("admin", "hyte.vaala"),
    ),
    "strategy:priority-area-edit": (
        lambda d: _pk("strategy.PriorityArea", goals__measures__title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:priority-area-delete": (
        lambda d: _pk("strategy.PriorityArea", goals__measures__title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:goal-create": (
        lambda d: _pk("strategy.PriorityArea", goals__measures__title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:sub-goal-create": (
        lambda d: _pk("strategy.Goal", measures__title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:goal-edit": (
        lambda d: _pk("strategy.Goal", measures__title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:goal-delete": (
        lambda d: _pk("strategy.Goal", measures__title_fi=VAALA_CAFE),
        only("admin", "hyte.vaala"),
    ),
    "strategy:logic-model": (lambda d: _pk("strategy.Plan", **PREVENTIVE_PLAN), EVERYONE),
    "strategy:logic-model-edit": (
        lambda d: _pk("strategy.Plan", **PREVENTIVE_PLAN),
        only("admin", "hva.paijathame"),
    ),
    "strategy:plan-concerns": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        only("admin", "hyte.vaala", "valtuutettu.vaala"),
    ),
    "strategy:plan-concerns-edit": (
        lambda d: _pk("strategy.Plan", **VAALA_PLAN),
        only("admin", "hyte.vaala"),
    ),
    "strategy:evaluation-report-create": (
        lambda d: _pk("strategy.Plan", **VAALA_REPORT),
        only("admin", "hyte.vaala"),
    ),
    "strategy:evaluation-report-detail": (
        lambda d: _pk("strategy.EvaluationReport", plan__municipality__code="785"),
        EVERYONE,
    ),
    "strategy:evaluation-report-edit": (
        lambda d: _pk("strategy.EvaluationReport", plan__municipality__code="785"),
        only("admin", "hyte.vaala"),
    ),
    "strategy:network-recommendations": (
        lambda d: _pk("networks.Network", name_fi=VAALA_NETWORK),
        EVERYONE,
    ),
    "strategy:recommendation-respond": (
        lambda d: _pk("strategy.Recommendation", network__name_fi=VAALA_NETWORK),
        only("admin", "hyte.vaala"),
    ),
    "strategy:county-hyte-negotiations": (
        lambda d: {"code": "9"},
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "strategy:hyte-negotiation-create": (
        lambda d: {"code": "9"},
        only("admin", "hva.paijathame"),
    ),
    "strategy:hyte-negotiation-detail": (
        lambda d: _pk("strategy.HyteNegotiation", wellbeing_county__code="9"),
        only("admin", "hva.paijathame", "hyte.asikkala"),
    ),
    "strategy:hyte-negotiation-edit": (
        lambda d: _pk("strategy.HyteNegotiation", wellbeing_county__code="9"),
        only("admin", "hva.paijathame"),
    ),
    "api:plan-list": (None, EVERYONE),
    "api:plan-detail": (
        lambda d: _pk("strategy.Plan", wellbeing_county__code="9", kind="regional_welfare_plan"),
        EVERYONE,
    ),
    "api:goal-list": (None, EVERYONE),
    "api:goal-detail": (lambda d: _pk("strategy.Goal", title_fi=CARD_GOAL), EVERYONE),
    "api:measure-list": (None, EVERYONE),
    "api:measure-detail": (
        lambda d: _pk("strategy.Measure", title_fi=VAALA_CAFE),
        {
            **only("admin", "hyte.vaala", "valtuutettu.vaala", "yhdistys.mll", others=NOT_FOUND),
            ANONYMOUS: NOT_FOUND,
        },
    ),
    "api:measure-reports": (
        lambda d: _pk("strategy.Measure", goal__title_fi=CARD_GOAL),
        dict.fromkeys(ROLES, NOT_ALLOWED),
    ),
    "api:goal-card-list": (None, EVERYONE),
    "api:goal-card-detail": (
        lambda d: _pk("strategy.GoalCard", goal__title_fi=CARD_GOAL),
        EVERYONE,
    ),
    "api:goal-card-updates": (
        lambda d: _pk("strategy.GoalCard", goal__title_fi=CARD_GOAL),
        EVERYONE,
    ),
}

# Vaala's draft plan and what is in it: a signed-in user who may not even see the object gets
# 404, as the API answers; one who sees it but may not do this gets 403.
VAALA_DRAFT_READERS = ("admin", "hyte.vaala", "valtuutettu.vaala")
VAALA_CAFE_READERS = (*VAALA_DRAFT_READERS, "yhdistys.mll")  # MLL implements the measure
HIDDEN_FROM_OTHERS = {
    **dict.fromkeys(
        [
            "strategy:plan-detail",
            "strategy:plan-edit",
            "strategy:plan-send-to-decision",
            "strategy:plan-decision",
            "strategy:plan-stage",
            "strategy:priority-area-create",
            "strategy:priority-area-edit",
            "strategy:priority-area-delete",
            "strategy:goal-create",
            "strategy:sub-goal-create",
            "strategy:goal-edit",
            "strategy:goal-delete",
            "strategy:plan-concerns",
            "strategy:plan-concerns-edit",
        ],
        VAALA_DRAFT_READERS,
    ),
    **dict.fromkeys(
        [
            "strategy:measure-detail",
            "strategy:measure-edit",
            "strategy:measure-delete",
            "strategy:measure-report",
        ],
        VAALA_CAFE_READERS,
    ),
}
for _name, _readers in HIDDEN_FROM_OTHERS.items():
    _kwargs_for, _table = EXPECTATIONS[_name]
    EXPECTATIONS[_name] = (
        _kwargs_for,
        {
            role: NOT_FOUND if got == FORBIDDEN and role not in _readers else got
            for role, got in _table.items()
        },
    )

# The keeper of Itä-Uusimaa's counselling register is a county official: outside
# counselling it may what every county official may (Päijät-Häme's in this table: import
# indicators, keep the HYTE rules, edit a practice of the library)...
for _name in (
    "practices:edit",
    "practices:files",
    "practices:file-remove",
    "practices:submit",
    "practices:review",
    "indicators:import-list",
    "indicators:import-create",
    "indicators:import-detail",
    "indicators:import-progress",
    "indicators:hyte-rule-add",
    "indicators:hyte-rule-edit",
):
    EXPECTATIONS[_name][1][KEEPER] = EXPECTATIONS[_name][1]["hva.paijathame"]
# ...and in counselling it keeps the register: its county's agreements, grants, care teams,
# statistics, research extract, erasure, a client's access log and export; the records themselves it
# may not read (403, logged), nor write on the counselling tab.
for _name, _got in {
    "second-factor": REDIRECT,
    "counselling:home": OK,
    "counselling:municipality-statistics": OK,
    "counselling:county-statistics": OK,
    "counselling:access-log": OK,
    "counselling:client-export": OK,
    "counselling:county-client-find": OK,
    "counselling:county-agreements": OK,
    "counselling:county-agreement-end": OK,
    "counselling:county-access": OK,
    "counselling:county-access-change": OK,
    "counselling:county-access-end": OK,
    "counselling:county-access-second-factor-reset": OK,
    "counselling:county-erasure": OK,
    "counselling:county-client-erase": OK,
    "counselling:county-care-teams": OK,
    "counselling:county-care-team": OK,
    "counselling:county-care-team-member-remove": OK,
    "counselling:research-extract": OK,
    "api:referral-list": OK,  # empty: a keeper reads no record
    "api:referral-fhir-referral": NOT_ALLOWED,
    **dict.fromkeys(
        (
            "counselling:letter",
            "counselling:period",
            "counselling:plan",
            "counselling:visit-add",
            "counselling:close",
            "counselling:consent-add",
            "counselling:consent-withdraw",
            "api:referral-detail",
            "api:referral-fhir-bundle",
        ),
        FORBIDDEN,
    ),
}.items():
    EXPECTATIONS[_name][1][KEEPER] = _got

# Django's admin keeps its own staff-only permission system; its pages that need no object
# are checked below against it (only the platform admin is staff), the rest are Django's.
ADMIN_NAMESPACE = "admin"


def named_urls(resolver: URLResolver | None = None, prefix: str = "") -> dict[str, bool]:
    """Every URL name in the URLconf → whether it takes arguments."""
    resolver = resolver or get_resolver()
    names: dict[str, bool] = {}
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names.update(named_urls(pattern, namespace))
        elif isinstance(pattern, URLPattern) and pattern.name:
            takes_arguments = bool(pattern.pattern.regex.groupindex)
            names[prefix + pattern.name] = names.get(prefix + pattern.name, True) and (
                takes_arguments
            )
    return names


def outcome(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("login")):
            return LOGIN
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        return REDIRECT
    return str(response.status_code)


# A year of this century or the last written as a number with a thousands separator
# ("2 026"): years are never grouped (issue 11). No demo count falls in these ranges.
SEPARATED_YEAR = re.compile(r"\b(?:1[\xa0\u202f ]9|2[\xa0\u202f ]0)\d\d\b")


@pytest.fixture(autouse=True)
def _charts_not_drawn(monkeypatch):
    """Who may open a chart page is checked here, not how its charts are drawn (that is
    tests/indicators/test_charts.py): a stand-in drawing saves about a second a role."""
    monkeypatch.setattr(drawing, "chart_draw", lambda spec: "<svg></svg>")


def test_access_matrix__every_url_has_an_expectation():
    names = {name for name in named_urls() if not name.startswith(f"{ADMIN_NAMESPACE}:")}
    missing = sorted(names - set(EXPECTATIONS))
    stale = sorted(set(EXPECTATIONS) - names)
    assert not missing, f"URLs without an access expectation: {missing}"
    assert not stale, f"expectations for URLs that no longer exist: {stale}"


@pytest.fixture
def demo_objects(demo):
    from elinvoima.actors.models import Organisation

    return {"reuma": Organisation.objects.get(name_fi="Utajärven reumayhdistys ry")}


# On SQLite (the embedded database of `make run`) every page is rendered too, by the roles
# that together may open every page (the admin, an anonymous visitor, two associations: the
# second a voter of Vaala's network, and exercise counselling's doctor, counsellor and
# keeper of the register, the only ones who open its pages) and by two staff roles whose
# visibility is SQL (a municipality's coordinator, a county's official); the whole table
# runs on PostgreSQL.
# The test below keeps the first claim true.
SQLITE_ROLES = [
    ANONYMOUS,
    "admin",
    "hyte.utajarvi",
    "hva.paijathame",
    "yhdistys.reuma",
    "yhdistys.mll",
    "laakari.lapinjarvi",
    "liikuntaneuvoja.lapinjarvi",
    KEEPER,
]


def _matrix_roles() -> list[str]:
    from django.db import connection

    return SQLITE_ROLES if connection.vendor == "sqlite" else ROLES


def test_sqlite_roles__open_every_page_some_role_may():
    unreached = sorted(
        name
        for name, (_kwargs_for, expected) in EXPECTATIONS.items()
        if any(expected[role] == OK for role in ROLES)
        and not any(expected[role] == OK for role in SQLITE_ROLES)
    )
    assert not unreached, f"pages no role of SQLITE_ROLES opens: {unreached}"


@pytest.mark.parametrize("role", _matrix_roles())
def test_access_matrix__each_role_gets_what_the_table_says(role, client_for, demo_objects):
    client = client_for(None if role == ANONYMOUS else role)
    mismatches = []
    for name, (kwargs_for, expected) in EXPECTATIONS.items():
        url = reverse(name, kwargs=kwargs_for(demo_objects) if kwargs_for else None)
        response = client.get(url)
        got = outcome(response)
        if got != expected[role]:
            mismatches.append(f"{name} {url}: expected {expected[role]}, got {got}")
        elif got == OK and response["Content-Type"].startswith("text/html"):
            for year in SEPARATED_YEAR.findall(response.content.decode()):
                mismatches.append(f"{name} {url}: a year with a thousands separator {year!r}")
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix__admin_pages_are_for_staff_only(role, client_for, demo):
    client = client_for(None if role == ANONYMOUS else role)
    # Staff may be refused an add page (audit entries are never added by hand): 403.
    allowed = {OK, FORBIDDEN} if role == "admin" else {ADMIN_LOGIN}
    admin_pages = sorted(
        name
        for name, takes_arguments in named_urls().items()
        if name.startswith(f"{ADMIN_NAMESPACE}:")
        and not takes_arguments
        and name not in ("admin:login", "admin:logout")
    )
    assert "admin:index" in admin_pages
    if role == "admin":
        assert client.get(reverse("admin:index")).status_code == 200
    mismatches = [
        f"{name}: got {got}"
        for name in admin_pages
        if (got := outcome(client.get(reverse(name)))) not in allowed
    ]
    assert not mismatches, "\n".join(mismatches)
