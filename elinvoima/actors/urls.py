from django.urls import path

from . import embed, views

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
        "organisations/<int:pk>/edit/",
        views.OrganisationEditView.as_view(),
        name="organisation-edit",
    ),
]
