"""What the casussen app adds to pages of other layers (registered in apps.py; see skt/registers.py)."""

from __future__ import annotations

from skt import rechten
from skt.models import Rol

from .selectors import casus_bij_melding


def meldingpagina(user, melding, *, mag_behandelen: bool) -> dict:
    """The way from a melding to kortdurende ondersteuning, or to the casus that already runs on it."""
    if melding.inwoner_id and rechten.heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR):
        return {"casus_stand": casus_bij_melding(user, melding)}
    return {}
