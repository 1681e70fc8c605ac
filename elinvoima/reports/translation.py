from modeltranslation.translator import TranslationOptions, register

from .models import Survey, SurveyStatement


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "introduction", "observations")


@register(SurveyStatement)
class SurveyStatementTranslation(TranslationOptions):
    fields = ("text",)
