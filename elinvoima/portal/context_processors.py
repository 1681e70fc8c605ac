from django.utils.functional import SimpleLazyObject

from .navigation import main_navigation


def navigation(request):
    """Main navigation, computed only by pages that show it."""
    return {"main_navigation": SimpleLazyObject(lambda: main_navigation(request.user))}
