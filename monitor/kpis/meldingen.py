"""The KPIs over the meldingen themselves: reach, access and first contact, and how they ended."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from ..models import GEEN_WACHTTIJD
from .definitie import Context, Eenheid, Kpi, Richting, tel, tel_q

# Kernteam meldingen wait for a first contact; direct answers, the loket and Veilig Thuis do not.
# Imported history has no triage (empty), and every imported melding was a kernteam melding.
_GEEN_KERNTEAM_CONTACT = list(GEEN_WACHTTIJD)


def _wacht_op_contact(c: Context) -> Q:
    return ~Q(triage_uitkomst__in=_GEEN_KERNTEAM_CONTACT)


def _contact_beoordeelbaar(c: Context) -> Q:
    """Meldingen whose first contact can be judged: it happened, or the term has passed while open."""
    return _wacht_op_contact(c) & (
        Q(eerste_contact_op__isnull=False, eerste_contact_op__lte=c.peildatum)
        | (
            Q(aanmeldingsdatum__lte=c.contact_termijn_verstreken_voor)
            & (Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gt=c.peildatum))
        )
    )


def _contact_op_tijd(c: Context) -> Q:
    return _contact_beoordeelbaar(c) & Q(
        eerste_contact_op__lte=c.peildatum, dagen_tot_eerste_contact__lte=c.eerste_contact_dagen
    )


_EIGEN_OPLOSSING = [
    "direct_beantwoord",
    "eigen_kracht",
    "vrijwillige_inzet",
    "algemene_voorziening",
    "kortdurende_ondersteuning",
    "doorverwezen_0e_1e_lijn",
]


def _groei(waarden: dict) -> float | None:
    nu, vorig = waarden.get("meldingen_totaal"), waarden.get("meldingen_vorig_jaar")
    if nu is None or not vorig:
        return None
    return round(100 * (nu - vorig) / vorig, 1)


KPIS: list[Kpi] = [
    # -- meldingen ------------------------------------------------------------------------------
    Kpi(
        "meldingen_totaal",
        "Aantal meldingen",
        "Alle meldingen (vragen, problemen en signalen over een inwoner) met een aanmeldingsdatum in de "
        "periode, ongeacht hoe ze binnenkwamen of afliepen.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        teller=tel(),
    ),
    Kpi(
        "meldingen_vorig_jaar",
        "Meldingen zelfde periode vorig jaar",
        "Het aantal meldingen in dezelfde periode één jaar eerder; bij een lopend kwartaal dezelfde "
        "dagen, tot en met de datum een jaar vóór de peildatum.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen_vorig_jaar",
        teller=tel(),
    ),
    Kpi(
        "meldingen_groei_procent",
        "Groei ten opzichte van vorig jaar",
        "(meldingen in de periode − meldingen in dezelfde periode vorig jaar) / meldingen vorig jaar × 100. "
        "Leeg als er vorig jaar geen meldingen waren. Bewust zonder streefwaarde: meer meldingen kan ook "
        "betekenen dat het kernteam beter gevonden wordt.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "meldingen",
        "afgeleid",
        afgeleid=_groei,
    ),
    Kpi(
        "meldingen_jeugd_procent",
        "Aandeel jeugd",
        "Het aandeel meldingen over een inwoner jonger dan 18 op de aanmeldingsdatum.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        teller=tel(jeugd=True),
        noemer=tel(),
    ),
    Kpi(
        "meldingen_veilig_thuis",
        "Veiligheidssignalen",
        "Meldingen in de periode die de poort als veiligheidssignaal naar het loket (Veilig Thuis) stuurde.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        teller=tel(veilig_thuis=True),
    ),
    # -- toegang --------------------------------------------------------------------------------
    Kpi(
        "eerste_contact_binnen_termijn_procent",
        "Eerste contact binnen de termijn",
        "Van de kernteammeldingen in de periode waarvan het eerste contact te beoordelen is (er was "
        "contact, of de termijn is op de peildatum verstreken zonder contact), het aandeel met een eerste "
        "contact binnen de termijn van het gemeenteprofiel (standaard 5 dagen) na aanmelding.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "toegang",
        "meldingen",
        teller=tel_q(_contact_op_tijd),
        noemer=tel_q(_contact_beoordeelbaar),
    ),
    Kpi(
        "dagen_tot_eerste_contact",
        "Gemiddeld aantal dagen tot eerste contact",
        "Het gemiddelde aantal kalenderdagen tussen aanmelding en eerste contact, over de meldingen in de "
        "periode met een eerste contact.",
        Eenheid.DAGEN,
        Richting.LAGER_BETER,
        "toegang",
        "meldingen",
        teller=lambda c: Sum("dagen_tot_eerste_contact", filter=Q(eerste_contact_op__lte=c.peildatum)),
        noemer=lambda c: Count("id", filter=Q(eerste_contact_op__lte=c.peildatum)),
    ),
    Kpi(
        "wachtlijst",
        "Wachtlijst: open meldingen zonder contact",
        "Meldingen voor het kernteam die op de peildatum (einde van de periode, of vandaag) openstaan en "
        "nog geen eerste contact hadden, ongeacht wanneer ze binnenkwamen.",
        Eenheid.AANTAL,
        Richting.LAGER_BETER,
        "toegang",
        "wachtlijst",
        teller=tel(),
    ),
    Kpi(
        "wachtlijst_te_laat",
        "Wachtlijst: langer dan de termijn",
        "Het deel van de wachtlijst dat op de peildatum al langer wacht dan de termijn voor eerste contact.",
        Eenheid.AANTAL,
        Richting.LAGER_BETER,
        "toegang",
        "wachtlijst",
        teller=tel_q(lambda c: Q(aanmeldingsdatum__lt=c.contact_termijn_verstreken_voor)),
    ),
    Kpi(
        "doorgeschakeld_procent",
        "Doorgeschakeld na triage",
        "Het aandeel meldingen in de periode dat na de triage nog naar een ander team of het loket is "
        "doorgeschakeld (één overdracht is het doel: niet van het kastje naar de muur).",
        Eenheid.PROCENT,
        Richting.LAGER_BETER,
        "toegang",
        "meldingen",
        teller=tel(doorschakelingen__gt=0),
        noemer=tel(),
    ),
    # -- uitstroom ------------------------------------------------------------------------------
    Kpi(
        "meldingen_afgesloten",
        "Afgesloten meldingen",
        "Meldingen uit de periode die op de peildatum zijn afgesloten.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "uitstroom",
        "meldingen",
        teller=tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum)),
    ),
    Kpi(
        "uitstroom_eigen_oplossing_procent",
        "Uitstroom naar eigen oplossing of voorliggend veld",
        "Van de afgesloten meldingen uit de periode met een bekende uitstroom, het aandeel dat eindigde "
        "zonder maatwerk: direct beantwoord, eigen kracht, vrijwillige inzet, een algemene voorziening, "
        "kortdurende ondersteuning of de 0e/1e lijn.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "uitstroom",
        "meldingen",
        teller=tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum, uitstroom__in=_EIGEN_OPLOSSING)),
        noemer=tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum) & ~Q(uitstroom="")),
    ),
    Kpi(
        "uitstroom_maatwerk_procent",
        "Uitstroom naar maatwerk via het loket",
        "Van de afgesloten meldingen uit de periode met een bekende uitstroom, het aandeel dat naar het "
        "loket ging voor een maatwerkvoorziening.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "uitstroom",
        "meldingen",
        teller=tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum, uitstroom="maatwerk_loket")),
        noemer=tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum) & ~Q(uitstroom="")),
    ),
]
