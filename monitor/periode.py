"""Periods of the monitor: a quarter ("2019Q1") or any span of dates, and the same span a year earlier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from skt.validators import EERSTE_WERKDATUM

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
# The usual Dutch abbreviations: 'mrt', not the first three letters of maart.
MAAND_KORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
_KWARTAAL = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")
_VRIJ = re.compile(r"^\s*(\d{8})-(\d{8})\s*$")
_JAAR = re.compile(r"^\s*(\d{4})\s*$")


class PeriodeFout(ValueError):
    pass


def jaar_eerder(datum: date) -> date:
    """The same date a year earlier; 29 February becomes 28 February."""
    try:
        return datum.replace(year=datum.year - 1)
    except ValueError:
        return datum.replace(year=datum.year - 1, day=28)


def _maand_verschuiven(datum: date, maanden: int) -> date:
    index = datum.year * 12 + datum.month - 1 + maanden
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Periode:
    van: date
    tot: date  # inclusive

    def __post_init__(self):
        if self.tot < self.van:
            raise PeriodeFout("De einddatum ligt vóór de begindatum.")

    @classmethod
    def kwartaal(cls, jaar: int, nummer: int) -> Periode:
        van = date(jaar, 3 * (nummer - 1) + 1, 1)
        return cls(van, _maand_verschuiven(van, 3) - timedelta(days=1))

    @classmethod
    def uit_tekst(cls, tekst: str) -> Periode:
        """'2019Q1' (or '2019-Q1', '2019q1') as a quarter; '2018' a year; '20190101-20190214' (the
        code of a free period) those days."""
        vrij = _VRIJ.match(tekst or "")
        if vrij:
            from datetime import datetime

            try:
                van, tot = (datetime.strptime(d, "%Y%m%d").date() for d in vrij.groups())
            except ValueError:
                raise PeriodeFout(f"Onbekende periode '{tekst}': geen geldige datums.") from None
            if van < EERSTE_WERKDATUM:
                raise PeriodeFout(f"De monitor heeft geen cijfers van vóór {datum_tekst(EERSTE_WERKDATUM)}.")
            return cls(van, tot)
        jaar = _JAAR.match(tekst or "")
        if jaar:
            return cls.jaar(int(jaar.group(1)))
        gevonden = _KWARTAAL.match(tekst or "")
        if not gevonden:
            raise PeriodeFout(f"Onbekende periode '{tekst}': gebruik bijvoorbeeld 2019Q1.")
        jaar = int(gevonden.group(1))
        # The monitor has nothing before the first aanmelding the app accepts (2000) nor past next
        # year; 9999Q4 would otherwise end in year 10000, which no date can hold.
        laatste = timezone.localdate().year + 1
        if not EERSTE_WERKDATUM.year <= jaar <= laatste:
            raise PeriodeFout(
                f"Kies een kwartaal van {EERSTE_WERKDATUM.year} tot en met {laatste}; "
                f"'{tekst}' valt daarbuiten."
            )
        return cls.kwartaal(jaar, int(gevonden.group(2)))

    @classmethod
    def jaar(cls, jaar: int) -> Periode:
        laatste = timezone.localdate().year
        if not EERSTE_WERKDATUM.year <= jaar <= laatste:
            raise PeriodeFout(
                f"Kies een jaar van {EERSTE_WERKDATUM.year} tot en met {laatste}; '{jaar}' valt daarbuiten."
            )
        return cls(date(jaar, 1, 1), date(jaar, 12, 31))

    @property
    def is_jaar(self) -> bool:
        return self.van == date(self.van.year, 1, 1) and self.tot == date(self.van.year, 12, 31)

    def kwartalen(self) -> list[Periode]:
        """The four quarters of a year."""
        return [Periode.kwartaal(self.van.year, n) for n in range(1, 5)]

    @classmethod
    def huidig_kwartaal(cls, op: date | None = None) -> Periode:
        op = op or timezone.localdate()
        return cls.kwartaal(op.year, (op.month - 1) // 3 + 1)

    @classmethod
    def vorig_kwartaal(cls, op: date | None = None) -> Periode:
        return cls.huidig_kwartaal(cls.huidig_kwartaal(op).van - timedelta(days=1))

    @property
    def is_kwartaal(self) -> bool:
        return (
            self.van.day == 1
            and self.van.month in (1, 4, 7, 10)
            and Periode.kwartaal(self.van.year, (self.van.month - 1) // 3 + 1) == self
        )

    @property
    def code(self) -> str:
        if self.is_kwartaal:
            return f"{self.van.year}Q{(self.van.month - 1) // 3 + 1}"
        if self.is_jaar:
            return f"{self.van.year}"
        return f"{self.van:%Y%m%d}-{self.tot:%Y%m%d}"

    @property
    def label(self) -> str:
        if self.is_kwartaal:
            return f"{(self.van.month - 1) // 3 + 1}e kwartaal {self.van.year}"
        if self.is_jaar:
            return f"jaar {self.van.year}"
        return f"{datum_tekst(self.van)} t/m {datum_tekst(self.tot)}"

    def vorig_jaar(self) -> Periode:
        return Periode(jaar_eerder(self.van), jaar_eerder(self.tot))

    def tot_peildatum(self, peildatum: date) -> Periode:
        """The days of the period that have passed on ``peildatum``: a running quarter stops there."""
        return Periode(self.van, max(self.van, min(self.tot, peildatum)))

    def vergelijkbaar_vorig_jaar(self, peildatum: date) -> Periode:
        """The same days a year earlier: for a running quarter up to the peildatum, not the whole
        quarter, so the comparison is like for like."""
        return self.tot_peildatum(peildatum).vorig_jaar()

    def loopt_op(self, peildatum: date) -> bool:
        return peildatum < self.tot

    def tekst(self, peildatum: date | None = None) -> str:
        """'1 januari 2019 t/m 31 maart 2019'; a running period ends at its peildatum."""
        tot = self.tot if peildatum is None else self.tot_peildatum(peildatum).tot
        return f"{datum_tekst(self.van)} t/m {datum_tekst(tot)}"

    def verschoven(self, dagen: int) -> Periode:
        return Periode(self.van - timedelta(days=dagen), self.tot - timedelta(days=dagen))

    def peildatum(self, vandaag: date | None = None) -> date:
        """The day 'open' and 'waiting' are measured on: the end of the period, or today if sooner."""
        return min(self.tot, vandaag or timezone.localdate())

    def maanden(self) -> list[str]:
        """Every month the period touches, as 'YYYY-MM'."""
        maanden, maand = [], date(self.van.year, self.van.month, 1)
        while maand <= self.tot:
            maanden.append(f"{maand:%Y-%m}")
            maand = _maand_verschuiven(maand, 1)
        return maanden

    def als_dict(self) -> dict:
        return {"van": self.van.isoformat(), "tot": self.tot.isoformat()}


def datum_tekst(datum: date) -> str:
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def maand_label(sleutel: str) -> str:
    """'2019-03' -> 'mrt 2019'."""
    jaar, maand = sleutel.split("-")
    return f"{MAAND_KORT[int(maand) - 1]} {jaar}"
