from modeltranslation.translator import TranslationOptions, register

from .models import Report, ReportSection, Survey, SurveyStatement


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "introduction", "observations")


@register(SurveyStatement)
class SurveyStatementTranslation(TranslationOptions):
    fields = ("text",)


@register(Report)
class ReportTranslation(TranslationOptions):
    fields = ("title",)


@register(ReportSection)
class ReportSectionTranslation(TranslationOptions):
    fields = ("text",)
