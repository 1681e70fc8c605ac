from modeltranslation.translator import TranslationOptions, register

from elinvoima.indicators.models import Indicator, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("title",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = (
        "title",
        "description",
        "interpretation",
        "limits",
        "notices",
        "value_type",
        "organization",
    )
