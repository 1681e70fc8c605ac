from django.urls import path

from . import care_team_views, consent_views, county_views, views

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
        "counselling/periods/<int:pk>/consents/new/",
        consent_views.ConsentAddView.as_view(),
        name="consent-add",
    ),
    path(
        "counselling/periods/<int:pk>/consents/<int:consent_pk>/withdraw/",
        consent_views.ConsentWithdrawView.as_view(),
        name="consent-withdraw",
    ),
    path(
        "counselling/county/<str:code>/research-extract/",
        consent_views.ResearchExtractView.as_view(),
        name="research-extract",
    ),
    path(
        "counselling/county/<str:code>/clients/find/",
        county_views.ClientFindView.as_view(),
        name="county-client-find",
    ),
    path(
        "counselling/clients/<int:pk>/access-log/",
        views.AccessLogView.as_view(),
        name="access-log",
    ),
    path(
        "counselling/clients/<int:pk>/export/",
        county_views.ClientExportView.as_view(),
        name="client-export",
    ),
    path(
        "counselling/county/<str:code>/agreements/",
        county_views.AgreementsView.as_view(),
        name="county-agreements",
    ),
    path(
        "counselling/county/<str:code>/agreements/<int:pk>/end/",
        county_views.AgreementEndView.as_view(),
        name="county-agreement-end",
    ),
    path(
        "counselling/county/<str:code>/access/",
        county_views.AccessListView.as_view(),
        name="county-access",
    ),
    path(
        "counselling/county/<str:code>/access/<int:pk>/",
        county_views.AccessChangeView.as_view(),
        name="county-access-change",
    ),
    path(
        "counselling/county/<str:code>/access/<int:pk>/end/",
        county_views.AccessEndView.as_view(),
        name="county-access-end",
    ),
    path(
        "counselling/county/<str:code>/access/<int:pk>/second-factor/",
        county_views.AccessSecondFactorResetView.as_view(),
        name="county-access-second-factor-reset",
    ),
    path(
        "counselling/county/<str:code>/care-teams/",
        care_team_views.CareTeamsView.as_view(),
        name="county-care-teams",
    ),
    path(
        "counselling/county/<str:code>/care-teams/<int:pk>/",
        care_team_views.CareTeamView.as_view(),
        name="county-care-team",
    ),
    path(
        "counselling/county/<str:code>/care-teams/<int:pk>/members/<int:user_pk>/remove/",
        care_team_views.CareTeamMemberRemoveView.as_view(),
        name="county-care-team-member-remove",
    ),
    path(
        "counselling/county/<str:code>/erasure/",
        county_views.ErasureView.as_view(),
        name="county-erasure",
    ),
    path(
        "counselling/county/<str:code>/erasure/<int:pk>/",
        county_views.ClientEraseView.as_view(),
        name="county-client-erase",
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
