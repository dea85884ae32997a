"""Gemeente profiles: read, validate and apply a TOML profile (the files in ``skt/profielen/``).

A profile is validated completely before anything is written, so a bad file never leaves half a
configuration behind. Every message names the line in the file: the people who fix a profile are
beheerders with a text editor, and tomllib itself gives no line numbers for valid-but-wrong data.

Applying is idempotent: a row is only saved when one of its fields differs, because every model
keeps simple-history and a reload must not bury the real changes under identical history rows.
Nothing is ever deleted; kernen, teams and leefgebieden that a profile no longer names become
inactive, so the meldingen and history that point at them stay intact.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import services
from .models import GemeenteProfiel, Kern, Leefgebied, Organisatie, Team, Voorziening

PROFIELEN_MAP = Path(__file__).resolve().parent / "profielen"


class ProfielFout(Exception):
    """A profile that cannot be loaded; ``fouten`` holds one Dutch message per problem."""

    def __init__(self, fouten: Iterable[str]):
        self.fouten = list(fouten)
        super().__init__("\n".join(self.fouten))


# ---------------------------------------------------------------------------------------------
# Finding lines. tomllib reports positions only for syntax errors, so the text is scanned once to
# know on which line every table header and key starts, and which lines a value spans.

_SLEUTELDEEL = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_SLEUTELPAD = rf"{_SLEUTELDEEL}(?:\s*\.\s*{_SLEUTELDEEL})*"
_SLEUTEL = re.compile(rf"^\s*({_SLEUTELPAD})\s*=")
_KOP = re.compile(rf"^\s*(\[\[|\[)\s*({_SLEUTELPAD})\s*\]")


def _sleuteldelen(pad: str) -> tuple[str, ...]:
    return tuple(deel.strip("\"'") for deel in re.findall(_SLEUTELDEEL, pad))


def _begin_van_regels(tekst: str) -> Iterable[tuple[int, str]]:
    """Lines that start a statement: not inside a multi-line array or multi-line string."""
    diepte = 0
    in_string: str | None = None
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if diepte == 0 and in_string is None:
            yield nummer, regel
        i, lengte = 0, len(regel)
        while i < lengte:
            if in_string:
                einde = regel.find(in_string, i)
                if einde < 0:
                    break
                i, in_string = einde + 3, None
                continue
            teken = regel[i]
            if teken == "#":
                break
            if regel.startswith('"""', i) or regel.startswith("'''", i):
                in_string, i = regel[i : i + 3], i + 3
            elif teken == '"':
                i += 1
                while i < lengte and regel[i] != '"':
                    i += 2 if regel[i] == "\\" else 1
                i += 1
            elif teken == "'":
                einde = regel.find("'", i + 1)
                i = einde + 1 if einde >= 0 else lengte
            else:
                diepte += (teken == "[") - (teken == "]")
                i += 1


class _Regels:
    """Line numbers of headers and keys, addressed by path: ('teams', 2, 'kernen')."""

    def __init__(self, tekst: str):
        self.regels = tekst.splitlines()
        self.plek: dict[tuple, int] = {}
        self.bereik: dict[tuple, tuple[int, int]] = {}
        tabel: tuple = ()
        tellers: dict[tuple, int] = {}
        vorige: tuple | None = None
        for nummer, regel in _begin_van_regels(tekst):
            kop = _KOP.match(regel) if regel.lstrip().startswith("[") else None
            sleutel = None if kop else _SLEUTEL.match(regel)
            if not (kop or sleutel):
                continue
            if vorige is not None:
                self.bereik[vorige] = (self.bereik[vorige][0], nummer - 1)
                vorige = None
            if kop:
                delen = _sleuteldelen(kop.group(2))
                if kop.group(1) == "[[":
                    volgnummer = tellers.get(delen, 0)
                    tellers[delen] = volgnummer + 1
                    tabel = (*delen, volgnummer)
                else:
                    tabel = delen
                self.plek.setdefault(tabel, nummer)
            else:
                pad = tabel + _sleuteldelen(sleutel.group(1))
                self.plek.setdefault(pad, nummer)
                self.bereik.setdefault(pad, (nummer, nummer))
                vorige = pad
        if vorige is not None:
            self.bereik[vorige] = (self.bereik[vorige][0], len(self.regels))

    def van(self, pad: tuple) -> int:
        """The line of the key or header at ``pad``, else of the nearest enclosing one."""
        while pad:
            if pad in self.plek:
                return self.plek[pad]
            pad = pad[:-1]
        return 1

    def van_waarde(self, pad: tuple, waarde: Any) -> int:
        """The line within the value of ``pad`` that holds the string ``waarde`` (multi-line arrays)."""
        if pad not in self.bereik or not isinstance(waarde, str):
            return self.van(pad)
        begin, einde = self.bereik[pad]
        gezocht = (f'"{waarde}"', f"'{waarde}'")
        for nummer in range(begin, einde + 1):
            if any(g in self.regels[nummer - 1] for g in gezocht):
                return nummer
        return begin


