"""ZRM scores per leefgebied at the start, in between and at the end of a casus."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from casussen import rechten as casus_rechten
from skt.models import Leefgebied, Medewerker

from ..models import Casus, ZrmScore
from ..vocab import ZrmMoment
from .basis import datum_controleren, vergrendeld


def scores_opslaan(
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
    datum = datum_controleren(
        datum, veld="datum", wat="datum van de ZRM-meting", niet_voor=casus.melding.aanmeldingsdatum
    )
    return scores_opslaan(door=door, casus=casus, moment=moment, datum=datum, scores=scores)
