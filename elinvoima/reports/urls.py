from django.urls import path

from elinvoima.reports.impact import views as impact_views
from elinvoima.reports.surveys import views as survey_views

app_name = "reports"

urlpatterns = [
    path(
        "municipalities/<str:code>/impact/",
        impact_views.MunicipalityImpactView.as_view(),
        name="municipality-impact",
    ),
    path(
        "counties/<str:code>/impact/",
        impact_views.CountyImpactView.as_view(),
        name="county-impact",
    ),
    path(
        "goals/<int:pk>/experiential-data/",
        impact_views.GoalDomainsView.as_view(),
        name="goal-domains",
    ),
    path(
        "counties/<str:code>/surveys/",
        survey_views.CountySurveysView.as_view(),
        name="county-surveys",
    ),
    path(
        "counties/<str:code>/surveys/new/",
        survey_views.SurveyCreateView.as_view(),
        name="survey-add",
    ),
    path("surveys/<int:pk>/", survey_views.SurveyView.as_view(), name="survey"),
    path("surveys/<int:pk>/edit/", survey_views.SurveyEditView.as_view(), name="survey-edit"),
    path(
        "surveys/<int:pk>/invitations/",
        survey_views.InvitationsView.as_view(),
        name="survey-invitations",
    ),
    path("surveys/<int:pk>/open/", survey_views.OpenView.as_view(), name="survey-open"),
    path("surveys/<int:pk>/close/", survey_views.CloseView.as_view(), name="survey-close"),
    path("surveys/<int:pk>/publish/", survey_views.PublishView.as_view(), name="survey-publish"),
    path("survey-answers/thanks/", survey_views.AnsweredView.as_view(), name="survey-answered"),
    path("survey-answers/<str:token>/", survey_views.AnswerView.as_view(), name="survey-answer"),
]
