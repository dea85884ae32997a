"""Deciding a plan: grant or deny every onderdeel with its beschikking, or reject the whole plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from arrangementen import rechten as arrangement_rechten
from skt.models import Medewerker, Organisatie
from skt.validators import EERSTE_WERKDATUM

from .. import termijnen
from ..models import Arrangement, Beoordeling, Eenheid, Leveringsvorm, Onderdeel, Periode
from .basis import _datum, _nu, status_zetten, vergrendeld
from .beoordelen import _beslisvoorwaarden
from .berichten import _besluit_melden
from .evalueren import beoordelingen_overnemen, besluit_opvolgen, overgenomen_beoordelingen


@dataclass(frozen=True)
class Beslissing:
    """The consulent's decision on one onderdeel, as the decision form hands it over."""

    onderdeel: str  # the onderdeel's uuid
    toegekend: bool | None
    reden: str = ""
    beschikkingsnummer: str = ""
    beschikkingsdatum: date | None = None
    # Granted maatwerk as the kernteam needs to see it: what, by whom, how much, from when to when.
    product: str = ""
    zorgaanbieder: int | str | None = None  # the Organisatie's id, as the form posts it
    leveringsvorm: str = ""
    omvang_eenheden: Decimal | str | None = None
    omvang_eenheid: str = ""
    omvang_periode: str = ""
    ingangsdatum: date | None = None
    einddatum: date | None = None


# Two decimals in at most seven digits: the column's own bounds.
OMVANG_MAXIMUM = Decimal("99999.99")
# A voorziening is granted for at most this many years ahead; later dates are typing errors.
JAREN_VOORUIT = 10


def zorgaanbieders():
    """The zorgaanbieders of the sociale kaart: the only organisaties a voorziening is delivered by."""
    return Organisatie.objects.filter(soort=Organisatie.Soort.ZORGAANBIEDER).order_by("naam")


def _laatste_datum(vandaag: date) -> date:
    try:
        return vandaag.replace(year=vandaag.year + JAREN_VOORUIT)
    except ValueError:  # 29 February
        return vandaag.replace(year=vandaag.year + JAREN_VOORUIT, day=28)


