"""Correcting an inwoner's details (with a confirmation when the kern or team changes) and households."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from skt import rechten
from skt.forms import fout_naar_form
from skt.models import Toegang
from skt.toegang import toegang_vastleggen

from . import correctie
from .forms import HuishoudenLidForm, HuishoudenMakenForm, InwonerCorrectieForm


def _geweigerd(request, inwoner, reden: str):
    toegang_vastleggen(
        request, actie=Toegang.Actie.WIJZIGEN, geweigerd=True, obj=inwoner, inwoner=inwoner, reden=reden
    )
    raise PermissionDenied(reden)


def inwoner_wijzigen(request, uuid):
    toegang = rechten.get_inwoner_voor(request, uuid)
    inwoner = toegang.inwoner
    if not rechten.mag_inwoner_corrigeren(request.user, inwoner):
        _geweigerd(request, inwoner, "gegevens wijzigen: geen volledige dossierrechten")
    begin = {veld: getattr(inwoner, veld) for veld in correctie.CORRIGEERBAAR}
    form = InwonerCorrectieForm(request.POST or None, initial=begin)
    gevolg = None
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in correctie.CORRIGEERBAAR}
        gekozen = form.cleaned_data["kern"]
        gevolg = correctie.gevolg_bepalen(inwoner, gegevens, gekozen)
        bevestigd = form.cleaned_data["bevestigd"] and request.POST.get("stap") == "bevestigen"
        if gevolg.vraagt_bevestiging and not bevestigd:
            # Step two: the same data, hidden, with old and new kern and team side by side.
            return render(
                request,
                "dossier/inwoner_wijzigen_bevestigen.html",
                {"inwoner": inwoner, "form": form, "gevolg": gevolg},
            )
        try:
            inwoner, gevolg = correctie.inwoner_corrigeren(
                door=request.user,
                inwoner=inwoner,
                gegevens=gegevens,
                gekozen_kern=gekozen,
                bevestigd=bevestigd,
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.WIJZIGEN,
                obj=inwoner,
                inwoner=inwoner,
                reden="gegevens gecorrigeerd: "
                + ", ".join(gevolg.gewijzigd + (["kern"] if gevolg.kern_verandert else [])),
            )
            tekst = _("De gegevens zijn opgeslagen.")
            if gevolg.team_verandert:
                tekst += " " + _("Voor nieuwe meldingen is nu %(team)s verantwoordelijk.") % {
                    "team": gevolg.nieuw_team or _("geen vast team (kies het team bij de triage)")
                }
            messages.success(request, tekst)
            return redirect("inwoner_detail", uuid=inwoner.uuid)
    return render(request, "dossier/inwoner_wijzigen.html", {"inwoner": inwoner, "form": form})


def huishouden_maken(request, uuid):
    """From a dossier: make a household, or add a member to the one the inwoner is in."""
    toegang = rechten.get_inwoner_voor(request, uuid)
    inwoner = toegang.inwoner
    if not rechten.mag_huishouden_samenstellen(request.user, [inwoner]):
        _geweigerd(request, inwoner, "huishouden: geen volledige dossierrechten")
    kandidaten = rechten.huishouden_kandidaten(request.user, inwoner).order_by("achternaam", "voornamen")
    huis = inwoner.huishouden
    if huis is None:
        form = HuishoudenMakenForm(request.POST or None)
        form.fields["leden"].queryset = kandidaten
    else:
        form = HuishoudenLidForm(request.POST or None)
        form.fields["lid"].queryset = kandidaten
    if request.method == "POST" and form.is_valid():
        try:
            if huis is None:
                huis = correctie.huishouden_maken(
                    door=request.user,
                    inwoner=inwoner,
                    naam=form.cleaned_data["naam"],
                    leden=list(form.cleaned_data["leden"]),
                )
                nieuw = [inwoner, *form.cleaned_data["leden"]]
            else:
                nieuw = [
                    correctie.huishouden_lid_toevoegen(
                        door=request.user, huishouden=huis, via=inwoner, lid=form.cleaned_data["lid"]
                    )
                ]
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            for lid in nieuw:
                toegang_vastleggen(
                    request,
                    actie=Toegang.Actie.WIJZIGEN,
                    obj=lid,
                    inwoner=lid,
                    reden=f"lid van huishouden {huis.uuid}",
                )
            messages.success(request, _("Het huishouden is vastgelegd."))
            return redirect("huishouden", uuid=huis.uuid)
    return render(
        request,
        "dossier/huishouden_maken.html",
        {"inwoner": inwoner, "form": form, "huis": huis, "geen_kandidaten": not kandidaten.exists()},
    )
