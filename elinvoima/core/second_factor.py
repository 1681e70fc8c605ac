"""The second factor of a login (django-otp): pages holding health data ask for it."""

from django.http import HttpRequest, HttpResponseRedirect


def user_verified(user) -> bool:
    """Did this login pass a second factor? A user authenticated some other way (an API
    token) has no `is_verified` and is not."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def second_factor_redirect(request: HttpRequest) -> HttpResponseRedirect | None:
    """None when the login has passed its second factor; else the way to pass it."""
    if user_verified(request.user):
        return None
    from django.urls import reverse
    from django.utils.http import urlencode

    return HttpResponseRedirect(
        f"{reverse('second-factor')}?{urlencode({'next': request.get_full_path()})}"
    )
