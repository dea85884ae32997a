"""The blocks of each role's 'Mijn werk' page: counts with a link to where the work is.

The apps contribute their blocks (skt/registers.py); every count goes through their rights
querysets, so a block never counts what the reader may not see. One aggregate query per block.
"""

from __future__ import annotations

from django.urls import reverse

from skt import rechten, registers


def toezicht(user) -> list[dict]:
    """The coordinator's review of break-the-glass access, and the way to the access log."""
    # Whoever reviews the access log also reviews break the glass: the coordinator.
    if not rechten.mag_toegangslog_inzien(user):
        return []
    # The same scope as the review page: never a count of other teams' accesses.
    open_nood = rechten.noodtoegangen_te_beoordelen_voor(user).filter(beoordeeld_op__isnull=True).count()
    return [
        {
            "template": "skt/_werkblok.html",
            "titel": "Toezicht op toegang",
            "regels": [
                registers.werkblok_regel(
                    "Noodtoegang te beoordelen", open_nood, reverse("noodtoegang_beoordelen"), nadruk=True
                ),
            ],
            "actie": ("Toegangslog", reverse("toegangslog")),
        }
    ]


def werkblokken_voor(user) -> list[dict]:
    """Every block for this user, in the order the apps registered them (meldingen first)."""
    return [blok for bron in registers.werkblokbronnen() for blok in bron(user)]
