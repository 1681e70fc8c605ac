from django.urls import path

from . import views
from .activities import views as activity_views
from .annual import views as annual_views
from .community import views as community_views
from .help import views as help_views

app_name = "cards"

urlpatterns = [
    path(
        "municipalities/<str:code>/cards/",
        views.municipality_cards,
        name="municipality-cards",
    ),
    path(
        "municipalities/<str:code>/cards/decide/",
        views.card_decision,
        name="card-decision",
    ),
    path(
        "municipalities/<str:code>/cards/<int:year>/summary/",
        views.council_summary_page,
        name="council-summary",
    ),
    path("cards/<int:pk>/", views.CardPageView.as_view(), name="card"),
    path("cards/<int:pk>/pdf/", views.CardPdfView.as_view(), name="card-pdf"),
    path("cards/<int:pk>/edit/", views.CardEditView.as_view(), name="card-edit"),
    path("cards/<int:pk>/answer/", views.CardAnswerView.as_view(), name="card-answer"),
    path("cards/<int:pk>/remind/", views.card_remind, name="card-remind"),
    path("card-answers/<int:pk>/", views.ResponseReviewView.as_view(), name="response"),
    path(
        "organisations/<int:pk>/activities/",
        activity_views.OrganisationActivitiesView.as_view(),
        name="organisation-activities",
    ),
    path(
        "organisations/<int:pk>/activities/new/",
        activity_views.ActivityReportView.as_view(),
        name="activity-new",
    ),
    path("activities/<int:pk>/", activity_views.ActivityEditView.as_view(), name="activity"),
    path(
        "activities/<int:pk>/delete/",
        activity_views.ActivityDeleteView.as_view(),
        name="activity-delete",
    ),
    path(
        "organisations/<int:pk>/clubs/new/",
        activity_views.ClubCreateView.as_view(),
        name="club-new",
    ),
    path("clubs/<int:pk>/", activity_views.ClubEditView.as_view(), name="club"),
    path(
        "municipalities/<str:code>/community-cards/new/",
        community_views.CommunityCardCreateView.as_view(),
        name="community-card-new",
    ),
    path(
        "community-cards/<int:pk>/",
        community_views.CommunityCardView.as_view(),
        name="community-card",
    ),
    path(
        "community-cards/<int:pk>/edit/",
        community_views.CommunityCardEditView.as_view(),
        name="community-card-edit",
    ),
    path(
        "municipalities/<str:code>/help-requests/",
        help_views.HelpRequestListView.as_view(),
        name="help-requests",
    ),
    path(
        "municipalities/<str:code>/help-requests/new/",
        help_views.HelpRequestCreateView.as_view(),
        name="help-request-new",
    ),
    path("help-requests/<int:pk>/", help_views.HelpRequestView.as_view(), name="help-request"),
    path(
        "help-requests/<int:pk>/edit/",
        help_views.HelpRequestEditView.as_view(),
        name="help-request-edit",
    ),
    path(
        "help-requests/<int:pk>/close/",
        help_views.HelpRequestCloseView.as_view(),
        name="help-request-close",
    ),
    path(
        "help-offers/<int:pk>/reply/",
        help_views.HelpOfferReplyView.as_view(),
        name="help-offer-reply",
    ),
    path(
        "help-offers/<int:pk>/done/",
        help_views.HelpOfferDoneView.as_view(),
        name="help-offer-done",
    ),
    path(
        "organisations/<int:pk>/annual/",
        annual_views.OrganisationAnnualView.as_view(),
        name="organisation-annual",
    ),
    path(
        "annual-documents/<int:pk>/",
        annual_views.AnnualDocumentView.as_view(),
        name="annual-document",
    ),
    path(
        "annual-documents/<int:pk>/edit/",
        annual_views.AnnualDocumentEditView.as_view(),
        name="annual-document-edit",
    ),
    path("clubs/<int:pk>/meeting/", activity_views.ClubMeetingView.as_view(), name="club-meeting"),
]
