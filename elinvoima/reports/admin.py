from django.contrib import admin

from .models import Survey


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    """Only the survey itself: responses are read as results, never one by one."""

    list_display = ["title", "wellbeing_county", "year", "state", "results_published"]
    list_filter = ["state", "results_published"]
    readonly_fields = ["created_by", "updated_by"]