def _omvang_controleren(waarde) -> tuple[Decimal | None, str | None]:
    """The number of units: a finite number above 0, at most two decimals, within the column."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None, _("Vul de omvang in: het aantal eenheden, groter dan 0.")
    try:
        getal = Decimal(str(waarde).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None, _("Vul de omvang in als getal, bijvoorbeeld 3 of 2,5.")
    if not getal.is_finite():
        return None, _("Vul de omvang in als getal, bijvoorbeeld 3 of 2,5.")
    if getal <= 0:
        return None, _("De omvang is groter dan 0.")
    if getal > OMVANG_MAXIMUM:
        return None, _("De omvang is hoogstens 99.999,99; controleer het getal.")
    if getal != getal.quantize(Decimal("0.01")):
        return None, _("Gebruik hoogstens twee cijfers achter de komma.")
    return getal.quantize(Decimal("0.01")), None


def _aanbieder_controleren(
    waarde, aanbieders: dict[int, Organisatie]
) -> tuple[Organisatie | None, str | None]:
    if waarde in (None, ""):
        return None, _("Kies de zorgaanbieder die de voorziening levert.")
    try:
        pk = int(str(waarde).strip())
    except ValueError:
        pk = None
    if pk is None or pk not in aanbieders:
        return None, _(
            "Kies een zorgaanbieder uit de sociale kaart; deze organisatie is daar geen zorgaanbieder."
        )
    return aanbieders[pk], None


def _voorziening_controleren(
    beslissing: Beslissing, sleutel: str, fouten: dict[str, list[str]], vandaag: date, aanbieders: dict
) -> dict:
    """The granted voorziening's fields; every missing or wrong one gets its own Dutch message."""

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(f"{sleutel}{veld}", []).append(tekst)

    gegevens: dict = {}
    product = (beslissing.product or "").strip()
    if not product:
        fout("product", _("Vul het product in (code of omschrijving uit iWmo/iJw)."))
    elif len(product) > 100:
        fout("product", _("Gebruik hoogstens 100 tekens."))
    gegevens["product"] = product
    aanbieder, tekst = _aanbieder_controleren(beslissing.zorgaanbieder, aanbieders)
    if tekst:
        fout("zorgaanbieder", tekst)
    gegevens["zorgaanbieder"] = aanbieder
    if beslissing.leveringsvorm not in Leveringsvorm.values:
        fout(
            "leveringsvorm",
            _("Kies de leveringsvorm: zorg in natura (ZIN) of persoonsgebonden budget (PGB)."),
        )
    gegevens["leveringsvorm"] = beslissing.leveringsvorm
    eenheden, tekst = _omvang_controleren(beslissing.omvang_eenheden)
    if tekst:
        fout("omvang_eenheden", tekst)
    gegevens["omvang_eenheden"] = eenheden
    if beslissing.omvang_eenheid not in Eenheid.values:
        fout("omvang_eenheid", _("Kies de eenheid van de omvang, bijvoorbeeld uur of dagdeel."))
    gegevens["omvang_eenheid"] = beslissing.omvang_eenheid
    if beslissing.omvang_periode not in Periode.values:
        fout("omvang_periode", _("Kies de periode: per week, per maand of in totaal."))
    gegevens["omvang_periode"] = beslissing.omvang_periode
    laatste = _laatste_datum(vandaag)
    ingang, einde = beslissing.ingangsdatum, beslissing.einddatum
    if not isinstance(ingang, date):
        fout("ingangsdatum", _("Vul de ingangsdatum van de voorziening in."))
        ingang = None
    elif ingang < EERSTE_WERKDATUM:
        fout("ingangsdatum", _("Een datum vóór 1 januari 2000 kan niet; controleer het jaartal."))
    elif ingang > laatste:
        fout(
            "ingangsdatum",
            _("Een ingangsdatum na %(datum)s kan niet; controleer het jaartal.")
            % {"datum": f"{laatste:%d-%m-%Y}"},
        )
    if einde is not None and not isinstance(einde, date):
        fout("einddatum", _("Vul een geldige datum in."))
    elif einde is not None:
        if einde < EERSTE_WERKDATUM:
            fout("einddatum", _("Een datum vóór 1 januari 2000 kan niet; controleer het jaartal."))
        elif einde > laatste:
            fout(
                "einddatum",
                _("Een einddatum na %(datum)s kan niet; controleer het jaartal.")
                % {"datum": f"{laatste:%d-%m-%Y}"},
            )
        elif ingang is not None and einde < ingang:
            fout(
                "einddatum",
                _("De einddatum ligt vóór de ingangsdatum (%(datum)s).") % {"datum": f"{ingang:%d-%m-%Y}"},
            )
    gegevens["ingangsdatum"] = ingang
    gegevens["einddatum"] = einde
    return gegevens


