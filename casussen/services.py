"""Workflows of a casus: start (with kaders, collegiale toets and advice), contactmomenten, ZRM, closing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casussen import rechten as casus_rechten
from meldingen import rechten as melding_rechten
from meldingen import routering
from meldingen.models import Melding
from meldingen.services import melding_afsluiten
from meldingen.vocab import TriageUitkomst
from meldingen.workflow import MeldingStatus
from skt import rechten, workflow
from skt.models import Leefgebied, Medewerker, Rol, Team, Voorziening
from skt.profiel.instellingen import instellingen

from .models import Adviesvraag, Casus, CasusStatusRegel, Contactmoment, ZrmScore
from .vocab import (
    HUISBEZOEKEN,
    KADERS,
    UITSTROOM_BIJ_AFSLUITREDEN,
    Afsluitreden,
    ContactSoort,
    ZrmMoment,
)
from .workflow import WERKSTROOM, CasusStatus

STARTBARE_MELDINGSTATUSSEN = {MeldingStatus.GETRIEERD, MeldingStatus.IN_BEHANDELING}
KERNTEAM_TRIAGE = {TriageUitkomst.KERNTEAM, TriageUitkomst.KERNTEAM_CONSULENT}


def max_contactmomenten() -> int:
    """The gemeente profile's maximum of support contacts (seed 001: "maximaal tien")."""
    return instellingen().max_contactmomenten


# The kernel's helpers bound to the casus's table.
status_zetten = partial(workflow.status_zetten, werkstroom=WERKSTROOM)
vergrendeld = partial(workflow.vergrendeld, Casus)


def _datum_controleren(datum: date | None, *, veld: str, wat: str, niet_voor: date | None = None) -> date:
    if not isinstance(datum, date):
        raise ValidationError({veld: _("Vul de %(wat)s in.") % {"wat": wat}})
    if datum > timezone.localdate():
        raise ValidationError(
            {veld: _("De %(wat)s ligt in de toekomst; vul vandaag of een eerdere datum in.") % {"wat": wat}}
        )
    if niet_voor and datum < niet_voor:
        raise ValidationError(
            {
                veld: _("De %(wat)s ligt vóór %(grens)s; dat kan niet.")
                % {"wat": wat, "grens": niet_voor.strftime("%d-%m-%Y")}
            }
        )
    return datum


def _kernteamlid_van(medewerker: Medewerker | None, team: Team, rol: str) -> bool:
    return (
        medewerker is not None
        and medewerker.is_active
        and medewerker.rol == rol
        and medewerker.teams.filter(pk=team.pk).exists()
    )


# -- starten ----------------------------------------------------------------------------------