# ---------------------------------------------------------------------------------------------
# The schema.


@dataclass(frozen=True)
class _Veld:
    soort: str  # tekst | slug | positief | keuze | lijst | url
    verplicht: bool = True
    max_lengte: int = 0
    keuzes: tuple[str, ...] = ()
    mag_leeg: bool = False


_TERMIJN = _Veld("positief")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_KPI_CODE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

_TABELLEN: dict[str, dict[str, _Veld]] = {
    "gemeente": {
        "naam": _Veld("slug", max_lengte=60),
        "gemeente": _Veld("tekst", max_lengte=100),
        "max_contactmomenten": _Veld("positief"),
    },
    "termijnen": {
        "eerste_contact_dagen": _TERMIJN,
        "wmo_onderzoek_weken": _TERMIJN,
        "wmo_persoonlijk_plan_dagen": _TERMIJN,
        "wmo_beschikking_weken": _TERMIJN,
        "jeugd_beslissing_weken": _TERMIJN,
        "effectmeting_dagen": _TERMIJN,
        # Optional: casussen reads these with its own defaults, a gemeente may set them.
        "casus_zonder_contact_dagen": _Veld("positief", verplicht=False),
        "casus_doorlooptijd_dagen": _Veld("positief", verplicht=False),
        "casus_advies_dagen": _Veld("positief", verplicht=False),
    },
    "bewaartermijnen": {"met_voorziening_jaren": _TERMIJN, "zonder_voorziening_jaren": _TERMIJN},
    "monitor": {"privacy_drempel": _Veld("positief")},
}

_LIJSTEN: dict[str, tuple[bool, dict[str, _Veld]]] = {
    "kernen": (True, {"code": _Veld("slug", max_lengte=60), "naam": _Veld("tekst", max_lengte=100)}),
    "teams": (
        True,
        {
            "code": _Veld("slug", max_lengte=80),
            "naam": _Veld("tekst", max_lengte=150),
            "soort": _Veld("keuze", keuzes=tuple(Team.Soort.values)),
            "kernen": _Veld("lijst", verplicht=False),
            "doelgroep": _Veld("tekst", verplicht=False, max_lengte=200, mag_leeg=True),
        },
    ),
    "leefgebieden": (
        True,
        {
            "code": _Veld("slug", max_lengte=60),
            "label": _Veld("tekst", max_lengte=100),
            "aliassen": _Veld("lijst", verplicht=False),
        },
    ),
    "organisaties": (
        False,
        {
            "naam": _Veld("tekst", max_lengte=150),
            "soort": _Veld("keuze", keuzes=tuple(Organisatie.Soort.values)),
            "website": _Veld("url", verplicht=False, max_lengte=200),
            "telefoon": _Veld("tekst", verplicht=False, max_lengte=30, mag_leeg=True),
        },
    ),
    "voorzieningen": (
        False,
        {
            "naam": _Veld("tekst", max_lengte=150),
            "soort": _Veld("keuze", keuzes=tuple(Voorziening.Soort.values)),
            "organisatie": _Veld("tekst", max_lengte=150),
            "kernen": _Veld("lijst", verplicht=False),
            "leefgebieden": _Veld("lijst", verplicht=False),
            "omschrijving": _Veld("tekst", verplicht=False, max_lengte=2000, mag_leeg=True),
            "contact": _Veld("tekst", verplicht=False, max_lengte=200, mag_leeg=True),
        },
    ),
}

_SECTIES = [*_TABELLEN, "streefwaarden", *_LIJSTEN]


