from django.urls import path

from elinvoima.reports.impact import views as impact_views
from elinvoima.reports.surveys import views as survey_views
from elinvoima.reports.welfare import views as report_views

app_name = "reports"

urlpatterns = [
    # Welfare reports
    path(
        "municipalities/<str:code>/welfare-reports/",
        report_views.MunicipalityReportsView.as_view(),
        name="municipality-reports",
    ),
    path(
        "municipalities/<str:code>/welfare-reports/new/",
        report_views.MunicipalityReportCreateView.as_view(),
        name="report-add-municipality",
    ),
    path(
        "counties/<str:code>/welfare-reports/",
        report_views.CountyReportsView.as_view(),
        name="county-reports",
    ),
    path(
        "counties/<str:code>/welfare-reports/new/",
        report_views.CountyReportCreateView.as_view(),
        name="report-add-county",
    ),
    path("welfare-reports/<int:pk>/", report_views.ReportView.as_view(), name="report"),
    path(
        "welfare-reports/<int:pk>/edit/", report_views.ReportEditView.as_view(), name="report-edit"
    ),
    path(
        "welfare-reports/<int:pk>/sections/<str:key>/",
        report_views.SectionEditView.as_view(),
        name="report-section",
    ),
    path(
        "welfare-reports/<int:pk>/cards/",
        report_views.ContributionsView.as_view(),
        name="contributions",
    ),
    path(
        "welfare-reports/<int:pk>/read-data/",
        report_views.ReadDataView.as_view(),
        name="report-read-data",
    ),
    path("welfare-reports/<int:pk>/send/", report_views.SendView.as_view(), name="report-send"),
    path(
        "welfare-reports/<int:pk>/decisions/new/",
        report_views.DecisionView.as_view(),
        name="report-decision",
    ),
    path(
        "welfare-reports/<int:pk>/new-version/",
        report_views.NewVersionView.as_view(),
        name="report-new-version",
    ),
    path(
        "welfare-reports/<int:pk>/negotiations/",
        report_views.NegotiationView.as_view(),
        name="report-negotiation",
    ),
    path("welfare-reports/<int:pk>/files/", report_views.FilesView.as_view(), name="report-files"),
    path(
        "welfare-report-files/<int:pk>/",
        report_views.FileDownloadView.as_view(),
        name="report-file",
    ),
    path(
        "welfare-report-cards/<int:pk>/",
        report_views.ContributionView.as_view(),
        name="contribution",
    ),
    # The goal-to-impact view
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
