"""What the arrangement screens share: the fetch for an action page, the detail context, state errors.

Services raise a Dutch ValidationError for anything illegal; it is shown next to the field or as
a message, never as an error page. Pages for plans the user may not know exist answer 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from arrangementen import rechten as arrangement_rechten
from skt.toegang import toegang_vastleggen

from .. import selectors, termijnen
from ..forms import (
    NotitieForm,
)
from ..workflow import BESLOTEN, LOOPT, WERKSTROOM, ArrangementStatus

PER_PAGINA = 25
# Errors about the plan's state, not the input: shown on the plan's page, not next to a field.
TOESTANDSFOUTEN = ("al_besloten", "bij_collega", "niet_ingediend", "ongeldige_overgang")
STAP_LABELS = {
    "opstellen": gettext_lazy("Opgesteld als concept"),
    "indienen": gettext_lazy("Ingediend bij het loket"),
    "in_behandeling_nemen": gettext_lazy("In behandeling genomen"),
    "behandeling_teruggeven": gettext_lazy("Teruggezet in de wachtrij"),
    "terugsturen": gettext_lazy("Teruggestuurd voor aanvulling"),
    "goedkeuren": gettext_lazy("Goedgekeurd"),
    "gedeeltelijk_goedkeuren": gettext_lazy("Gedeeltelijk goedgekeurd"),
    "afwijzen": gettext_lazy("Afgewezen"),
    "termijn_verlengen": gettext_lazy("Beslistermijn verlengd"),
    "evalueren": gettext_lazy("Geëvalueerd"),
    "beeindigen": gettext_lazy("Beëindigd"),
}


def _arrangement_of_403(request, uuid, *, beoordelen: bool = False, bewerken: bool = False):
    """Fetch for an action page: 404 when the plan is not the user's to know, 403 when not theirs."""
    toegang = arrangement_rechten.get_arrangement_voor(request, uuid)
    if beoordelen and not toegang.mag_beoordelen:
        toegang_vastleggen(
            request,
            actie="wijzigen",
            geweigerd=True,
            obj=toegang.arrangement,
            inwoner=toegang.arrangement.inwoner,
            reden="geen consulent van deze wet, of zelf opgesteld",
        )
        raise PermissionDenied
    if bewerken and not arrangement_rechten.mag_arrangement_bewerken(
        request.user, toegang.arrangement, status_negeren=True
    ):
        raise PermissionDenied
    return toegang


def _detailcontext(request, toegang) -> dict:
    arrangement = toegang.arrangement
    vandaag = timezone.localdate()
    verlengingen = list(arrangement.verlengingen.select_related("door"))
    arrangement.is_verlengd = bool(verlengingen)
    onderdelen = selectors.onderdelen_met_besluit(arrangement)
    user = request.user
    bij_collega = arrangement_rechten.in_behandeling_bij_collega(user, arrangement)
    regels = list(arrangement.statusregels.select_related("door"))
    # A returned plan says why at the top, not only in the Verloop far down (issue 15).
    teruggestuurd = (
        next((r for r in reversed(regels) if r.actie == "terugsturen"), None)
        if arrangement.status == ArrangementStatus.TERUGGESTUURD
        else None
    )
    return {
        "t": toegang,
        "arrangement": arrangement,
        "inwoner": arrangement.inwoner,
        "onderdelen": onderdelen,
        "kosten": sum((o.indicatieve_kosten or 0) for o in onderdelen),
        "versies": list(arrangement.versies.select_related("ingediend_door")),
        "statusregels": [{"regel": r, "label": STAP_LABELS.get(r.actie, r.actie)} for r in regels],
        "teruggestuurd": teruggestuurd,
        "termijnen": termijnen.termijnstanden(arrangement, vandaag),
        "verlengingen": verlengingen,
        "interne_notities": selectors.interne_notities(arrangement)
        if toegang.toon_interne_notities
        else None,
        "notitieform": NotitieForm() if toegang.mag_notitie_schrijven else None,
        "mag_indienen": toegang.mag_bewerken,
        "mag_in_behandeling_nemen": toegang.mag_beoordelen
        and WERKSTROOM.mag("in_behandeling_nemen", arrangement.status),
        "mag_beslissen": arrangement_rechten.mag_beslissen(user, toegang),
        "bij_collega": bij_collega,
        "zelf_opgesteld_consulent": arrangement_rechten.beslist_collega_consulent(user, arrangement),
        "ArrangementStatus": ArrangementStatus,
        **_evaluatiecontext(user, arrangement, vandaag),
    }


def _evaluatiecontext(user, arrangement, vandaag) -> dict:
    """After the decision: the evaluatiedatum, the evaluations so far, an adjustment in the making."""
    if not (arrangement.status in LOOPT or arrangement.status == ArrangementStatus.BEEINDIGD):
        return {"toon_evaluatie": bool(arrangement.vorige_id)}
    return {
        "toon_evaluatie": True,
        "evaluaties": selectors.evaluaties(arrangement),
        "evaluatie_te_laat": bool(
            arrangement.evaluatiedatum
            and arrangement.evaluatiedatum < vandaag
            and not arrangement.beeindigd_op
        ),
        "mag_evalueren": WERKSTROOM.mag("evalueren", arrangement.status)
        and not arrangement.beeindigd_op
        and arrangement_rechten.mag_evalueren(user, arrangement),
        "bijstelling": arrangement_rechten.arrangementen_zichtbaar_voor(user)
        .filter(vorige=arrangement)
        .exclude(status__in=[*BESLOTEN, ArrangementStatus.BEEINDIGD])
        .first(),
    }


def _actie_fout(request, arrangement, fout: ValidationError):
    messages.error(request, " ".join(fout.messages))
    return redirect("arrangementen:detail", uuid=arrangement.uuid)


def _moet_in_behandeling_zijn(request, arrangement):
    if arrangement_rechten.in_behandeling_bij(request.user, arrangement):
        return None
    if arrangement.status == ArrangementStatus.INGEDIEND:
        messages.info(request, _("Neem het arrangement eerst in behandeling."))
    elif arrangement.status == ArrangementStatus.IN_BEHANDELING:
        messages.warning(
            request, _("Dit arrangement is in behandeling bij %(wie)s.") % {"wie": arrangement.behandelaar}
        )
    else:
        messages.warning(request, _("Over dit arrangement is al beslist of het is teruggestuurd."))
    return redirect("arrangementen:detail", uuid=arrangement.uuid)