def _is_geheel(waarde: Any) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool)


class _Validatie:
    def __init__(self, tekst: str, bestand: str, naam: str | None):
        self.regels = _Regels(tekst)
        self.bestand = bestand
        self.naam = naam
        self._fouten: list[tuple[int, str]] = []

    @property
    def fouten(self) -> list[str]:
        return [
            _("%(bestand)s, regel %(regel)d: %(fout)s") % {"bestand": self.bestand, "regel": r, "fout": f}
            for r, f in sorted(self._fouten, key=lambda fout: fout[0])
        ]

    def fout(self, pad: tuple, tekst: str, *, waarde: Any = None) -> None:
        regel = self.regels.van(pad) if waarde is None else self.regels.van_waarde(pad, waarde)
        self._fouten.append((regel, tekst))

    # -- single values --------------------------------------------------------------------

    def _veld(self, pad: tuple, sleutel: str, waarde: Any, veld: _Veld, waar: str) -> bool:
        plek = (*pad, sleutel)
        naam = f"'{sleutel}' in {waar}"
        if veld.soort in ("tekst", "slug", "keuze", "url"):
            if not isinstance(waarde, str):
                self.fout(plek, _("%(naam)s moet een tekst zijn, niet %(waarde)r") % _p(naam, waarde))
                return False
            if not waarde.strip() and not veld.mag_leeg:
                self.fout(plek, _("%(naam)s mag niet leeg zijn") % _p(naam, waarde))
                return False
            if veld.max_lengte and len(waarde) > veld.max_lengte:
                self.fout(
                    plek,
                    _("%(naam)s is te lang (%(lengte)d tekens, hoogstens %(max)d)")
                    % {"naam": naam, "lengte": len(waarde), "max": veld.max_lengte},
                )
                return False
        if veld.soort == "slug" and not _SLUG.match(waarde):
            self.fout(
                plek,
                _("%(naam)s moet een code zijn van kleine letters, cijfers, '-' en '_', niet %(waarde)r")
                % _p(naam, waarde),
            )
            return False
        if veld.soort == "keuze" and waarde not in veld.keuzes:
            self.fout(
                plek,
                _("%(naam)s: onbekende soort %(waarde)r (kies uit: %(keuzes)s)")
                % {**_p(naam, waarde), "keuzes": ", ".join(veld.keuzes)},
            )
            return False
        if veld.soort == "url" and waarde:
            try:
                URLValidator()(waarde)
            except ValidationError:
                self.fout(plek, _("%(naam)s is geen geldig webadres: %(waarde)r") % _p(naam, waarde))
                return False
        if veld.soort == "positief":
            if not _is_geheel(waarde):
                self.fout(plek, _("%(naam)s moet een geheel getal zijn, niet %(waarde)r") % _p(naam, waarde))
                return False
            if waarde <= 0:
                self.fout(plek, _("%(naam)s moet groter dan 0 zijn, niet %(waarde)r") % _p(naam, waarde))
                return False
        if veld.soort == "lijst":
            if not isinstance(waarde, list) or not all(isinstance(w, str) and w.strip() for w in waarde):
                self.fout(
                    plek, _("%(naam)s moet een lijst van teksten zijn, niet %(waarde)r") % _p(naam, waarde)
                )
                return False
            gezien: set[str] = set()
            for element in waarde:
                if element in gezien:
                    self.fout(
                        plek, _("%(naam)s noemt %(waarde)r twee keer") % _p(naam, element), waarde=element
                    )
                    return False
                gezien.add(element)
        return True

    def _tabel(self, pad: tuple, waarde: Any, schema: dict[str, _Veld], waar: str) -> dict | None:
        """Check one table against its schema; returns only the valid entries, or None."""
        if not isinstance(waarde, dict):
            self.fout(pad, _("%(waar)s moet een tabel zijn") % {"waar": waar})
            return None
        geldig = {}
        for sleutel in waarde:
            if sleutel not in schema:
                self.fout(
                    (*pad, sleutel),
                    _("onbekende sleutel '%(sleutel)s' in %(waar)s (toegestaan: %(toegestaan)s)")
                    % {"sleutel": sleutel, "waar": waar, "toegestaan": ", ".join(schema)},
                )
        for sleutel, veld in schema.items():
            if sleutel not in waarde:
                if veld.verplicht:
                    self.fout(
                        pad,
                        _("verplichte sleutel '%(sleutel)s' ontbreekt in %(waar)s")
                        % {"sleutel": sleutel, "waar": waar},
                    )
                continue
            if self._veld(pad, sleutel, waarde[sleutel], veld, waar):
                geldig[sleutel] = waarde[sleutel]
        return geldig

    # -- the whole document ---------------------------------------------------------------

    def controleer(self, data: dict) -> None:
        for sleutel in data:
            if sleutel not in _SECTIES:
                self.fout(
                    (sleutel,),
                    _("onbekende sectie '%(sleutel)s' (toegestaan: %(toegestaan)s)")
                    % {"sleutel": sleutel, "toegestaan": ", ".join(_SECTIES)},
                )
        tabellen: dict[str, dict] = {}
        for naam, schema in _TABELLEN.items():
            if naam not in data:
                self.fout((), _("sectie [%(naam)s] ontbreekt") % {"naam": naam})
                continue
            tabellen[naam] = self._tabel((naam,), data[naam], schema, f"[{naam}]") or {}
        self._streefwaarden(data.get("streefwaarden", {}))

        lijsten: dict[str, list[tuple[int, dict]]] = {}
        for naam, (verplicht, schema) in _LIJSTEN.items():
            lijsten[naam] = []
            if naam not in data:
                if verplicht:
                    self.fout((), _("sectie [[%(naam)s]] ontbreekt") % {"naam": naam})
                continue
            elementen = data[naam]
            if not isinstance(elementen, list) or not all(isinstance(e, dict) for e in elementen):
                self.fout(
                    (naam,), _("%(naam)s moet een lijst van [[%(naam)s]]-tabellen zijn") % {"naam": naam}
                )
                continue
            if verplicht and not elementen:
                self.fout((naam,), _("[[%(naam)s]] mag niet leeg zijn") % {"naam": naam})
            for i, element in enumerate(elementen):
                kenmerk = element.get("code") or element.get("naam")
                waar = f"[[{naam}]] '{kenmerk}'" if isinstance(kenmerk, str) else f"[[{naam}]] nr. {i + 1}"
                geldig = self._tabel((naam, i), element, schema, waar)
                if geldig is not None:
                    lijsten[naam].append((i, geldig))

        gemeentenaam = tabellen.get("gemeente", {}).get("naam")
        if self.naam and gemeentenaam and gemeentenaam != self.naam:
            self.fout(
                ("gemeente", "naam"),
                _("gemeente.naam '%(naam)s' moet gelijk zijn aan de bestandsnaam '%(bestand)s' zonder .toml")
                % {"naam": gemeentenaam, "bestand": self.naam},
            )
        self._verwijzingen(lijsten)

    def _streefwaarden(self, streefwaarden: Any) -> None:
        if not isinstance(streefwaarden, dict):
            self.fout(("streefwaarden",), _("[streefwaarden] moet een tabel zijn"))
            return
        for code, waarde in streefwaarden.items():
            pad = ("streefwaarden", code)
            if not _KPI_CODE.match(code):
                self.fout(pad, _("KPI-code '%(code)s' moet snake_case zijn") % {"code": code})
            elif not _is_getal(waarde):
                self.fout(
                    pad,
                    _("streefwaarde '%(code)s' moet een getal zijn, niet %(w)r")
                    % {"code": code, "w": waarde},
                )
            elif code.endswith("_cijfer") and not 1 <= waarde <= 10:
                self.fout(
                    pad, _("streefwaarde '%(code)s' is een rapportcijfer van 1 tot 10") % {"code": code}
                )
            elif code.endswith("_procent") and "groei" not in code and not 0 <= waarde <= 100:
                self.fout(pad, _("streefwaarde '%(code)s' is een percentage van 0 tot 100") % {"code": code})

    def _uniek(self, lijst: str, elementen: list[tuple[int, dict]], sleutel: str, omschrijving: str) -> set:
        eerder: dict[Any, int] = {}
        for i, element in elementen:
            waarde = element.get(sleutel)
            if waarde is None:
                continue
            if waarde in eerder:
                self.fout(
                    (lijst, i, sleutel),
                    _("%(wat)s '%(waarde)s' komt twee keer voor (eerder op regel %(regel)d)")
                    % {"wat": omschrijving, "waarde": waarde, "regel": eerder[waarde]},
                )
            else:
                eerder[waarde] = self.regels.van((lijst, i, sleutel))
        return set(eerder)

    def _bestaat(self, pad: tuple, genoemd: list[str], bekend: set[str], tekst: str, wie: str) -> None:
        for waarde in genoemd:
            if waarde not in bekend:
                self.fout(pad, tekst % {"wie": wie, "waarde": waarde}, waarde=waarde)

    def _verwijzingen(self, lijsten: dict[str, list[tuple[int, dict]]]) -> None:
        kernen = self._uniek("kernen", lijsten["kernen"], "code", _("kerncode"))
        self._uniek("teams", lijsten["teams"], "code", _("teamcode"))
        leefgebieden = self._uniek("leefgebieden", lijsten["leefgebieden"], "code", _("leefgebiedcode"))
        organisaties = self._uniek("organisaties", lijsten["organisaties"], "naam", _("organisatie"))
        self._teams(lijsten["teams"], lijsten["kernen"], kernen)
        self._leefgebiednamen(lijsten["leefgebieden"])
        self._voorzieningen(lijsten["voorzieningen"], kernen, leefgebieden, organisaties)

    def _teams(self, teams: list[tuple[int, dict]], kernlijst: list[tuple[int, dict]], kernen: set) -> None:
        # The poort routes a melding to "the kernteam of the inwoner's kern", so among the
        # geographic teams every kern needs exactly one.
        geografisch: dict[str, str] = {}
        for i, team in teams:
            code = team.get("code", "?")
            teamkernen = team.get("kernen", [])
            pad = ("teams", i, "kernen")
            self._bestaat(
                pad, teamkernen, kernen, _("team '%(wie)s' noemt onbekende kern '%(waarde)s'"), code
            )
            if team.get("soort") == Team.Soort.GEOGRAFISCH:
                if not teamkernen:
                    self.fout(pad, _("geografisch team '%(code)s' heeft geen kernen") % {"code": code})
                for kern in teamkernen:
                    if kern in geografisch:
                        tekst = _("kern '%(kern)s' hoort al bij geografisch team '%(ander)s'")
                        self.fout(pad, tekst % {"kern": kern, "ander": geografisch[kern]}, waarde=kern)
                    geografisch.setdefault(kern, code)
            if team.get("soort") == Team.Soort.CLUSTER and not team.get("doelgroep", "").strip():
                tekst = _("cluster '%(code)s' heeft geen doelgroep")
                self.fout(("teams", i, "doelgroep"), tekst % {"code": code})
        if not geografisch:
            return
        for i, kern in kernlijst:
            if kern.get("code") in kernen and kern["code"] not in geografisch:
                tekst = _("kern '%(code)s' hoort bij geen geografisch team; de poort weet niet waarheen")
                self.fout(("kernen", i, "code"), tekst % {"code": kern["code"]})

    def _leefgebiednamen(self, leefgebieden: list[tuple[int, dict]]) -> None:
        # Imports and the poort map free text onto a leefgebied by label or alias, so one name
        # must lead to exactly one leefgebied.
        namen: dict[str, str] = {}
        for i, leefgebied in leefgebieden:
            code = leefgebied.get("code", "?")
            kandidaten = [("label", leefgebied.get("label"))]
            kandidaten += [("aliassen", alias) for alias in leefgebied.get("aliassen", [])]
            for sleutel, naam in kandidaten:
                if naam is None:
                    continue
                vergelijk = naam.strip().casefold()
                if vergelijk in namen and namen[vergelijk] != code:
                    tekst = _("'%(naam)s' van leefgebied '%(code)s' is al label of alias van '%(ander)s'")
                    self.fout(
                        ("leefgebieden", i, sleutel),
                        tekst % {"naam": naam, "code": code, "ander": namen[vergelijk]},
                        waarde=naam,
                    )
                namen.setdefault(vergelijk, code)

    def _voorzieningen(
        self, voorzieningen: list[tuple[int, dict]], kernen: set, leefgebieden: set, organisaties: set
    ) -> None:
        gezien: dict[tuple[str, str], int] = {}
        for i, voorziening in voorzieningen:
            naam = voorziening.get("naam", "?")
            if "organisatie" in voorziening:
                tekst = _("voorziening '%(wie)s' noemt onbekende organisatie '%(waarde)s'")
                organisatie = voorziening["organisatie"]
                self._bestaat(("voorzieningen", i, "organisatie"), [organisatie], organisaties, tekst, naam)
                if (naam, organisatie) in gezien:
                    tekst = _(
                        "voorziening '%(naam)s' van '%(org)s' staat er twee keer in (eerder op regel %(r)d)"
                    )
                    self.fout(
                        ("voorzieningen", i, "naam"),
                        tekst % {"naam": naam, "org": organisatie, "r": gezien[(naam, organisatie)]},
                    )
                gezien.setdefault((naam, organisatie), self.regels.van(("voorzieningen", i, "naam")))
            tekst = _("voorziening '%(wie)s' noemt onbekende kern '%(waarde)s'")
            self._bestaat(("voorzieningen", i, "kernen"), voorziening.get("kernen", []), kernen, tekst, naam)
            tekst = _("voorziening '%(wie)s' noemt onbekend leefgebied '%(waarde)s'")
            self._bestaat(
                ("voorzieningen", i, "leefgebieden"),
                voorziening.get("leefgebieden", []),
                leefgebieden,
                tekst,
                naam,
            )


