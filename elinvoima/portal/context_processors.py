from django.utils.functional import SimpleLazyObject

from elinvoima.core.registry import registry


def navigation(request):
    """Main navigation from what the apps registered, computed only by pages that show it."""
    return {"main_navigation": SimpleLazyObject(lambda: registry.navigation_for(request.user))}
