"""The legal terms of an arrangement, as pure functions on real dates.

- Wmo 2015 art. 2.3.2: the onderzoek is finished within 6 weeks of the melding.
- Wmo 2015 art. 2.3.5 lid 2: the beschikking follows within 2 weeks of the aanvraag.
- Jeugdwet: the verordening's term, Awb 4:13 as the fallback: 8 weeks after the aanvraag.
- Awb 4:14: the bestuursorgaan may extend a beslistermijn, with a reason, before it expires.

The number of weeks comes from the gemeente profile (``Termijninstellingen.uit_profiel``); the
functions below take it as an argument, so they can be tested on fixed dates without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WMO = "wmo"
JEUGD = "jeugd"


@dataclass(frozen=True)
class Termijninstellingen:
    wmo_onderzoek_weken: int = 6
    wmo_beschikking_weken: int = 2
    jeugd_beslissing_weken: int = 8

    @classmethod
    def uit_profiel(cls) -> Termijninstellingen:
        from skt.profiel.instellingen import instellingen

        termijnen = instellingen().termijnen  # one query for all three terms
        return cls(
            wmo_onderzoek_weken=termijnen.wmo_onderzoek_weken,
            wmo_beschikking_weken=termijnen.wmo_beschikking_weken,
            jeugd_beslissing_weken=termijnen.jeugd_beslissing_weken,
        )


def plus_weken(start: date, weken: int) -> date:
    return start + timedelta(weeks=weken)


def onderzoekstermijn_einde(wet: str, meldingsdatum: date | None, inst: Termijninstellingen) -> date | None:
    """Wmo only: the Jeugdwet knows no separate onderzoekstermijn."""
    if wet != WMO or meldingsdatum is None:
        return None
    return plus_weken(meldingsdatum, inst.wmo_onderzoek_weken)


def beslistermijn_einde(wet: str, aanvraagdatum: date | None, inst: Termijninstellingen) -> date | None:
    if aanvraagdatum is None:
        return None
    weken = inst.wmo_beschikking_weken if wet == WMO else inst.jeugd_beslissing_weken
    return plus_weken(aanvraagdatum, weken)


def met_verlengingen(einde: date | None, nieuwe_einddata: Iterable[date]) -> date | None:
    """The term after extensions: the latest new end date wins, never earlier than the legal one."""
    if einde is None:
        return None
    return max([einde, *nieuwe_einddata])


def dagen_over(einde: date, vandaag: date) -> int:
    """Days left until the end date; 0 on the last day, negative once it has passed."""
    return (einde - vandaag).days


def is_te_laat(einde: date | None, vandaag: date, afgerond_op: date | None = None) -> bool:
    """Past the term: decided after the end date, or still open after it."""
    if einde is None:
        return False
    if afgerond_op is not None:
        return afgerond_op > einde
    return vandaag > einde


@dataclass(frozen=True)
class Termijnstand:
    """One clock as a screen shows it: what, from when, until when, and how it stands today."""

    naam: str
    start: date
    einde: date
    vandaag: date
    afgerond_op: date | None = None
    verlengd: bool = False

    @property
    def loopt(self) -> bool:
        return self.afgerond_op is None

    @property
    def dagen_over(self) -> int:
        return dagen_over(self.einde, self.vandaag)

    @property
    def te_laat(self) -> bool:
        return is_te_laat(self.einde, self.vandaag, self.afgerond_op)

    @property
    def bijna(self) -> bool:
        return self.loopt and 0 <= self.dagen_over <= 3

    @property
    def tekst(self) -> str:
        if not self.loopt:
            if self.te_laat:
                dagen = (self.afgerond_op - self.einde).days
                return ngettext(
                    "afgerond, %(n)s dag na de termijn", "afgerond, %(n)s dagen na de termijn", dagen
                ) % {"n": dagen}
            return _("afgerond binnen de termijn")
        over = self.dagen_over
        if over < 0:
            return ngettext("%(n)s dag te laat", "%(n)s dagen te laat", -over) % {"n": -over}
        if over == 0:
            return _("laatste dag")
        return ngettext("nog %(n)s dag", "nog %(n)s dagen", over) % {"n": over}


def termijnstanden(arrangement, vandaag: date) -> list[Termijnstand]:
    """The clocks of one arrangement from its stored dates; no queries."""
    standen = []
    ingediend = arrangement.eerst_ingediend_op.date() if arrangement.eerst_ingediend_op else None
    besloten = arrangement.besloten_op.date() if arrangement.besloten_op else None
    if arrangement.onderzoekstermijn_einde and arrangement.meldingsdatum:
        standen.append(
            Termijnstand(
                naam=_("Onderzoek (Wmo, na de melding)"),
                start=arrangement.meldingsdatum,
                einde=arrangement.onderzoekstermijn_einde,
                vandaag=vandaag,
                # The onderzoek ends with the aanvraag: for voorwerk, the plan handed to the loket.
                afgerond_op=arrangement.aanvraagdatum or ingediend,
            )
        )
    if arrangement.beslistermijn_einde and arrangement.aanvraagdatum:
        standen.append(
            Termijnstand(
                naam=_("Beschikking (Wmo, na de aanvraag)")
                if arrangement.wet == WMO
                else _("Beslissing (Jeugdwet, na de aanvraag)"),
                start=arrangement.aanvraagdatum,
                einde=arrangement.beslistermijn_einde,
                vandaag=vandaag,
                afgerond_op=besloten,
                verlengd=getattr(arrangement, "is_verlengd", False),
            )
        )
    return standen


def lopende_termijn(arrangement, vandaag: date) -> Termijnstand | None:
    """The clock that matters now for a queue row: the running one with the nearest end."""
    lopend = [t for t in termijnstanden(arrangement, vandaag) if t.loopt]
    return min(lopend, key=lambda t: t.einde) if lopend else None
