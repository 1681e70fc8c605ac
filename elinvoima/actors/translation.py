from modeltranslation.translator import TranslationOptions, register

from .models import Municipality, Organisation, WellbeingCounty


@register(WellbeingCounty)
class WellbeingCountyTranslation(TranslationOptions):
    fields = ("name", "short_name")


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