def _p(naam: str, waarde: Any) -> dict:
    return {"naam": naam, "waarde": waarde}


_SYNTAXPLEK = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_SYNTAXEINDE = re.compile(r"\s*\(at end of document\)\s*$")


def _syntaxfout(bestand: str, tekst: str, fout: tomllib.TOMLDecodeError) -> str:
    melding = str(fout)
    if plek := _SYNTAXPLEK.search(melding):
        return _("%(bestand)s, regel %(regel)s, kolom %(kolom)s: geen geldige TOML: %(fout)s") % {
            "bestand": bestand,
            "regel": plek.group(1),
            "kolom": plek.group(2),
            "fout": melding[: plek.start()],
        }
    if einde := _SYNTAXEINDE.search(melding):
        return _(
            "%(bestand)s, regel %(regel)d: geen geldige TOML, het bestand houdt te vroeg op: %(fout)s"
        ) % {
            "bestand": bestand,
            "regel": max(len(tekst.splitlines()), 1),
            "fout": melding[: einde.start()],
        }
    return _("%(bestand)s: geen geldige TOML: %(fout)s") % {"bestand": bestand, "fout": melding}


def _lezen(tekst: str, naam: str | None) -> tuple[dict, list[str]]:
    bestand = f"{naam}.toml" if naam else _("profiel")
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        return {}, [_syntaxfout(bestand, tekst, fout)]
    validatie = _Validatie(tekst, bestand, naam)
    validatie.controleer(data)
    return data, validatie.fouten


