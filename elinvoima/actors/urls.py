from django.urls import path

from . import actor_map, embed, interface_views, invitation_views, views

app_name = "actors"

urlpatterns = [
    path("municipalities/", views.MunicipalityListView.as_view(), name="municipality-list"),
    path(
        "municipalities/<str:code>/",
        views.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
    path(
        "municipalities/<str:municipality_code>/organisations/",
        views.DirectoryView.as_view(),
        name="municipality-directory",
    ),
    path(
        "municipalities/<str:municipality_code>/organisations/export.<str:format>",
        views.DirectoryExportView.as_view(),
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
        views.DirectoryView.as_view(),
        name="county-directory",
    ),
    path(
        "counties/<str:county_code>/organisations/export.<str:format>",
        views.DirectoryExportView.as_view(),
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
