"""The searchable access log (issue 15): filters, "vanaf waar" and IP, repeated reads grouped on screen,
and a CSV export for the privacy officer, itself logged.

Built for a million rows: every filter is on an indexed column (tijdstip, inwoner, medewerker, and the
list rows' inwoner index), pages are keyset pages in the order of the tijdstip index, nothing counts
the whole set, and the export stops at EXPORT_MAXIMUM rows."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import rechten
from .forms import ToegangslogFilterForm
from .limieten import binnen_limiet, limiet_antwoord
from .models import Rol, Toegang, ToegangInwoner
from .paginering import keyset_pagina
from .toegang import lijst_vastleggen, toegang_vastleggen

PER_PAGINA = 50
# Reads of the same page by the same person within this window are one line on screen.
HERHAALD_BINNEN = dt.timedelta(minutes=5)
EXPORT_MAXIMUM = 10_000
FILTERVELDEN = ("medewerker", "inwoner", "van", "tot", "actie", "resultaat")


@dataclass
class Groep:
    """One line on screen: a row, or repeated reads of one page by one person (the rows stay separate)."""

    rijen: list = field(default_factory=list)

    @property
    def regel(self) -> Toegang:
        return self.rijen[0]

    @property
    def aantal(self) -> int:
        return len(self.rijen)

    @property
    def van(self):
        return self.rijen[-1].tijdstip

    @property
    def tot(self):
        return self.rijen[0].tijdstip


def groeperen(rijen) -> list[Groep]:
    """Newest first in, newest first out; a read joins the open group of the same person and page while
    the group spans at most HERHAALD_BINNEN."""
    groepen: list[Groep] = []
    open_: dict[tuple, Groep] = {}
    for rij in rijen:
        if (
            rij.actie == Toegang.Actie.LEZEN
            and rij.resultaat == Toegang.Resultaat.TOEGESTAAN
            and rij.medewerker_id
        ):
            sleutel = (rij.medewerker_id, rij.pad, rij.object_soort, rij.object_id, rij.inwoner_id)
            groep = open_.get(sleutel)
            if groep is not None and groep.tot - rij.tijdstip <= HERHAALD_BINNEN:
                groep.rijen.append(rij)
                continue
            groep = Groep([rij])
            open_[sleutel] = groep
            groepen.append(groep)
        else:
            groepen.append(Groep([rij]))
    return groepen


def _dagbegin(dag: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time.min))


def _gefilterd(request, regels, data) -> tuple:
    """Apply the filters; returns the rows, a description for the access log (no names, no BSN) and the
    inwoners the name filter stood for."""
    beschrijving, inwoners = [], []
    if data.get("medewerker"):
        regels = regels.filter(medewerker=data["medewerker"])
        beschrijving.append(f"medewerker {data['medewerker'].username}")
    if data.get("inwoner"):
        inwoners = rechten.toegangslog_inwoners(request.user, data["inwoner"])
        # The row names the inwoner, or a list page showed them: both on an inwoner index.
        getoond = ToegangInwoner.objects.filter(inwoner_id__in=inwoners).values("toegang_id")
        regels = regels.filter(Q(inwoner_id__in=inwoners) | Q(pk__in=getoond))
        beschrijving.append(f"inwoner op naam ({len(inwoners)} dossier(s))")
    if data.get("van"):
        regels = regels.filter(tijdstip__gte=_dagbegin(data["van"]))
        beschrijving.append(f"van {data['van']:%d-%m-%Y}")
    if data.get("tot"):
        regels = regels.filter(tijdstip__lt=_dagbegin(data["tot"] + dt.timedelta(days=1)))
        beschrijving.append(f"tot en met {data['tot']:%d-%m-%Y}")
    if data.get("actie"):
        regels = regels.filter(actie=data["actie"])
        beschrijving.append(f"actie {data['actie']}")
    if data.get("resultaat"):
        regels = regels.filter(resultaat=data["resultaat"])
        beschrijving.append(f"resultaat {data['resultaat']}")
    return regels, ", ".join(beschrijving), inwoners


@rechten.vereist_rol(Rol.COORDINATOR)
def toegangslog(request):
    gegevens = request.GET.copy()
    # The older link "Alleen geweigerde pogingen" keeps working.
    if gegevens.get("geweigerd") and not gegevens.get("resultaat"):
        gegevens["resultaat"] = Toegang.Resultaat.GEWEIGERD
    gebonden = any(gegevens.get(k) for k in FILTERVELDEN)
    filters = ToegangslogFilterForm(
        gegevens if gebonden else None, medewerkers=rechten.toegangslog_medewerkers(request.user)
    )
    regels = rechten.toegang_zichtbaar_voor(request.user).select_related("medewerker", "inwoner")
    beschrijving, inwoners = "", []
    if filters.is_bound:
        if filters.is_valid():
            regels, beschrijving, inwoners = _gefilterd(request, regels, filters.cleaned_data)
        else:
            # A wrong filter shows the error and no rows, rather than everything.
            regels = regels.none()
    if request.GET.get("export") == "csv" and (not filters.is_bound or filters.is_valid()):
        return _csv(request, regels, beschrijving)
    pagina = keyset_pagina(regels, request, sleutel=("-tijdstip", "-pk"), per_pagina=PER_PAGINA)
    # Logged after the page is read, for the row names every inwoner it shows; this look appears
    # on the next one.
    lijst_vastleggen(
        request,
        object_soort="toegangslog",
        inwoners=[r.inwoner_id for r in pagina if r.inwoner is not None] + inwoners,
        reden="toegangslog bekeken" + (f"; filter: {beschrijving}" if beschrijving else ""),
    )
    export = gegevens.copy()
    export.pop("na", None)
    export["export"] = "csv"
    return render(
        request,
        "skt/toegangslog.html",
        {
            "filters": filters,
            "pagina": pagina,
            "groepen": groeperen(pagina),
            "export_url": "?" + export.urlencode(),
            "export_maximum": f"{EXPORT_MAXIMUM:,}".replace(",", "."),
            "herhaald_minuten": int(HERHAALD_BINNEN.total_seconds() // 60),
        },
    )


def _cel(waarde) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection): such a cell starts with a quote."""
    tekst = "" if waarde is None else str(waarde)
    return f"'{tekst}" if tekst[:1] in ("=", "+", "-", "@", "\t", "\r") else tekst


