"""The monitor screens: the live dashboard, the PDF for the raad with a progress bar, streefwaarden.

Only the coordinator and beleid reach these pages (others get 403). Everything shown is an aggregate;
for beleid, counts per team or kern under the profile's privacy threshold become '< 5'.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from monitor import rechten as monitor_rechten
from skt import rechten
from skt.forms import fout_naar_form
from skt.limieten import zoeklimiet
from skt.models import Rol

from . import kpis as kpi_mod
from . import services, verversen
from .berekening import alle_streefwaarden, streefwaarden
from .forms import JaarForm, MonitorFilterForm, RapportForm, StreefwaardenForm
from .grafieken import monitor_grafieken_bewaard
from .models import Streefwaarde
from .periode import Periode, datum_tekst
from .weergave import weergave

MONITOR_ROLLEN = (Rol.COORDINATOR, Rol.BELEID)


def _dashboard_url(periode: Periode, anker: str = "", **extra) -> str:
    """The dashboard of a period: a quarter by its code, any other span by its dates."""
    from urllib.parse import urlencode

    if periode.is_jaar:
        return f"{reverse('monitor:jaaroverzicht')}?{urlencode({'jaar': periode.van.year, **extra})}{anker}"
    keuze = (
        {"periode": periode.code}
        if periode.is_kwartaal
        else {"van": periode.van.isoformat(), "tot": periode.tot.isoformat()}
    )
    return f"{reverse('monitor:dashboard')}?{urlencode({**keuze, **extra})}{anker}"


def _drempel(user, cijfers: dict) -> int | None:
    return (
        None
        if monitor_rechten.monitor_zonder_drempel(user)
        else int(cijfers["instellingen"]["privacy_drempel"])
    )


@rechten.vereist_rol(*MONITOR_ROLLEN)
def dashboard(request):
    form = MonitorFilterForm(request.GET or None)
    periode, selectie = form.keuze()
    cijfers = services.live_cijfers(periode, selectie)
    drempel = _drempel(request.user, cijfers)
    rapporten = monitor_rechten.monitorrapporten_zichtbaar_voor(request.user).select_related(
        "aangevraagd_door"
    )[:10]
    gevraagd = request.GET.get("rapport")
    lopend = None
    if gevraagd:
        lopend = (
            monitor_rechten.monitorrapporten_zichtbaar_voor(request.user)
            .filter(uuid=_uuid_of_none(gevraagd))
            .first()
        )
    return render(
        request,
        "monitor/dashboard.html",
        {
            "form": form,
            "periode": periode,
            "selectie": selectie,
            "c": cijfers,
            "m": cijfers["meldingen"],
            "w": weergave(cijfers, drempel=drempel),
            "g": monitor_grafieken_bewaard(cijfers, drempel=drempel),
            "peildatum": datum_tekst(periode.peildatum()),
            "loopt_nog": periode == Periode.huidig_kwartaal(),
            "rapporten": rapporten,
            "lopend": lopend,
            "rapport_sleutel": RapportForm.nieuwe_sleutel(),
            "berichten": services.berichten_voor(request.user),
            "mag_streefwaarden": monitor_rechten.mag_streefwaarden_instellen(request.user),
            "drempel": drempel,
        },
    )


@rechten.vereist_rol(*MONITOR_ROLLEN)
def jaaroverzicht(request):
    """A year: the four quarters side by side, the year and the year before, and a PDF of it."""
    from .jaar import jaar_weergave
    from .jaar import jaaroverzicht as overzicht_berekenen

    form = JaarForm(request.GET or None)
    jaar = form.gekozen()
    periode = Periode.jaar(jaar)
    # Read only, like the dashboard (issue 14): the beat refreshes the facts, the year is computed
    # once per refresh and reused.
    verversen.verversing_vragen_als_nodig()
    overzicht = verversen.gecachet(
        "jaar",
        {"jaar": jaar, "vandaag": timezone.localdate(), "doelen": alle_streefwaarden()},
        lambda: overzicht_berekenen(jaar),
    )
    from skt.profiel.instellingen import instellingen

    drempel = (
        None
        if monitor_rechten.monitor_zonder_drempel(request.user)
        else instellingen().monitor.privacy_drempel
    )
    return render(
        request,
        "monitor/jaaroverzicht.html",
        {
            "form": form,
            "periode": periode,
            "j": jaar_weergave(overzicht, drempel=drempel),
            "overzicht": overzicht,
            "rapport_sleutel": RapportForm.nieuwe_sleutel(),
            **_lijst_verversen(request),
            "ververs_lijst": False,
        },
    )


def _lijst_verversen(request) -> dict:
    """The reports list, sent along with a status so htmx swaps it in: a new version shows at once."""
    from skt.profiel.instellingen import instellingen

    return {
        "rapporten": monitor_rechten.monitorrapporten_zichtbaar_voor(request.user).select_related(
            "aangevraagd_door"
        )[:10],
        "drempel": None
        if monitor_rechten.monitor_zonder_drempel(request.user)
        else instellingen().monitor.privacy_drempel,
        "ververs_lijst": True,
    }


def _uuid_of_none(tekst: str):
    import uuid

    try:
        return uuid.UUID(tekst)
    except ValueError:
        return None


@require_POST
@rechten.vereist_rol(*MONITOR_ROLLEN)
def rapport_maken(request):
    form = RapportForm(request.POST)
    if not form.is_valid():
        fout = "; ".join(str(e) for fouten in form.errors.values() for e in fouten)
        if request.htmx:
            return render(request, "monitor/_rapport_status.html", {"fout": fout}, status=422)
        messages.error(request, _("De PDF kon niet worden aangevraagd: %(fout)s") % {"fout": fout})
        return redirect("monitor:dashboard")
    periode = form.cleaned_data["periode"]
    rapport = services.rapport_aanvragen(
        periode=periode, door=request.user, sleutel=f"scherm-{form.cleaned_data['sleutel']}"
    )
    rapport.refresh_from_db()
    if request.htmx:
        return render(
            request, "monitor/_rapport_status.html", {"rapport": rapport, **_lijst_verversen(request)}
        )
    return redirect(_dashboard_url(periode, "#pdf", rapport=str(rapport.uuid)))


@rechten.vereist_rol(*MONITOR_ROLLEN)
def rapport_status(request, uuid):
    rapport = monitor_rechten.get_monitorrapport_voor(request, uuid)
    context = {"rapport": rapport}
    if not rapport.is_bezig:
        # Polling stops here: the list shows the finished version (or its failure).
        context.update(_lijst_verversen(request))
    return render(request, "monitor/_rapport_status.html", context)


@rechten.vereist_rol(*MONITOR_ROLLEN)
@zoeklimiet("export")
def rapport_pdf(request, uuid):
    rapport = monitor_rechten.get_monitorrapport_voor(request, uuid, actie="pdf")
    if not rapport.is_klaar or not rapport.pdf:
        raise Http404
    periode = Periode(rapport.van, rapport.tot)
    return FileResponse(
        rapport.pdf.open("rb"),
        as_attachment=True,
        filename=f"kwartaalmonitor-{periode.code}-versie-{rapport.versie}.pdf",
        content_type="application/pdf",
    )


@rechten.vereist_rol(Rol.COORDINATOR)
@zoeklimiet("export")
def rapport_json(request, uuid):
    """The exact figures, small counts per team and kern included: internal, so not for beleid."""
    rapport = monitor_rechten.get_monitorrapport_voor(request, uuid, actie="export")
    if not rapport.is_klaar:
        raise Http404
    antwoord = JsonResponse(
        {
            **rapport.cijfers,
            "rapport": {
                "versie": rapport.versie,
                "aangevraagd_op": rapport.aangevraagd_op.isoformat(),
                "gereed_op": rapport.gereed_op.isoformat() if rapport.gereed_op else None,
                "profiel": rapport.profiel_naam,
            },
            "definities": rapport.definities,
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    periode = Periode(rapport.van, rapport.tot)
    antwoord["Content-Disposition"] = (
        f'attachment; filename="kwartaalmonitor-{periode.code}-v{rapport.versie}.json"'
    )
    return antwoord


@rechten.vereist_rol(*MONITOR_ROLLEN)
@zoeklimiet("export")
def rapport_csv(request, uuid):
    """The KPI table for BI, for the coordinator (exact) and beleid (small counts hidden)."""
    from django.http import HttpResponse

    from .export import kpi_csv

    rapport = monitor_rechten.get_monitorrapport_voor(request, uuid, actie="export")
    if not rapport.is_klaar:
        raise Http404
    antwoord = HttpResponse(
        kpi_csv(rapport.cijfers, drempel=_drempel(request.user, rapport.cijfers)),
        content_type="text/csv; charset=utf-8",
    )
    periode = Periode(rapport.van, rapport.tot)
    antwoord["Content-Disposition"] = (
        f'attachment; filename="kwartaalmonitor-{periode.code}-v{rapport.versie}-kpis.csv"'
    )
    return antwoord


@require_POST
@rechten.vereist_rol(Rol.COORDINATOR)
def rapport_vaststellen(request, uuid):
    rapport = monitor_rechten.get_monitorrapport_voor(request, uuid)
    try:
        rapport, ontvangers = services.rapport_vaststellen(request=request, rapport=rapport)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        if ontvangers:
            messages.success(
                request,
                _("Versie %(versie)s is vastgesteld en als PDF verzonden aan %(aan)s.")
                % {"versie": rapport.versie, "aan": ", ".join(ontvangers)},
            )
        else:
            messages.warning(
                request,
                _(
                    "Versie %(versie)s is vastgesteld. Er is niets verzonden: het gemeenteprofiel heeft "
                    "geen verzendlijst ([monitor] verzendlijst)."
                )
                % {"versie": rapport.versie},
            )
    periode = Periode(rapport.van, rapport.tot)
    return redirect(_dashboard_url(periode, "#pdf"))


@require_POST
@rechten.vereist_rol(*MONITOR_ROLLEN)
def berichten_gelezen(request):
    services.berichten_gelezen(door=request.user)
    return redirect("monitor:dashboard")


@rechten.vereist_rol(*MONITOR_ROLLEN)
def streefwaarden_bewerken(request):
    """The gemeente's targets (the raad's: beleid records them) and, per own team or cluster, the
    coordinator's stricter ones. Everyone with the monitor sees every level; each edits only their own."""
    from .berekening import alle_streefwaarden

    eigen_teams = list(monitor_rechten.teams_voor_streefwaarden(request.user))
    team = None
    gevraagd = request.GET.get("team")
    if gevraagd:
        team = next((t for t in eigen_teams if t.code == gevraagd), None)
        if team is None:
            raise Http404
    mag_bewerken = (
        monitor_rechten.mag_teamstreefwaarden_instellen(request.user, team)
        if team is not None
        else monitor_rechten.mag_raadsstreefwaarden_vastleggen(request.user)
    )
    doelen = alle_streefwaarden()
    gemeente = streefwaarden()
    huidig = {code: d["waarde"] for code, d in doelen["team"].get(team.pk, {}).items()} if team else gemeente
    if request.method == "POST" and not mag_bewerken:
        from django.core.exceptions import PermissionDenied

        from skt.toegang import toegang_vastleggen

        toegang_vastleggen(
            request, actie="wijzigen", geweigerd=True, reden="streefwaarden van een ander niveau"
        )
        raise PermissionDenied
    form = StreefwaardenForm(request.POST or None, huidig=huidig, team=team)
    if request.method == "POST" and form.is_valid():
        wijzigingen = form.wijzigingen()
        try:
            with transaction.atomic():
                for code, waarde in wijzigingen.items():
                    services.streefwaarde_instellen(
                        door=request.user,
                        kpi=code,
                        waarde=waarde,
                        toelichting=form.cleaned_data["toelichting"],
                        team=team,
                        raadsbesluit_datum=form.cleaned_data.get("raadsbesluit_datum"),
                        raadsbesluit_kenmerk=form.cleaned_data.get("raadsbesluit_kenmerk", ""),
                    )
        except ValidationError as fout:
            fout_naar_form(form, ValidationError(fout.messages))
        else:
            if wijzigingen:
                messages.success(
                    request,
                    _("%(n)s streefwaarde(n) opgeslagen. De monitor toont ze meteen.")
                    % {"n": len(wijzigingen)},
                )
            else:
                messages.info(request, _("Er was niets gewijzigd."))
            url = reverse("monitor:streefwaarden")
            return redirect(f"{url}?team={team.code}" if team else url)
    rijen = []
    for k, veld in form.kpi_velden():
        doel = doelen["gemeente"].get(k.code)
        rijen.append(
            {
                "kpi": k,
                "veld": veld,
                "gemeente": None if doel is None or doel["waarde"] is None else doel,
                "richting": {"hoger_beter": _("hoger is beter"), "lager_beter": _("lager is beter")}.get(
                    str(k.richting), _("geen voorkeursrichting: geldt als minimum")
                ),
            }
        )
    if not mag_bewerken:
        for veld in form.fields.values():
            veld.disabled = True
    geschiedenis = Streefwaarde.history.select_related("history_user", "team").order_by("-history_date")[:30]
    namen = {k.code: k.naam for k in kpi_mod.KPIS}
    return render(
        request,
        "monitor/streefwaarden.html",
        {
            "form": form,
            "rijen": rijen,
            "geschiedenis": geschiedenis,
            "namen": namen,
            "team": team,
            "eigen_teams": eigen_teams,
            "mag_bewerken": mag_bewerken,
        },
    )
