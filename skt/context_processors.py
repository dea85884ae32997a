from django.conf import settings

from .navigatie import menu_voor


def skt(request):
    user = getattr(request, "user", None)
    return {
        "skt_demo": settings.SKT_DEMO,
        "menu": menu_voor(user, request.path) if user is not None else [],
    }
