"""Stable codes with Dutch labels for casussen (DOMAIN.md step 5, seed 001 §4.1.2)."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactSoort(models.TextChoices):
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    TELEFOON = "telefoon", _("Telefoon")
    SPREEKUUR = "spreekuur", _("Spreekuur")
    EMAIL_CHAT = "email_chat", _("E-mail of chat")
    GEZAMENLIJK_HUISBEZOEK = "gezamenlijk_huisbezoek", _("Gezamenlijk huisbezoek met consulent")
    OVERLEG = "overleg", _("Overleg")


HUISBEZOEKEN = {ContactSoort.HUISBEZOEK, ContactSoort.GEZAMENLIJK_HUISBEZOEK}


class Afsluitreden(models.TextChoices):
    DOEL_BEREIKT = "doel_bereikt", _("Doel bereikt")
    DOORVERWEZEN_0E_1E_LIJN = "doorverwezen_0e_1e_lijn", _("Doorverwezen naar de 0e/1e lijn")
    OPGESCHAALD_LOKET = "opgeschaald_loket", _("Opgeschaald naar het loket")
    INWONER_GESTOPT = "inwoner_gestopt", _("Inwoner is gestopt")
    VERHUISD_OVERLEDEN = "verhuisd_overleden", _("Verhuisd of overleden")


# How the melding behind the casus ended, for the monitor's uitstroom.
UITSTROOM_BIJ_AFSLUITREDEN = {
    Afsluitreden.DOEL_BEREIKT: "kortdurende_ondersteuning",
    Afsluitreden.DOORVERWEZEN_0E_1E_LIJN: "doorverwezen_0e_1e_lijn",
    Afsluitreden.OPGESCHAALD_LOKET: "maatwerk_loket",
    Afsluitreden.INWONER_GESTOPT: "geen_vervolg",
    Afsluitreden.VERHUISD_OVERLEDEN: "geen_vervolg",
}


class ZrmMoment(models.TextChoices):
    START = "start", _("Start")
    TUSSEN = "tussen", _("Tussenmeting")
    EIND = "eind", _("Afsluiting")


class ZrmNiveau(models.IntegerChoices):
    ACUTE_PROBLEMATIEK = 1, _("1 · Acute problematiek")
    NIET_ZELFREDZAAM = 2, _("2 · Niet zelfredzaam")
    BEPERKT_ZELFREDZAAM = 3, _("3 · Beperkt zelfredzaam")
    VOLDOENDE_ZELFREDZAAM = 4, _("4 · Voldoende zelfredzaam")
    VOLLEDIG_ZELFREDZAAM = 5, _("5 · Volledig zelfredzaam")


@dataclass(frozen=True)
class Kader:
    veld: str
    label: str
    fout: str


# The kaders 'Kortdurende begeleiding' that must all hold before a casus starts (seed 001 §4.1.2).
# The clear goal and the collegiale toets are separate fields of the casus.
KADERS: tuple[Kader, ...] = (
    Kader(
        "kader_geen_alternatief",
        _("Er is geen passend alternatief in de eerste lijn."),
        _("Kortdurende ondersteuning past alleen als er geen passend alternatief in de eerste lijn is."),
    ),
    Kader(
        "kader_geen_wachttijd",
        _("Het is geen overbrugging van de wachttijd van een zorginstelling."),
        _("Kortdurende ondersteuning mag geen wachttijd van een zorginstelling overbruggen."),
    ),
    Kader(
        "kader_leerbaar",
        _("De inwoner is bereid en in staat om te leren."),
        _("Kortdurende ondersteuning past alleen als de inwoner bereid en in staat is om te leren."),
    ),
    Kader(
        "kader_voorkomt_zwaardere_zorg",
        _("Het voorkomt langduriger of duurdere zorg."),
        _("Kortdurende ondersteuning is bedoeld om langduriger of duurdere zorg te voorkomen."),
    ),
    Kader(
        "kader_contact_kernteamlid",
        _("Het komt voort uit contact met een kernteamlid, niet uit een verwijzing door een instelling."),
        _(
            "Kortdurende ondersteuning komt voort uit contact met een kernteamlid; een instelling kan "
            "niet naar het kernteam doorverwijzen."
        ),
    ),
)