def _csv(request, regels, beschrijving: str) -> HttpResponse:
    """Every row of the filter, newest first, up to EXPORT_MAXIMUM; the export is itself logged, naming
    every inwoner it contains."""
    if not binnen_limiet(request):
        return limiet_antwoord(request, "export")
    rijen = list(regels.order_by("-tijdstip", "-pk")[: EXPORT_MAXIMUM + 1])
    afgekapt = len(rijen) > EXPORT_MAXIMUM
    rijen = rijen[:EXPORT_MAXIMUM]
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.EXPORT,
        object_soort="toegangslog",
        reden=(
            f"toegangslog als CSV: {len(rijen)} regels"
            + (f" (afgekapt op {EXPORT_MAXIMUM})" if afgekapt else "")
            + (f"; filter: {beschrijving}" if beschrijving else "")
        ),
        inwoners={r.inwoner_id for r in rijen if r.inwoner_id},
    )
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="toegangslog-{timezone.localtime():%Y%m%d-%H%M}.csv"'
    )
    # Excel opens UTF-8 with a byte order mark correctly; the separator is the Dutch ';'.
    antwoord.write("\ufeff")
    schrijver = csv.writer(antwoord, delimiter=";")
    schrijver.writerow(
        [
            _("tijdstip"),
            _("medewerker"),
            _("gebruikersnaam"),
            _("actie"),
            _("resultaat"),
            _("soort gegeven"),
            _("gegeven"),
            _("inwoner"),
            _("inwoner-id"),
            _("vanaf waar"),
            _("IP-adres"),
            _("reden"),
            _("volgnummer in de keten"),
        ]
    )
    for r in rijen:
        schrijver.writerow(
            [
                _cel(timezone.localtime(r.tijdstip).isoformat(timespec="seconds")),
                _cel(r.medewerker.get_full_name() if r.medewerker else _("anoniem")),
                _cel(r.medewerker.username if r.medewerker else ""),
                _cel(r.get_actie_display()),
                _cel(r.get_resultaat_display()),
                _cel(r.object_soort),
                _cel(r.object_id),
                _cel(r.inwoner.naam if r.inwoner else ""),
                _cel(r.inwoner.uuid if r.inwoner else (r.inwoner_id or "")),
                _cel(r.pad),
                _cel(r.ip_adres),
                _cel(r.reden),
                _cel(r.keten_volgnummer),
            ]
        )
    if afgekapt:
        schrijver.writerow(
            [_cel(_("Afgekapt op %(n)s regels: kies een kortere periode.") % {"n": EXPORT_MAXIMUM})]
        )
    return antwoord
