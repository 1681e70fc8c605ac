"""Speaking the patient systems' language (HL7 FHIR R4, as the Finnish patient systems
and Kanta do): a referral arrives as a `ServiceRequest`, and a counselling period goes back
to the county's own system as a `Bundle` of its `CarePlan`, `Appointment`s, `Encounter`s
and `Observation`s — each built and validated with the `fhir.resources` library, so the
county can keep the record in its register. The client is named by the personal identity
code's identifier (OID 1.2.246.21), never by a database id."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from fhir.resources.R4B.appointment import Appointment
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.servicerequest import ServiceRequest
from pydantic import ValidationError as InvalidResource

from elinvoima.counselling.enums import BookingState, Measurement, Urgency
from elinvoima.counselling.models import Period

HETU = "urn:oid:1.2.246.21"  # the Finnish personal identity code
MEASUREMENTS = "urn:elinvoima:counselling:measurement"  # the counsellors' own list
APPOINTMENT_STATUS = {
    BookingState.BOOKED: "booked",
    BookingState.CANCELLED: "cancelled",
    BookingState.ATTENDED: "fulfilled",
    BookingState.NO_SHOW: "noshow",
}


def referral_fields(payload: str | bytes | dict) -> dict:
    """The fields of a referral from a FHIR `ServiceRequest` (JSON): the identity code, the
    name, the reason, the goals, the urgency. A resource that is not a valid
    ServiceRequest, or has no identity code, is refused with a ValidationError."""
    try:
        data = json.loads(payload) if isinstance(payload, str | bytes) else payload
        request = ServiceRequest.model_validate(data)
    except (ValueError, InvalidResource):
        raise ValidationError(_("The referral is not a valid FHIR ServiceRequest.")) from None
    identifier = request.subject.identifier if request.subject else None
    if identifier is None or identifier.system != HETU or not identifier.value:
        raise ValidationError(_("The referral does not name the client's identity code."))
    reasons = [code.text for code in request.reasonCode or [] if code.text]
    return {
        "identity_code": identifier.value,
        "name": request.subject.display or "",
        "reason": "; ".join(reasons),
        "goals": "\n".join(note.text for note in request.note or [] if note.text),
        "urgency": Urgency.SOON
        if request.priority in ("urgent", "asap", "stat")
        else Urgency.ROUTINE,
    }


def _instant(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat()


def period_bundle(period: Period) -> dict:
    """The period as a FHIR `Bundle` (a collection), validated resource by resource; the
    caller has checked the permission and logs the export."""
    client = period.client
    subject = {"identifier": {"system": HETU, "value": client.identity_code}}
    plan_id = f"careplan-{period.pk}"
    resources: list = [
        CarePlan.model_validate(
            {
                "resourceType": "CarePlan",
                "id": plan_id,
                "status": "completed" if period.closed_at else "active",
                "intent": "plan",
                "title": _("Exercise counselling"),  # in the language of the request
                "description": period.exercise_plan or None,
                "subject": subject,
                "period": {
                    "start": _instant(period.opened_at),
                    **({"end": _instant(period.closed_at)} if period.closed_at else {}),
                },
                "note": [
                    {"text": text} for text in (period.self_care, period.outcome_summary) if text
                ]
                or None,
            }
        )
    ]
    for booking in period.bookings.select_related("slot"):
        resources.append(
            Appointment.model_validate(
                {
                    "resourceType": "Appointment",
                    "id": f"appointment-{booking.pk}",
                    "status": APPOINTMENT_STATUS[booking.state],
                    "start": _instant(booking.slot.starts_at),
                    "end": _instant(booking.slot.ends_at),
                    "participant": [
                        {"actor": {"display": booking.slot.place}, "status": "accepted"}
                    ],
                }
            )
        )
    labels = dict(Measurement.choices)
    for visit in period.visits.all():
        encounter_id = f"encounter-{visit.pk}"
        resources.append(
            Encounter.model_validate(
                {
                    "resourceType": "Encounter",
                    "id": encounter_id,
                    "status": "finished",
                    "class": {
                        "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                        "code": "AMB",
                    },
                    "subject": subject,
                    "period": {"start": visit.visited_on.isoformat()},
                }
            )
        )
        values = json.loads(visit.measurements) if visit.measurements else {}
        for code, value in sorted(values.items()):
            resources.append(
                Observation.model_validate(
                    {
                        "resourceType": "Observation",
                        "id": f"observation-{visit.pk}-{code.replace('_', '-')}",  # no "_" in ids
                        "status": "final",
                        "code": {
                            "coding": [
                                {"system": MEASUREMENTS, "code": code, "display": str(labels[code])}
                            ]
                        },
                        "subject": subject,
                        "encounter": {"reference": f"Encounter/{encounter_id}"},
                        "effectiveDateTime": visit.visited_on.isoformat(),
                        "valueQuantity": {"value": value},
                    }
                )
            )
    bundle = Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "timestamp": _instant(timezone.now()),
            "entry": [
                {"fullUrl": f"urn:elinvoima:{r.get_resource_type()}/{r.id}", "resource": r}
                for r in resources
            ],
        }
    )
    return json.loads(bundle.model_dump_json(exclude_none=True))
