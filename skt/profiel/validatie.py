"""Checking a whole profile document against the schema, every message naming its line."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ..models import Team
from .regels import Regels
from .schema import LIJSTEN, SECTIES, TABELLEN, Veld, streefwaardefout, veldfout


class Validatie:
    def __init__(self, tekst: str, bestand: str, naam: str | None):
        self.regels = Regels(tekst)
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

    def _veld(self, pad: tuple, sleutel: str, waarde: Any, veld: Veld, waar: str) -> bool:
        fout = veldfout(veld, waarde, f"'{sleutel}' in {waar}")
        if fout is not None:
            self.fout((*pad, sleutel), fout[0], waarde=fout[1])
        return fout is None

    def _tabel(self, pad: tuple, waarde: Any, schema: dict[str, Veld], waar: str) -> dict | None:
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
            if sleutel not in SECTIES:
                self.fout(
                    (sleutel,),
                    _("onbekende sectie '%(sleutel)s' (toegestaan: %(toegestaan)s)")
                    % {"sleutel": sleutel, "toegestaan": ", ".join(SECTIES)},
                )
        tabellen: dict[str, dict] = {}
        for naam, schema in TABELLEN.items():
            if naam not in data:
                self.fout((), _("sectie [%(naam)s] ontbreekt") % {"naam": naam})
                continue
            tabellen[naam] = self._tabel((naam,), data[naam], schema, f"[{naam}]") or {}
        self._streefwaarden(data.get("streefwaarden", {}))

        lijsten: dict[str, list[tuple[int, dict]]] = {}
        for naam, (verplicht, schema) in LIJSTEN.items():
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
            if (fout := streefwaardefout(code, waarde)) is not None:
                self.fout(("streefwaarden", code), fout)

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
