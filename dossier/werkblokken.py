"""The blocks of each role's 'Mijn werk' page: counts with a link to where the work is.

Every count goes through the rights querysets of skt/rechten.py, so a block never counts
what the reader may not see. One aggregate query per block.
"""

from __future__ import annotations

from django.urls import reverse

from arrangementen import rechten as arrangement_rechten
from meldingen import rechten as melding_rechten

from . import rechten
from .models import Noodtoegang, Rol


def _regel(label: str, aantal: int, url: str, *, nadruk: bool = False) -> dict:
    return {"label": label, "aantal": aantal, "url": url, "nadruk": nadruk and aantal > 0}


def _poort(user) -> list[dict]:
    from meldingen.workflow import MeldingStatus

    if not rechten.heeft_rol(user, Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT):
        return []
    aantal = melding_rechten.meldingen_zichtbaar_voor(user).filter(status=MeldingStatus.NIEUW).count()
    if user.rol == Rol.BEROEPSKRACHT and not aantal:
        return []
    return [
        {
            "titel": "Poort",
            "regels": [_regel("Wachten op triage", aantal, reverse("poort:wachtrij"), nadruk=True)],
            "actie": ("Nieuwe vraag registreren", reverse("poort:zoeken")),
        }
    ]


def _casussen(user) -> list[dict]:
    # The casussen app keeps its own block (contacts near the maximum, advice, overdue).
    from casussen.views import werkblokken_voor

    return werkblokken_voor(user)


def _arrangementen(user) -> list[dict]:
    from arrangementen.models import Notificatie

    blokken = []
    ongelezen = Notificatie.objects.filter(medewerker=user, gelezen_op__isnull=True).count()
    if rechten.heeft_rol(user, *rechten.CONSULENT_ROLLEN):
        te_beoordelen = (
            arrangement_rechten.arrangementen_te_beoordelen_voor(user)
            .filter(status__in=["ingediend", "in_behandeling"])
            .count()
        )
        blokken.append(
            {
                "titel": "Loket",
                "regels": [
                    _regel(
                        "Arrangementen die wachten op beoordeling",
                        te_beoordelen,
                        reverse("arrangementen:wachtrij"),
                        nadruk=True,
                    ),
                    _regel("Ongelezen berichten", ongelezen, reverse("arrangementen:berichten")),
                ],
                "actie": ("Termijnen bewaken", reverse("arrangementen:termijnen")),
            }
        )
    elif rechten.heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR):
        blokken.append(
            {
                "titel": "Arrangementen",
                "regels": [
                    _regel(
                        "Ongelezen berichten over besluiten",
                        ongelezen,
                        reverse("arrangementen:berichten"),
                        nadruk=True,
                    ),
                ],
                "actie": ("Naar de arrangementen", reverse("arrangementen:overzicht")),
            }
        )
    return blokken


def _toezicht(user) -> list[dict]:
    if not rechten.heeft_rol(user, Rol.COORDINATOR):
        return []
    open_nood = Noodtoegang.objects.filter(beoordeeld_op__isnull=True).count()
    return [
        {
            "titel": "Toezicht op toegang",
            "regels": [
                _regel(
                    "Noodtoegang te beoordelen", open_nood, reverse("noodtoegang_beoordelen"), nadruk=True
                ),
            ],
            "actie": ("Toegangslog", reverse("toegangslog")),
        }
    ]


def _monitor(user) -> list[dict]:
    if not rechten.heeft_rol(user, Rol.COORDINATOR, Rol.BELEID):
        return []
    return [
        {
            "titel": "Kwartaalmonitor",
            "regels": [],
            "actie": ("Dashboard en rapport voor de raad", reverse("monitor:dashboard")),
        }
    ]


def werkblokken_voor(user) -> list[dict]:
    """Generic blocks (template skt/_werkblok.html) after the meldingen block of the meldingen app."""
    from meldingen.views import werkblokken_voor as meldingen_werkblokken

    algemeen = [
        {"template": "skt/_werkblok.html", **blok}
        for bron in (_poort, _arrangementen, _toezicht, _monitor)
        for blok in bron(user)
    ]
    return [*meldingen_werkblokken(user), *_casussen(user), *algemeen]
