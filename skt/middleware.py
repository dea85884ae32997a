from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


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
