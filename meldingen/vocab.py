"""Stable codes with Dutch labels (DOMAIN.md, Vocabularies)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Ingang(models.TextChoices):
    TELEFOON = "telefoon", _("Telefoon")
    SPREEKUUR = "spreekuur", _("Spreekuur")
    EMAIL = "email", _("E-mail")
    PERSOONLIJK = "persoonlijk", _("Persoonlijk contact")
    LOKET = "loket", _("Via loket/consulent")
    WEBSITE = "website", _("Website")
    OVERIG = "overig", _("Overig")


class MelderSoort(models.TextChoices):
    INWONER = "inwoner", _("Inwoner zelf (of huishouden)")
    MANTELZORGER = "mantelzorger", _("Mantelzorger")
    BUURTBEWONER = "buurtbewoner", _("Buurtbewoner")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
    HUISARTS = "huisarts", _("Huisarts")
    WIJKVERPLEGING = "wijkverpleging", _("Wijkverpleging")
    SCHOOL = "school", _("School (incl. schoolmaatschappelijk werk)")
    GGD = "ggd", _("GGD")
    ZORGAANBIEDER = "zorgaanbieder", _("Zorgaanbieder")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    POLITIE = "politie", _("Politie")
    OVERIG_PROFESSIONAL = "overig_professional", _("Andere professional")
    ANONIEM = "anoniem", _("Anoniem")


# Melders who are the inwoner themselves get no separate terugkoppeling.
ZELFMELDERS = {MelderSoort.INWONER, MelderSoort.ANONIEM}


class Uitstroom(models.TextChoices):
    DIRECT_BEANTWOORD = "direct_beantwoord", _("Direct beantwoord of doorverwezen")
    EIGEN_KRACHT = "eigen_kracht", _("Eigen kracht / eigen oplossing")
    VRIJWILLIGE_INZET = "vrijwillige_inzet", _("Vrijwillige inzet")
    ALGEMENE_VOORZIENING = "algemene_voorziening", _("Algemene voorziening")
    KORTDURENDE_ONDERSTEUNING = "kortdurende_ondersteuning", _("Kortdurende ondersteuning kernteam")
    DOORVERWEZEN_0E_1E_LIJN = "doorverwezen_0e_1e_lijn", _("Doorverwezen naar 0e/1e lijn")
    MAATWERK_LOKET = "maatwerk_loket", _("Maatwerk via het loket")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    GEEN_VERVOLG = "geen_vervolg", _("Geen vervolg")


class TriageUitkomst(models.TextChoices):
    DIRECT = "direct", _("Direct afgehandeld door de poort")
    KERNTEAM = "kernteam", _("Naar het kernteam")
    KERNTEAM_CONSULENT = "kernteam_consulent", _("Kernteam met consulent (gezamenlijk huisbezoek)")
    LOKET = "loket", _("Naar het loket (maatwerk, complex)")
    VEILIG_THUIS = "veilig_thuis", _("Veiligheidssignaal: naar het loket (Veilig Thuis)")


class ContactWijze(models.TextChoices):
    TELEFOON = "telefoon", _("Telefonisch")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    SPREEKUUR = "spreekuur", _("Op het spreekuur")
    EMAIL = "email", _("E-mail of chat")
    ANDERS = "anders", _("Anders")
