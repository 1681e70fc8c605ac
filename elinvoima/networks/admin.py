from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Network, NetworkMembership


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Network)
class NetworkAdmin(TranslationAdmin):
    inlines = [NetworkMembershipInline]
    list_display = ["name", "kind", "municipality", "wellbeing_county", "coordinator"]
    list_filter = ["kind", "wellbeing_county"]
    search_fields = ["name_fi", "name_sv"]
    autocomplete_fields = ["municipality", "wellbeing_county", "coordinator", "members"]
    list_select_related = ["municipality", "wellbeing_county", "coordinator"]
