"""The one transition table of a casus. Illegal transitions raise a Dutch ValidationError."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from skt.workflow import Werkstroom


class CasusStatus(models.TextChoices):
    CONCEPT = "concept", _("Nog niet gestart")
    WACHT_OP_ADVIES = "wacht_op_advies", _("Wacht op advies van de coördinator")
    LOPEND = "lopend", _("Lopend")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


S = CasusStatus
OVERGANGEN: dict[str, dict[str, str]] = {
    # actie: {van: naar}
    "advies_vragen": {S.CONCEPT: S.WACHT_OP_ADVIES},
    "advies_ontvangen": {S.WACHT_OP_ADVIES: S.CONCEPT},
    "starten": {S.CONCEPT: S.LOPEND},
    # A casus that did not start after the advice is closed too, so its melding does not hang.
    "afsluiten": {S.CONCEPT: S.AFGESLOTEN, S.LOPEND: S.AFGESLOTEN},
}

FOUTEN = {
    "advies_vragen": _("Advies vragen kan alleen voordat de casus is gestart."),
    "advies_ontvangen": _("Voor deze casus staat geen adviesvraag open; er is niets vastgelegd."),
    "starten": _(
        "Deze casus kan nu niet starten: hij is al gestart of afgesloten, of het advies van de "
        "coördinator is er nog niet."
    ),
    "afsluiten": _(
        "Deze casus kan nu niet worden afgesloten: hij is al afgesloten, of wacht nog op het "
        "advies van de coördinator."
    ),
}


WERKSTROOM = Werkstroom(OVERGANGEN, FOUTEN)
volgende_status = WERKSTROOM.volgende_status
mogelijke_acties = WERKSTROOM.mogelijke_acties