def _startvoorwaarden(
    *,
    door: Medewerker,
    melding: Melding,
    casushouder: Medewerker | None,
    doel: str,
    kaders: Mapping[str, bool],
    toets_collega: Medewerker | None,
    toets_datum: date | None,
    toets_uitkomst: str,
    vrijwilliger_toestemming: bool | None,
    vrijwilliger: Medewerker | None,
    twijfel: bool,
    adviesvraag: str,
) -> None:
    """Collect every unmet condition at once, so the form shows them all next to their fields."""
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    if melding.status not in STARTBARE_MELDINGSTATUSSEN or melding.triage_uitkomst not in KERNTEAM_TRIAGE:
        raise ValidationError(
            _(
                "Een casus start alleen vanuit een open melding die naar het kernteam is gerouteerd. "
                "Deze melding is nog niet getrieerd, ging naar het loket of is al afgesloten."
            ),
            code="melding_niet_startbaar",
        )
    if melding.inwoner_id is None:
        raise ValidationError(
            _("Deze melding is anoniem. Registreer eerst de inwoner bij de melding."), code="anoniem"
        )
    if Casus.objects.filter(melding=melding).exclude(status=CasusStatus.AFGESLOTEN).exists():
        raise ValidationError(_("Voor deze melding loopt al een casus."), code="al_casus")
    if not _kernteamlid_van(casushouder, melding.team, Rol.BEROEPSKRACHT):
        fout(
            "casushouder",
            _("De casushouder is altijd een beroepskracht van het team %(team)s, nooit een vrijwilliger.")
            % {"team": melding.team},
        )
    if not (doel or "").strip():
        fout("doel", _("Beschrijf het doel: kortdurende ondersteuning begint met een duidelijk doel."))
    for kader in KADERS:
        if kaders.get(kader.veld) is not True:
            fout(kader.veld, str(kader.fout))
    if (
        toets_collega is None
        or toets_collega.rol not in rechten.KERNTEAM_ROLLEN
        or not toets_collega.is_active
    ):
        fout(
            "toets_collega",
            _("Kies de collega-kernteamlid met wie u de collegiale toets hebt gedaan."),
        )
    elif casushouder is not None and toets_collega.pk == casushouder.pk:
        fout("toets_collega", _("De collegiale toets doet de casushouder met een ándere collega."))
    try:
        _datum_controleren(
            toets_datum,
            veld="toets_datum",
            wat="datum van de collegiale toets",
            niet_voor=melding.aanmeldingsdatum,
        )
    except ValidationError as e:
        for veld, teksten in e.message_dict.items():
            for tekst in teksten:
                fout(veld, tekst)
    if not (toets_uitkomst or "").strip():
        fout("toets_uitkomst", _("Schrijf kort op wat de collegiale toets opleverde."))
    if vrijwilliger is not None:
        if vrijwilliger_toestemming is not True:
            fout(
                "vrijwilliger",
                _(
                    "Een vrijwilliger komt alleen mee als de inwoner daarmee instemt; leg eerst de "
                    "toestemming vast, of laat de vrijwilliger leeg."
                ),
            )
        elif not _kernteamlid_van(vrijwilliger, melding.team, Rol.VRIJWILLIGER):
            fout("vrijwilliger", _("Kies een vrijwilliger van het team %(team)s.") % {"team": melding.team})
    if twijfel and not (adviesvraag or "").strip():
        fout("adviesvraag", _("Schrijf op waarover u twijfelt, zodat de coördinator kan adviseren."))
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def casus_starten(
    *,
    door: Medewerker,
    melding: Melding,
    casushouder: Medewerker,
    doel: str,
    kaders: Mapping[str, bool],
    toets_collega: Medewerker | None,
    toets_datum: date | None,
    toets_uitkomst: str,
    vrijwilliger_toestemming: bool | None = None,
    vrijwilliger: Medewerker | None = None,
    twijfel: bool = False,
    adviesvraag: str = "",
    startdatum: date | None = None,
) -> Casus:
    """Start kortdurende ondersteuning from a melding of the team.

    With doubt the casus waits for the coordinator's advice (status wacht_op_advies) and cannot
    start until the advice is recorded; otherwise it starts (lopend) right away.
    """
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if not casus_rechten.mag_casus_starten(door, melding):
        raise PermissionDenied
    _startvoorwaarden(
        door=door,
        melding=melding,
        casushouder=casushouder,
        doel=doel,
        kaders=kaders,
        toets_collega=toets_collega,
        toets_datum=toets_datum,
        toets_uitkomst=toets_uitkomst,
        vrijwilliger_toestemming=vrijwilliger_toestemming,
        vrijwilliger=vrijwilliger,
        twijfel=twijfel,
        adviesvraag=adviesvraag,
    )
    if not twijfel:
        startdatum = _datum_controleren(
            startdatum or timezone.localdate(),
            veld="startdatum",
            wat="startdatum",
            niet_voor=melding.aanmeldingsdatum,
        )
    casus = Casus(
        melding=melding,
        inwoner=melding.inwoner,
        team=melding.team,
        casushouder=casushouder,
        vrijwilliger=vrijwilliger,
        vrijwilliger_toestemming=vrijwilliger_toestemming,
        toestemming_vastgelegd_op=timezone.now() if vrijwilliger_toestemming is not None else None,
        doel=doel.strip(),
        toets_collega=toets_collega,
        toets_datum=toets_datum,
        toets_uitkomst=toets_uitkomst.strip(),
        twijfel=twijfel,
        aangemaakt_door=door,
        **{kader.veld: True for kader in KADERS},
    )
    casus.full_clean(
        exclude=["melding", "inwoner", "team", "casushouder", "toets_collega", "aangemaakt_door"]
    )
    try:
        with transaction.atomic():
            casus.save()
    except IntegrityError:
        raise ValidationError(_("Voor deze melding loopt al een casus."), code="al_casus") from None
    CasusStatusRegel.objects.create(casus=casus, status=casus.status, actie="aanmaken", door=door)
    casus_rechten.casus_toewijzen(casus)
    if twijfel:
        status_zetten(casus, actie="advies_vragen", door=door, toelichting=adviesvraag)
        Adviesvraag.objects.create(casus=casus, vraag=adviesvraag.strip(), gevraagd_door=door)
    else:
        status_zetten(casus, actie="starten", door=door)
        casus.startdatum = startdatum
    casus.save()
    return casus


