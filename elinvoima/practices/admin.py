from django.contrib import admin

from .models import Practice


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "phase", "state", "region"]
    list_filter = ["kind", "phase", "state"]
    search_fields = ["name_fi", "name_sv"]
    readonly_fields = ["created_by", "updated_by", "reviewed_by", "published_at"]
