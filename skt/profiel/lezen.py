"""Finding and reading profiles: the shipped files, TOML syntax errors with their line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from django.utils.translation import gettext as _

from .validatie import Validatie

# The data folder sits next to this package: skt/profielen/*.toml.
PROFIELEN_MAP = Path(__file__).resolve().parent.parent / "profielen"


class ProfielFout(Exception):
    """A profile that cannot be loaded; ``fouten`` holds one Dutch message per problem."""

    def __init__(self, fouten: Iterable[str]):
        self.fouten = list(fouten)
        super().__init__("\n".join(self.fouten))


_SYNTAXPLEK = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_SYNTAXEINDE = re.compile(r"\s*\(at end of document\)\s*$")


def _syntaxfout(bestand: str, tekst: str, fout: tomllib.TOMLDecodeError) -> str:
    melding = str(fout)
    if plek := _SYNTAXPLEK.search(melding):
        return _("%(bestand)s, regel %(regel)s, kolom %(kolom)s: geen geldige TOML: %(fout)s") % {
            "bestand": bestand,
            "regel": plek.group(1),
            "kolom": plek.group(2),
            "fout": melding[: plek.start()],
        }
    if einde := _SYNTAXEINDE.search(melding):
        return _(
            "%(bestand)s, regel %(regel)d: geen geldige TOML, het bestand houdt te vroeg op: %(fout)s"
        ) % {
            "bestand": bestand,
            "regel": max(len(tekst.splitlines()), 1),
            "fout": melding[: einde.start()],
        }
    return _("%(bestand)s: geen geldige TOML: %(fout)s") % {"bestand": bestand, "fout": melding}


def tekst_lezen(tekst: str, naam: str | None) -> tuple[dict, list[str]]:
    """The parsed profile and every problem with it; the data is only to be applied without problems."""
    bestand = f"{naam}.toml" if naam else _("profiel")
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        return {}, [_syntaxfout(bestand, tekst, fout)]
    validatie = Validatie(tekst, bestand, naam)
    validatie.controleer(data)
    return data, validatie.fouten


def profiel_valideren(tekst: str, naam: str | None = None) -> list[str]:
    """All problems of a profile text, each naming its line; empty when the profile is valid.

    ``naam`` is the file name without .toml; when given, gemeente.naam must equal it.
    """
    return tekst_lezen(tekst, naam)[1]


# ---------------------------------------------------------------------------------------------
# Finding profiles.


def beschikbare_profielen() -> list[str]:
    return sorted(pad.stem for pad in PROFIELEN_MAP.glob("*.toml"))


def profiel_bestand(naam: str) -> Path:
    """A shipped profile by name, or any .toml file by path (for gemeenten with their own profile)."""
    pad = Path(naam)
    if pad.suffix == ".toml" or len(pad.parts) > 1:
        if not pad.is_file():
            raise ProfielFout([_("Bestand %(pad)s bestaat niet.") % {"pad": naam}])
        return pad
    pad = PROFIELEN_MAP / f"{naam}.toml"
    if not pad.is_file():
        raise ProfielFout(
            [
                _("Onbekend profiel '%(naam)s'. Beschikbaar: %(lijst)s.")
                % {"naam": naam, "lijst": ", ".join(beschikbare_profielen())}
            ]
        )
    return pad