@transaction.atomic
def advies_geven(
    *, door: Medewerker, adviesvraag: Adviesvraag, past_binnen_kaders: bool | None, advies: str
) -> Adviesvraag:
    """The coordinator's advice; afterwards the casushouder decides to start or not."""
    casus = vergrendeld(adviesvraag.casus_id)
    if not casus_rechten.mag_advies_geven(door, casus):
        raise PermissionDenied
    adviesvraag = Adviesvraag.objects.select_for_update().get(pk=adviesvraag.pk)
    if not adviesvraag.is_open:
        raise ValidationError(
            _("Op deze vraag is al advies gegeven door %(wie)s op %(wanneer)s.")
            % {
                "wie": adviesvraag.adviseur,
                "wanneer": timezone.localtime(adviesvraag.geadviseerd_op).strftime("%d-%m-%Y %H:%M"),
            },
            code="al_geadviseerd",
        )
    fouten = {}
    if past_binnen_kaders is None:
        fouten["past_binnen_kaders"] = [_("Geef aan of kortdurende ondersteuning hier past.")]
    if not (advies or "").strip():
        fouten["advies"] = [_("Schrijf uw advies op voor de casushouder.")]
    if fouten:
        raise ValidationError(fouten)
    status_zetten(casus, actie="advies_ontvangen", door=door, toelichting=advies)
    casus.save()
    adviesvraag.past_binnen_kaders = past_binnen_kaders
    adviesvraag.advies = advies.strip()
    adviesvraag.adviseur = door
    adviesvraag.geadviseerd_op = timezone.now()
    adviesvraag.save()
    return adviesvraag


FOUT_WACHT_OP_ADVIES = gettext_lazy(
    "Deze casus wacht op het advies van de coördinator; hij kan pas starten als het advies er is."
)


@transaction.atomic
def casus_starten_na_advies(*, door: Medewerker, casus: Casus, startdatum: date | None = None) -> Casus:
    casus = vergrendeld(casus.pk)
    if not casus_rechten.mag_casus_behandelen(door, casus):
        raise PermissionDenied
    if casus.adviesvragen.filter(geadviseerd_op__isnull=True).exists():
        raise ValidationError(FOUT_WACHT_OP_ADVIES, code="wacht_op_advies")
    startdatum = _datum_controleren(
        startdatum or timezone.localdate(),
        veld="startdatum",
        wat="startdatum",
        niet_voor=casus.melding.aanmeldingsdatum,
    )
    status_zetten(casus, actie="starten", door=door)
    casus.startdatum = startdatum
    casus.save()
    return casus


@transaction.atomic
def vrijwilliger_wijzigen(
    *,
    door: Medewerker,
    casus: Casus,
    vrijwilliger_toestemming: bool | None,
    vrijwilliger: Medewerker | None,
) -> Casus:
    """Record the inwoner's consent and (un)assign the volunteer; rights follow."""
    casus = vergrendeld(casus.pk)
    if not casus_rechten.mag_casus_behandelen(door, casus):
        raise PermissionDenied
    if not casus.is_open:
        raise ValidationError(_("Deze casus is afgesloten; de vrijwilliger kan niet meer wijzigen."))
    if vrijwilliger is not None:
        if vrijwilliger_toestemming is not True:
            raise ValidationError(
                {
                    "vrijwilliger": _(
                        "Een vrijwilliger komt alleen mee als de inwoner daarmee instemt; leg eerst de "
                        "toestemming vast, of laat de vrijwilliger leeg."
                    )
                }
            )
        if not _kernteamlid_van(vrijwilliger, casus.team, Rol.VRIJWILLIGER):
            raise ValidationError(
                {"vrijwilliger": _("Kies een vrijwilliger van het team %(team)s.") % {"team": casus.team}}
            )
    vorige = casus.vrijwilliger
    if casus.vrijwilliger_toestemming != vrijwilliger_toestemming:
        casus.vrijwilliger_toestemming = vrijwilliger_toestemming
        casus.toestemming_vastgelegd_op = timezone.now() if vrijwilliger_toestemming is not None else None
    casus.vrijwilliger = vrijwilliger
    casus.save()
    if vorige is not None and vorige != vrijwilliger:
        casus_rechten.casus_vrijwilliger_toegang_intrekken(casus, vorige)
    if vrijwilliger is not None and vorige != vrijwilliger:
        casus_rechten.casus_vrijwilliger_toegang_geven(casus, vrijwilliger)
    return casus


