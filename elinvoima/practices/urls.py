from django.urls import path

from . import views
from .assessments import views as assessment_views
from .hearings import views as hearing_views
from .roadmap import views as roadmap_views

app_name = "practices"

urlpatterns = [
    path("practices/", views.PracticeListView.as_view(), name="list"),
    path("practices/new/", views.PracticeCreateView.as_view(), name="add"),
    path("practices/<int:pk>/", views.PracticeView.as_view(), name="practice"),
    path("practices/<int:pk>/edit/", views.PracticeEditView.as_view(), name="edit"),
    path("practices/<int:pk>/files/", views.PracticeFilesView.as_view(), name="files"),
    path(
        "practices/<int:pk>/files/<int:file_pk>/",
        views.PracticeFileView.as_view(),
        name="file",
    ),
    path(
        "practices/<int:pk>/files/<int:file_pk>/remove/",
        views.PracticeFileRemoveView.as_view(),
        name="file-remove",
    ),
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
    path(
        "municipalities/<str:code>/partnership-roadmap/",
        roadmap_views.RoadmapView.as_view(),
        name="roadmap",
    ),
    path(
        "municipalities/<str:code>/partnership-roadmap/<slug:step>/",
        roadmap_views.RoadmapStepView.as_view(),
        name="roadmap-step",
    ),
    # Hearing residents: consultations online and hearings in person
    path(
        "municipalities/<str:code>/hearing-residents/",
        hearing_views.MunicipalityHearingsView.as_view(),
        name="municipality-hearings",
    ),
    path(
        "counties/<str:code>/hearing-residents/",
        hearing_views.CountyHearingsView.as_view(),
        name="county-hearings",
    ),
    path(
        "municipalities/<str:code>/hearing-residents/new/",
        hearing_views.MunicipalityConsultationCreateView.as_view(),
        name="municipality-consultation-add",
    ),
    path(
        "counties/<str:code>/hearing-residents/new/",
        hearing_views.CountyConsultationCreateView.as_view(),
        name="county-consultation-add",
    ),
    path(
        "consultations/<int:pk>/",
        hearing_views.ConsultationView.as_view(),
        name="consultation",
    ),
    path(
        "consultations/<int:pk>/edit/",
        hearing_views.ConsultationEditView.as_view(),
        name="consultation-edit",
    ),
    path(
        "consultations/<int:pk>/open/",
        hearing_views.ConsultationOpenView.as_view(),
        name="consultation-open",
    ),
    path(
        "consultations/<int:pk>/close/",
        hearing_views.ConsultationCloseView.as_view(),
        name="consultation-close",
    ),
    path(
        "annual-clock/items/<int:pk>/hearing-record/",
        hearing_views.HearingCreateView.as_view(),
        name="hearing-add",
    ),
    path("hearings/<int:pk>/", hearing_views.HearingView.as_view(), name="hearing"),
    path("hearings/<int:pk>/edit/", hearing_views.HearingEditView.as_view(), name="hearing-edit"),
    # Ex-ante impact assessments
    path(
        "municipalities/<str:code>/impact-assessments/",
        assessment_views.MunicipalityAssessmentsView.as_view(),
        name="municipality-assessments",
    ),
    path(
        "counties/<str:code>/impact-assessments/",
        assessment_views.CountyAssessmentsView.as_view(),
        name="county-assessments",
    ),
    path(
        "municipalities/<str:code>/impact-assessments/new/",
        assessment_views.MunicipalityAssessmentStartView.as_view(),
        name="municipality-assessment-add",
    ),
    path(
        "counties/<str:code>/impact-assessments/new/",
        assessment_views.CountyAssessmentStartView.as_view(),
        name="county-assessment-add",
    ),
    path(
        "impact-assessments/<int:pk>/",
        assessment_views.AssessmentView.as_view(),
        name="assessment",
    ),
    path(
        "impact-assessments/<int:pk>/edit/",
        assessment_views.AssessmentEditView.as_view(),
        name="assessment-edit",
    ),
    path(
        "impact-assessments/<int:pk>/publish/",
        assessment_views.AssessmentPublishView.as_view(),
        name="assessment-publish",
    ),
]
