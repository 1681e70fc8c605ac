from django.urls import path

from . import views

app_name = "counselling"

urlpatterns = [
    path("counselling/", views.HomeView.as_view(), name="home"),
    path("counselling/referrals/new/", views.ReferralView.as_view(), name="referral-add"),
    path("counselling/times/", views.SlotsView.as_view(), name="slots"),
    path("counselling/periods/<int:pk>/", views.PeriodView.as_view(), name="period"),
    path("counselling/periods/<int:pk>/letter/", views.LetterView.as_view(), name="letter"),
    path("counselling/periods/<int:pk>/plan/", views.PlanView.as_view(), name="plan"),
    path("counselling/periods/<int:pk>/visits/new/", views.VisitView.as_view(), name="visit-add"),
    path("counselling/periods/<int:pk>/close/", views.CloseView.as_view(), name="close"),
    path(
        "counselling/clients/<int:pk>/access-log/",
        views.AccessLogView.as_view(),
        name="access-log",
    ),
    path(
        "municipalities/<str:code>/exercise-counselling/",
        views.MunicipalityStatisticsView.as_view(),
        name="municipality-statistics",
    ),
    path(
        "counties/<str:code>/exercise-counselling/",
        views.CountyStatisticsView.as_view(),
        name="county-statistics",
    ),
]
