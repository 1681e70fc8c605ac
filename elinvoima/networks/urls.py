from django.urls import path

from . import views
from .agreements import views as agreement_views
from .clock import views as clock_views
from .meetings import views as meeting_views
from .projects import views as project_views

app_name = "networks"

urlpatterns = [
    path(
        "municipalities/<str:code>/networks/",
        views.municipality_networks,
        name="municipality-networks",
    ),
    path(
        "municipalities/<str:code>/networks/new/",
        views.MunicipalityNetworkCreateView.as_view(),
        name="municipality-network-add",
    ),
    path("counties/<str:code>/networks/", views.county_networks, name="county-networks"),
    path(
        "counties/<str:code>/networks/new/",
        views.CountyNetworkCreateView.as_view(),
        name="county-network-add",
    ),
    path("networks/<int:pk>/", views.NetworkView.as_view(), name="network"),
    path("networks/<int:pk>/edit/", views.NetworkEditView.as_view(), name="network-edit"),
    path("networks/<int:pk>/members/new/", views.MemberAddView.as_view(), name="member-add"),
    path(
        "network-members/<int:pk>/change/",
        views.MemberChangeView.as_view(),
        name="member-change",
    ),
    path("network-members/<int:pk>/end/", views.MemberEndView.as_view(), name="member-end"),
    # Meetings
    path(
        "networks/<int:pk>/meetings/new/",
        meeting_views.MeetingCreateView.as_view(),
        name="meeting-add",
    ),
    path("meetings/<int:pk>/", meeting_views.MeetingView.as_view(), name="meeting"),
    path("meetings/<int:pk>/edit/", meeting_views.MeetingEditView.as_view(), name="meeting-edit"),
    path("meetings/<int:pk>/cancel/", meeting_views.CancelView.as_view(), name="meeting-cancel"),
    path("meetings/<int:pk>/invite/", meeting_views.InviteView.as_view(), name="meeting-invite"),
    path("meetings/<int:pk>/agenda.pdf", meeting_views.AgendaPdfView.as_view(), name="agenda-pdf"),
    path(
        "meetings/<int:pk>/minutes.pdf", meeting_views.MinutesPdfView.as_view(), name="minutes-pdf"
    ),
    path("meetings/<int:pk>/minutes/", meeting_views.MinutesView.as_view(), name="minutes"),
    path(
        "meetings/<int:pk>/minutes/ready/",
        meeting_views.MinutesReadyView.as_view(),
        name="minutes-ready",
    ),
    path("meetings/<int:pk>/approve/", meeting_views.ApproveView.as_view(), name="minutes-approve"),
    path(
        "meetings/<int:pk>/items/new/",
        meeting_views.ItemCreateView.as_view(),
        name="agenda-item-add",
    ),
    path(
        "agenda-items/<int:pk>/edit/",
        meeting_views.ItemEditView.as_view(),
        name="agenda-item-edit",
    ),
    path(
        "agenda-items/<int:pk>/delete/",
        meeting_views.ItemDeleteView.as_view(),
        name="agenda-item-delete",
    ),
    path(
        "agenda-items/<int:pk>/forward/",
        meeting_views.ForwardView.as_view(),
        name="decision-forward",
    ),
    path(
        "agenda-documents/<int:pk>/",
        meeting_views.DocumentView.as_view(),
        name="agenda-document",
    ),
    path(
        "agenda-documents/<int:pk>/remove/",
        meeting_views.DocumentRemoveView.as_view(),
        name="agenda-document-remove",
    ),
    path(
        "meetings/<int:pk>/action-items/new/",
        meeting_views.ActionItemCreateView.as_view(),
        name="action-item-add",
    ),
    path(
        "action-items/<int:pk>/status/",
        meeting_views.ActionStatusView.as_view(),
        name="action-item-status",
    ),
    path("action-items/", meeting_views.MyActionItemsView.as_view(), name="my-action-items"),
    # The annual clock
    path(
        "municipalities/<str:code>/annual-clock/",
        clock_views.MunicipalityClockView.as_view(),
        name="municipality-clock",
    ),
    path(
        "municipalities/<str:code>/annual-clock.ics",
        clock_views.MunicipalityFeedView.as_view(),
        name="municipality-clock-feed",
    ),
    path(
        "municipalities/<str:code>/annual-clock/new/",
        clock_views.MunicipalityItemCreateView.as_view(),
        name="municipality-clock-add",
    ),
    path(
        "counties/<str:code>/annual-clock/",
        clock_views.CountyClockView.as_view(),
        name="county-clock",
    ),
    path(
        "counties/<str:code>/annual-clock/new/",
        clock_views.CountyItemCreateView.as_view(),
        name="county-clock-add",
    ),
    path(
        "networks/<int:pk>/annual-clock/",
        clock_views.NetworkClockView.as_view(),
        name="network-clock",
    ),
    path(
        "networks/<int:pk>/annual-clock.ics",
        clock_views.NetworkFeedView.as_view(),
        name="network-clock-feed",
    ),
    path(
        "networks/<int:pk>/annual-clock/new/",
        clock_views.NetworkItemCreateView.as_view(),
        name="network-clock-add",
    ),
    path(
        "calendar-items/<int:pk>/edit/",
        clock_views.ItemEditView.as_view(),
        name="calendar-item-edit",
    ),
    path(
        "calendar-items/<int:pk>/delete/",
        clock_views.ItemDeleteView.as_view(),
        name="calendar-item-delete",
    ),
    # Agreements and facilities
    path(
        "municipalities/<str:code>/agreements/",
        agreement_views.MunicipalityAgreementsView.as_view(),
        name="municipality-agreements",
    ),
    path(
        "municipalities/<str:code>/agreements/new/",
        agreement_views.MunicipalityAgreementCreateView.as_view(),
        name="municipality-agreement-add",
    ),
    path(
        "counties/<str:code>/agreements/",
        agreement_views.CountyAgreementsView.as_view(),
        name="county-agreements",
    ),
    path(
        "counties/<str:code>/agreements/new/",
        agreement_views.CountyAgreementCreateView.as_view(),
        name="county-agreement-add",
    ),
    path("agreements/<int:pk>/", agreement_views.AgreementView.as_view(), name="agreement"),
    path(
        "agreements/<int:pk>/edit/",
        agreement_views.AgreementEditView.as_view(),
        name="agreement-edit",
    ),
    path(
        "agreements/<int:pk>/publish/",
        agreement_views.PublishView.as_view(),
        name="agreement-publish",
    ),
    path(
        "agreements/<int:pk>/new-version/",
        agreement_views.NewVersionView.as_view(),
        name="agreement-new-version",
    ),
    path(
        "agreements/<int:pk>/parties/new/",
        agreement_views.PartyCreateView.as_view(),
        name="agreement-party-add",
    ),
    path(
        "agreement-parties/<int:pk>/edit/",
        agreement_views.PartyEditView.as_view(),
        name="agreement-party-edit",
    ),
    path(
        "agreement-parties/<int:pk>/remove/",
        agreement_views.PartyRemoveView.as_view(),
        name="agreement-party-remove",
    ),
    path(
        "municipalities/<str:code>/facilities/new/",
        agreement_views.FacilityCreateView.as_view(),
        name="facility-add",
    ),
    path(
        "facilities/<int:pk>/edit/",
        agreement_views.FacilityEditView.as_view(),
        name="facility-edit",
    ),
    path(
        "facilities/<int:pk>/delete/",
        agreement_views.FacilityDeleteView.as_view(),
        name="facility-delete",
    ),
    # Network projects
    path("networks/<int:pk>/project/", project_views.ProjectView.as_view(), name="project"),
    path(
        "project-participants/<int:pk>/edit/",
        project_views.ParticipationEditView.as_view(),
        name="project-participation-edit",
    ),
    path(
        "project-participants/<int:pk>/remove/",
        project_views.ParticipationRemoveView.as_view(),
        name="project-participation-remove",
    ),
    path(
        "project-partners/<int:pk>/remove/",
        project_views.PartnerRemoveView.as_view(),
        name="project-partner-remove",
    ),
    path(
        "project-themes/<int:pk>/remove/",
        project_views.ThemeRemoveView.as_view(),
        name="project-theme-remove",
    ),
]
