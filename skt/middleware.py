from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control


class TweedeFactorVerplichtMiddleware:
    """Every account logs in with password and TOTP; only SKT_DEMO=1 switches the second factor off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if settings.SKT_DEMO or not user.is_authenticated or user.is_verified():
            return None
        if not getattr(view_func, "login_required", True) or getattr(view_func, "tweede_factor_vrij", False):
            return None
        return redirect(f"{reverse('tweede_factor')}?{urlencode({'next': request.get_full_path()})}")


class NietBewarenMiddleware:
    """Pages for a logged-in medewerker show personal data: no browser or proxy may keep a copy
    (BIO; issue 11). Anonymous pages (login, health, static files) keep their own caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
