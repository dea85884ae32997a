"""The coordinator's retention pages: the bewaarplicht on a dossier, a request for erasure, and the
record of what the retention job removed. Each starts with the rights-scoped fetch of the dossier."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from skt import rechten as skt_rechten
from skt.forms import fout_naar_form
from skt.toegang import toegang_vastleggen

from . import rechten, services
from .forms import BewaarplichtForm, OpheffenForm, VerwijderverzoekForm
from .models import Bewaarplicht, Bewaarrun, Verwijderverzoek


def _inwoner_voor_coordinator(request, uuid, *, mag) -> object:
    """The dossier as its reader may see it (404 otherwise); a role that may not decide gets a logged 403."""
    toegang = skt_rechten.get_inwoner_voor(request, uuid)
    if not mag(request.user) or toegang.niveau != skt_rechten.Niveau.VOLLEDIG:
        toegang_vastleggen(
            request,
            actie="wijzigen",
            geweigerd=True,
            obj=toegang.inwoner,
            inwoner=toegang.inwoner,
            reden="alleen de coördinator beslist over bewaren en verwijderen",
        )
        raise PermissionDenied
    return toegang.inwoner


def bewaarplicht(request, uuid):
    inwoner = _inwoner_voor_coordinator(request, uuid, mag=rechten.mag_bewaarplicht_beheren)
    form = BewaarplichtForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plicht = services.bewaarplicht_instellen(door=request.user, inwoner=inwoner, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            toegang_vastleggen(
                request,
                actie="wijzigen",
                obj=plicht,
                inwoner=inwoner,
                reden=f"bewaarplicht ingesteld ({plicht.grond})",
            )
            messages.success(
                request, _("De bewaarplicht is vastgelegd: niets van dit dossier wordt verwijderd.")
            )
            return redirect("bewaarplicht", uuid=inwoner.uuid)
    return render(
        request,
        "dossier/bewaarplicht.html",
        {
            "inwoner": inwoner,
            "form": form,
            "opheffen": OpheffenForm(),
            "plichten": Bewaarplicht.objects.filter(inwoner=inwoner).select_related(
                "ingesteld_door", "opgeheven_door"
            ),
            "verzoeken": Verwijderverzoek.objects.filter(inwoner=inwoner).select_related("besloten_door"),
        },
    )


@require_POST
def bewaarplicht_opheffen(request, uuid):
    inwoner = _inwoner_voor_coordinator(request, uuid, mag=rechten.mag_bewaarplicht_beheren)
    form = OpheffenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Kies de bewaarplicht en geef een reden van minstens 10 tekens."))
        gekozen = Bewaarplicht.objects.filter(uuid=form.cleaned_data["bewaarplicht"], inwoner=inwoner).first()
        if gekozen is None:
            raise ValidationError(_("Deze bewaarplicht hoort niet bij dit dossier."))
        services.bewaarplicht_opheffen(
            door=request.user, bewaarplicht=gekozen, reden=form.cleaned_data["opheffing_reden"]
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        toegang_vastleggen(
            request, actie="wijzigen", obj=gekozen, inwoner=inwoner, reden="bewaarplicht opgeheven"
        )
        messages.success(request, _("De bewaarplicht is opgeheven."))
    return redirect("bewaarplicht", uuid=inwoner.uuid)


def verwijderverzoek(request, uuid):
    inwoner = _inwoner_voor_coordinator(request, uuid, mag=rechten.mag_verwijderverzoek_besluiten)
    form = VerwijderverzoekForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gegevens = {k: v for k, v in form.cleaned_data.items() if k != "bevestig"}
        # Logged before: a granted request removes the dossier, and the row must name what was asked.
        toegang_vastleggen(
            request,
            actie="wijzigen",
            obj=inwoner,
            inwoner=inwoner,
            reden=f"verzoek tot verwijdering: {gegevens['besluit']} ({gegevens['grondslag']})",
        )
        try:
            verzoek = services.verwijderverzoek_besluiten(door=request.user, inwoner=inwoner, **gegevens)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            if verzoek.run_id:
                messages.success(request, _("Het verzoek is toegewezen; het dossier is verwijderd."))
                return redirect("verwijderingen")
            messages.warning(
                request,
                _("Het verzoek is vastgelegd als afgewezen: %(grond)s")
                % {"grond": verzoek.get_grondslag_display()},
            )
            return redirect("bewaarplicht", uuid=inwoner.uuid)
    return render(request, "dossier/verwijderverzoek.html", {"inwoner": inwoner, "form": form})


def verwijderingen(request):
    """What the retention job removed, per run, rule and table. No names: nothing of it is personal."""
    if not rechten.mag_verwijderingen_inzien(request.user):
        toegang_vastleggen(request, actie="lezen", geweigerd=True, reden="rol heeft geen toegang")
        raise PermissionDenied
    runs = Bewaarrun.objects.prefetch_related("tellingen")
    pagina = Paginator(runs, 20).get_page(request.GET.get("pagina"))
    return render(request, "dossier/verwijderingen.html", {"pagina": pagina})
