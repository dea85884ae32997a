"""Closing a casus: reason, result, closing ZRM and grade; opschalen gives the loket sight of it, and
the melding behind it closes with the matching uitstroom."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen import rechten as casus_rechten
from meldingen import rechten as melding_rechten
from meldingen import routering
from meldingen.services import melding_afsluiten
from meldingen.workflow import MeldingStatus
from skt import registers
from skt.models import Leefgebied, Medewerker, Voorziening

from ..models import Casus
from ..vocab import UITSTROOM_BIJ_AFSLUITREDEN, Afsluitreden, ZrmMoment
from ..workflow import WERKSTROOM
from .basis import datum_controleren, status_zetten, vergrendeld
from .zrm import scores_opslaan


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
        datum = datum_controleren(
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
        scores_opslaan(door=door, casus=casus, moment=ZrmMoment.EIND, datum=datum, scores=zrm_scores)
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
        registers.overdracht_aan_loket(bron="opschaling", door=door, reden=resultaat.strip(), casus=casus)
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
