from modeltranslation.translator import TranslationOptions, register

from elinvoima.actors.interfaces.models import InterfaceTheme
from elinvoima.actors.models import (
    Municipality,
    Organisation,
    TargetGroup,
    Theme,
    Village,
    WellbeingCounty,
)


@register(WellbeingCounty)
class WellbeingCountyTranslation(TranslationOptions):
    fields = ("name", "short_name")


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description", "regular_activities")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(Village)
class VillageTranslation(TranslationOptions):
    fields = ("name",)


@register(InterfaceTheme)
class InterfaceThemeTranslation(TranslationOptions):
    fields = ("name",)
