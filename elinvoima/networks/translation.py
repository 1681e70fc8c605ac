from modeltranslation.translator import TranslationOptions, register

from .models import (
    Agreement,
    AgreementParty,
    CalendarItem,
    Facility,
    Network,
    ProjectTheme,
)


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "description", "mandate")


@register(CalendarItem)
class CalendarItemTranslation(TranslationOptions):
    fields = ("title", "description", "how_heard")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = (
        "title",
        "purpose",
        "principles",
        "grant_practices",
        "facility_principles",
        "other_support",
        "cooperation",
    )


@register(AgreementParty)
class AgreementPartyTranslation(TranslationOptions):
    fields = ("commitments",)


@register(Facility)
class FacilityTranslation(TranslationOptions):
    fields = ("name", "terms")


@register(ProjectTheme)
class ProjectThemeTranslation(TranslationOptions):
    fields = ("theme",)
