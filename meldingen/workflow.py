"""The one transition table of a melding. Illegal transitions raise a Dutch ValidationError."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeldingStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw, nog niet getrieerd")
    GETRIEERD = "getrieerd", _("Getrieerd, wacht op eerste contact")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


S = MeldingStatus
OVERGANGEN: dict[str, dict[str, str]] = {
    # actie: {van: naar}
    "trieren": {S.NIEUW: S.GETRIEERD},
    "direct_afhandelen": {S.NIEUW: S.AFGESLOTEN},
    "herrouteren": {S.GETRIEERD: S.GETRIEERD, S.IN_BEHANDELING: S.GETRIEERD},
    "eerste_contact": {S.GETRIEERD: S.IN_BEHANDELING},
    "afsluiten": {S.GETRIEERD: S.AFGESLOTEN, S.IN_BEHANDELING: S.AFGESLOTEN},
}

FOUTEN = {
    "trieren": _(
        "Deze melding is al getrieerd of afgesloten; u kunt hem niet opnieuw trieren. "
        "Gebruik 'Doorschakelen' als hij naar een ander team moet."
    ),
    "direct_afhandelen": _("Alleen een nieuwe, nog niet getrieerde melding kan direct worden afgehandeld."),
    "herrouteren": _("Alleen een getrieerde melding die nog openstaat kan worden doorgeschakeld."),
    "eerste_contact": _(
        "Het eerste contact kan alleen worden vastgelegd bij een getrieerde melding "
        "die nog op eerste contact wacht."
    ),
    "afsluiten": _("Een melding kan pas worden afgesloten nadat hij is getrieerd, en niet twee keer."),
}


def volgende_status(actie: str, huidig: str) -> str:
    try:
        return OVERGANGEN[actie][huidig]
    except KeyError:
        raise ValidationError(FOUTEN[actie], code="ongeldige_overgang") from None
