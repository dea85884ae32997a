"""Applying a validated profile to the database, idempotently.

A row is only saved when one of its fields differs, because every model keeps simple-history and a
reload must not bury the real changes under identical history rows. Nothing is ever deleted; kernen,
teams and leefgebieden that a profile no longer names become inactive, so the meldingen and history
that point at them stay intact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import services
from ..models import GemeenteProfiel, Kern, Leefgebied, Organisatie, Team, Voorziening
from .lezen import ProfielFout, profiel_bestand, tekst_lezen


@dataclass
class Telling:
    totaal: int = 0
    nieuw: int = 0
    gewijzigd: int = 0
    inactief_gemaakt: int = 0

    def tel(self, nieuw: bool, gewijzigd: bool) -> None:
        self.totaal += 1
        self.nieuw += nieuw
        self.gewijzigd += gewijzigd and not nieuw

    def __str__(self) -> str:
        return _("%(nieuw)d nieuw, %(gewijzigd)d gewijzigd, %(inactief)d inactief gemaakt") % {
            "nieuw": self.nieuw,
            "gewijzigd": self.gewijzigd,
            "inactief": self.inactief_gemaakt,
        }


@dataclass
class Resultaat:
    profiel: GemeenteProfiel
    profiel_gewijzigd: bool = False
    kernen: Telling = field(default_factory=Telling)
    teams: Telling = field(default_factory=Telling)
    leefgebieden: Telling = field(default_factory=Telling)
    organisaties: Telling = field(default_factory=Telling)
    voorzieningen: Telling = field(default_factory=Telling)

    @property
    def ongewijzigd(self) -> bool:
        tellingen = (self.kernen, self.teams, self.leefgebieden, self.organisaties, self.voorzieningen)
        return not self.profiel_gewijzigd and not any(
            t.nieuw or t.gewijzigd or t.inactief_gemaakt for t in tellingen
        )

    def samenvatting(self) -> str:
        soorten = [
            (ngettext("%(n)d kern (%(t)s)", "%(n)d kernen (%(t)s)", self.kernen.totaal), self.kernen),
            (ngettext("%(n)d team (%(t)s)", "%(n)d teams (%(t)s)", self.teams.totaal), self.teams),
            (
                ngettext("%(n)d leefgebied (%(t)s)", "%(n)d leefgebieden (%(t)s)", self.leefgebieden.totaal),
                self.leefgebieden,
            ),
            (
                ngettext("%(n)d organisatie (%(t)s)", "%(n)d organisaties (%(t)s)", self.organisaties.totaal),
                self.organisaties,
            ),
            (
                ngettext(
                    "%(n)d voorziening (%(t)s)", "%(n)d voorzieningen (%(t)s)", self.voorzieningen.totaal
                ),
                self.voorzieningen,
            ),
        ]
        delen = [tekst % {"n": telling.totaal, "t": telling} for tekst, telling in soorten]
        zin = _("Profiel %(naam)s (%(gemeente)s) geladen: %(delen)s.") % {
            "naam": self.profiel.naam,
            "gemeente": self.profiel.gemeente,
            "delen": ", ".join(delen),
        }
        if self.ongewijzigd:
            zin += " " + _("Er was niets te wijzigen.")
        return zin


def _bijwerken(obj, waarden: dict[str, Any], reden: str) -> tuple[bool, bool]:
    """Set ``waarden`` on ``obj`` and save only if something differs; returns (nieuw, gewijzigd)."""
    nieuw = obj.pk is None
    gewijzigd = nieuw or any(getattr(obj, veld) != waarde for veld, waarde in waarden.items())
    if gewijzigd:
        for veld, waarde in waarden.items():
            setattr(obj, veld, waarde)
        obj.full_clean()
        # simple-history stores this with the row, so the history says where a change came from.
        obj._change_reason = reden
        obj.save()
    return nieuw, gewijzigd


def _koppelen(obj, veld: str, doelen: Iterable) -> bool:
    gewenst = {doel.pk for doel in doelen}
    relatie = getattr(obj, veld)
    if set(relatie.values_list("pk", flat=True)) == gewenst:
        return False
    relatie.set(gewenst)
    return True


def _kernen_toepassen(lijst: list[dict], reden: str) -> tuple[Telling, dict[str, Kern]]:
    telling, kernen = Telling(), {}
    for gegevens in lijst:
        kern = Kern.objects.filter(code=gegevens["code"]).first() or Kern(code=gegevens["code"])
        telling.tel(*_bijwerken(kern, {"naam": gegevens["naam"], "actief": True}, reden))
        kernen[kern.code] = kern
    for kern in Kern.objects.filter(actief=True).exclude(code__in=kernen):
        _bijwerken(kern, {"actief": False}, reden)
        telling.inactief_gemaakt += 1
    return telling, kernen


def _teams_toepassen(lijst: list[dict], kernen: dict[str, Kern]) -> Telling:
    telling, codes = Telling(), set()
    for gegevens in lijst:
        teamkernen = [kernen[code] for code in gegevens.get("kernen", [])]
        waarden = {
            "code": gegevens["code"],
            "naam": gegevens["naam"],
            "soort": gegevens["soort"],
            "doelgroep": gegevens.get("doelgroep", ""),
        }
        # The service saves only what differs; comparing here first is just for the summary.
        bestaand = Team.objects.filter(code=waarden["code"]).first()
        gewijzigd = bestaand is None or (
            any(getattr(bestaand, veld) != waarde for veld, waarde in waarden.items())
            or not bestaand.actief
            or set(bestaand.kernen.values_list("pk", flat=True)) != {kern.pk for kern in teamkernen}
        )
        services.team_aanmaken_of_bijwerken(**waarden, kernen=teamkernen, actief=True)
        telling.tel(bestaand is None, gewijzigd)
        codes.add(waarden["code"])
    # An old team keeps its name, kernen and members: its meldingen and rights still refer to it.
    for team in Team.objects.filter(actief=True).exclude(code__in=codes):
        services.team_aanmaken_of_bijwerken(
            code=team.code,
            naam=team.naam,
            soort=team.soort,
            doelgroep=team.doelgroep,
            kernen=list(team.kernen.all()),
            actief=False,
        )
        telling.inactief_gemaakt += 1
    return telling


def _leefgebieden_toepassen(lijst: list[dict], reden: str) -> tuple[Telling, dict[str, Leefgebied]]:
    telling, leefgebieden = Telling(), {}
    for volgorde, gegevens in enumerate(lijst, start=1):
        code = gegevens["code"]
        leefgebied = Leefgebied.objects.filter(code=code).first() or Leefgebied(code=code)
        waarden = {
            "label": gegevens["label"],
            "aliassen": list(gegevens.get("aliassen", [])),
            "volgorde": volgorde,
            "actief": True,
        }
        telling.tel(*_bijwerken(leefgebied, waarden, reden))
        leefgebieden[code] = leefgebied
    for leefgebied in Leefgebied.objects.filter(actief=True).exclude(code__in=leefgebieden):
        _bijwerken(leefgebied, {"actief": False}, reden)
        telling.inactief_gemaakt += 1
    return telling, leefgebieden


def _organisaties_toepassen(lijst: list[dict], reden: str) -> tuple[Telling, dict[str, Organisatie]]:
    # Organisaties have no actief flag and may employ medewerkers, so one that the profile does not
    # name is left alone; contact details the profile does not give are the beheerder's to keep.
    telling, organisaties = Telling(), {}
    for gegevens in lijst:
        naam = gegevens["naam"]
        organisatie = Organisatie.objects.filter(naam=naam).first() or Organisatie(naam=naam)
        waarden = {veld: gegevens[veld] for veld in ("soort", "website", "telefoon") if veld in gegevens}
        telling.tel(*_bijwerken(organisatie, waarden, reden))
        organisaties[naam] = organisatie
    return telling, organisaties


def _voorzieningen_toepassen(
    lijst: list[dict],
    organisaties: dict[str, Organisatie],
    kernen: dict[str, Kern],
    leefgebieden: dict[str, Leefgebied],
    reden: str,
) -> Telling:
    telling, gezien = Telling(), set()
    for gegevens in lijst:
        organisatie = organisaties[gegevens["organisatie"]]
        voorziening = Voorziening.objects.filter(naam=gegevens["naam"], organisatie=organisatie).first()
        voorziening = voorziening or Voorziening(naam=gegevens["naam"], organisatie=organisatie)
        waarden = {"soort": gegevens["soort"], "actief": True}
        waarden.update({veld: gegevens[veld] for veld in ("omschrijving", "contact") if veld in gegevens})
        nieuw, gewijzigd = _bijwerken(voorziening, waarden, reden)
        gewijzigd |= _koppelen(voorziening, "kernen", [kernen[c] for c in gegevens.get("kernen", [])])
        gewijzigd |= _koppelen(
            voorziening, "leefgebieden", [leefgebieden[c] for c in gegevens.get("leefgebieden", [])]
        )
        telling.tel(nieuw, gewijzigd)
        gezien.add(voorziening.pk)
    # A profile that lists voorzieningen is the sociale kaart; one without leaves the kaart as the
    # beheerder keeps it.
    if lijst:
        for voorziening in Voorziening.objects.filter(actief=True).exclude(pk__in=gezien):
            _bijwerken(voorziening, {"actief": False}, reden)
            telling.inactief_gemaakt += 1
    return telling


def _profiel_toepassen(data: dict, reden: str) -> tuple[GemeenteProfiel, bool]:
    gemeente = data["gemeente"]
    instellingen = {
        "max_contactmomenten": gemeente["max_contactmomenten"],
        "termijnen": data["termijnen"],
        "bewaartermijnen": data["bewaartermijnen"],
        "monitor": data["monitor"],
        "streefwaarden": data.get("streefwaarden", {}),
    }
    # Deactivate first: the database allows one active profile at any moment.
    for ander in GemeenteProfiel.objects.filter(actief=True).exclude(naam=gemeente["naam"]):
        _bijwerken(ander, {"actief": False}, reden)
    profiel = GemeenteProfiel.objects.filter(naam=gemeente["naam"]).first()
    profiel = profiel or GemeenteProfiel(naam=gemeente["naam"])
    waarden = {"gemeente": gemeente["gemeente"], "instellingen": instellingen, "actief": True}
    veranderd = profiel.pk is None or any(getattr(profiel, veld) != w for veld, w in waarden.items())
    if veranderd:
        _bijwerken(profiel, {**waarden, "geladen_op": timezone.now()}, reden)
    return profiel, veranderd


def _toepassen(data: dict) -> Resultaat:
    reden = _("gemeenteprofiel %(naam)s geladen") % {"naam": data["gemeente"]["naam"]}
    kernen_telling, kernen = _kernen_toepassen(data["kernen"], reden)
    teams_telling = _teams_toepassen(data["teams"], kernen)
    leefgebieden_telling, leefgebieden = _leefgebieden_toepassen(data["leefgebieden"], reden)
    organisaties_telling, organisaties = _organisaties_toepassen(data.get("organisaties", []), reden)
    voorzieningen_telling = _voorzieningen_toepassen(
        data.get("voorzieningen", []), organisaties, kernen, leefgebieden, reden
    )
    profiel, veranderd = _profiel_toepassen(data, reden)
    return Resultaat(
        profiel=profiel,
        profiel_gewijzigd=veranderd,
        kernen=kernen_telling,
        teams=teams_telling,
        leefgebieden=leefgebieden_telling,
        organisaties=organisaties_telling,
        voorzieningen=voorzieningen_telling,
    )


def profiel_laden(naam: str) -> Resultaat:
    """Validate and apply a profile by name (``overbetuwe-2019``) or path to a .toml file.

    Raises ProfielFout with every problem found; in that case nothing has been written.
    """
    pad = profiel_bestand(naam)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as fout:
        raise ProfielFout(
            [_("%(pad)s kan niet gelezen worden: %(fout)s") % {"pad": pad, "fout": fout}]
        ) from fout
    data, fouten = tekst_lezen(tekst, pad.stem)
    if fouten:
        raise ProfielFout(fouten)
    with transaction.atomic():
        return _toepassen(data)
