from django.conf import settings

from arrangementen.selectors import ongelezen_berichten
from skt.rechten import mag_noodtoegang_vragen

from .navigatie import menu_voor


def skt(request):
    user = getattr(request, "user", None)
    ingelogd = user is not None and user.is_authenticated
    return {
        "skt_demo": settings.SKT_DEMO,
        "menu": menu_voor(user, request.path) if ingelogd else [],
        "ongelezen_berichten": ongelezen_berichten(user) if ingelogd else 0,
        # The way to break the glass, on a refused dossier and a search without a hit.
        "mag_noodtoegang": ingelogd and mag_noodtoegang_vragen(user),
    }
