from modeltranslation.translator import TranslationOptions, register

from .models import TEXTS, Practice


@register(Practice)
class PracticeTranslation(TranslationOptions):
    fields = TEXTS
