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
    BEEINDIGD = "beeindigd", _("Beëindigd")


S = ArrangementStatus

# The drafter works on these; the content is locked in every other state.
BEWERKBAAR = frozenset({S.CONCEPT, S.TERUGGESTUURD})
# At the loket: the beslistermijn runs and a consulent of the plan's law may act.
BIJ_LOKET = frozenset({S.INGEDIEND, S.IN_BEHANDELING})
# A decision was taken; the approved version is final.
BESLOTEN = frozenset({S.GOEDGEKEURD, S.GEDEELTELIJK_GOEDGEKEURD, S.AFGEWEZEN})
# Granted and running: the regisseur evaluates it, adjusts it or ends it (werkwijze steps 6-7).
LOOPT = frozenset({S.GOEDGEKEURD, S.GEDEELTELIJK_GOEDGEKEURD})
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
    # After the decision: an evaluation keeps the plan running (continue, scale down, adjust) ...
    "evalueren": {S.GOEDGEKEURD: S.GOEDGEKEURD, S.GEDEELTELIJK_GOEDGEKEURD: S.GEDEELTELIJK_GOEDGEKEURD},
    # ... or ends it; so does the decision on the adjusted version that replaces it.
    "beeindigen": {S.GOEDGEKEURD: S.BEEINDIGD, S.GEDEELTELIJK_GOEDGEKEURD: S.BEEINDIGD},
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
    "behandeling_teruggeven": _(
        "Dit arrangement is niet in behandeling; er is niets teruggezet in de wachtrij."
    ),
    "terugsturen": _AL_BESLOTEN,
    "goedkeuren": _AL_BESLOTEN,
    "gedeeltelijk_goedkeuren": _AL_BESLOTEN,
    "afwijzen": _AL_BESLOTEN,
    "termijn_verlengen": _(
        "De beslistermijn kan alleen worden verlengd zolang het arrangement bij het loket ligt en er "
        "nog niet over is beslist."
    ),
    "evalueren": _(
        "Alleen een toegekend arrangement dat nog loopt kan worden geëvalueerd; dit arrangement is "
        "niet (of niet meer) toegekend of al beëindigd. Er is niets vastgelegd."
    ),
    "beeindigen": _(
        "Alleen een toegekend arrangement dat nog loopt kan worden beëindigd; dit arrangement is "
        "niet toegekend of al beëindigd. Er is niets vastgelegd."
    ),
}

# The decision actions, by how many onderdelen were granted.
BESLUIT_ACTIES = ("goedkeuren", "gedeeltelijk_goedkeuren", "afwijzen")


WERKSTROOM = Werkstroom(OVERGANGEN, FOUTEN)
volgende_status = WERKSTROOM.volgende_status
mogelijke_acties = WERKSTROOM.mogelijke_acties


# -- the loket's werkvoorraad: one item (Aanvraag) per hand-off to the loket ---------------------


class AanvraagStatus(models.TextChoices):
    OPEN = "open", _("Wacht op een consulent")
    IN_BEHANDELING = "in_behandeling", _("In behandeling bij een consulent")
    MAATWERK_AANGEVRAAGD = "maatwerk_aangevraagd", _("Maatwerk aangevraagd (reguliere route)")
    GEEN_MAATWERK = "geen_maatwerk", _("Geen maatwerk nodig: terug naar het kernteam")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")


A = AanvraagStatus

# Waiting at the loket: the legal clock runs and a consulent of the item's law may act.
AANVRAAG_OPEN = frozenset({A.OPEN, A.IN_BEHANDELING})
AANVRAAG_AFGEROND = frozenset({A.MAATWERK_AANGEVRAAGD, A.GEEN_MAATWERK, A.DOORVERWEZEN})

AANVRAAG_OVERGANGEN: dict[str, dict[str, str]] = {
    "in_behandeling_nemen": {A.OPEN: A.IN_BEHANDELING},
    "behandeling_teruggeven": {A.IN_BEHANDELING: A.OPEN},
    # Ending it takes it in behandeling, as deciding a plan does.
    "maatwerk_aanvragen": {A.OPEN: A.MAATWERK_AANGEVRAAGD, A.IN_BEHANDELING: A.MAATWERK_AANGEVRAAGD},
    "geen_maatwerk": {A.OPEN: A.GEEN_MAATWERK, A.IN_BEHANDELING: A.GEEN_MAATWERK},
    "doorverwijzen": {A.OPEN: A.DOORVERWEZEN, A.IN_BEHANDELING: A.DOORVERWEZEN},
}

_AANVRAAG_AFGEROND = _(
    "Deze aanvraag is al afgehandeld; er is niets vastgelegd. Vernieuw de pagina om de uitkomst te zien."
)
AANVRAAG_FOUTEN = {
    "in_behandeling_nemen": _(
        "Deze aanvraag wacht niet (meer) op een consulent: een collega heeft hem al in behandeling "
        "genomen of hij is afgehandeld."
    ),
    "behandeling_teruggeven": _(
        "Deze aanvraag is niet in behandeling; er is niets teruggezet in de werkvoorraad."
    ),
    "maatwerk_aanvragen": _AANVRAAG_AFGEROND,
    "geen_maatwerk": _AANVRAAG_AFGEROND,
    "doorverwijzen": _AANVRAAG_AFGEROND,
}

AANVRAAG_WERKSTROOM = Werkstroom(AANVRAAG_OVERGANGEN, AANVRAAG_FOUTEN)
