"""Routing rules: which team receives a melding, from the gemeente profile's configuration.

The inwoner's kern decides the team in a geographic model; in a cluster model (one team in
clusters) the vraagverhelderaar picks the cluster. Loket and Veilig Thuis go to the loket.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meldingen.vocab import TriageUitkomst
from skt.models import Team

KERNTEAM_UITKOMSTEN = {TriageUitkomst.KERNTEAM, TriageUitkomst.KERNTEAM_CONSULENT}
LOKET_UITKOMSTEN = {TriageUitkomst.LOKET, TriageUitkomst.VEILIG_THUIS}


def loket() -> Team:
    team = Team.objects.filter(soort=Team.Soort.LOKET, actief=True).order_by("pk").first()
    if team is None:
        raise ValidationError(
            _(
                "Er is geen actief loket ingericht. Vraag de functioneel beheerder het "
                "gemeenteprofiel te laden."
            )
        )
    return team


def kernteams_voor_keuze():
    return Team.objects.filter(actief=True).exclude(soort=Team.Soort.LOKET).order_by("naam")


def team_voor_kern(kern) -> Team | None:
    if kern is None:
        return None
    return Team.objects.filter(actief=True, soort=Team.Soort.GEOGRAFISCH, kernen=kern).order_by("pk").first()


def team_bepalen(*, melding, uitkomst: str, gekozen_team: Team | None) -> Team | None:
    """The receiving team for this outcome, or a Dutch ValidationError saying what to choose."""
    if uitkomst == TriageUitkomst.DIRECT:
        return None
    if uitkomst in LOKET_UITKOMSTEN:
        return loket()
    if gekozen_team is not None:
        if not gekozen_team.actief or gekozen_team.soort == Team.Soort.LOKET:
            raise ValidationError(
                {
                    "team": _(
                        "Kies een actief kernteam of cluster; het loket kiest u met de "
                        "uitkomst 'Naar het loket'."
                    )
                }
            )
        return gekozen_team
    kern = melding.inwoner.kern if melding.inwoner_id else None
    team = team_voor_kern(kern)
    if team is None:
        raise ValidationError(
            {
                "team": _(
                    "Het systeem kan het team niet afleiden uit de kern van de inwoner "
                    "(onbekend, of de gemeente werkt met clusters). Kies het team of cluster."
                )
            }
        )
    return team
