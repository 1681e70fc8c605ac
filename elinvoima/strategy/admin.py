from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from elinvoima.strategy.models import GoalCardUpdate, HyteNegotiation, Measure, Plan, PlanDecision


class PlanDecisionInline(admin.TabularInline):
    model = PlanDecision
    extra = 0


@admin.register(Plan)
class PlanAdmin(TranslationAdmin):
    list_display = ["title", "kind", "start_year", "end_year", "version", "state"]
    list_filter = ["kind", "state"]
    search_fields = ["title_fi", "title_sv"]
    raw_id_fields = ["municipality", "wellbeing_county", "network", "previous_version"]
    inlines = [PlanDecisionInline]


@admin.register(Measure)
class MeasureAdmin(TranslationAdmin):
    list_display = ["title", "plan", "status", "starts_on", "ends_on"]
    list_filter = ["status"]
    search_fields = ["title_fi"]
    raw_id_fields = ["plan", "goal"]
    autocomplete_fields = ["implementers"]


@admin.register(GoalCardUpdate)
class GoalCardUpdateAdmin(admin.ModelAdmin):
    list_display = ["card", "year", "tertial", "status", "author"]
    list_filter = ["year", "status"]
    raw_id_fields = ["card"]


@admin.register(HyteNegotiation)
class HyteNegotiationAdmin(admin.ModelAdmin):
    list_display = ["wellbeing_county", "held_on", "participant_count"]
    filter_horizontal = ["municipalities"]
