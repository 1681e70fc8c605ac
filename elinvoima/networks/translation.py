from modeltranslation.translator import TranslationOptions, register

from .models import CalendarItem, Network


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "description", "mandate")


@register(CalendarItem)
class CalendarItemTranslation(TranslationOptions):
    fields = ("title", "description", "how_heard")