def _beslissingen_controleren(
    door: Medewerker,
    arrangement: Arrangement,
    onderdelen: list[Onderdeel],
    beslissingen: Iterable[Beslissing],
    vandaag: date,
) -> tuple[dict[str, Beslissing], dict[str, dict]]:
    per_onderdeel = {str(b.onderdeel): b for b in beslissingen}
    fouten: dict[str, list[str]] = {}
    voorzieningen: dict[str, dict] = {}
    aanbieders: dict[int, Organisatie] | None = None
    for i, onderdeel in enumerate(onderdelen):
        sleutel = f"onderdelen.{i}."
        beslissing = per_onderdeel.get(str(onderdeel.uuid))
        if not arrangement_rechten.mag_onderdeel_beslissen(door, onderdeel):
            fouten.setdefault(f"{sleutel}toegekend", []).append(
                _("Dit onderdeel valt onder de %(wet)s; daarover beslist een consulent van die wet.")
                % {"wet": onderdeel.categorie.get_wet_display()}
            )
            continue
        if beslissing is None or beslissing.toegekend is None:
            # The message names the options the form shows: maatwerk is granted, other help agreed to.
            keuze = (
                _("Beslis over dit onderdeel: toekennen of niet toekennen.")
                if onderdeel.is_maatwerk
                else _("Beslis over dit onderdeel: akkoord of niet akkoord.")
            )
            fouten.setdefault(f"{sleutel}toegekend", []).append(keuze)
            continue
        if not beslissing.toegekend and not (beslissing.reden or "").strip():
            fouten.setdefault(f"{sleutel}reden", []).append(
                _(
                    "Geef de reden waarom dit onderdeel niet wordt toegekend; de inwoner en het kernteam "
                    "lezen die."
                )
                if onderdeel.is_maatwerk
                else _("Geef de reden waarom u niet akkoord bent; de inwoner en het kernteam lezen die.")
            )
        if len(beslissing.reden or "") > 2000:
            fouten.setdefault(f"{sleutel}reden", []).append(_("Gebruik hoogstens 2000 tekens."))
        if beslissing.toegekend and onderdeel.is_maatwerk:
            if not (beslissing.beschikkingsnummer or "").strip():
                fouten.setdefault(f"{sleutel}beschikkingsnummer", []).append(
                    _("Vul het nummer van de beschikking in.")
                )
            elif len(beslissing.beschikkingsnummer.strip()) > 50:
                fouten.setdefault(f"{sleutel}beschikkingsnummer", []).append(
                    _("Gebruik hoogstens 50 tekens.")
                )
            datum = beslissing.beschikkingsdatum
            if not isinstance(datum, date):
                fouten.setdefault(f"{sleutel}beschikkingsdatum", []).append(
                    _("Vul de datum van de beschikking in.")
                )
            elif arrangement.aanvraagdatum and datum < arrangement.aanvraagdatum:
                fouten.setdefault(f"{sleutel}beschikkingsdatum", []).append(
                    _("De beschikking kan niet vóór de aanvraag (%(datum)s) liggen.")
                    % {"datum": f"{arrangement.aanvraagdatum:%d-%m-%Y}"}
                )
            elif datum > vandaag:
                fouten.setdefault(f"{sleutel}beschikkingsdatum", []).append(
                    _("De datum van de beschikking ligt in de toekomst; vul vandaag of een eerdere datum in.")
                )
            if aanbieders is None:
                aanbieders = {o.pk: o for o in zorgaanbieders()}
            voorzieningen[str(onderdeel.uuid)] = _voorziening_controleren(
                beslissing, sleutel, fouten, vandaag, aanbieders
            )
    onbekend = set(per_onderdeel) - {str(o.uuid) for o in onderdelen}
    if onbekend:
        fouten.setdefault("__all__", []).append(
            _(
                "De beslissing noemt een onderdeel dat niet (meer) bij dit arrangement hoort; vernieuw "
                "de pagina."
            )
        )
    if fouten:
        raise ValidationError(fouten)
    return per_onderdeel, voorzieningen


def _besluit_vastleggen(
    *,
    door: Medewerker,
    arrangement: Arrangement,
    actie: str,
    toelichting: str,
    nu: datetime,
) -> None:
    status_zetten(arrangement, actie=actie, door=door, toelichting=toelichting, nu=nu)
    arrangement_rechten.besluit_aan_overdragers_geven(arrangement)
    arrangement.behandelaar = door
    arrangement.besloten_op = nu
    arrangement.besluit_toelichting = toelichting.strip()
    arrangement.besloten_binnen_termijn = (
        not termijnen.is_te_laat(arrangement.beslistermijn_einde, _datum(nu), _datum(nu))
        if arrangement.beslistermijn_einde
        else None
    )
    besluit_opvolgen(arrangement, door=door, nu=nu)
    arrangement.full_clean(
        exclude=["inwoner", "casus", "melding", "opgesteld_door", "team", "behandelaar", "status"]
    )
    arrangement.save()


