from django.urls import path  # noqa: F401 (each section below adds its paths)

from elinvoima.indicators.catalogue import views as catalogue
from elinvoima.indicators.charts import views as charts_views
from elinvoima.indicators.experiential import views as experiential_views
from elinvoima.indicators.hyte import views as hyte_views
from elinvoima.indicators.indicator_sets import views as indicator_set_views
from elinvoima.indicators.own_indicators import views as own_indicator_views
from elinvoima.indicators.sotkanet import views as import_views

app_name = "indicators"

urlpatterns = [
    # --- Sotkanet import: upload, progress, summary ---
    path("indicators/imports/", import_views.ImportListView.as_view(), name="import-list"),
    path("indicators/imports/new/", import_views.ImportCreateView.as_view(), name="import-create"),
    path(
        "indicators/imports/<int:pk>/",
        import_views.ImportDetailView.as_view(),
        name="import-detail",
    ),
    path(
        "indicators/imports/<int:pk>/progress/",
        import_views.ImportProgressView.as_view(),
        name="import-progress",
    ),
    # --- Catalogue, indicator pages and charts ---
    path("indicators/", catalogue.IndicatorListView.as_view(), name="indicator-list"),
    path("indicators/<int:pk>/", catalogue.IndicatorDetailView.as_view(), name="indicator-detail"),
    path(
        "municipalities/<str:code>/indicators/",
        charts_views.municipality_indicators,
        name="municipality-indicators",
    ),
    path(
        "indicators/charts/<int:pk>/<str:fingerprint>.svg",
        charts_views.chart_svg_view,
        name="chart-svg",
    ),
    # --- HYTE coefficient, indicator sets, experiential data ---
    path(
        "counties/<str:code>/hyte-coefficient/",
        hyte_views.HyteCountyView.as_view(),
        name="hyte-county",
    ),
    path(
        "counties/<str:code>/hyte-coefficient/scores/add/",
        hyte_views.HyteScoreCreateView.as_view(),
        name="hyte-score-add",
    ),
    path(
        "counties/<str:code>/hyte-coefficient/scores/<int:pk>/edit/",
        hyte_views.HyteScoreEditView.as_view(),
        name="hyte-score-edit",
    ),
    path(
        "counties/<str:code>/hyte-coefficient/follow-up/",
        hyte_views.HyteFollowUpView.as_view(),
        name="hyte-follow-up",
    ),
    path("hyte-coefficient/rules/", hyte_views.HyteRuleListView.as_view(), name="hyte-rule-list"),
    path(
        "hyte-coefficient/rules/add/",
        hyte_views.HyteRuleCreateView.as_view(),
        name="hyte-rule-add",
    ),
    path(
        "hyte-coefficient/rules/<int:pk>/edit/",
        hyte_views.HyteRuleEditView.as_view(),
        name="hyte-rule-edit",
    ),
    path(
        "municipalities/<str:code>/indicator-sets/",
        indicator_set_views.IndicatorSetListView.as_view(),
        name="indicator-set-list",
    ),
    path(
        "municipalities/<str:code>/indicator-sets/add/",
        indicator_set_views.IndicatorSetCreateView.as_view(),
        name="indicator-set-add",
    ),
    path(
        "indicator-sets/presets/",
        indicator_set_views.IndicatorSetPresetListView.as_view(),
        name="indicator-set-presets",
    ),
    path(
        "indicator-sets/presets/add/",
        indicator_set_views.PresetCreateView.as_view(),
        name="indicator-set-preset-add",
    ),
    path(
        "indicator-sets/<int:pk>/",
        indicator_set_views.IndicatorSetDetailView.as_view(),
        name="indicator-set-detail",
    ),
    path(
        "indicator-sets/<int:pk>/edit/",
        indicator_set_views.IndicatorSetEditView.as_view(),
        name="indicator-set-edit",
    ),
    path(
        "indicator-sets/<int:pk>/delete/",
        indicator_set_views.IndicatorSetDeleteView.as_view(),
        name="indicator-set-delete",
    ),
    path(
        "municipalities/<str:code>/experiential-data/",
        experiential_views.ExperientialMunicipalityView.as_view(),
        name="experiential-municipality",
    ),
    path(
        "municipalities/<str:code>/experiential-data/add/",
        experiential_views.ExperientialSurveyCreateView.as_view(),
        name="experiential-survey-add",
    ),
    path(
        "experiential-data/<int:pk>/",
        experiential_views.ExperientialSurveyDetailView.as_view(),
        name="experiential-survey-detail",
    ),
    path(
        "experiential-data/<int:pk>/results/add/",
        experiential_views.ExperientialResultAddView.as_view(),
        name="experiential-result-add",
    ),
    path(
        "experiential-data/<int:pk>/import/",
        experiential_views.ExperientialImportView.as_view(),
        name="experiential-import",
    ),
    # --- A municipality's own indicators ---
    path(
        "municipalities/<str:code>/own-indicators/",
        own_indicator_views.OwnIndicatorListView.as_view(),
        name="own-indicator-list",
    ),
    path(
        "municipalities/<str:code>/own-indicators/add/",
        own_indicator_views.OwnIndicatorCreateView.as_view(),
        name="own-indicator-add",
    ),
    path(
        "own-indicators/<int:pk>/edit/",
        own_indicator_views.OwnIndicatorEditView.as_view(),
        name="own-indicator-edit",
    ),
    path(
        "own-indicators/<int:pk>/delete/",
        own_indicator_views.OwnIndicatorDeleteView.as_view(),
        name="own-indicator-delete",
    ),
]
