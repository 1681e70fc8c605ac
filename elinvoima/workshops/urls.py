from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("workshop-series/", views.SeriesListView.as_view(), name="series-list"),
    path("workshop-series/<int:pk>/", views.SeriesView.as_view(), name="series"),
    path(
        "workshop-series/<int:pk>/workshops/new/",
        views.WorkshopCreateView.as_view(),
        name="workshop-add",
    ),
    path("workshops/<int:pk>/", views.WorkshopView.as_view(), name="workshop"),
    path("workshops/<int:pk>/edit/", views.WorkshopEditView.as_view(), name="workshop-edit"),
    path(
        "workshops/<int:pk>/registrations/",
        views.RegistrationsView.as_view(),
        name="registrations",
    ),
    path(
        "workshop-registrations/<str:token>/",
        views.RegistrationView.as_view(),
        name="registration",
    ),
]
