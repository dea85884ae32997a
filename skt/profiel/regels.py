"""Line numbers in a profile text: tomllib reports positions only for syntax errors.

The text is scanned once to know on which line every table header and key starts and which lines a
value spans, so every message about valid-but-wrong data can name its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_SLEUTELDEEL = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_SLEUTELPAD = rf"{_SLEUTELDEEL}(?:\s*\.\s*{_SLEUTELDEEL})*"
_SLEUTEL = re.compile(rf"^\s*({_SLEUTELPAD})\s*=")
_KOP = re.compile(rf"^\s*(\[\[|\[)\s*({_SLEUTELPAD})\s*\]")


def _sleuteldelen(pad: str) -> tuple[str, ...]:
    return tuple(deel.strip("\"'") for deel in re.findall(_SLEUTELDEEL, pad))


def _begin_van_regels(tekst: str) -> Iterable[tuple[int, str]]:
    """Lines that start a statement: not inside a multi-line array or multi-line string."""
    diepte = 0
    in_string: str | None = None
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if diepte == 0 and in_string is None:
            yield nummer, regel
        i, lengte = 0, len(regel)
        while i < lengte:
            if in_string:
                einde = regel.find(in_string, i)
                if einde < 0:
                    break
                i, in_string = einde + 3, None
                continue
            teken = regel[i]
            if teken == "#":
                break
            if regel.startswith('"""', i) or regel.startswith("'''", i):
                in_string, i = regel[i : i + 3], i + 3
            elif teken == '"':
                i += 1
                while i < lengte and regel[i] != '"':
                    i += 2 if regel[i] == "\\" else 1
                i += 1
            elif teken == "'":
                einde = regel.find("'", i + 1)
                i = einde + 1 if einde >= 0 else lengte
            else:
                diepte += (teken == "[") - (teken == "]")
                i += 1


class Regels:
    """Line numbers of headers and keys, addressed by path: ('teams', 2, 'kernen')."""

    def __init__(self, tekst: str):
        self.regels = tekst.splitlines()
        self.plek: dict[tuple, int] = {}
        self.bereik: dict[tuple, tuple[int, int]] = {}
        tabel: tuple = ()
        tellers: dict[tuple, int] = {}
        vorige: tuple | None = None
        for nummer, regel in _begin_van_regels(tekst):
            kop = _KOP.match(regel) if regel.lstrip().startswith("[") else None
            sleutel = None if kop else _SLEUTEL.match(regel)
            if not (kop or sleutel):
                continue
            if vorige is not None:
                self.bereik[vorige] = (self.bereik[vorige][0], nummer - 1)
                vorige = None
            if kop:
                delen = _sleuteldelen(kop.group(2))
                if kop.group(1) == "[[":
                    volgnummer = tellers.get(delen, 0)
                    tellers[delen] = volgnummer + 1
                    tabel = (*delen, volgnummer)
                else:
                    tabel = delen
                self.plek.setdefault(tabel, nummer)
            else:
                pad = tabel + _sleuteldelen(sleutel.group(1))
                self.plek.setdefault(pad, nummer)
                self.bereik.setdefault(pad, (nummer, nummer))
                vorige = pad
        if vorige is not None:
            self.bereik[vorige] = (self.bereik[vorige][0], len(self.regels))

    def van(self, pad: tuple) -> int:
        """The line of the key or header at ``pad``, else of the nearest enclosing one."""
        while pad:
            if pad in self.plek:
                return self.plek[pad]
            pad = pad[:-1]
        return 1

    def van_waarde(self, pad: tuple, waarde: Any) -> int:
        """The line within the value of ``pad`` that holds the string ``waarde`` (multi-line arrays)."""
        if pad not in self.bereik or not isinstance(waarde, str):
            return self.van(pad)
        begin, einde = self.bereik[pad]
        gezocht = (f'"{waarde}"', f"'{waarde}'")
        for nummer in range(begin, einde + 1):
            if any(g in self.regels[nummer - 1] for g in gezocht):
                return nummer
        return begin