# -- contactmomenten --------------------------------------------------------------------------


def fout_maximum_bereikt(maximum: int) -> str:
    return _(
        "Deze casus heeft het maximum van %(max)s contactmomenten bereikt; een volgend contactmoment "
        "kan niet als ondersteuning worden vastgelegd. Kies hoe het verder gaat: sluit de casus af, "
        "verwijs door naar de 0e/1e lijn, of schaal op naar het loket."
    ) % {"max": maximum}


@dataclass
class Registratie:
    contactmoment: Contactmoment
    aantal: int
    maximum: int
    waarschuwingen: list[str] = field(default_factory=list)


def tellende_contactmomenten(casus: Casus) -> int:
    return casus.contactmomenten.filter(is_vinger_aan_de_pols=False).count()


@transaction.atomic
def contactmoment_registreren(
    *,
    door: Medewerker,
    casus: Casus,
    datum: date | None,
    soort: str,
    duur_minuten: int | None,
    met_beroepskracht: bool = True,
    met_vrijwilliger: bool = False,
    met_consulent: bool = False,
    verslag: str = "",
    vertrouwelijk: bool = False,
    is_vinger_aan_de_pols: bool = False,
) -> Registratie:
    """Register one contact. The casus row is locked first, so the count and the insert are one step:
    two people registering the last allowed contact at once cannot both succeed."""
    casus = vergrendeld(casus.pk)
    if not casus_rechten.mag_casus_behandelen(door, casus):
        raise PermissionDenied
    maximum = max_contactmomenten()
    if casus.status in (CasusStatus.CONCEPT, CasusStatus.WACHT_OP_ADVIES):
        raise ValidationError(
            _("Deze casus is nog niet gestart; contactmomenten legt u vast zodra hij loopt."),
            code="niet_gestart",
        )
    if casus.status == CasusStatus.AFGESLOTEN and not is_vinger_aan_de_pols:
        raise ValidationError(
            _(
                "Deze casus is afgesloten. U kunt alleen nog een 'vinger aan de pols'-contact "
                "vastleggen; dat telt niet mee als ondersteuning."
            ),
            code="afgesloten",
        )
    if casus.status == CasusStatus.LOPEND and is_vinger_aan_de_pols:
        raise ValidationError(
            {
                "is_vinger_aan_de_pols": _(
                    "'Vinger aan de pols' is de follow-up ná het afsluiten; zolang de casus loopt telt "
                    "elk contact mee."
                )
            }
        )
    aantal = tellende_contactmomenten(casus)
    if not is_vinger_aan_de_pols and aantal >= maximum:
        raise ValidationError(fout_maximum_bereikt(maximum), code="maximum_bereikt")

    fouten: dict[str, list[str]] = {}
    if soort not in ContactSoort.values:
        fouten["soort"] = [_("Kies de soort contact.")]
    try:
        _datum_controleren(
            datum,
            veld="datum",
            wat="datum van het contact",
            niet_voor=casus.afgesloten_op if is_vinger_aan_de_pols else casus.startdatum,
        )
    except ValidationError as e:
        fouten.update(e.message_dict)
    if not isinstance(duur_minuten, int) or not 1 <= duur_minuten <= 600:
        fouten["duur_minuten"] = [_("Vul de duur in minuten in (1 tot 600).")]
    if not (met_beroepskracht or met_vrijwilliger or met_consulent):
        fouten.setdefault("__all__", []).append(_("Kruis aan wie er bij het contact waren."))
    if met_vrijwilliger and casus.vrijwilliger_geweigerd:
        fouten["met_vrijwilliger"] = [
            _("De inwoner heeft bezwaar tegen een vrijwilliger; er kan geen vrijwilliger bij zijn.")
        ]
    if soort == ContactSoort.GEZAMENLIJK_HUISBEZOEK and not met_consulent:
        fouten["met_consulent"] = [_("Bij een gezamenlijk huisbezoek is de consulent erbij; kruis dat aan.")]
    if vertrouwelijk and not (verslag or "").strip():
        vertrouwelijk = False
    if fouten:
        raise ValidationError(fouten)

    waarschuwingen: list[str] = []
    if (
        soort in HUISBEZOEKEN
        and not is_vinger_aan_de_pols
        and not (met_beroepskracht and met_vrijwilliger)
        and not casus.vrijwilliger_geweigerd
        and not casus.contactmomenten.filter(soort__in=HUISBEZOEKEN).exists()
    ):
        waarschuwingen.append(
            _(
                "Dit was het eerste huisbezoek. Dat leggen de beroepskracht en een vrijwilliger samen af, "
                "tenzij de inwoner bezwaar heeft tegen een vrijwilliger. Leg dat bezwaar vast bij de "
                "casus als het er is."
            )
        )
    contactmoment = Contactmoment(
        casus=casus,
        datum=datum,
        soort=soort,
        duur_minuten=duur_minuten,
        met_beroepskracht=met_beroepskracht,
        met_vrijwilliger=met_vrijwilliger,
        met_consulent=met_consulent,
        verslag=(verslag or "").strip(),
        vertrouwelijk=vertrouwelijk,
        is_vinger_aan_de_pols=is_vinger_aan_de_pols,
        geregistreerd_door=door,
    )
    contactmoment.full_clean(exclude=["casus", "geregistreerd_door"])
    contactmoment.save()
    if not is_vinger_aan_de_pols:
        aantal += 1
        if aantal == maximum:
            waarschuwingen.append(
                _(
                    "Dit was het laatste van %(max)s contactmomenten. Sluit de casus af, verwijs door naar "
                    "de 0e/1e lijn, of schaal op naar het loket."
                )
                % {"max": maximum}
            )
        elif aantal == maximum - 2:
            waarschuwingen.append(
                _("Nog twee contactmomenten tot het maximum van %(max)s.") % {"max": maximum}
            )
    return Registratie(
        contactmoment=contactmoment, aantal=aantal, maximum=maximum, waarschuwingen=waarschuwingen
    )


