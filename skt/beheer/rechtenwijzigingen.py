"""Four eyes on rights: the coordinator (their teams) and the beheerder (all) see the proposals that wait
and confirm or refuse them. Who may decide is skt.rechten.beheer's; this module only shows and logs."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ..forms import fout_naar_form
from ..models import Rechtenwijziging, Toegang
from ..rechten import beheer as beheerrechten
from ..toegang import toegang_vastleggen
from . import services
from .forms import RechtenwijzigingWeigerenForm
from .toegang import wijziging_vastleggen


def rechtenwijzigingen_vereist(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not beheerrechten.mag_rechtenwijzigingen_zien(request.user):
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.LEZEN if request.method == "GET" else Toegang.Actie.WIJZIGEN,
                geweigerd=True,
                object_soort="rechtenwijziging",
                reden="rechtenwijzigingen geweigerd",
            )
            raise PermissionDenied(
                _("Alleen een coördinator of de functioneel beheerder ziet rechtenwijzigingen.")
            )
        return view(request, *args, **kwargs)

    return wrapper


def _ophalen(request, uuid) -> Rechtenwijziging:
    """Outside what the person may see, the proposal does not exist (404), and the attempt is logged."""
    wijziging = (
        beheerrechten.rechtenwijzigingen_zichtbaar_voor(request.user)
        .select_related("medewerker", "voorgesteld_door", "beoordeeld_door")
        .filter(uuid=uuid)
        .first()
    )
    if wijziging is None:
        toegang_vastleggen(
            request,
            actie=Toegang.Actie.LEZEN if request.method == "GET" else Toegang.Actie.WIJZIGEN,
            geweigerd=True,
            object_soort="rechtenwijziging",
            object_id=str(uuid),
            reden="rechtenwijziging buiten de eigen teams",
        )
        get_object_or_404(Rechtenwijziging.objects.none(), uuid=uuid)
    return wijziging


def _beschrijving(wijziging: Rechtenwijziging) -> str:
    teams = ", ".join(t.code for t in wijziging.teams.all())
    return f"{wijziging.medewerker.username}: rol {wijziging.rol}; teams: {teams or '-'}"


@require_safe
@rechtenwijzigingen_vereist
def lijst(request):
    zichtbaar = beheerrechten.rechtenwijzigingen_zichtbaar_voor(request.user).select_related(
        "medewerker", "voorgesteld_door", "beoordeeld_door"
    )
    open_ = zichtbaar.filter(
        status=Rechtenwijziging.Status.VOORGESTELD, medewerker__is_active=True
    ).prefetch_related("teams")
    rijen = [(w, beheerrechten.mag_rechtenwijziging_beoordelen(request.user, w)) for w in open_]
    beoordeeld = zichtbaar.exclude(status=Rechtenwijziging.Status.VOORGESTELD).prefetch_related("teams")[:20]
    return render(request, "skt/beheer/rechtenwijzigingen.html", {"rijen": rijen, "beoordeeld": beoordeeld})


def _detail_tonen(request, wijziging: Rechtenwijziging, form: RechtenwijzigingWeigerenForm | None = None):
    return render(
        request,
        "skt/beheer/rechtenwijziging.html",
        {
            "wijziging": wijziging,
            "teams": list(wijziging.teams.all()),
            "mag_beoordelen": wijziging.status == Rechtenwijziging.Status.VOORGESTELD
            and beheerrechten.mag_rechtenwijziging_beoordelen(request.user, wijziging),
            "form": form or RechtenwijzigingWeigerenForm(),
        },
    )


@require_safe
@rechtenwijzigingen_vereist
def detail(request, uuid):
    """The confirmation step: what the person gets, who proposed it, and the two decisions."""
    return _detail_tonen(request, _ophalen(request, uuid))


def _weigering_loggen(request, wijziging, tekst: str) -> None:
    wijziging_vastleggen(request, object_soort="rechtenwijziging", obj=wijziging, geweigerd=True, reden=tekst)


@require_POST
@rechtenwijzigingen_vereist
def bevestigen(request, uuid):
    wijziging = _ophalen(request, uuid)
    try:
        wijziging = services.rechtenwijziging_bevestigen(door=request.user, wijziging=wijziging)
    except PermissionDenied:
        _weigering_loggen(request, wijziging, f"bevestigen geweigerd: {_beschrijving(wijziging)}")
        raise
    except ValidationError as fout:
        _weigering_loggen(request, wijziging, f"bevestigen niet gelukt: {_beschrijving(wijziging)}")
        messages.error(request, " ".join(fout.messages))
        return redirect("beheer:rechtenwijziging", uuid=wijziging.uuid)
    wijziging_vastleggen(
        request,
        object_soort="rechtenwijziging",
        obj=wijziging,
        reden=f"bevestigd: {_beschrijving(wijziging)}",
    )
    messages.success(
        request,
        _("Bevestigd: %(wie)s heeft nu de rol %(rol)s.")
        % {"wie": wijziging.medewerker, "rol": wijziging.get_rol_display().lower()},
    )
    return redirect("beheer:rechtenwijzigingen")


@require_POST
@rechtenwijzigingen_vereist
def weigeren(request, uuid):
    wijziging = _ophalen(request, uuid)
    form = RechtenwijzigingWeigerenForm(request.POST)
    try:
        if not beheerrechten.mag_rechtenwijziging_beoordelen(request.user, wijziging):
            raise PermissionDenied(_("U mag deze rechtenwijziging niet beoordelen."))
        if not form.is_valid():
            _weigering_loggen(request, wijziging, f"weigeren zonder reden: {_beschrijving(wijziging)}")
            return _detail_tonen(request, wijziging, form)
        wijziging = services.rechtenwijziging_weigeren(
            door=request.user, wijziging=wijziging, reden=form.cleaned_data["reden"]
        )
    except PermissionDenied:
        _weigering_loggen(request, wijziging, f"weigeren geweigerd: {_beschrijving(wijziging)}")
        raise
    except ValidationError as fout:
        _weigering_loggen(request, wijziging, f"weigeren niet gelukt: {_beschrijving(wijziging)}")
        if hasattr(fout, "error_dict"):
            fout_naar_form(form, fout)
            return _detail_tonen(request, wijziging, form)
        messages.error(request, " ".join(fout.messages))
        return redirect("beheer:rechtenwijziging", uuid=wijziging.uuid)
    wijziging_vastleggen(
        request,
        object_soort="rechtenwijziging",
        obj=wijziging,
        reden=f"geweigerd: {_beschrijving(wijziging)}; reden: {wijziging.reden}",
    )
    messages.success(
        request, _("Geweigerd: %(wie)s krijgt deze rechten niet.") % {"wie": wijziging.medewerker}
    )
    return redirect("beheer:rechtenwijzigingen")
