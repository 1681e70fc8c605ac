from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from elinvoima.core.registry import registry


def home(request):
    """The public front page: the sections and cards the apps registered."""
    return render(
        request,
        "portal/home.html",
        {
            "sections": registry.home_sections_rendered(),
            "cards": registry.home_cards_sorted(),
        },
    )


@login_required
def dashboard(request):
    """What waits for this user now (the apps' work items, counted), what the user can do,
    and the panels of the apps (roles, organisations, networks…)."""
    return render(
        request,
        "portal/dashboard.html",
        {
            "work": registry.dashboard_work_for(request.user),
            "tasks": registry.dashboard_tasks_for(request.user),
            "secondary_tasks": registry.dashboard_tasks_for(request.user, secondary=True),
            "panels_above": registry.dashboard_panels_for(request.user, above_tasks=True),
            "panels_below": registry.dashboard_panels_for(request.user, above_tasks=False),
        },
    )