@transaction.atomic
def arrangement_beslissen(
    *,
    door: Medewerker,
    arrangement: Arrangement,
    beslissingen: Iterable[Beslissing],
    toelichting: str = "",
    nu: datetime | None = None,
) -> Arrangement:
    """Grant or deny every onderdeel; the plan is then goedgekeurd, gedeeltelijk goedgekeurd or afgewezen.

    A denied onderdeel needs a reason; granted maatwerk needs the beschikking's number and date,
    not before the aanvraag, and the voorziening as the kernteam needs to see it: product,
    zorgaanbieder from the sociale kaart, ZIN or PGB, omvang, from and until. Every wrong field gets
    its own message in one ValidationError and nothing is saved. The row lock makes a second
    consulent deciding at the same moment wait, and then find the plan decided: one decision
    stands, the other gets a message.
    """
    nu = _nu(nu)
    arrangement = vergrendeld(arrangement.pk)
    _beslisvoorwaarden(door, arrangement)
    # An adjusted plan: unchanged onderdelen keep their running grant; the consulent decides the rest.
    overgenomen = overgenomen_beoordelingen(arrangement, _datum(nu))
    alle_onderdelen = list(arrangement.onderdelen.select_related("categorie"))
    onderdelen = [o for o in alle_onderdelen if o.pk not in overgenomen]
    per_onderdeel, voorzieningen = _beslissingen_controleren(
        door, arrangement, onderdelen, list(beslissingen), _datum(nu)
    )
    toegekend = len(overgenomen) + sum(1 for o in onderdelen if per_onderdeel[str(o.uuid)].toegekend)
    if toegekend == len(alle_onderdelen):
        actie = "goedkeuren"
    elif toegekend == 0:
        actie = "afwijzen"
    else:
        actie = "gedeeltelijk_goedkeuren"
    if actie == "afwijzen" and not (toelichting or "").strip():
        # Every part denied is a rejection: it needs its own reason for the whole plan too.
        toelichting = "; ".join(per_onderdeel[str(o.uuid)].reden.strip() for o in onderdelen)
    for onderdeel in onderdelen:
        beslissing = per_onderdeel[str(onderdeel.uuid)]
        beoordeling = Beoordeling(
            onderdeel=onderdeel,
            versie=arrangement.versie,
            toegekend=bool(beslissing.toegekend),
            reden=(beslissing.reden or "").strip(),
            beschikkingsnummer=(beslissing.beschikkingsnummer or "").strip()
            if beslissing.toegekend and onderdeel.is_maatwerk
            else "",
            beschikkingsdatum=beslissing.beschikkingsdatum
            if beslissing.toegekend and onderdeel.is_maatwerk
            else None,
            beoordeeld_door=door,
            beoordeeld_op=nu,
            **voorzieningen.get(str(onderdeel.uuid), {}),
        )
        beoordeling.full_clean(exclude=["onderdeel", "beoordeeld_door", "zorgaanbieder"])
        beoordeling.save()
    if overgenomen:
        beoordelingen_overnemen(arrangement, overgenomen, vorige_nummer=arrangement.vorige.nummer)
    _besluit_vastleggen(door=door, arrangement=arrangement, actie=actie, toelichting=toelichting or "", nu=nu)
    _besluit_melden(arrangement, nu=nu)
    return arrangement


@transaction.atomic
def arrangement_afwijzen(
    *, door: Medewerker, arrangement: Arrangement, reden: str, nu: datetime | None = None
) -> Arrangement:
    """Reject the whole plan with one reason; every onderdeel is recorded as not granted."""
    nu = _nu(nu)
    arrangement = vergrendeld(arrangement.pk)
    if not (reden or "").strip():
        raise ValidationError(
            {"reden": _("Geef de reden van de afwijzing; de inwoner en het kernteam lezen die.")}
        )
    if len(reden) > 2000:
        raise ValidationError({"reden": _("Gebruik hoogstens 2000 tekens.")})
    _beslisvoorwaarden(door, arrangement)
    for onderdeel in arrangement.onderdelen.all():
        Beoordeling.objects.create(
            onderdeel=onderdeel,
            versie=arrangement.versie,
            toegekend=False,
            reden=reden.strip(),
            beoordeeld_door=door,
            beoordeeld_op=nu,
        )
    _besluit_vastleggen(door=door, arrangement=arrangement, actie="afwijzen", toelichting=reden, nu=nu)
    _besluit_melden(arrangement, nu=nu)
    return arrangement
