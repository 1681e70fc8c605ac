from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from elinvoima.actors.api import MunicipalityViewSet, WellbeingCountyViewSet
from elinvoima.actors.api_organisations import OrganisationViewSet
from elinvoima.indicators.api import IndicatorValueViewSet, IndicatorViewSet
from elinvoima.strategy.api import GoalCardViewSet, GoalViewSet, MeasureViewSet, PlanViewSet

from .api_auth import TokenView

router = DefaultRouter()
router.register("municipalities", MunicipalityViewSet, basename="municipality")
router.register("wellbeing-counties", WellbeingCountyViewSet, basename="wellbeing-county")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("indicator-values", IndicatorValueViewSet, basename="indicator-value")
router.register("plans", PlanViewSet, basename="plan")
router.register("goals", GoalViewSet, basename="goal")
router.register("measures", MeasureViewSet, basename="measure")
router.register("goal-cards", GoalCardViewSet, basename="goal-card")

app_name = "api"

urlpatterns = [
    path("v1/auth/token/", TokenView.as_view(), name="auth-token"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
