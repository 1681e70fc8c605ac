from modeltranslation.translator import TranslationOptions, register

from elinvoima.cards.models import CardTemplate


# A card is named in the municipality's languages (Ikäihmiset-kortti, Äldrekortet).
@register(CardTemplate)
class CardTemplateTranslation(TranslationOptions):
    fields = ("name",)
