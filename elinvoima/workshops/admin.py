from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Area, Registration, Series, Workshop


class AreaInline(admin.TabularInline):
    model = Area
    extra = 0
    filter_horizontal = ["municipalities"]


@admin.register(Series)
class SeriesAdmin(TranslationAdmin):
    inlines = [AreaInline]
    list_display = ["name", "organiser", "funder", "is_published"]
    search_fields = ["name_fi", "name_sv"]
    autocomplete_fields = ["organiser"]


@admin.register(Workshop)
class WorkshopAdmin(TranslationAdmin):
    list_display = ["theme", "series", "area", "starts_at", "is_published"]
    list_filter = ["series", "is_published"]
    list_select_related = ["series", "area"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "workshop", "state", "retain_until", "erased"]
    list_filter = ["state", "erased"]
    search_fields = ["name", "email"]
    list_select_related = ["workshop"]
