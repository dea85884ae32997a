"""After the decision: the evaluation form of a granted plan and the list of overdue evaluations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arrangementen import rechten as arrangement_rechten
from skt import rechten
from skt.forms import fout_naar_form
from skt.toegang import lijst_vastleggen, toegang_vastleggen

from .. import selectors
from ..forms import EvaluatieForm
from ..services.evalueren import arrangement_evalueren
from ..workflow import WERKSTROOM
from .basis import PER_PAGINA, TOESTANDSFOUTEN, _actie_fout


@require_http_methods(["GET", "POST"])
def evalueren(request, uuid):
    toegang = arrangement_rechten.get_arrangement_voor(request, uuid)
    arrangement = toegang.arrangement
    if not arrangement_rechten.mag_evalueren(request.user, arrangement):
        toegang_vastleggen(
            request,
            actie="wijzigen",
            geweigerd=True,
            obj=arrangement,
            inwoner=arrangement.inwoner,
            reden="geen regisseur van dit arrangement: evalueren geweigerd",
        )
        raise PermissionDenied
    if not WERKSTROOM.mag("evalueren", arrangement.status) or arrangement.beeindigd_op:
        messages.warning(request, str(WERKSTROOM.fouten["evalueren"]))
        return redirect("arrangementen:detail", uuid=arrangement.uuid)
    form = EvaluatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluatie = arrangement_evalueren(door=request.user, arrangement=arrangement, **form.cleaned_data)
        except ValidationError as fout:
            if getattr(fout, "code", None) in TOESTANDSFOUTEN:
                return _actie_fout(request, arrangement, fout)
            fout_naar_form(form, fout)
        else:
            if evaluatie.bijstelling is not None:
                messages.success(
                    request,
                    _(
                        "De evaluatie is vastgelegd. Pas in de bijstelling de onderdelen aan die "
                        "veranderen; ongewijzigde onderdelen houden hun besluit."
                    ),
                )
                return redirect("arrangementen:bewerken", uuid=evaluatie.bijstelling.uuid)
            messages.success(request, _("De evaluatie is vastgelegd."))
            return redirect("arrangementen:detail", uuid=arrangement.uuid)
    return render(
        request,
        "arrangementen/evalueren.html",
        {
            "arrangement": arrangement,
            "inwoner": arrangement.inwoner,
            "form": form,
            "onderdelen": selectors.onderdelen_met_besluit(arrangement),
            "evaluaties": selectors.evaluaties(arrangement),
        },
    )


@rechten.vereist_rol(*arrangement_rechten.EVALUATIELIJST_ROLLEN)
def te_laat(request):
    """Overdue evaluations: granted plans of the user's teams past their evaluatiedatum, oldest first."""
    vandaag = timezone.localdate()
    pagina = Paginator(selectors.evaluaties_te_laat(request.user, vandaag), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    for arrangement in pagina:
        arrangement.dagen_te_laat = (vandaag - arrangement.evaluatiedatum).days
    lijst_vastleggen(request, object_soort="evaluaties", inwoners=[a.inwoner_id for a in pagina])
    return render(request, "arrangementen/evaluaties.html", {"pagina": pagina})
