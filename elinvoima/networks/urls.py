from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path(
        "municipalities/<str:code>/networks/",
        views.municipality_networks,
        name="municipality-networks",
    ),
    path("counties/<str:code>/networks/", views.county_networks, name="county-networks"),
]