# -- ZRM --------------------------------------------------------------------------------------


def _zrm_scores_opslaan(
    *,
    door: Medewerker,
    casus: Casus,
    moment: str,
    datum: date,
    scores: Mapping[int | str | Leefgebied, int | None],
) -> list[ZrmScore]:
    """Validate everything first, then write; 'niet besproken' (None) creates no new row."""
    if moment not in ZrmMoment.values:
        raise ValidationError({"moment": _("Kies het moment van de ZRM-meting.")})
    actief = {lg.pk: lg for lg in Leefgebied.objects.filter(actief=True)}
    per_code = {lg.code: lg for lg in actief.values()}
    te_schrijven: list[tuple[Leefgebied, int | None]] = []
    fouten: dict[str, list[str]] = {}
    for sleutel, score in scores.items():
        if isinstance(sleutel, Leefgebied):
            leefgebied = actief.get(sleutel.pk)
        elif isinstance(sleutel, int):
            leefgebied = actief.get(sleutel)
        else:
            leefgebied = per_code.get(str(sleutel))
        if leefgebied is None:
            fouten.setdefault("__all__", []).append(
                _("Onbekend of niet actief leefgebied: %(lg)s. Er is niets opgeslagen.") % {"lg": sleutel}
            )
            continue
        if score in ("", None):
            score = None
        elif isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            fouten.setdefault(f"zrm_{leefgebied.code}", []).append(
                _("Een ZRM-score is 1 tot en met 5, of 'niet besproken'.")
            )
            continue
        te_schrijven.append((leefgebied, score))
    if fouten:
        raise ValidationError(fouten)
    opgeslagen = []
    for leefgebied, score in te_schrijven:
        sleutel = {"casus": casus, "leefgebied": leefgebied, "moment": moment}
        if moment == ZrmMoment.TUSSEN:
            sleutel["datum"] = datum
        bestaand = ZrmScore.objects.filter(**sleutel).first()
        if bestaand is None:
            if score is None:
                continue
            bestaand = ZrmScore(**sleutel)
        elif bestaand.score == score and bestaand.datum == datum:
            opgeslagen.append(bestaand)
            continue
        bestaand.score, bestaand.datum, bestaand.vastgelegd_door = score, datum, door
        bestaand.save()
        opgeslagen.append(bestaand)
    return opgeslagen


