"""Who may stop or ask for the removal of a dossier, and who reads what the retention job removed."""

from __future__ import annotations

from skt.models import Rol
from skt.rechten import heeft_rol


def mag_bewaarplicht_beheren(user) -> bool:
    """Setting or lifting a legal hold is the coordinator's decision, never the case worker's."""
    return heeft_rol(user, Rol.COORDINATOR)


def mag_verwijderverzoek_besluiten(user) -> bool:
    """The coordinator decides on a request for erasure (AVG art. 17) and names its legal ground."""
    return heeft_rol(user, Rol.COORDINATOR)


def mag_verwijderingen_inzien(user) -> bool:
    """The deletion record holds no personal data: the coordinator and the beheerder read it."""
    return heeft_rol(user, Rol.COORDINATOR, Rol.BEHEERDER)
