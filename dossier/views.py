"""The pages that span the apps: Mijn werk, the inwoner list and dossier, the household, who looked,
and the AVG inzage. Each starts with a rights-scoped fetch from skt/rechten/."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen import rechten as arrangement_rechten
from arrangementen import selectors as arrangement_selectors
from meldingen.services import open_meldingen_van
from skt import rechten, services, zoekopdracht
from skt.forms import DossierFilterForm, InwonerZoekForm, RegisseurForm, fout_naar_form
from skt.limieten import zoeklimiet
from skt.models import Medewerker, Rol, Toegang
from skt.paginering import keyset_pagina
from skt.toegang import lijst_vastleggen, toegang_vastleggen, zoekresultaat_vastleggen

from . import tijdlijn
from .inzage import inzage_gegevens, inzage_pdf
from .werkblokken import werkblokken_voor


def mijn_werk(request):
    """The start page: what this role works on, as blocks with counts and links."""
    return render(
        request,
        "skt/mijn_werk.html",
        {"rol": request.user.rol, "Rol": Rol, "werkblokken": werkblokken_voor(request.user)},
    )


def inwoner_detail(request, uuid):
    """The dossier: one timeline of everything about the inwoner, at the level the reader may see."""
    toegang = rechten.get_inwoner_voor(request, uuid)
    inwoner = toegang.inwoner
    context = {"t": toegang, "inwoner": inwoner}
    if toegang.niveau == rechten.Niveau.HERKENNING:
        context["trajecten"] = open_meldingen_van([inwoner.pk], voor=request.user).get(inwoner.pk, [])
        return render(request, "skt/inwoner_detail.html", context)
    filters = DossierFilterForm(request.GET or None)
    soort, van, tot = "", None, None
    if filters.is_valid():
        soort, van, tot = (filters.cleaned_data.get(k) for k in ("soort", "van", "tot"))
    items = tijdlijn.tijdlijn(
        inwoner, request.user, soort=soort or "", van=van, tot=tot, noodtoegang=toegang.noodtoegang
    )
    pagina = Paginator(items, 50).get_page(request.GET.get("pagina"))
    context.update(
        {
            "filters": filters,
            "pagina": pagina,
            "betrokken": tijdlijn.betrokkenen([inwoner], request.user).get(inwoner.pk, []),
            "mag_toegangslog": rechten.mag_toegangslog_inzien(request.user, inwoner),
            "mag_arrangement": arrangement_rechten.mag_arrangement_opstellen_voor(
                request.user, inwoner, toegang=toegang
            ),
            # On a new melding months later: what was granted, who delivers it, until when.
            "lopende_voorzieningen": arrangement_selectors.lopende_voorzieningen(
                request.user, inwoner, alles=toegang.noodtoegang is not None
            ),
        }
    )
    return render(request, "skt/inwoner_detail.html", context)


@rechten.vereist_rol(Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER, Rol.COORDINATOR, *rechten.CONSULENT_ROLLEN)
@zoeklimiet("zoeken")
def inwoners(request):
    """My inwoners: search among the dossiers this user may open (never beyond). Every search is logged."""
    if request.method == "POST":
        # POSTed and shown behind an opaque key (skt.zoekopdracht): a BSN never lands in a URL.
        form = InwonerZoekForm(request.POST)
        if form.is_valid():
            if not form.cleaned_data["q"].strip():
                return redirect("inwoners")
            return zoekopdracht.doorsturen(request, "inwoners", ["q"], request.POST)
    else:
        form = InwonerZoekForm(zoekopdracht.gegevens_voor(request, "inwoners", ["q"]))
    # The rights are checked row by row on a keyset page in index order (issue 14): newest first, or
    # by name for a search; nothing counts a decade of dossiers.
    qs = rechten.inwoners_zichtbaar_voor(request.user, per_rij=True).select_related("kern")
    sleutel = ("-aangemaakt_op", "-pk")
    zoekterm = ""
    soort_zoekterm = "naam of postcode"
    if request.method == "GET" and form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        zoekterm = form.cleaned_data["q"].strip()
        compact = zoekterm.replace(" ", "").replace(".", "").upper()
        voorwaarde = Q(achternaam__icontains=zoekterm) | Q(voornamen__icontains=zoekterm)
        if compact.isdigit():
            soort_zoekterm = f"nummer {zoekopdracht.bsn_gemaskeerd(compact)}"
            if rechten.niveau_voor_inwoner(request.user) == rechten.Niveau.VOLLEDIG:
                voorwaarde |= Q(bsn=compact)
        if len(compact) == 6:
            voorwaarde |= Q(postcode=f"{compact[:4]} {compact[4:]}")
        # A search starts from the names that match (trigram index) and checks the rights on each
        # of those: ordered by an expression no index serves, the planner cannot walk the name index
        # alphabetically through every other team's dossier to the matching ones (issue 14). Per row,
        # not as a set: hashing every dossier of the team cost more than checking a few thousand
        # candidates (Jan 69 → 21 ms, Berg 105 → 45 ms at 100,000 meldingen).
        qs = (
            rechten.inwoners_zichtbaar_voor(request.user, per_rij=True)
            .select_related("kern")
            .filter(voorwaarde)
            .annotate(_achternaam=Lower("achternaam"), _voornamen=Lower("voornamen"))
        )
        sleutel = ("_achternaam", "_voornamen", "pk")
    pagina = keyset_pagina(qs, request, sleutel=sleutel, per_pagina=25)
    if zoekterm:
        # The search term stays out of the log: it can be a BSN.
        zoekresultaat_vastleggen(
            request,
            inwoners=list(pagina),
            reden=f"zoeken in dossiers op {soort_zoekterm}: {len(pagina)}"
            f"{' of meer' if pagina.has_next else ''} gevonden en getoond",
        )
    else:
        lijst_vastleggen(request, object_soort="inwoner", inwoners=[i.pk for i in pagina])
    return render(request, "skt/inwoners.html", {"form": form, "pagina": pagina, "zoekterm": zoekterm})


def huishouden(request, uuid):
    """One household: the members this user may see, their professionals, and one regisseur."""
    toegang = rechten.get_huishouden_voor(request, uuid)
    huis = toegang.huishouden
    form = RegisseurForm(request.POST or None, initial={"regisseur": huis.regisseur})
    # Only who is already involved with every member is offered: naming grants nothing (issue 11).
    form.fields["regisseur"].queryset = Medewerker.objects.filter(
        pk__in=[m.pk for m in rechten.regisseur_kandidaten(huis, door=request.user)]
    ).order_by("last_name", "first_name")
    if request.method == "POST":
        if not toegang.mag_regisseren:
            raise PermissionDenied(_("Uw rol kan geen regisseur van een huishouden aanwijzen."))
        if form.is_valid():
            try:
                huis = services.huishouden_regisseur_zetten(
                    door=request.user,
                    huishouden=huis,
                    regisseur=form.cleaned_data["regisseur"],
                    reden=form.cleaned_data["reden"],
                )
            except ValidationError as fout:
                fout_naar_form(form, fout)
            else:
                rechten.regisseur_vastleggen(request, huis, reden=form.cleaned_data["reden"])
                messages.success(request, _("De regisseur van het huishouden is vastgelegd."))
                return redirect("huishouden", uuid=huis.uuid)
    rechten.huishouden_lezen_vastleggen(request, toegang)
    betrokken = tijdlijn.betrokkenen(toegang.leden, request.user)
    for lid in toegang.leden:
        lid.betrokken = betrokken.get(lid.pk, [])
    return render(
        request,
        "skt/huishouden.html",
        {
            "huis": huis,
            "leden": toegang.leden,
            "andere": toegang.andere,
            "form": form,
            "mag_regisseren": toegang.mag_regisseren,
            "mag_bevestigen": rechten.mag_regisseur_bevestigen(request.user, huis),
        },
    )


@rechten.vereist_rol(Rol.BEHEERDER)
def noodtoegang_audit(request):
    """The beheerder's audit list: a coordinator's own break-the-glass that no other coordinator can
    review. Who, when, until when and why; not whose dossier, for the beheerder never sees case content."""
    toegang_vastleggen(request, actie="lezen", object_soort="noodtoegang", reden="auditlijst noodtoegang")
    regels = rechten.noodtoegangen_voor_audit(request.user).select_related("medewerker", "beoordeeld_door")
    pagina = Paginator(regels.order_by("-van"), 50).get_page(request.GET.get("pagina"))
    return render(request, "skt/noodtoegang_audit.html", {"pagina": pagina})


def wie_keek(request, uuid):
    """Who read this dossier, when and why (the coordinator; NEN 7513)."""
    inwoner = rechten.get_inwoner_voor_toegangslog(request, uuid)
    # Logged before the list is read, so the page shows this look too and counts it.
    toegang_vastleggen(request, actie="lezen", object_soort="toegangslog", inwoner=inwoner)
    regels = Toegang.objects.over_inwoner(inwoner).select_related("medewerker")
    # A dossier read daily for ten years: a keyset page, nothing counted (issue 14).
    pagina = keyset_pagina(regels, request, sleutel=("-tijdstip", "-pk"), per_pagina=50)
    return render(request, "skt/wie_keek.html", {"inwoner": inwoner, "pagina": pagina})


@zoeklimiet("export")
def inzage(request, uuid, formaat):
    """AVG inzageverzoek: all data of one inwoner as PDF or JSON, in one click, logged."""
    inwoner = rechten.get_inwoner_voor_toegangslog(request, uuid, actie="export", object_soort="inzage")
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.PDF if formaat == "pdf" else Toegang.Actie.EXPORT,
        obj=inwoner,
        inwoner=inwoner,
        reden="AVG inzageverzoek",
    )
    gegevens = inzage_gegevens(inwoner)
    naam = f"inzage-{timezone.localdate():%Y%m%d}-{inwoner.uuid}"
    if formaat == "pdf":
        response = HttpResponse(inzage_pdf(gegevens), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
        return response
    response = HttpResponse(
        json.dumps(gegevens, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{naam}.json"'
    return response
