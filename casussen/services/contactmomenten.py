"""Contactmomenten up to the profile's maximum, with the warnings on the way; 'vinger aan de pols' after
closing does not count."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from casussen import rechten as casus_rechten
from skt.models import Medewerker

from ..models import Casus, Contactmoment
from ..vocab import HUISBEZOEKEN, ContactSoort
from ..workflow import CasusStatus
from .basis import datum_controleren, max_contactmomenten, vergrendeld


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
        datum_controleren(
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
