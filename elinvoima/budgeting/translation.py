from modeltranslation.translator import TranslationOptions, register

from elinvoima.budgeting.models import Budget, Proposal


# A budget and its proposals are written in the municipality's languages.
@register(Budget)
class BudgetTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Proposal)
class ProposalTranslation(TranslationOptions):
    fields = ("title", "description")
