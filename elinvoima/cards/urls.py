from django.urls import path

from . import views

app_name = "cards"

urlpatterns = [
    path(
        "municipalities/<str:code>/cards/",
        views.municipality_cards,
        name="municipality-cards",
    ),
    path(
        "municipalities/<str:code>/cards/decide/",
        views.card_decision,
        name="card-decision",
    ),
    path("cards/<int:pk>/", views.CardPageView.as_view(), name="card"),
    path("cards/<int:pk>/answer/", views.CardAnswerView.as_view(), name="card-answer"),
    path("card-answers/<int:pk>/", views.ResponseReviewView.as_view(), name="response"),
]
