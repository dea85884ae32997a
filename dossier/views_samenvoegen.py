"""Merging duplicates: pick two inwoners among one's own dossiers, compare them, choose, merge."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from skt import rechten
from skt.forms import InwonerZoekForm, fout_naar_form
from skt.limieten import zoeklimiet
from skt.models import Inwoner, Toegang
from skt.toegang import toegang_vastleggen, zoekresultaat_vastleggen
from skt.validators import als_uuid

from . import views
from .forms import SamenvoegenForm
from .samenvoegen import VELDEN, VERVALLEN, inwoners_samenvoegen, samengevoegd_in

MAX_RESULTATEN = 25


def _vereist_samenvoegrecht(request) -> None:
    if not rechten.mag_samenvoegen(request.user):
        raise PermissionDenied(_("Alleen de coördinator en het loket voegen inwoners samen."))


def _kandidaat(request, sleutel) -> Inwoner:
    """A record the user may pick; anything else is a logged 404 (unknown and forbidden look alike)."""
    uuid = als_uuid(sleutel)
    inwoner = (
        rechten.samenvoegen_kandidaten(request.user)
        .select_related("kern", "huishouden")
        .filter(uuid=uuid)
        .first()
        if uuid
        else None
    )
    if inwoner is None:
        toegang_vastleggen(
            request,
            actie=Toegang.Actie.LEZEN,
            geweigerd=True,
            object_soort="inwoner",
            object_id=str(sleutel or "")[:64],
            reden="samenvoegen: inwoner niet zichtbaar of al samengevoegd",
        )
        raise Http404
    return inwoner


@zoeklimiet("zoeken")
def zoeken(request):
    """Step 1: search among one's own dossiers; with ``a`` chosen, pick the second."""
    _vereist_samenvoegrecht(request)
    a = _kandidaat(request, request.GET.get("a")) if request.GET.get("a") else None
    if a is not None:
        toegang_vastleggen(request, actie=Toegang.Actie.LEZEN, obj=a, inwoner=a, reden="samenvoegen: eerste")
    form = InwonerZoekForm(request.POST or None)
    resultaten = []
    if request.method == "POST" and form.is_valid() and form.cleaned_data["q"].strip():
        zoekterm = form.cleaned_data["q"].strip()
        compact = zoekterm.replace(" ", "").upper()
        voorwaarde = Q(achternaam__icontains=zoekterm) | Q(voornamen__icontains=zoekterm)
        if compact.isdigit():
            voorwaarde |= Q(bsn=compact)
        if len(compact) == 6:
            voorwaarde |= Q(postcode=f"{compact[:4]} {compact[4:]}")
        qs = rechten.samenvoegen_kandidaten(request.user).filter(voorwaarde).select_related("kern")
        if a is not None:
            qs = qs.exclude(pk=a.pk)
        resultaten = list(qs.order_by("achternaam", "voornamen")[:MAX_RESULTATEN])
        # The search term stays out of the log: it can be a BSN.
        zoekresultaat_vastleggen(
            request, inwoners=resultaten, reden=f"samenvoegen: zoeken, {len(resultaten)} getoond"
        )
    return render(
        request,
        "dossier/samenvoegen_zoeken.html",
        {"form": form, "a": a, "resultaten": resultaten, "gezocht": request.method == "POST"},
    )


def vergelijken(request):
    """Step 2: side by side, choose per field, confirm; the merge itself is one transaction."""
    _vereist_samenvoegrecht(request)
    a = _kandidaat(request, request.GET.get("a"))
    b = _kandidaat(request, request.GET.get("b"))
    if a.pk == b.pk:
        messages.error(
            request,
            _("Kies twee verschillende inwoners: een inwoner kan niet met zichzelf worden samengevoegd."),
        )
        return redirect(f"{reverse('samenvoegen')}?a={a.uuid}")
    labels = {veld: Inwoner._meta.get_field(veld).verbose_name.capitalize() for veld in VELDEN}
    form = SamenvoegenForm(request.POST or None, a=a, b=b, velden=VELDEN, labels=labels)
    if request.method == "POST" and form.is_valid():
        overlevende, vervallen = (a, b) if form.cleaned_data["overlevende"] == "a" else (b, a)
        kant_vervallen = "b" if overlevende is a else "a"
        keuzes = {
            veld: VERVALLEN if form.cleaned_data[f"veld_{veld}"] == kant_vervallen else "overlevende"
            for veld in VELDEN
        }
        try:
            samenvoeging = inwoners_samenvoegen(
                door=request.user,
                overlevende=overlevende,
                vervallen=vervallen,
                keuzes=keuzes,
                reden=form.cleaned_data["reden"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
            for inwoner in (a, b):
                toegang_vastleggen(
                    request,
                    actie=Toegang.Actie.WIJZIGEN,
                    geweigerd=True,
                    obj=inwoner,
                    inwoner=inwoner,
                    reden=f"samenvoegen geweigerd: {' '.join(fout.messages)}",
                )
        else:
            for inwoner, rol in ((overlevende, "overlevende"), (vervallen, "vervallen")):
                toegang_vastleggen(
                    request,
                    actie=Toegang.Actie.WIJZIGEN,
                    obj=inwoner,
                    inwoner=inwoner,
                    reden=f"samengevoegd ({rol}); samenvoeging {samenvoeging.uuid}",
                )
            messages.success(
                request,
                _("De registraties zijn samengevoegd. Alles staat nu in het dossier van %(naam)s.")
                % {"naam": samenvoeging.overlevende.naam},
            )
            return redirect("inwoner_detail", uuid=samenvoeging.overlevende.uuid)
    else:
        for inwoner in (a, b):
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.LEZEN,
                obj=inwoner,
                inwoner=inwoner,
                reden="samenvoegen: vergelijken",
            )
    return render(request, "dossier/samenvoegen_vergelijken.html", {"form": form, "a": a, "b": b})


def inwoner_detail(request, uuid):
    """The dossier URL of a merged-away registration leads to the survivor, for who may recognise it;
    for anyone else it is answered like any unknown dossier."""
    vervallen = Inwoner.objects.filter(uuid=uuid, samenvoeging_vervallen__isnull=False).first()
    if vervallen is not None:
        overlevende = samengevoegd_in(vervallen)
        if (
            overlevende is not None
            and rechten.inwoners_herkenbaar_voor(request.user).filter(pk=overlevende.pk).exists()
        ):
            return redirect("inwoner_detail", uuid=overlevende.uuid)
    return views.inwoner_detail(request, uuid)
