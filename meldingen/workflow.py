"""The transition tables of a melding and of a signaal. Illegal transitions raise a Dutch ValidationError."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from skt.workflow import Werkstroom


class MeldingStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw, nog niet getriëerd")
    GETRIEERD = "getrieerd", _("Getriëerd, wacht op eerste contact")
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
        "Deze melding is al getriëerd of afgesloten; u kunt hem niet opnieuw triëren. "
        "Gebruik 'Doorschakelen' als hij naar een ander team moet."
    ),
    "direct_afhandelen": _("Alleen een nieuwe, nog niet getriëerde melding kan direct worden afgehandeld."),
    "herrouteren": _("Alleen een getriëerde melding die nog openstaat kan worden doorgeschakeld."),
    "eerste_contact": _(
        "Het eerste contact kan alleen worden vastgelegd bij een getriëerde melding "
        "die nog op eerste contact wacht."
    ),
    "afsluiten": _("Een melding kan pas worden afgesloten nadat hij is getriëerd, en niet twee keer."),
}

WERKSTROOM = Werkstroom(OVERGANGEN, FOUTEN)
volgende_status = WERKSTROOM.volgende_status
mogelijke_acties = WERKSTROOM.mogelijke_acties


# -- signalen ------------------------------------------------------------------------------------


class SignaalStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
    INITIATIEF_GESTART = "initiatief_gestart", _("Initiatief gestart")
    AFGEROND = "afgerond", _("Afgerond")
    NIET_OPGEPAKT = "niet_opgepakt", _("Niet opgepakt")


G = SignaalStatus
SIGNAAL_OVERGANGEN: dict[str, dict[str, str]] = {
    # actie: {van: naar}
    "onderzoeken": {G.NIEUW: G.IN_ONDERZOEK},
    "initiatief_starten": {G.IN_ONDERZOEK: G.INITIATIEF_GESTART},
    "afronden": {G.INITIATIEF_GESTART: G.AFGEROND},
    "niet_oppakken": {G.NIEUW: G.NIET_OPGEPAKT, G.IN_ONDERZOEK: G.NIET_OPGEPAKT},
}

SIGNAAL_FOUTEN = {
    "onderzoeken": _("Alleen een nieuw signaal kan in onderzoek worden genomen."),
    "initiatief_starten": _("Een initiatief start alleen vanuit een signaal dat in onderzoek is."),
    "afronden": _("Alleen een signaal waarvoor een initiatief is gestart kan worden afgerond."),
    "niet_oppakken": _(
        "Alleen een nieuw signaal of een signaal in onderzoek kan als 'niet opgepakt' worden afgesloten."
    ),
}

SIGNAAL_WERKSTROOM = Werkstroom(SIGNAAL_OVERGANGEN, SIGNAAL_FOUTEN)

# The signaal page lets the user pick the next status; every status is reached by exactly one action.
SIGNAAL_ACTIE_NAAR: dict[str, str] = {
    naar: actie for actie, stappen in SIGNAAL_OVERGANGEN.items() for naar in stappen.values()
}


def signaal_vervolgstatussen(huidig: str) -> list[str]:
    """The statuses a signaal can move to from ``huidig``, in the order of the status list."""
    bereikbaar = {SIGNAAL_OVERGANGEN[actie][huidig] for actie in SIGNAAL_WERKSTROOM.mogelijke_acties(huidig)}
    return [status for status in SignaalStatus.values if status in bereikbaar]
