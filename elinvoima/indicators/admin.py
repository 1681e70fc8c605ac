from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from elinvoima.indicators.models import (
    HyteCoefficientScore,
    HyteFundingRule,
    ImportJob,
    Indicator,
    IndicatorSet,
    IndicatorSetItem,
    IndicatorValue,
    Region,
)


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["id", "code", "category", "title", "municipality", "wellbeing_county"]
    list_filter = ["category"]
    search_fields = ["id", "code", "title_fi", "title_sv"]
    autocomplete_fields = ["municipality", "wellbeing_county"]


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["title", "source", "sotkanet_id", "owner_municipality", "data_updated"]
    list_filter = ["source"]
    search_fields = ["title_fi", "title_sv", "sotkanet_id"]
    autocomplete_fields = ["owner_municipality"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    # Millions of rows: no full count, no joins in the list, ids instead of select boxes.
    list_display = ["indicator_id", "region_id", "year", "gender", "value", "abs_value"]
    raw_id_fields = ["indicator", "region"]
    show_full_result_count = False
    search_fields = ["=indicator__sotkanet_id"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "original_name", "status", "added", "changed", "rejected"]
    list_filter = ["status", "kind"]
    readonly_fields = ["created_at", "started_at", "finished_at", "task_id"]


class IndicatorSetItemInline(admin.TabularInline):
    model = IndicatorSetItem
    extra = 0
    autocomplete_fields = ["indicator"]


@admin.register(IndicatorSet)
class IndicatorSetAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "wellbeing_county", "is_preset", "year"]
    list_filter = ["kind", "is_preset"]
    search_fields = ["name"]
    inlines = [IndicatorSetItemInline]


@admin.register(HyteCoefficientScore)
class HyteCoefficientScoreAdmin(admin.ModelAdmin):
    list_display = ["year", "level", "wellbeing_county", "municipality", "score", "population"]
    list_filter = ["year", "level"]


@admin.register(HyteFundingRule)
class HyteFundingRuleAdmin(admin.ModelAdmin):
    list_display = ["year", "level", "euros_per_resident", "source"]
