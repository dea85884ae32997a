"""The public face of the gemeente profiles; the work is done in the ``skt.profiel`` package.

A module, not a package: ``skt/profielen/`` is the data folder with the shipped TOML files, and a
module of the same name takes precedence over a folder without ``__init__.py`` on import.
"""

from .profiel.lezen import (
    PROFIELEN_MAP,
    ProfielFout,
    beschikbare_profielen,
    profiel_bestand,
    profiel_valideren,
)
from .profiel.toepassen import Resultaat, Telling, profiel_laden

__all__ = [
    "PROFIELEN_MAP",
    "ProfielFout",
    "Resultaat",
    "Telling",
    "beschikbare_profielen",
    "profiel_bestand",
    "profiel_laden",
    "profiel_valideren",
]
