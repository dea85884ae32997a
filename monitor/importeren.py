"""Historical import of meldingen from an old registration export (e.g. iSamenleving), without
personal data, straight into the fact table.

All or nothing: the whole file is checked first and every problem is reported with its line number;
only a file without problems is written, in one transaction. ``meldingnummer`` is the key, so
importing the same file again updates rows (and changes nothing when nothing changed).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from meldingen.vocab import Ingang, MelderSoort, Uitstroom
from skt.models import Kern, Leefgebied, Team
from skt.profiel.instellingen import instellingen

from .models import Bron, MeldingFeit, MeldingFeitLeefgebied

VERPLICHT = ("meldingnummer", "datum", "kernteam")
OPTIONEEL = (
    "kern",
    "ingang",
    "melder",
    "leefgebieden",
    "jeugd",
    "uitstroom",
    "contactmomenten",
    "eerste_contact",
    "afgesloten",
)
KOP_ALIASSEN = {
    "nummer": "meldingnummer",
    "melding": "meldingnummer",
    "aanmeldingsdatum": "datum",
    "datum_aanmelding": "datum",
    "team": "kernteam",
    "leefgebied": "leefgebieden",
    "datum_eerste_contact": "eerste_contact",
    "eerste_contact_op": "eerste_contact",
    "datum_afgesloten": "afgesloten",
    "afgesloten_op": "afgesloten",
    "melder_soort": "melder",
}
# Old exports use other words for the same channel or melder; codes and labels always work too.
INGANG_ALIASSEN = {
    "telefonisch": "telefoon",
    "e-mail": "email",
    "mail": "email",
    "contact individueel": "persoonlijk",
    "individueel contact": "persoonlijk",
    "persoonlijk": "persoonlijk",
    "via loket": "loket",
    "loket/consulent": "loket",
    "doorverwezen door loket": "loket",
    "doorverwezen door consulent": "loket",
    "kcc": "loket",
    "internet": "website",
    "formulier": "website",
}
MELDER_ALIASSEN = {
    "inwoner zelf": "inwoner",
    "zelf": "inwoner",
    "huishouden": "inwoner",
    "buren": "buurtbewoner",
    "buurman": "buurtbewoner",
    "buurvrouw": "buurtbewoner",
    "schoolmaatschappelijk werk": "school",
    "andere professional": "overig_professional",
    "professional": "overig_professional",
    "corporatie": "woningcorporatie",
}
UITSTROOM_ALIASSEN = {
    "eigen oplossing": "eigen_kracht",
    "algemene voorziening": "algemene_voorziening",
    "maatwerk": "maatwerk_loket",
    "maatwerkvoorziening": "maatwerk_loket",
    "loket": "maatwerk_loket",
    "0e/1e lijn": "doorverwezen_0e_1e_lijn",
    "kortdurende ondersteuning": "kortdurende_ondersteuning",
}
JA = {"ja", "j", "yes", "y", "true", "1", "waar"}
NEE = {"nee", "n", "no", "false", "0", "onwaar"}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
MAX_FOUTEN = 200


class ImportFout(Exception):
    """The file was refused; ``fouten`` lists every problem as 'regel N: …'."""

    def __init__(self, fouten: list[str]):
        self.fouten = fouten
        super().__init__("\n".join(fouten))


@dataclass
class ImportResultaat:
    regels: int
    nieuw: int
    bijgewerkt: int
    ongewijzigd: int


def _sleutel(tekst: str) -> str:
    return " ".join(str(tekst).strip().lower().split())


def _opzoeklijst(paren) -> dict:
    lijst: dict = {}
    for woorden, doel in paren:
        for woord in woorden:
            if woord:
                lijst.setdefault(_sleutel(woord), doel)
    return lijst


def _keuzelijst(choices, aliassen: dict) -> dict[str, str]:
    lijst = _opzoeklijst(((code, label), code) for code, label in choices)
    for woord, code in aliassen.items():
        lijst.setdefault(_sleutel(woord), code)
    return lijst


def datum_lezen(tekst: str) -> date:
    """'2015-03-25' or '25-03-2015' (also with one-digit day or month)."""
    tekst = tekst.strip()
    if m := _ISO.match(tekst):
        jaar, maand, dag = (int(d) for d in m.groups())
    elif m := _NL.match(tekst):
        dag, maand, jaar = (int(d) for d in m.groups())
    else:
        raise ValueError(f"'{tekst}' is geen datum (gebruik 2015-03-25 of 25-03-2015)")
    try:
        return date(jaar, maand, dag)
    except ValueError:
        raise ValueError(f"'{tekst}' is geen bestaande datum") from None


def _lezen(inhoud: bytes) -> tuple[str, list[str]]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = inhoud[: fout.start].count(b"\n") + 1
        return "", [f"regel {regel}: het bestand is geen UTF-8; sla het op als CSV UTF-8 en probeer opnieuw"]
    return tekst, []


def _scheidingsteken(kopregel: str) -> str:
    return ";" if kopregel.count(";") >= kopregel.count(",") else ","


class _Opzoeken:
    def __init__(self):
        teams = list(Team.objects.all())
        self.teams = _opzoeklijst(((t.code, t.naam), t) for t in teams)
        self.kernen = _opzoeklijst(((k.code, k.naam), k) for k in Kern.objects.all())
        self.leefgebieden = _opzoeklijst(
            ((lg.code, lg.label, *lg.aliassen), lg)
            for lg in Leefgebied.objects.order_by("-actief", "volgorde")
        )
        self.ingang = _keuzelijst(Ingang.choices, INGANG_ALIASSEN)
        self.melder = _keuzelijst(MelderSoort.choices, MELDER_ALIASSEN)
        self.uitstroom = _keuzelijst(Uitstroom.choices, UITSTROOM_ALIASSEN)
        self.maximum = instellingen().max_contactmomenten


def _rij_lezen(rij: dict[str, str], opzoeken: _Opzoeken, vandaag: date) -> tuple[dict, list, list[str]]:
    """One row to fact values and leefgebieden, or the problems with it."""
    fouten: list[str] = []
    waarden: dict = {}

    def datum(veld: str, verplicht: bool = False) -> date | None:
        tekst = (rij.get(veld) or "").strip()
        if not tekst:
            if verplicht:
                fouten.append(f"{veld} ontbreekt")
            return None
        try:
            gelezen = datum_lezen(tekst)
        except ValueError as fout:
            fouten.append(f"{veld}: {fout}")
            return None
        if gelezen > vandaag:
            fouten.append(f"{veld}: {tekst} ligt in de toekomst")
        return gelezen

    def keuze(veld: str, lijst: dict, wat: str) -> str:
        tekst = (rij.get(veld) or "").strip()
        if not tekst:
            return ""
        code = lijst.get(_sleutel(tekst))
        if code is None:
            fouten.append(f"onbekende {wat} '{tekst}'")
            return ""
        return code

    aanmelding = datum("datum", verplicht=True)
    waarden["aanmeldingsdatum"] = aanmelding
    team_tekst = (rij.get("kernteam") or "").strip()
    waarden["team"] = opzoeken.teams.get(_sleutel(team_tekst)) if team_tekst else None
    if not team_tekst:
        fouten.append("kernteam ontbreekt")
    elif waarden["team"] is None:
        fouten.append(f"onbekend team '{team_tekst}'")
    kern_tekst = (rij.get("kern") or "").strip()
    waarden["kern"] = opzoeken.kernen.get(_sleutel(kern_tekst)) if kern_tekst else None
    if kern_tekst and waarden["kern"] is None:
        fouten.append(f"onbekende kern '{kern_tekst}'")
    waarden["ingang"] = keuze("ingang", opzoeken.ingang, "ingang")
    waarden["melder"] = keuze("melder", opzoeken.melder, "melder")
    waarden["uitstroom"] = keuze("uitstroom", opzoeken.uitstroom, "uitstroom")

    leefgebieden = []
    for deel in (rij.get("leefgebieden") or "").split("|"):
        if not deel.strip():
            continue
        leefgebied = opzoeken.leefgebieden.get(_sleutel(deel))
        if leefgebied is None:
            fouten.append(f"onbekend leefgebied '{deel.strip()}'")
        elif leefgebied not in leefgebieden:
            leefgebieden.append(leefgebied)

    jeugd = _sleutel(rij.get("jeugd") or "")
    if not jeugd:
        waarden["jeugd"] = None
    elif jeugd in JA or jeugd in NEE:
        waarden["jeugd"] = jeugd in JA
    else:
        fouten.append(f"jeugd is 'ja' of 'nee', niet '{rij.get('jeugd', '').strip()}'")
        waarden["jeugd"] = None

    aantal_tekst = (rij.get("contactmomenten") or "").strip()
    waarden["contactmomenten"] = None
    if aantal_tekst:
        if aantal_tekst.isdigit() and int(aantal_tekst) <= 1000:
            waarden["contactmomenten"] = int(aantal_tekst)
        else:
            fouten.append(f"contactmomenten is een geheel getal vanaf 0, niet '{aantal_tekst}'")
    waarden["maximum_bereikt"] = (waarden["contactmomenten"] or 0) >= opzoeken.maximum

    eerste = datum("eerste_contact")
    afgesloten = datum("afgesloten")
    if aanmelding and eerste and eerste < aanmelding:
        fouten.append("eerste_contact ligt vóór de datum van aanmelding")
    if aanmelding and afgesloten and afgesloten < aanmelding:
        fouten.append("afgesloten ligt vóór de datum van aanmelding")
    waarden["eerste_contact_op"] = eerste
    waarden["afgesloten_op"] = afgesloten
    waarden["status"] = "afgesloten" if afgesloten else "in_behandeling" if eerste else "getrieerd"
    waarden["leefgebieden_aantal"] = len(leefgebieden)
    waarden["dagen_tot_eerste_contact"] = waarden["wacht_tot"] = None
    if aanmelding:
        afgeleid = MeldingFeit(
            aanmeldingsdatum=aanmelding, eerste_contact_op=eerste, afgesloten_op=afgesloten
        )
        afgeleid.afleiden()
        waarden["dagen_tot_eerste_contact"] = afgeleid.dagen_tot_eerste_contact
        waarden["wacht_tot"] = afgeleid.wacht_tot
    return waarden, leefgebieden, fouten


VERGELEKEN = (
    "aanmeldingsdatum",
    "team_id",
    "kern_id",
    "ingang",
    "melder",
    "jeugd",
    "uitstroom",
    "contactmomenten",
    "maximum_bereikt",
    "eerste_contact_op",
    "dagen_tot_eerste_contact",
    "afgesloten_op",
    "status",
    "wacht_tot",
    "leefgebieden_aantal",
)


def _controleren(inhoud: bytes) -> tuple[list[tuple[str, dict, list]], list[str]]:
    tekst, fouten = _lezen(inhoud)
    if fouten:
        return [], fouten
    if not tekst.strip():
        return [], ["regel 1: het bestand is leeg"]
    kopregel = tekst.splitlines()[0]
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheidingsteken(kopregel))
    kop = [
        KOP_ALIASSEN.get(_sleutel(k).replace(" ", "_"), _sleutel(k).replace(" ", "_")) for k in next(lezer)
    ]
    ontbrekend = [k for k in VERPLICHT if k not in kop]
    if ontbrekend:
        return [], [
            f"regel 1: kolom {', '.join(ontbrekend)} ontbreekt; verplicht zijn {', '.join(VERPLICHT)} "
            f"(gevonden: {', '.join(kop)})"
        ]
    dubbel = {k for k in kop if kop.count(k) > 1 and k}
    if dubbel:
        return [], [f"regel 1: kolom {', '.join(sorted(dubbel))} staat er meer dan eens in"]
    onbekend = [k for k in kop if k and k not in VERPLICHT + OPTIONEEL]
    if onbekend:
        fouten.append(
            f"regel 1: onbekende kolom {', '.join(onbekend)} (toegestaan: {', '.join(VERPLICHT + OPTIONEEL)})"
        )
    opzoeken = _Opzoeken()
    vandaag = timezone.localdate()
    rijen: list[tuple[str, dict, list]] = []
    gezien: dict[str, int] = {}
    for velden in lezer:
        regel = lezer.line_num
        if not any(v.strip() for v in velden):
            continue
        if len(velden) != len(kop):
            fouten.append(f"regel {regel}: {len(velden)} velden, de kopregel heeft er {len(kop)}")
            continue
        rij = dict(zip(kop, velden, strict=True))
        nummer = rij["meldingnummer"].strip()
        waarden, leefgebieden, rijfouten = _rij_lezen(rij, opzoeken, vandaag)
        if not nummer:
            rijfouten.insert(0, "meldingnummer ontbreekt")
        elif nummer in gezien:
            rijfouten.insert(0, f"meldingnummer {nummer} staat ook op regel {gezien[nummer]}")
        elif len(nummer) > 100:
            rijfouten.insert(0, "meldingnummer is langer dan 100 tekens")
        else:
            gezien[nummer] = regel
        fouten.extend(f"regel {regel}: {fout}" for fout in rijfouten)
        rijen.append((nummer, waarden, leefgebieden))
        if len(fouten) >= MAX_FOUTEN:
            fouten.append(f"… gestopt na {MAX_FOUTEN} fouten")
            break
    if not rijen and not fouten:
        fouten.append("regel 2: er staan geen meldingen in het bestand")
    return rijen, fouten


def meldingen_importeren(bron: str | Path | bytes) -> ImportResultaat:
    """Check the whole file, then write it; raises ImportFout (and writes nothing) on any problem."""
    inhoud = bron if isinstance(bron, bytes) else Path(bron).read_bytes()
    rijen, fouten = _controleren(inhoud)
    if fouten:
        raise ImportFout(fouten)
    nu = timezone.now()
    nieuw = bijgewerkt = ongewijzigd = 0
    with transaction.atomic():
        for begin in range(0, len(rijen), 2000):
            blok = rijen[begin : begin + 2000]
            bestaand = {
                f.sleutel: f
                for f in MeldingFeit.objects.filter(bron=Bron.IMPORT, sleutel__in=[n for n, _, _ in blok])
            }
            huidige_lg: dict[int, set[int]] = {}
            for feit_id, lg_id in MeldingFeitLeefgebied.objects.filter(
                feit__in=[f.pk for f in bestaand.values()]
            ).values_list("feit_id", "leefgebied_id"):
                huidige_lg.setdefault(feit_id, set()).add(lg_id)
            nieuwe, gewijzigde, lg_vervangen = [], [], []
            for nummer, waarden, leefgebieden in blok:
                feit = bestaand.get(nummer)
                gewenst = {
                    **{k: v for k, v in waarden.items() if k not in ("team", "kern")},
                    "team_id": waarden["team"].pk if waarden["team"] else None,
                    "kern_id": waarden["kern"].pk if waarden["kern"] else None,
                }
                lg_ids = {lg.pk for lg in leefgebieden}
                if feit is None:
                    feit = MeldingFeit(bron=Bron.IMPORT, sleutel=nummer, bijgewerkt_op=nu, **gewenst)
                    nieuwe.append(feit)
                    lg_vervangen.append((feit, lg_ids))
                    continue
                veranderd = any(getattr(feit, k) != gewenst[k] for k in VERGELEKEN)
                if veranderd:
                    for k in VERGELEKEN:
                        setattr(feit, k, gewenst[k])
                    feit.bijgewerkt_op = nu
                    gewijzigde.append(feit)
                if huidige_lg.get(feit.pk, set()) != lg_ids or veranderd:
                    # The rows carry the fact's date, team and kern: renew them with it.
                    lg_vervangen.append((feit, lg_ids))
                    if not veranderd:
                        gewijzigde.append(feit)
                        feit.bijgewerkt_op = nu
                else:
                    ongewijzigd += 1
            # The fact table is anonymous and not history-tracked: bulk writes are allowed here.
            MeldingFeit.objects.bulk_create(nieuwe, batch_size=1000)
            MeldingFeit.objects.bulk_update(gewijzigde, [*VERGELEKEN, "bijgewerkt_op"], batch_size=1000)
            nieuw += len(nieuwe)
            bijgewerkt += len(gewijzigde)
            MeldingFeitLeefgebied.objects.filter(feit__in=[f.pk for f, _ in lg_vervangen if f.pk]).delete()
            MeldingFeitLeefgebied.objects.bulk_create(
                [MeldingFeitLeefgebied.voor(f, lg) for f, ids in lg_vervangen for lg in sorted(ids)],
                batch_size=2000,
            )
    return ImportResultaat(regels=len(rijen), nieuw=nieuw, bijgewerkt=bijgewerkt, ongewijzigd=ongewijzigd)
