"""Starting a casus from a melding of the team: goal, kaders, collegiale toets, and advice when in doubt."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen import rechten as casus_rechten
from meldingen.models import Melding
from meldingen.vocab import TriageUitkomst
from meldingen.workflow import MeldingStatus
from skt.models import Medewerker

from ..models import Adviesvraag, Casus, CasusStatusRegel
from ..vocab import KADERS
from ..workflow import CasusStatus
from .basis import datum_controleren, status_zetten

STARTBARE_MELDINGSTATUSSEN = {MeldingStatus.GETRIEERD, MeldingStatus.IN_BEHANDELING}
KERNTEAM_TRIAGE = {TriageUitkomst.KERNTEAM, TriageUitkomst.KERNTEAM_CONSULENT}


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
                "Een casus start alleen vanuit een open melding die naar het kernteam is getriëerd. "
                "Deze melding is nog niet getriëerd, ging naar het loket of is al afgesloten."
            ),
            code="melding_niet_startbaar",
        )
    if melding.inwoner_id is None:
        raise ValidationError(
            _("Deze melding is anoniem. Registreer eerst de inwoner bij de melding."), code="anoniem"
        )
    if Casus.objects.filter(melding=melding).exclude(status=CasusStatus.AFGESLOTEN).exists():
        raise ValidationError(_("Voor deze melding loopt al een casus."), code="al_casus")
    if not casus_rechten.mag_casushouder_zijn(casushouder, melding.team):
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
    if not casus_rechten.mag_collegiale_toets_doen(toets_collega):
        fout(
            "toets_collega",
            _("Kies de collega-kernteamlid met wie u de collegiale toets hebt gedaan."),
        )
    elif casushouder is not None and toets_collega.pk == casushouder.pk:
        fout("toets_collega", _("De collegiale toets doet de casushouder met een ándere collega."))
    try:
        datum_controleren(
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
        elif not casus_rechten.mag_vrijwilliger_zijn(vrijwilliger, melding.team):
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
        startdatum = datum_controleren(
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
