"""The maatwerk product categories shipped as data: iWmo (codelijst WMO022) 01-18 and iJw 40-46 and 50.

A gemeente adds its own in the beheer screens. iJw 47-49 (jeugdreclassering, jeugdbescherming,
preventief justitieel kader) are left out: they follow from a court or the Raad, not from a
consulent's beschikking on an arrangement. Loaded by migration 0002 and, after a database flush
(transactional tests), by ``categorieen_laden``.
"""

WMO = [
    ("01", "Hulp bij het huishouden"),
    ("02", "Begeleiding"),
    ("03", "Persoonlijke verzorging"),
    ("04", "Kortdurend verblijf"),
    ("05", "Woondiensten"),
    ("06", "Overige ondersteuning gericht op het individu of huishouden"),
    ("07", "Dagbesteding"),
    ("08", "Vervoerdiensten"),
    ("09", "Overige groepsgerichte ondersteuning"),
    ("10", "Overige maatwerkarrangementen"),
    ("11", "Rolstoelen"),
    ("12", "Vervoervoorzieningen"),
    ("13", "Woonvoorzieningen"),
    ("14", "Overige hulpmiddelen"),
    ("15", "Beschermd wonen"),
    ("16", "Opvang"),
    ("17", "Spoedopvang"),
    ("18", "Overige beschermd wonen en opvang"),
]
JEUGD = [
    ("40", "Persoonlijke verzorging"),
    ("41", "Dagbehandeling"),
    ("42", "Vervoerdiensten"),
    ("43", "Jeugdhulp verblijf (inclusief behandeling)"),
    ("44", "Jeugdhulp verblijf (exclusief behandeling)"),
    ("45", "Jeugdhulp ambulant"),
    ("46", "Jeugdhulp crisis"),
    ("50", "Maatwerkarrangementen jeugdhulp"),
]
STANDAARD = {"wmo": WMO, "jeugd": JEUGD}


def categorieen_laden(model=None) -> int:
    """Create the shipped categories that are missing; returns how many were added. Idempotent."""
    if model is None:
        from .models import MaatwerkCategorie as model
    toegevoegd = 0
    for wet, rijen in STANDAARD.items():
        for code, label in rijen:
            _categorie, nieuw = model.objects.get_or_create(wet=wet, code=code, defaults={"label": label})
            toegevoegd += int(nieuw)
    return toegevoegd
