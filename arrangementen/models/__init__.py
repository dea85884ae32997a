"""The models of arrangementen, by what they are about (one import path: ``arrangementen.models``).

- plan: the plan (voorwerk or regular route), its onderdelen, versions, the consulent's decision per
  onderdeel with what was granted, notes and term extensions;
- werkvoorraad: the loket's items, one per hand-off;
- opvolging: messages to whoever handed over, evaluations after the decision, the effect measurement.
"""

from .opvolging import Effectmeting, Evaluatie, Notificatie
from .plan import (
    Arrangement,
    ArrangementGroupObjectPermission,
    ArrangementStatusRegel,
    ArrangementUserObjectPermission,
    ArrangementVersie,
    Beoordeling,
    Eenheid,
    InterneNotitie,
    Leveringsvorm,
    MaatwerkCategorie,
    Onderdeel,
    OnderdeelSoort,
    Periode,
    Route,
    Termijnverlenging,
    Wet,
)
from .werkvoorraad import Aanvraag, AanvraagBron, AanvraagStatusRegel

__all__ = [
    "Aanvraag",
    "AanvraagBron",
    "AanvraagStatusRegel",
    "Arrangement",
    "ArrangementGroupObjectPermission",
    "ArrangementStatusRegel",
    "ArrangementUserObjectPermission",
    "ArrangementVersie",
    "Beoordeling",
    "Eenheid",
    "Effectmeting",
    "Evaluatie",
    "InterneNotitie",
    "Leveringsvorm",
    "MaatwerkCategorie",
    "Notificatie",
    "Onderdeel",
    "OnderdeelSoort",
    "Periode",
    "Route",
    "Termijnverlenging",
    "Wet",
]