@transaction.atomic
def zrm_vastleggen(
    *,
    door: Medewerker,
    casus: Casus,
    moment: str,
    datum: date | None,
    scores: Mapping[int | str | Leefgebied, int | None],
) -> list[ZrmScore]:
    """ZRM scores per leefgebied at one moment; every domain may stay 'niet besproken'."""
    casus = vergrendeld(casus.pk)
    if not casus_rechten.mag_casus_behandelen(door, casus):
        raise PermissionDenied
    if moment == ZrmMoment.EIND and casus.is_open:
        raise ValidationError(
            {"moment": _("De eindmeting legt u vast bij het afsluiten van de casus.")},
        )
    datum = _datum_controleren(
        datum, veld="datum", wat="datum van de ZRM-meting", niet_voor=casus.melding.aanmeldingsdatum
    )
    return _zrm_scores_opslaan(door=door, casus=casus, moment=moment, datum=datum, scores=scores)


# -- afsluiten --------------------------------------------------------------------------------


@transaction.atomic
def casus_afsluiten(
    *,
    door: Medewerker,
    casus: Casus,
    reden: str,
    resultaat: str,
    datum: date | None = None,
    zrm_scores: Mapping[int | str | Leefgebied, int | None] | None = None,
    cijfer: int | None = None,
    doorverwezen_naar: Voorziening | None = None,
) -> Casus:
    """Close the casus with reason, result, closing ZRM and optional grade.

    Opgeschaald: the loket gets sight of the casus and the dossier. The melding behind it is closed
    with the matching uitstroom, if it is still open.
    """
    casus = vergrendeld(casus.pk)
    if not casus_rechten.mag_casus_behandelen(door, casus):
        raise PermissionDenied
    WERKSTROOM.volgende_status("afsluiten", casus.status)  # refuses a closed casus or one waiting for advice
    fouten: dict[str, list[str]] = {}
    if reden not in Afsluitreden.values:
        fouten["reden"] = [_("Kies de reden van afsluiten.")]
    if not (resultaat or "").strip():
        fouten["resultaat"] = [_("Beschrijf kort het resultaat voor de inwoner.")]
    if reden == Afsluitreden.DOORVERWEZEN_0E_1E_LIJN:
        if doorverwezen_naar is None or not doorverwezen_naar.actief:
            fouten["doorverwezen_naar"] = [
                _("Kies de voorziening uit de sociale kaart waarnaar u doorverwijst.")
            ]
    else:
        doorverwezen_naar = None
    if cijfer in ("",):
        cijfer = None
    if cijfer is not None and (
        isinstance(cijfer, bool) or not isinstance(cijfer, int) or not 1 <= cijfer <= 10
    ):
        fouten["cijfer"] = [
            _("Een rapportcijfer is 1 tot en met 10; laat het leeg als de inwoner geen cijfer gaf.")
        ]
    laatste_contact = (
        casus.contactmomenten.filter(is_vinger_aan_de_pols=False)
        .order_by("-datum")
        .values_list("datum", flat=True)
        .first()
    )
    try:
        datum = _datum_controleren(
            datum or timezone.localdate(),
            veld="datum",
            wat="datum van afsluiten",
            niet_voor=laatste_contact or casus.startdatum or casus.melding.aanmeldingsdatum,
        )
    except ValidationError as e:
        fouten.update(e.message_dict)
    if fouten:
        raise ValidationError(fouten)
    loket = None
    if reden == Afsluitreden.OPGESCHAALD_LOKET:
        loket = routering.loket()
    if zrm_scores:
        _zrm_scores_opslaan(door=door, casus=casus, moment=ZrmMoment.EIND, datum=datum, scores=zrm_scores)
    status_zetten(casus, actie="afsluiten", door=door, toelichting=resultaat)
    casus.afsluitreden = reden
    casus.resultaat = resultaat.strip()
    casus.doorverwezen_naar = doorverwezen_naar
    casus.cijfer = cijfer
    casus.afgesloten_op = datum
    casus.full_clean(
        exclude=["melding", "inwoner", "team", "casushouder", "toets_collega", "aangemaakt_door"]
    )
    casus.save()
    if loket is not None:
        casus_rechten.casus_opschalen(casus, loket)
    melding = casus.melding
    if melding.status != MeldingStatus.AFGESLOTEN and melding_rechten.mag_melding_behandelen(door, melding):
        melding_afsluiten(
            door=door,
            melding=melding,
            uitstroom=UITSTROOM_BIJ_AFSLUITREDEN[reden],
            datum=max(datum, melding.aanmeldingsdatum),
            toelichting=_("Casus %(nummer)s afgesloten: %(reden)s")
            % {"nummer": casus.nummer, "reden": casus.get_afsluitreden_display()},
        )
    return casus
