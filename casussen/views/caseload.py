"""The caseloads: 'mijn casussen', the team caseload and the coördinator's advice requests."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from casussen import rechten as casus_rechten
from skt import rechten
from skt.models import Rol
from skt.toegang import lijst_vastleggen

from .. import selectors
from ..workflow import CasusStatus

PER_PAGINA = 25


def _statusfilter(qs, waarde: str):
    if waarde == "afgesloten":
        return qs.filter(status=CasusStatus.AFGESLOTEN).order_by("-afgesloten_op", "-pk")
    if waarde == "alle":
        return qs.order_by("-aangemaakt_op", "-pk")
    # Not yet started (waiting for advice) first, then the longest running.
    return qs.exclude(status=CasusStatus.AFGESLOTEN).order_by(
        F("startdatum").asc(nulls_first=True), "aangemaakt_op", "pk"
    )


def _caseload(request, qs, *, titel: str, termijnen: selectors.Termijnen, template_context: dict):
    status = request.GET.get("status", "open")
    if status not in ("open", "afgesloten", "alle", *selectors.STANDEN):
        status = "open"
    if status in selectors.STANDEN:
        qs = selectors.stand_filteren(_statusfilter(qs, "open"), status, termijnen.maximum)
    else:
        qs = _statusfilter(qs, status)
    pagina = Paginator(selectors.met_kengetallen(qs), PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = selectors.rijen_verrijken(pagina.object_list, termijnen)
    lijst_vastleggen(request, object_soort="casus", inwoners=[c.inwoner_id for c in rijen])
    return render(
        request,
        "casussen/caseload.html",
        {
            "titel": titel,
            "pagina": pagina,
            "rijen": rijen,
            "status": status,
            "standen": selectors.STANDEN,
            "termijnen": termijnen,
            **template_context,
        },
    )


def mijn_casussen(request):
    user = request.user
    if casus_rechten.is_coordinator(user):
        return redirect("casussen:team")
    if not casus_rechten.mag_eigen_caseload_zien(user):
        raise PermissionDenied
    qs = casus_rechten.casussen_zichtbaar_voor(user)
    if casus_rechten.is_casushouder_rol(user):
        qs = qs.filter(casushouder=user)
        titel = _("Mijn casussen")
    elif casus_rechten.is_vrijwilliger(user):
        titel = _("Casussen waarbij ik betrokken ben")
    else:
        titel = _("Opgeschaalde casussen")
    termijnen = selectors.Termijnen.uit_profiel()
    return _caseload(request, qs, titel=titel, termijnen=termijnen, template_context={"soort": "mijn"})


@rechten.vereist_rol(Rol.BEROEPSKRACHT, Rol.COORDINATOR)
def team_casussen(request):
    user = request.user
    teams = list(rechten.teams_van(user).exclude(soort="loket").order_by("naam"))
    qs = casus_rechten.casussen_zichtbaar_voor(user).filter(team__in=teams)
    gekozen = request.GET.get("team", "")
    overzicht_qs = qs
    if gekozen:
        if gekozen not in {t.code for t in teams}:
            raise Http404
        qs = qs.filter(team__code=gekozen)
    termijnen = selectors.Termijnen.uit_profiel()
    return _caseload(
        request,
        qs,
        titel=_("Caseload van de teams")
        if casus_rechten.is_coordinator(user)
        else _("Caseload van mijn team"),
        termijnen=termijnen,
        template_context={
            "soort": "team",
            "teams": teams,
            "gekozen_team": gekozen,
            "teamoverzicht": selectors.teamoverzicht(overzicht_qs, termijnen.maximum),
            "per_casushouder": selectors.per_casushouder(qs),
        },
    )


@rechten.vereist_rol(Rol.COORDINATOR)
def adviesvragen(request):
    vragen = (
        casus_rechten.adviesvragen_zichtbaar_voor(request.user)
        .filter(geadviseerd_op__isnull=True)
        .select_related("casus", "casus__team", "casus__inwoner", "casus__casushouder", "gevraagd_door")
        .order_by("gevraagd_op", "pk")
    )
    pagina = Paginator(vragen, PER_PAGINA).get_page(request.GET.get("pagina"))
    # The recent advice shows casus numbers and teams, no inwoner.
    lijst_vastleggen(request, object_soort="adviesvraag", inwoners=[v.casus.inwoner_id for v in pagina])
    recent = (
        casus_rechten.adviesvragen_zichtbaar_voor(request.user)
        .filter(geadviseerd_op__isnull=False)
        .select_related("casus", "casus__team", "casus__inwoner", "adviseur")
        .order_by("-geadviseerd_op")[:10]
    )
    return render(request, "casussen/adviesvragen.html", {"pagina": pagina, "recent": recent})
