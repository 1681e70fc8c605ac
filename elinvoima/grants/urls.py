from django.urls import path

from . import views

app_name = "grants"

urlpatterns = [
    path(
        "municipalities/<str:code>/grants/",
        views.MunicipalityRoundsView.as_view(),
        name="municipality-rounds",
    ),
    path(
        "municipalities/<str:code>/grants/new/",
        views.RoundCreateView.as_view(),
        name="round-new",
    ),
    path("grant-rounds/<int:pk>/", views.RoundView.as_view(), name="round"),
    path("grant-rounds/<int:pk>/edit/", views.RoundEditView.as_view(), name="round-edit"),
]
