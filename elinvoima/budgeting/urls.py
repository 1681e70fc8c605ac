from django.urls import path

from . import views

app_name = "budgeting"

urlpatterns = [
    path(
        "municipalities/<str:code>/budgets/",
        views.MunicipalityBudgetsView.as_view(),
        name="municipality-budgets",
    ),
    path(
        "municipalities/<str:code>/budgets/new/",
        views.BudgetCreateView.as_view(),
        name="budget-new",
    ),
    path("budgets/<int:pk>/", views.BudgetView.as_view(), name="budget"),
    path("budgets/<int:pk>/edit/", views.BudgetEditView.as_view(), name="budget-edit"),
    path("budgets/<int:pk>/propose/", views.ProposeView.as_view(), name="propose"),
    path("budgets/<int:pk>/vote/", views.VoteView.as_view(), name="vote"),
    path("budgets/<int:pk>/vote/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("budgets/<int:pk>/code/", views.CodeView.as_view(), name="code"),
    path("budgets/<int:pk>/code/ballot/", views.CodeBallotView.as_view(), name="code-ballot"),
    path("budgets/<int:pk>/codes/", views.CodesView.as_view(), name="codes"),
    path("budgets/<int:pk>/meeting/", views.MeetingView.as_view(), name="meeting"),
    path("budgets/<int:pk>/decision/", views.DecisionView.as_view(), name="decision"),
    path(
        "budget-proposals/<int:pk>/edit/",
        views.ProposalEditView.as_view(),
        name="proposal-edit",
    ),
    path(
        "budget-proposals/<int:pk>/review/",
        views.ProposalReviewView.as_view(),
        name="proposal-review",
    ),
]
