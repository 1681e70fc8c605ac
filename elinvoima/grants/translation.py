from modeltranslation.translator import TranslationOptions, register

from elinvoima.grants.models import GrantRound


# A round is written in the municipality's languages.
@register(GrantRound)
class GrantRoundTranslation(TranslationOptions):
    fields = ("name", "description", "eligibility", "criteria", "attachments_asked")
