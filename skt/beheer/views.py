"""Beheer of medewerkers: list, create (with an invitation), edit, (de)activate, reset the second factor."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import rechten
from ..forms import fout_naar_form
from ..models import Medewerker, Rechtenwijziging, Uitnodiging
from . import services
from .forms import MedewerkerForm, MedewerkerZoekForm
from .toegang import beheer_vereist, wijziging_vastleggen
from .uitnodigingen import uitnodiging_versturen

LINK_SESSIE = "skt_beheer_uitnodigingslink"
VELDNAMEN = {"first_name": "voornaam", "last_name": "achternaam", "actief": "__all__"}


def _basis_url(request) -> str:
    return request.build_absolute_uri("/")


@beheer_vereist
def index(request):
    return render(request, "skt/beheer/index.html")


@beheer_vereist
def medewerkers(request):
    form = MedewerkerZoekForm(request.GET or None)
    qs = Medewerker.objects.select_related("organisatie").prefetch_related("teams")
    if form.is_valid():
        gegevens = form.cleaned_data
        if gegevens["q"]:
            for woord in gegevens["q"].split():
                qs = qs.filter(
                    Q(username__icontains=woord)
                    | Q(first_name__icontains=woord)
                    | Q(last_name__icontains=woord)
                    | Q(email__icontains=woord)
                )
        if gegevens["rol"]:
            qs = qs.filter(rol=gegevens["rol"])
        if gegevens["team"]:
            qs = qs.filter(teams=gegevens["team"])
        if gegevens["status"]:
            qs = qs.filter(is_active=gegevens["status"] == "actief")
    pagina = Paginator(qs.order_by("last_name", "first_name", "username"), 25).get_page(
        request.GET.get("pagina")
    )
    zoekterm = request.GET.copy()
    zoekterm.pop("pagina", None)
    return render(
        request,
        "skt/beheer/medewerkers.html",
        {"form": form, "pagina": pagina, "zoekterm": zoekterm.urlencode()},
    )


@beheer_vereist
def medewerker_nieuw(request):
    form = MedewerkerForm(request.POST or None, nieuw=True)
    if request.method == "POST" and form.is_valid():
        g = form.cleaned_data
        try:
            medewerker, link, voorstel = services.medewerker_aanmaken(
                door=request.user,
                gebruikersnaam=g["username"],
                voornaam=g["voornaam"],
                achternaam=g["achternaam"],
                email=g["email"],
                telefoon=g["telefoon"],
                organisatie=g["organisatie"],
                rol=g["rol"],
                teams=g["teams"],
                basis_url=_basis_url(request),
            )
        except ValidationError as fout:
            fout_naar_form(form, fout, veldnamen=VELDNAMEN)
        else:
            wijziging_vastleggen(
                request,
                object_soort="medewerker",
                obj=medewerker,
                reden=f"medewerker aangemaakt met rol {medewerker.rol}, uitnodiging verstuurd",
            )
            request.session[LINK_SESSIE] = link
            messages.success(request, _("Medewerker aangemaakt; de uitnodiging is per e-mail verstuurd."))
            _voorstel_melden(request, voorstel)
            return redirect("beheer:medewerker", uuid=medewerker.uuid)
    return render(request, "skt/beheer/medewerker_form.html", {"form": form, "nieuw": True})


@beheer_vereist
def medewerker(request, uuid):
    medewerker = get_object_or_404(Medewerker.objects.prefetch_related("teams"), uuid=uuid)
    initieel = {
        "voornaam": medewerker.first_name,
        "achternaam": medewerker.last_name,
        "email": medewerker.email,
        "telefoon": medewerker.telefoon,
        "organisatie": medewerker.organisatie.uuid if medewerker.organisatie else None,
        "rol": medewerker.rol,
        "teams": [t.uuid for t in medewerker.teams.all()],
    }
    form = MedewerkerForm(request.POST or None, initial=initieel, nieuw=False)
    if request.method == "POST" and form.is_valid():
        g = form.cleaned_data
        try:
            medewerker, rechten_gewijzigd, voorstel = services.medewerker_bijwerken(
                door=request.user, medewerker=medewerker, **{k: g[k] for k in initieel}
            )
        except services.EigenAccountGeweigerd as fout:
            fout_naar_form(form, fout, veldnamen=VELDNAMEN)
            wijziging_vastleggen(
                request,
                object_soort="medewerker",
                obj=medewerker,
                geweigerd=True,
                reden="eigen rol of teams wijzigen",
            )
        except ValidationError as fout:
            fout_naar_form(form, fout, veldnamen=VELDNAMEN)
        else:
            reden = "gegevens gewijzigd"
            if rechten_gewijzigd:
                teams = ", ".join(t.code for t in medewerker.teams.all())
                reden = f"rol en teams gewijzigd: {medewerker.rol}; teams: {teams or '-'}"
                if voorstel is not None:
                    reden += " (wat casusinhoud geeft, wacht op een tweede persoon)"
            wijziging_vastleggen(request, object_soort="medewerker", obj=medewerker, reden=reden)
            messages.success(request, _("Wijzigingen opgeslagen."))
            _voorstel_melden(request, voorstel)
            return redirect("beheer:medewerker", uuid=medewerker.uuid)
    uitnodigingen = Uitnodiging.objects.filter(medewerker=medewerker).select_related("aangemaakt_door")[:5]
    return render(
        request,
        "skt/beheer/medewerker_form.html",
        {
            "form": form,
            "nieuw": False,
            "medewerker": medewerker,
            "link": request.session.pop(LINK_SESSIE, ""),
            "uitnodigingen": uitnodigingen,
            "heeft_wachtwoord": medewerker.has_usable_password(),
            "open_voorstel": Rechtenwijziging.objects.filter(
                medewerker=medewerker, status=Rechtenwijziging.Status.VOORGESTELD
            )
            .prefetch_related("teams")
            .first(),
        },
    )


def _voorstel_melden(request, voorstel) -> None:
    """A change that grants case content is only proposed: logged, and the beheerder is told who decides."""
    if voorstel is None:
        return
    teams = ", ".join(t.code for t in voorstel.teams.all())
    wijziging_vastleggen(
        request,
        object_soort="rechtenwijziging",
        obj=voorstel,
        reden=(
            f"voorgesteld voor {voorstel.medewerker.username}: rol {voorstel.rol}; teams: {teams or '-'} "
            f"(was {voorstel.vorige_rol}; {voorstel.vorige_teams or '-'})"
        ),
    )
    messages.info(
        request,
        _(
            "De nieuwe rol of het nieuwe team geeft toegang tot casusinhoud en gaat pas in als een "
            "coördinator van het team of een andere beheerder het bevestigt. Tot dan krijgt de medewerker "
            "daar geen toegang toe."
        ),
    )


def _actie_fout(request, medewerker, fout: ValidationError, reden: str):
    wijziging_vastleggen(request, object_soort="medewerker", obj=medewerker, geweigerd=True, reden=reden)
    messages.error(request, " ".join(fout.messages))
    return redirect("beheer:medewerker", uuid=medewerker.uuid)


@require_POST
@beheer_vereist
def medewerker_actief(request, uuid):
    """Deactivate (with a reason; the kernel logs it) or activate again."""
    medewerker = get_object_or_404(Medewerker, uuid=uuid)
    activeren = request.POST.get("actief") == "1"
    voorstel = None
    try:
        if activeren:
            medewerker, voorstel = services.medewerker_activeren(door=request.user, medewerker=medewerker)
        else:
            medewerker = services.medewerker_deactiveren(
                door=request.user, medewerker=medewerker, reden=request.POST.get("reden", ""), request=request
            )
    except ValidationError as fout:
        return _actie_fout(request, medewerker, fout, "(de)activeren geweigerd")
    if activeren:
        wijziging_vastleggen(
            request,
            object_soort="medewerker",
            obj=medewerker,
            reden="geactiveerd" + (f"; teams voorgesteld: {_teamcodes(voorstel)}" if voorstel else ""),
        )
        if voorstel is not None:
            messages.success(
                request,
                _(
                    "Account geactiveerd, nog zonder teams. De teams (%(teams)s) gelden pas als een "
                    "coördinator van het team of een andere beheerder de rechtenwijziging bevestigt."
                )
                % {"teams": _teamcodes(voorstel)},
            )
        elif rechten.rol_is_teamgebonden(medewerker.rol):
            messages.success(
                request, _("Account geactiveerd, nog zonder team: wijzig hieronder de rol en teams.")
            )
        else:
            messages.success(request, _("Account geactiveerd."))
    else:
        messages.success(request, _("Account gedeactiveerd."))
    return redirect("beheer:medewerker", uuid=medewerker.uuid)


def _teamcodes(voorstel) -> str:
    return ", ".join(t.code for t in voorstel.teams.all())


@require_POST
@beheer_vereist
def medewerker_tweede_factor(request, uuid):
    medewerker = get_object_or_404(Medewerker, uuid=uuid)
    try:
        link, coordinatoren = services.tweede_factor_resetten(
            door=request.user, medewerker=medewerker, basis_url=_basis_url(request)
        )
    except ValidationError as fout:
        return _actie_fout(request, medewerker, fout, "tweede factor resetten geweigerd")
    wijziging_vastleggen(
        request,
        object_soort="medewerker",
        obj=medewerker,
        reden=(
            "tweede factor gewist, nieuwe uitnodiging verstuurd; "
            f"bericht aan {len(coordinatoren)} coördinator(en)"
        ),
    )
    request.session[LINK_SESSIE] = link
    messages.success(
        request,
        _(
            "De tweede factor is gewist. De medewerker en de coördinator(en) van de teams hebben "
            "een e-mail gekregen."
        ),
    )
    return redirect("beheer:medewerker", uuid=medewerker.uuid)


@require_POST
@beheer_vereist
def medewerker_uitnodigen(request, uuid):
    """A new account invitation when the first expired; only while the person has no password yet."""
    medewerker = get_object_or_404(Medewerker, uuid=uuid)
    if medewerker.has_usable_password() or not medewerker.is_active:
        messages.error(request, _("Deze medewerker heeft al een wachtwoord of is niet actief."))
        return redirect("beheer:medewerker", uuid=medewerker.uuid)
    try:
        _uitnodiging, link = uitnodiging_versturen(
            medewerker=medewerker,
            soort=Uitnodiging.Soort.ACCOUNT,
            door=request.user,
            basis_url=_basis_url(request),
        )
    except ValidationError as fout:
        return _actie_fout(request, medewerker, fout, "uitnodiging versturen geweigerd")
    wijziging_vastleggen(
        request, object_soort="medewerker", obj=medewerker, reden="nieuwe uitnodiging verstuurd"
    )
    request.session[LINK_SESSIE] = link
    messages.success(request, _("Een nieuwe uitnodiging is verstuurd; de vorige link werkt niet meer."))
    return redirect("beheer:medewerker", uuid=medewerker.uuid)
