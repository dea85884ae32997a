"""The one transition table of an arrangement. Illegal transitions raise a Dutch ValidationError."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from skt.workflow import Werkstroom


class ArrangementStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend, wacht op beoordeling")
    IN_BEHANDELING = "in_behandeling", _("In behandeling bij de consulent")
    TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd voor aanvulling")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    GEDEELTELIJK_GOEDGEKEURD = "gedeeltelijk_goedgekeurd", _("Gedeeltelijk goedgekeurd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


S = ArrangementStatus

# The drafter works on these; the content is locked in every other state.
BEWERKBAAR = frozenset({S.CONCEPT, S.TERUGGESTUURD})
# At the loket: the beslistermijn runs and a consulent of the plan's law may act.
BIJ_LOKET = frozenset({S.INGEDIEND, S.IN_BEHANDELING})
# A decision was taken; the approved version is final.
BESLOTEN = frozenset({S.GOEDGEKEURD, S.GEDEELTELIJK_GOEDGEKEURD, S.AFGEWEZEN})
# The legal clock keeps running while a returned plan is being completed.
TERMIJN_LOOPT = frozenset({S.INGEDIEND, S.IN_BEHANDELING, S.TERUGGESTUURD})

OVERGANGEN: dict[str, dict[str, str]] = {
    # actie: {van: naar}
    "opslaan": {S.CONCEPT: S.CONCEPT, S.TERUGGESTUURD: S.TERUGGESTUURD},
    "indienen": {S.CONCEPT: S.INGEDIEND, S.TERUGGESTUURD: S.INGEDIEND},
    "in_behandeling_nemen": {S.INGEDIEND: S.IN_BEHANDELING},
    "behandeling_teruggeven": {S.IN_BEHANDELING: S.INGEDIEND},
    # A consulent may decide straight from the queue: deciding takes the plan in behandeling.
    "terugsturen": {S.INGEDIEND: S.TERUGGESTUURD, S.IN_BEHANDELING: S.TERUGGESTUURD},
    "goedkeuren": {S.INGEDIEND: S.GOEDGEKEURD, S.IN_BEHANDELING: S.GOEDGEKEURD},
    "gedeeltelijk_goedkeuren": {
        S.INGEDIEND: S.GEDEELTELIJK_GOEDGEKEURD,
        S.IN_BEHANDELING: S.GEDEELTELIJK_GOEDGEKEURD,
    },
    "afwijzen": {S.INGEDIEND: S.AFGEWEZEN, S.IN_BEHANDELING: S.AFGEWEZEN},
    "termijn_verlengen": {S.INGEDIEND: S.INGEDIEND, S.IN_BEHANDELING: S.IN_BEHANDELING},
}

_AL_BESLOTEN = _(
    "Over dit arrangement is al beslist of het is teruggestuurd; er is niets vastgelegd. "
    "Vernieuw de pagina om de actuele stand te zien."
)
FOUTEN = {
    "opslaan": _(
        "Dit arrangement is ingediend of er is al over beslist; de inhoud kan niet meer worden gewijzigd."
    ),
    "indienen": _(
        "Dit arrangement is al ingediend of er is al over beslist; het kan niet opnieuw worden ingediend."
    ),
    "in_behandeling_nemen": _(
        "Dit arrangement wacht niet (meer) op beoordeling: een collega heeft het al in behandeling "
        "genomen of er is al over beslist."
    ),
    "behandeling_teruggeven": _("Dit arrangement is niet in behandeling; er is niets teruggegeven."),
    "terugsturen": _AL_BESLOTEN,
    "goedkeuren": _AL_BESLOTEN,
    "gedeeltelijk_goedkeuren": _AL_BESLOTEN,
    "afwijzen": _AL_BESLOTEN,
    "termijn_verlengen": _(
        "De beslistermijn kan alleen worden verlengd zolang het arrangement bij het loket ligt en er "
        "nog niet over is beslist."
    ),
}

# The decision actions, by how many onderdelen were granted.
BESLUIT_ACTIES = ("goedkeuren", "gedeeltelijk_goedkeuren", "afwijzen")


WERKSTROOM = Werkstroom(OVERGANGEN, FOUTEN)
volgende_status = WERKSTROOM.volgende_status
mogelijke_acties = WERKSTROOM.mogelijke_acties
