from django.urls import path

from elinvoima.actors import views
from elinvoima.actors.actor_map import views as actor_map
from elinvoima.actors.directory import views as directory_views
from elinvoima.actors.embed import views as embed
from elinvoima.actors.interfaces import views as interface_views
from elinvoima.actors.invitations import views as invitation_views

app_name = "actors"

urlpatterns = [
    path("activities/", directory_views.ActivitySearchView.as_view(), name="activity-search"),
    path("municipalities/", views.MunicipalityListView.as_view(), name="municipality-list"),
    path(
        "municipalities/<str:code>/",
        views.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
    path(
        "municipalities/<str:municipality_code>/organisations/",
        directory_views.DirectoryView.as_view(),
        name="municipality-directory",
    ),
    path(
        "municipalities/<str:municipality_code>/organisations/export.<str:format>",
        directory_views.DirectoryExportView.as_view(),
        name="municipality-directory-export",
    ),
    path(
        "municipalities/<str:code>/organisations/embed/",
        embed.embed_instructions,
        name="embed-instructions",
    ),
    path("municipalities/<str:code>/actor-map/", actor_map.actor_map_view, name="actor-map"),
    path(
        "embed/municipalities/<str:code>/organisations/",
        embed.embed_listing,
        name="embed-listing",
    ),
    path("counties/", views.CountyListView.as_view(), name="county-list"),
    path(
        "counties/<str:county_code>/organisations/",
        directory_views.DirectoryView.as_view(),
        name="county-directory",
    ),
    path(
        "counties/<str:county_code>/organisations/export.<str:format>",
        directory_views.DirectoryExportView.as_view(),
        name="county-directory-export",
    ),
    path("counties/<str:code>/", views.CountyDetailView.as_view(), name="county-detail"),
    path(
        "organisations/<int:pk>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path(
        "organisations/<int:pk>/invite/",
        invitation_views.organisation_invite,
        name="organisation-invite",
    ),
    path(
        "invitations/<str:token>/",
        invitation_views.invitation_accept_view,
        name="invitation-accept",
    ),
    path(
        "municipalities/<str:code>/profile-status/",
        invitation_views.profile_status,
        name="profile-status",
    ),
    path(
        "organisations/<int:pk>/edit/",
        views.OrganisationEditView.as_view(),
        name="organisation-edit",
    ),
    path(
        "municipalities/<str:code>/interfaces/",
        interface_views.MunicipalityInterfacesView.as_view(),
        name="municipality-interfaces",
    ),
    path(
        "municipalities/<str:code>/interfaces/edit/",
        interface_views.MunicipalityInterfacesEditView.as_view(),
        name="municipality-interfaces-edit",
    ),
    path(
        "counties/<str:code>/interfaces/",
        interface_views.CountyInterfacesView.as_view(),
        name="county-interfaces",
    ),
]
