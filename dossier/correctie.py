"""Correcting an inwoner's name, address and contact details, and putting inwoners in a household.

A new address recomputes the kern (a kern whose name is the woonplaats, as the profile names them),
and with it the team that is responsible in a geographic model; the screen shows that before saving.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from meldingen.routering import team_voor_kern
from skt import rechten
from skt.models import Huishouden, Inwoner, Kern, Medewerker, Team

CORRIGEERBAAR = [
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "telefoon",
    "email",
]
ADRES = {"straat", "huisnummer", "postcode", "woonplaats"}


def kern_voor_adres(woonplaats: str) -> Kern | None:
    """The active kern named like the woonplaats (the profile names kernen after their village)."""
    woonplaats = (woonplaats or "").strip()
    if not woonplaats:
        return None
    return Kern.objects.filter(actief=True, naam__iexact=woonplaats).order_by("pk").first()


@dataclass(frozen=True)
class Gevolg:
    """What a correction changes beyond the fields: the kern and the responsible team."""

    gewijzigd: list[str]
    oude_kern: Kern | None
    nieuwe_kern: Kern | None
    oud_team: Team | None
    nieuw_team: Team | None

    @property
    def kern_verandert(self) -> bool:
        return self.oude_kern != self.nieuwe_kern

    @property
    def team_verandert(self) -> bool:
        return self.oud_team != self.nieuw_team

    @property
    def vraagt_bevestiging(self) -> bool:
        return self.kern_verandert or self.team_verandert


def gevolg_bepalen(inwoner: Inwoner, gegevens: dict, gekozen_kern: Kern | None = None) -> Gevolg:
    gewijzigd = [
        v for v in CORRIGEERBAAR if v in gegevens and (gegevens[v] or "") != (getattr(inwoner, v) or "")
    ]
    nieuwe_kern = inwoner.kern
    if gekozen_kern is not None:
        nieuwe_kern = gekozen_kern
    elif ADRES & set(gewijzigd):
        afgeleid = kern_voor_adres(gegevens.get("woonplaats", inwoner.woonplaats))
        # Another street in the same place keeps the kern someone chose by hand at registration.
        if afgeleid is not None or "woonplaats" in gewijzigd:
            nieuwe_kern = afgeleid
    return Gevolg(
        gewijzigd=gewijzigd,
        oude_kern=inwoner.kern,
        nieuwe_kern=nieuwe_kern,
        oud_team=team_voor_kern(inwoner.kern),
        nieuw_team=team_voor_kern(nieuwe_kern),
    )


@transaction.atomic
def inwoner_corrigeren(
    *, door: Medewerker, inwoner: Inwoner, gegevens: dict, gekozen_kern: Kern | None = None, bevestigd: bool
) -> tuple[Inwoner, Gevolg]:
    """Save the corrected details; a change of kern or team needs ``bevestigd`` (the screen showed it)."""
    if not rechten.mag_inwoner_corrigeren(door, inwoner):
        raise PermissionDenied(_("U mag de gegevens van deze inwoner niet wijzigen."))
    onbekend = set(gegevens) - set(CORRIGEERBAAR)
    if onbekend:
        raise ValidationError(
            _("Deze gegevens kunnen hier niet worden gewijzigd: %(v)s.") % {"v": ", ".join(sorted(onbekend))}
        )
    inwoner = Inwoner.objects.select_for_update().get(pk=inwoner.pk)
    gevolg = gevolg_bepalen(inwoner, gegevens, gekozen_kern)
    if not gevolg.gewijzigd and not gevolg.kern_verandert:
        raise ValidationError(_("Er is niets gewijzigd."))
    if gevolg.vraagt_bevestiging and not bevestigd:
        raise ValidationError(_("Bevestig de nieuwe kern en het team dat verantwoordelijk wordt."))
    for veld in CORRIGEERBAAR:
        if veld in gegevens:
            setattr(inwoner, veld, (gegevens[veld] or "").strip())
    inwoner.kern = gevolg.nieuwe_kern
    inwoner.full_clean()
    inwoner._change_reason = _("gegevens gecorrigeerd: %(v)s") % {
        "v": ", ".join(gevolg.gewijzigd + (["kern"] if gevolg.kern_verandert else []))
    }
    inwoner.save()
    return inwoner, gevolg


# -- households ------------------------------------------------------------------------------------


def _vergrendel(inwoners: list[Inwoner]) -> list[Inwoner]:
    try:
        return list(
            Inwoner.objects.select_for_update(nowait=True)
            .filter(pk__in=[i.pk for i in inwoners])
            .order_by("pk")
        )
    except DatabaseError:
        raise ValidationError(
            _("Iemand anders wijzigt deze inwoners op dit moment. Probeer het zo opnieuw.")
        ) from None


@transaction.atomic
def huishouden_maken(*, door: Medewerker, inwoner: Inwoner, naam: str, leden: list[Inwoner]) -> Huishouden:
    """A new household with this inwoner and the chosen others, all of them already visible to ``door``."""
    alle = [inwoner, *[lid for lid in leden if lid.pk != inwoner.pk]]
    if not rechten.mag_huishouden_samenstellen(door, alle):
        raise PermissionDenied(_("U kunt alleen inwoners toevoegen van wie u het dossier al mag zien."))
    naam = (naam or "").strip()
    if len(naam) > 150:
        raise ValidationError({"naam": _("Gebruik hoogstens 150 tekens.")})
    vergrendeld = _vergrendel(alle)
    al_in = [i.naam for i in vergrendeld if i.huishouden_id is not None]
    if al_in:
        raise ValidationError(
            _("Al in een huishouden: %(namen)s. Voeg hen daar toe of haal hen er eerst uit.")
            % {"namen": ", ".join(al_in)}
        )
    huis = Huishouden(naam=naam or _("Huishouden %(naam)s") % {"naam": inwoner.achternaam})
    huis._change_reason = _("huishouden gemaakt vanuit een dossier")
    huis.full_clean()
    huis.save()
    for lid in vergrendeld:
        lid.huishouden = huis
        lid._change_reason = _("lid van een huishouden")
        lid.save(update_fields=["huishouden"])
    return huis


@transaction.atomic
def huishouden_lid_toevoegen(
    *, door: Medewerker, huishouden: Huishouden, via: Inwoner, lid: Inwoner
) -> Inwoner:
    """Add an inwoner to the household of ``via`` (a member whose dossier ``door`` opened)."""
    if not rechten.mag_huishouden_samenstellen(door, [via, lid]):
        raise PermissionDenied(_("U kunt alleen inwoners toevoegen van wie u het dossier al mag zien."))
    vergrendeld = {i.pk: i for i in _vergrendel([via, lid])}
    via, lid = vergrendeld[via.pk], vergrendeld[lid.pk]
    if via.huishouden_id != huishouden.pk:
        raise ValidationError(_("Deze inwoner hoort niet (meer) bij dit huishouden."))
    if lid.huishouden_id is not None:
        raise ValidationError({"lid": _("%(naam)s hoort al bij een huishouden.") % {"naam": lid.naam}})
    lid.huishouden = huishouden
    lid._change_reason = _("lid van een huishouden")
    lid.save(update_fields=["huishouden"])
    return lid
