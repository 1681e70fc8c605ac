from django.urls import path

from . import feeds, outcome_views, registration_views, tables_views, views

app_name = "workshops"

urlpatterns = [
    path("workshop-series/", views.SeriesListView.as_view(), name="series-list"),
    path(
        "organisations/<int:pk>/workshop-series/new/",
        views.SeriesCreateView.as_view(),
        name="series-add",
    ),
    path("workshop-series/<int:pk>/", views.SeriesView.as_view(), name="series"),
    path("workshop-series/<int:pk>/edit/", views.SeriesEditView.as_view(), name="series-edit"),
    path("workshop-series/<int:pk>/areas/new/", views.AreaCreateView.as_view(), name="area-add"),
    path("workshop-areas/<int:pk>/edit/", views.AreaEditView.as_view(), name="area-edit"),
    path("workshop-areas/<int:pk>/hosts/", views.HostsView.as_view(), name="area-hosts"),
    path(
        "workshop-series/<int:pk>/workshops/new/",
        views.WorkshopCreateView.as_view(),
        name="workshop-add",
    ),
    path("workshops/<int:pk>/", views.WorkshopView.as_view(), name="workshop"),
    path("workshops/<int:pk>/edit/", views.WorkshopEditView.as_view(), name="workshop-edit"),
    path(
        "workshops/<int:pk>/registrations/",
        registration_views.RegistrationsView.as_view(),
        name="registrations",
    ),
    path("workshops/<int:pk>/tables/", tables_views.TablesView.as_view(), name="tables"),
    path("workshops/<int:pk>/plans/", outcome_views.CooperationPlansView.as_view(), name="plans"),
    path("workshops/<int:pk>/tasks/", views.TasksView.as_view(), name="tasks"),
    path(
        "workshops/<int:pk>/invitations/",
        registration_views.InvitationsView.as_view(),
        name="invitations",
    ),
    path("workshops/<int:pk>/carpool/", outcome_views.CarpoolView.as_view(), name="carpool"),
    path("workshops/<int:pk>/feedback/", outcome_views.FeedbackView.as_view(), name="feedback"),
    path("workshops/<int:pk>/news/new/", outcome_views.NewsCreateView.as_view(), name="news-add"),
    path("workshop-news.rss", feeds.WorkshopNewsFeed(), name="news-rss"),
    path("workshop-news.atom", feeds.WorkshopNewsAtomFeed(), name="news-atom"),
    path(
        "workshop-series/<int:pk>/nominations/",
        outcome_views.NominationsView.as_view(),
        name="nominations",
    ),
    path(
        "workshops/<int:pk>/table-lists.pdf",
        tables_views.TableListsPdfView.as_view(),
        name="table-lists-pdf",
    ),
    path("workshops/<int:pk>/badges.pdf", tables_views.BadgesPdfView.as_view(), name="badges-pdf"),
    path(
        "workshop-registrations/<str:token>/",
        registration_views.RegistrationView.as_view(),
        name="registration",
    ),
]
