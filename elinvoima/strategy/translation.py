from modeltranslation.translator import TranslationOptions, register

from elinvoima.strategy.models import Goal, Measure, Plan, PriorityArea


# Bilingual municipalities and counties (Lapinjärvi, Itä-Uusimaa…) publish plans in both
# languages; the Swedish text falls back to the Finnish one.
@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "description")


@register(PriorityArea)
class PriorityAreaTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Measure)
class MeasureTranslation(TranslationOptions):
    fields = ("title", "description")
