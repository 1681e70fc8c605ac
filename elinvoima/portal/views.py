from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from elinvoima.actors.enums import Role
from elinvoima.actors.permissions import user_grants
from elinvoima.actors.selectors import organisations_of_user
from elinvoima.networks.selectors import network_memberships_of

from .navigation import dashboard_tasks


def home(request):
    """The public front page."""
    return render(request, "portal/home.html")


@login_required
def dashboard(request):
    """What this user can do, by their roles and organisations."""
    roles = sorted({Role(grant.role).label for grant in user_grants(request.user)}, key=str)
    return render(
        request,
        "portal/dashboard.html",
        {
            "roles": roles,
            "organisations": organisations_of_user(user=request.user),
            "network_memberships": network_memberships_of(user=request.user),
            "tasks": dashboard_tasks(request.user),
        },
    )
