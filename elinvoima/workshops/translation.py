from modeltranslation.translator import TranslationOptions, register

from .models import NewsItem, ProgrammeItem, Series, Workshop


@register(Series)
class SeriesTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Workshop)
class WorkshopTranslation(TranslationOptions):
    fields = ("theme", "description")


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("title",)


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "body")
