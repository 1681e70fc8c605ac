"""URLs without a language prefix: the JSON feed of a municipality's organisations has both
languages in it."""

from django.urls import path

from elinvoima.actors.embed import views as embed

urlpatterns = [
    path(
        "embed/municipalities/<str:code>/organisations.json",
        embed.embed_feed,
        name="embed-feed",
    ),
]
