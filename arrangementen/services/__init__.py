"""Workflows of an arrangement: draft, submit, take in behandeling, decide, return, reject, extend.

Every function runs in one transaction, checks rights through the rights modules, locks the plan row
where two people can act at once, writes the append-only status row (the workflow kernel) and
tells the drafter's team about every decision (the ISam gap: the kernteam keeps seeing what became
of its plan). A refused action raises a Dutch ValidationError (or PermissionDenied) and saves nothing.

The package is split by what it does; callers import the public names from here.
"""

from .basis import DATUMVELDEN, ONDERDEEL_VELDEN, TEKSTVELDEN, WERKSTROOM, status_zetten, vergrendeld
from .beoordelen import (
    arrangement_behandeling_teruggeven,
    arrangement_in_behandeling_nemen,
    arrangement_terugsturen,
    interne_notitie_toevoegen,
    termijn_verlengen,
)
from .berichten import notificatie_lezen, notificaties_alle_lezen
from .besluiten import Beslissing, arrangement_afwijzen, arrangement_beslissen, zorgaanbieders
from .indienen import VERPLICHT_BIJ_INDIENEN, arrangement_indienen, momentopname
from .opstellen import algemene_voorzieningen, arrangement_opslaan, arrangement_opstellen, categorieen
from .werkvoorraad import (
    aanvraag_aanmaken,
    aanvraag_afhandelen,
    aanvraag_behandeling_teruggeven,
    aanvraag_in_behandeling_nemen,
    loketmelding_registreren,
)

__all__ = [
    "DATUMVELDEN",
    "ONDERDEEL_VELDEN",
    "TEKSTVELDEN",
    "VERPLICHT_BIJ_INDIENEN",
    "WERKSTROOM",
    "Beslissing",
    "aanvraag_aanmaken",
    "aanvraag_afhandelen",
    "aanvraag_behandeling_teruggeven",
    "aanvraag_in_behandeling_nemen",
    "algemene_voorzieningen",
    "arrangement_afwijzen",
    "arrangement_behandeling_teruggeven",
    "arrangement_beslissen",
    "arrangement_in_behandeling_nemen",
    "arrangement_indienen",
    "arrangement_opslaan",
    "arrangement_opstellen",
    "arrangement_terugsturen",
    "categorieen",
    "interne_notitie_toevoegen",
    "loketmelding_registreren",
    "momentopname",
    "notificatie_lezen",
    "notificaties_alle_lezen",
    "status_zetten",
    "termijn_verlengen",
    "vergrendeld",
    "zorgaanbieders",
]
