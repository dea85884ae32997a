"""Workflows of a casus, one module per step: starten (with kaders and collegiale toets), advies,
vrijwilliger, contactmomenten, zrm and afsluiten (with opschalen); basis holds what they share.

The public names are re-exported here, so callers keep writing ``services.casus_starten``.
"""

from .advies import FOUT_WACHT_OP_ADVIES, advies_geven, casus_starten_na_advies
from .afsluiten import casus_afsluiten
from .basis import max_contactmomenten, status_zetten, vergrendeld
from .contactmomenten import (
    Registratie,
    contactmoment_registreren,
    fout_maximum_bereikt,
    tellende_contactmomenten,
)
from .starten import KERNTEAM_TRIAGE, STARTBARE_MELDINGSTATUSSEN, casus_starten
from .vrijwilliger import vrijwilliger_wijzigen
from .zrm import zrm_vastleggen

__all__ = [
    "FOUT_WACHT_OP_ADVIES",
    "KERNTEAM_TRIAGE",
    "STARTBARE_MELDINGSTATUSSEN",
    "Registratie",
    "advies_geven",
    "casus_afsluiten",
    "casus_starten",
    "casus_starten_na_advies",
    "contactmoment_registreren",
    "fout_maximum_bereikt",
    "max_contactmomenten",
    "status_zetten",
    "tellende_contactmomenten",
    "vergrendeld",
    "vrijwilliger_wijzigen",
    "zrm_vastleggen",
]
