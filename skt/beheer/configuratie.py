"""Beheer of the configuration records: kernen, teams and clusters, leefgebieden, organisaties, the
sociale kaart, and the gemeente profile. One list and one form page per kind."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..forms import fout_naar_form
from ..models import GemeenteProfiel, Kern, Leefgebied, Organisatie, Team, Voorziening
from ..profielen import ProfielFout
from . import services
from .forms import KernForm, LeefgebiedForm, OrganisatieForm, ProfielLadenForm, TeamForm, VoorzieningForm
from .toegang import beheer_vereist, wijziging_vastleggen


@dataclass(frozen=True)
class Soort:
    model: type
    form: type
    titel: str
    enkelvoud: str
    url_naam: str
    kolommen: tuple[tuple[str, str], ...]
    sleutel: str = "uuid"
    gerelateerd: tuple[str, ...] = ()
    meervoudig: tuple[str, ...] = ()


SOORTEN = {
    "kernen": Soort(
        Kern,
        KernForm,
        gettext_lazy("Kernen"),
        gettext_lazy("kern"),
        "kern",
        (("Naam", "naam"), ("Code", "code")),
        "code",
    ),
    "teams": Soort(
        Team,
        TeamForm,
        gettext_lazy("Teams en clusters"),
        gettext_lazy("team"),
        "team",
        (("Naam", "naam"), ("Soort", "get_soort_display"), ("Kernen", "kernen")),
        meervoudig=("kernen",),
    ),
    "leefgebieden": Soort(
        Leefgebied,
        LeefgebiedForm,
        gettext_lazy("Leefgebieden"),
        gettext_lazy("leefgebied"),
        "leefgebied",
        (("Label", "label"), ("Code", "code"), ("Volgorde", "volgorde")),
        "code",
    ),
    "organisaties": Soort(
        Organisatie,
        OrganisatieForm,
        gettext_lazy("Organisaties"),
        gettext_lazy("organisatie"),
        "organisatie",
        (("Naam", "naam"), ("Soort", "get_soort_display")),
    ),
    "voorzieningen": Soort(
        Voorziening,
        VoorzieningForm,
        gettext_lazy("Sociale kaart"),
        gettext_lazy("voorziening"),
        "voorziening",
        (
            ("Naam", "naam"),
            ("Soort", "get_soort_display"),
            ("Organisatie", "organisatie"),
            ("Kernen", "kernen"),
            ("Leefgebieden", "leefgebieden"),
        ),
        gerelateerd=("organisatie",),
        meervoudig=("kernen", "leefgebieden"),
    ),
}


def _soort(naam: str) -> Soort:
    if naam not in SOORTEN:
        raise Http404
    return SOORTEN[naam]


def _rijen(soort: Soort, objecten) -> list[dict]:
    rijen = []
    for obj in objecten:
        cellen = []
        for _label, attr in soort.kolommen:
            if attr in soort.meervoudig:
                waarde = ", ".join(str(o) for o in getattr(obj, attr).all())
            else:
                waarde = getattr(obj, attr)
                waarde = waarde() if callable(waarde) else waarde
            cellen.append(waarde)
        actief = getattr(obj, "actief", True)
        url = reverse(f"beheer:{soort.url_naam}", args=[getattr(obj, soort.sleutel)])
        rijen.append({"obj": obj, "url": url, "cellen": cellen, "actief": actief})
    return rijen


@beheer_vereist
def lijst(request, soort):
    s = _soort(soort)
    qs = s.model.objects.select_related(*s.gerelateerd).prefetch_related(*s.meervoudig)
    if soort == "voorzieningen":
        # The sociale kaart per kern and per leefgebied.
        if request.GET.get("kern"):
            qs = qs.filter(kernen__code=request.GET["kern"][:60])
        if request.GET.get("leefgebied"):
            qs = qs.filter(leefgebieden__code=request.GET["leefgebied"][:60])
    pagina = Paginator(qs.distinct(), 50).get_page(request.GET.get("pagina"))
    context = {
        "soort": soort,
        "s": s,
        "pagina": pagina,
        "rijen": _rijen(s, pagina),
        "kolommen": [label for label, _attr in s.kolommen],
    }
    if soort == "voorzieningen":
        context["kernen"] = Kern.objects.filter(actief=True)
        context["leefgebieden"] = Leefgebied.objects.filter(actief=True)
        context["gekozen_kern"] = request.GET.get("kern", "")
        context["gekozen_leefgebied"] = request.GET.get("leefgebied", "")
    return render(request, "skt/beheer/lijst.html", context)


def _opslaan(request, s: Soort, form, obj):
    if isinstance(form, TeamForm):
        gegevens = dict(form.cleaned_data)
        if obj is not None:
            gegevens.pop("code", None)
        return services.team_opslaan(door=request.user, team=obj, gegevens=gegevens)
    return services.configuratie_opslaan(door=request.user, form=form)


@beheer_vereist
def formulier(request, soort, sleutel=None, uuid=None):
    s = _soort(soort)
    obj = None
    sleutel = uuid or sleutel
    if sleutel is not None:
        obj = s.model.objects.filter(**{s.sleutel: sleutel}).first()
        if obj is None:
            raise Http404
    form = s.form(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        try:
            opgeslagen = _opslaan(request, s, form, obj)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            wijziging_vastleggen(
                request,
                object_soort=s.model._meta.model_name,
                obj=opgeslagen,
                reden=f"{s.enkelvoud} {'gewijzigd' if obj else 'aangemaakt'}: {opgeslagen}",
            )
            messages.success(request, _("%(wat)s opgeslagen.") % {"wat": str(opgeslagen)})
            return redirect("beheer:lijst", soort=soort)
    return render(request, "skt/beheer/formulier.html", {"soort": soort, "s": s, "form": form, "obj": obj})


@beheer_vereist
def profiel(request):
    form = ProfielLadenForm(request.POST or None)
    fouten: list[str] = []
    if request.method == "POST" and form.is_valid():
        naam = form.cleaned_data["profiel"]
        try:
            resultaat = services.profiel_laden_door(door=request.user, naam=naam)
        except ProfielFout as fout:
            fouten = list(fout.fouten)
            wijziging_vastleggen(
                request,
                object_soort="gemeenteprofiel",
                object_id=naam,
                geweigerd=True,
                reden=f"profiel {naam} niet geladen",
            )
        else:
            wijziging_vastleggen(
                request,
                object_soort="gemeenteprofiel",
                obj=GemeenteProfiel.objects.get(actief=True),
                reden=f"profiel {naam} geladen",
            )
            messages.success(request, resultaat.samenvatting())
            return redirect("beheer:profiel")
    actief = GemeenteProfiel.objects.filter(actief=True).first()
    return render(request, "skt/beheer/profiel.html", {"form": form, "actief": actief, "fouten": fouten})
