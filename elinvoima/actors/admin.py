from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from elinvoima.actors.interfaces.models import InterfaceContact, InterfaceTheme
from elinvoima.actors.models import Membership, Municipality, Organisation, User, WellbeingCounty


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class ElinvoimaUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (_("Preferences"), {"fields": ["preferred_language"]}),
    ]


@admin.register(WellbeingCounty)
class WellbeingCountyAdmin(TranslationAdmin):
    list_display = ["code", "name", "sotkanet_region_id"]
    search_fields = ["code", "name_fi", "name_sv"]


@admin.register(Municipality)
class MunicipalityAdmin(TranslationAdmin):
    list_display = ["code", "name", "wellbeing_county", "population"]
    list_filter = ["wellbeing_county"]
    search_fields = ["code", "name_fi", "name_sv"]
    list_select_related = ["wellbeing_county"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "kind", "municipality", "business_id", "is_published"]
    list_filter = ["kind", "is_published", "wellbeing_county"]
    search_fields = ["name_fi", "name_sv", "business_id", "register_number"]
    autocomplete_fields = ["municipality", "municipalities", "parent", "wellbeing_county"]
    list_select_related = ["municipality"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "title"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__last_name", "organisation__name_fi"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


@admin.register(InterfaceTheme)
class InterfaceThemeAdmin(TranslationAdmin):
    list_display = ["name", "code", "position"]
    search_fields = ["code", "name_fi", "name_sv"]


@admin.register(InterfaceContact)
class InterfaceContactAdmin(admin.ModelAdmin):
    list_display = ["municipality", "theme", "side", "title", "person", "updated_at"]
    list_filter = ["side", "theme", "municipality__wellbeing_county"]
    search_fields = ["title", "municipality__name_fi", "person__username", "person__last_name"]
    autocomplete_fields = ["municipality", "person", "organisation"]
    list_select_related = ["municipality", "theme", "person"]
