"""Who may see the kwartaalmonitor, built on the rights kernel (skt/rechten/).

The monitor shows aggregates only. The coordinator and beleid see it. Beleid records the raad's
streefwaarden for the gemeente; the coordinator sets stricter ones for their own teams and clusters.
Beleid (and the raad's PDF) never see counts under the profile's privacy threshold
per team or kern, since in a small kern those point at a person.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from skt.models import Rol, Team
from skt.rechten import heeft_rol, teams_van
from skt.toegang import toegang_vastleggen

from .models import MonitorRapport

MONITOR_ROLLEN = (Rol.COORDINATOR, Rol.BELEID)


def mag_monitor_zien(user) -> bool:
    return heeft_rol(user, *MONITOR_ROLLEN)


def mag_streefwaarden_instellen(user) -> bool:
    """Whether the user sets targets at any level: beleid the raad's, the coordinator their teams'."""
    return mag_raadsstreefwaarden_vastleggen(user) or heeft_rol(user, Rol.COORDINATOR)


def mag_raadsstreefwaarden_vastleggen(user) -> bool:
    """The gemeente's targets are the raad's; beleid records them with the raadsbesluit."""
    return heeft_rol(user, Rol.BELEID)


def teams_voor_streefwaarden(user) -> QuerySet[Team]:
    """The teams and clusters whose (stricter) targets the user sets: a coordinator's own, active
    kernteams and clusters; nobody else's."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return Team.objects.none()
    return teams_van(user).exclude(soort=Team.Soort.LOKET).order_by("naam")


def mag_teamstreefwaarden_instellen(user, team: Team) -> bool:
    return teams_voor_streefwaarden(user).filter(pk=team.pk).exists()


def mag_vaststellen(user) -> bool:
    """Marking a version as the one the raad gets, and sending it, is the coordinator's."""
    return heeft_rol(user, Rol.COORDINATOR)


def monitor_zonder_drempel(user) -> bool:
    """The coordinator already sees every melding of their teams; small counts tell them nothing new."""
    return heeft_rol(user, Rol.COORDINATOR)


def monitorrapporten_zichtbaar_voor(user) -> QuerySet[MonitorRapport]:
    return MonitorRapport.objects.all() if mag_monitor_zien(user) else MonitorRapport.objects.none()


def get_monitorrapport_voor(request, uuid, *, actie: str = "lezen") -> MonitorRapport:
    """Rights-scoped fetch of a frozen report; the download of a PDF or JSON is an export in the log."""
    rapport = monitorrapporten_zichtbaar_voor(request.user).filter(uuid=uuid).first()
    if rapport is None:
        toegang_vastleggen(
            request, actie=actie, geweigerd=True, object_soort="monitorrapport", object_id=str(uuid)
        )
        raise Http404
    if actie != "lezen":
        toegang_vastleggen(request, actie=actie, obj=rapport)
    return rapport