def profiel_valideren(tekst: str, naam: str | None = None) -> list[str]:
    """All problems of a profile text, each naming its line; empty when the profile is valid.

    ``naam`` is the file name without .toml; when given, gemeente.naam must equal it.
    """
    return _lezen(tekst, naam)[1]


# ---------------------------------------------------------------------------------------------
# Finding profiles.


def beschikbare_profielen() -> list[str]:
    return sorted(pad.stem for pad in PROFIELEN_MAP.glob("*.toml"))


def profiel_bestand(naam: str) -> Path:
    """A shipped profile by name, or any .toml file by path (for gemeenten with their own profile)."""
    pad = Path(naam)
    if pad.suffix == ".toml" or len(pad.parts) > 1:
        if not pad.is_file():
            raise ProfielFout([_("Bestand %(pad)s bestaat niet.") % {"pad": naam}])
        return pad
    pad = PROFIELEN_MAP / f"{naam}.toml"
    if not pad.is_file():
        raise ProfielFout(
            [
                _("Onbekend profiel '%(naam)s'. Beschikbaar: %(lijst)s.")
                % {"naam": naam, "lijst": ", ".join(beschikbare_profielen())}
            ]
        )
    return pad


# ---------------------------------------------------------------------------------------------
# Applying.


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
    data, fouten = _lezen(tekst, pad.stem)
    if fouten:
        raise ProfielFout(fouten)
    with transaction.atomic():
        return _toepassen(data)
