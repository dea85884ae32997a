"""What the arrangementen app adds to pages of other layers (registered in apps.py; see skt/registers.py)."""

from __future__ import annotations

from arrangementen import rechten as arrangement_rechten


def meldingpagina(user, melding, *, mag_behandelen: bool) -> dict:
    """The way from a melding the user works on to drafting an arrangement for its inwoner."""
    return {
        "mag_arrangement": mag_behandelen
        and melding.inwoner_id is not None
        and arrangement_rechten.mag_arrangement_opstellen(user)
    }
