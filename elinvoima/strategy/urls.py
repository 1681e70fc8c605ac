from django.urls import path  # noqa: F401 (each section below adds its paths)

from elinvoima.strategy.goal_cards import views as goal_card_views
from elinvoima.strategy.measures import network_views as network_measure_views
from elinvoima.strategy.measures import views as measure_views
from elinvoima.strategy.monitoring import views as monitoring_views
from elinvoima.strategy.plans import views as plan_views

app_name = "strategy"

urlpatterns = [
    # --- Plans: list, one-page plan, versions, decisions, priority areas, goals ---
    path(
        "municipalities/<str:code>/plans/",
        plan_views.MunicipalityPlansView.as_view(),
        name="municipality-plans",
    ),
    path(
        "municipalities/<str:code>/plans/new/",
        plan_views.MunicipalityPlanCreateView.as_view(),
        name="plan-create-municipality",
    ),
    path("counties/<str:code>/plans/", plan_views.CountyPlansView.as_view(), name="county-plans"),
    path(
        "counties/<str:code>/plans/new/",
        plan_views.CountyPlanCreateView.as_view(),
        name="plan-create-county",
    ),
    path("networks/<int:pk>/plans/", plan_views.NetworkPlansView.as_view(), name="network-plans"),
    path(
        "networks/<int:pk>/plans/new/",
        plan_views.NetworkPlanCreateView.as_view(),
        name="plan-create-network",
    ),
    path("plans/<int:pk>/", plan_views.PlanDetailView.as_view(), name="plan-detail"),
    path("plans/<int:pk>/edit/", plan_views.PlanEditView.as_view(), name="plan-edit"),
    path(
        "plans/<int:pk>/send-to-decision/",
        plan_views.PlanSendToDecisionView.as_view(),
        name="plan-send-to-decision",
    ),
    path("plans/<int:pk>/decision/", plan_views.PlanDecisionView.as_view(), name="plan-decision"),
    path("plans/<int:pk>/stage/", plan_views.PlanStageView.as_view(), name="plan-stage"),
    path(
        "plans/<int:pk>/new-version/",
        plan_views.PlanNewVersionView.as_view(),
        name="plan-new-version",
    ),
    path(
        "plans/<int:pk>/priority-areas/new/",
        plan_views.PriorityAreaCreateView.as_view(),
        name="priority-area-create",
    ),
    path(
        "priority-areas/<int:pk>/edit/",
        plan_views.PriorityAreaEditView.as_view(),
        name="priority-area-edit",
    ),
    path(
        "priority-areas/<int:pk>/delete/",
        plan_views.PriorityAreaDeleteView.as_view(),
        name="priority-area-delete",
    ),
    path(
        "priority-areas/<int:pk>/goals/new/",
        plan_views.GoalCreateView.as_view(),
        name="goal-create",
    ),
    path(
        "goals/<int:pk>/sub-goals/new/",
        plan_views.SubGoalCreateView.as_view(),
        name="sub-goal-create",
    ),
    path("goals/<int:pk>/edit/", plan_views.GoalEditView.as_view(), name="goal-edit"),
    path("goals/<int:pk>/delete/", plan_views.GoalDeleteView.as_view(), name="goal-delete"),
    # --- Goal tracking cards and measures ---
    path("goals/<int:pk>/card/", goal_card_views.GoalCardView.as_view(), name="goal-card"),
    path(
        "goals/<int:pk>/card/print/",
        goal_card_views.GoalCardPrintView.as_view(),
        name="goal-card-print",
    ),
    path(
        "goals/<int:pk>/card/edit/",
        goal_card_views.GoalCardEditView.as_view(),
        name="goal-card-edit",
    ),
    path(
        "goals/<int:pk>/card/update/",
        goal_card_views.GoalCardUpdatePeriodView.as_view(),
        name="goal-card-update",
    ),
    path(
        "goals/<int:goal_pk>/measures/new/",
        measure_views.MeasureCreateView.as_view(),
        name="measure-create",
    ),
    path("measures/<int:pk>/", measure_views.MeasureDetailView.as_view(), name="measure-detail"),
    path(
        "networks/<int:pk>/measures/",
        network_measure_views.NetworkMeasuresView.as_view(),
        name="network-measures",
    ),
    path("measures/<int:pk>/edit/", measure_views.MeasureEditView.as_view(), name="measure-edit"),
    path(
        "measures/<int:pk>/delete/",
        measure_views.MeasureDeleteView.as_view(),
        name="measure-delete",
    ),
    path(
        "measures/<int:pk>/report/",
        measure_views.MeasureReportView.as_view(),
        name="measure-report",
    ),
    path(
        "measures/attention/",
        measure_views.MeasuresAttentionView.as_view(),
        name="measures-attention",
    ),
    path("my/measures/", measure_views.MyMeasuresView.as_view(), name="my-measures"),
    # --- Logic model, joy and worry lists, evaluation, hyte negotiations ---
    path(
        "plans/<int:pk>/logic-model/",
        monitoring_views.LogicModelView.as_view(),
        name="logic-model",
    ),
    path(
        "plans/<int:pk>/logic-model/edit/",
        monitoring_views.LogicModelEditView.as_view(),
        name="logic-model-edit",
    ),
    path(
        "plans/<int:pk>/concerns/",
        monitoring_views.PlanConcernsView.as_view(),
        name="plan-concerns",
    ),
    path(
        "plans/<int:pk>/concerns/edit/",
        monitoring_views.PlanConcernsEditView.as_view(),
        name="plan-concerns-edit",
    ),
    path(
        "plans/<int:pk>/evaluation-reports/new/",
        monitoring_views.EvaluationReportCreateView.as_view(),
        name="evaluation-report-create",
    ),
    path(
        "evaluation-reports/<int:pk>/",
        monitoring_views.EvaluationReportDetailView.as_view(),
        name="evaluation-report-detail",
    ),
    path(
        "evaluation-reports/<int:pk>/edit/",
        monitoring_views.EvaluationReportEditView.as_view(),
        name="evaluation-report-edit",
    ),
    path(
        "networks/<int:pk>/recommendations/",
        monitoring_views.NetworkRecommendationsView.as_view(),
        name="network-recommendations",
    ),
    path(
        "recommendations/<int:pk>/respond/",
        monitoring_views.RecommendationRespondView.as_view(),
        name="recommendation-respond",
    ),
    path(
        "counties/<str:code>/hyte-negotiations/",
        monitoring_views.CountyHyteNegotiationsView.as_view(),
        name="county-hyte-negotiations",
    ),
    path(
        "counties/<str:code>/hyte-negotiations/new/",
        monitoring_views.HyteNegotiationCreateView.as_view(),
        name="hyte-negotiation-create",
    ),
    path(
        "hyte-negotiations/<int:pk>/",
        monitoring_views.HyteNegotiationDetailView.as_view(),
        name="hyte-negotiation-detail",
    ),
    path(
        "hyte-negotiations/<int:pk>/edit/",
        monitoring_views.HyteNegotiationEditView.as_view(),
        name="hyte-negotiation-edit",
    ),
]
