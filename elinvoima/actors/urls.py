from django.urls import path

from . import views

app_name = "actors"

urlpatterns = [
    path("municipalities/", views.MunicipalityListView.as_view(), name="municipality-list"),
    path(
        "municipalities/<str:code>/",
        views.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
    path("counties/", views.CountyListView.as_view(), name="county-list"),
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
