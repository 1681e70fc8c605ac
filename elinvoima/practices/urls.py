from django.urls import path

from . import views

app_name = "practices"

urlpatterns = [
    path("practices/", views.PracticeListView.as_view(), name="list"),
    path("practices/new/", views.PracticeCreateView.as_view(), name="add"),
    path("practices/<int:pk>/", views.PracticeView.as_view(), name="practice"),
    path("practices/<int:pk>/edit/", views.PracticeEditView.as_view(), name="edit"),
    path("practices/<int:pk>/submit/", views.SubmitView.as_view(), name="submit"),
    path("practices/<int:pk>/review/", views.ReviewView.as_view(), name="review"),
    path(
        "practices/<int:pk>/used-in/<str:code>/",
        views.AdoptionView.as_view(),
        name="adoption",
    ),
    path(
        "municipalities/<str:code>/practices-from-neighbours/",
        views.NeighboursView.as_view(),
        name="neighbours",
    ),
]
