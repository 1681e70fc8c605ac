from django.urls import path

from . import views
from .applications import views as application_views
from .money import views as money_views
from .reporting import views as reporting_views
from .review import views as review_views
from .support import views as support_views

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
    path(
        "municipalities/<str:code>/grants/money/",
        money_views.MoneyView.as_view(),
        name="money",
    ),
    path(
        "municipalities/<str:code>/grants/support/",
        support_views.SupportListView.as_view(),
        name="support",
    ),
    path(
        "municipalities/<str:code>/grants/support/new/",
        support_views.SupportCreateView.as_view(),
        name="support-new",
    ),
    path(
        "grant-support/<int:pk>/edit/",
        support_views.SupportEditView.as_view(),
        name="support-edit",
    ),
    path(
        "grant-support/<int:pk>/delete/",
        support_views.SupportDeleteView.as_view(),
        name="support-delete",
    ),
    path("grant-rounds/<int:pk>/", views.RoundView.as_view(), name="round"),
    path("grant-rounds/<int:pk>/edit/", views.RoundEditView.as_view(), name="round-edit"),
    path("grant-rounds/<int:pk>/apply/", application_views.ApplyView.as_view(), name="apply"),
    path(
        "grant-rounds/<int:pk>/applications/",
        review_views.RoundApplicationsView.as_view(),
        name="round-applications",
    ),
    path(
        "grant-applications/<int:pk>/",
        application_views.ApplicationView.as_view(),
        name="application",
    ),
    path(
        "grant-applications/<int:pk>/edit/",
        application_views.ApplicationEditView.as_view(),
        name="application-edit",
    ),
    path(
        "grant-applications/<int:pk>/attachments/",
        application_views.AttachmentsView.as_view(),
        name="attachments",
    ),
    path(
        "grant-attachments/<int:pk>/",
        application_views.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
    path(
        "grant-attachments/<int:pk>/remove/",
        application_views.AttachmentRemoveView.as_view(),
        name="attachment-remove",
    ),
    path(
        "grant-applications/<int:pk>/review/",
        review_views.ApplicationReviewView.as_view(),
        name="application-review",
    ),
    path(
        "grant-applications/<int:pk>/conflict/",
        review_views.ConflictView.as_view(),
        name="conflict",
    ),
    path(
        "grant-applications/<int:pk>/decision/",
        review_views.DecisionView.as_view(),
        name="decision",
    ),
    path(
        "grant-applications/<int:pk>/report/",
        reporting_views.GrantReportView.as_view(),
        name="report",
    ),
]
