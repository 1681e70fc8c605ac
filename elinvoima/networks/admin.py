from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Network


@admin.register(Network)
class NetworkAdmin(TranslationAdmin):
    list_display = ["name", "kind", "municipality", "wellbeing_county", "coordinator"]
    list_filter = ["kind", "wellbeing_county"]
    search_fields = ["name_fi", "name_sv"]
    autocomplete_fields = ["municipality", "wellbeing_county", "coordinator", "members"]
    list_select_related = ["municipality", "wellbeing_county", "coordinator"]
