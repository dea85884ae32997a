"""The poort: recognise the inwoner first, register the question, triage it in one hand-off."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meldingen import rechten as melding_rechten
from meldingen import routering
from meldingen import services as melding_services
from meldingen.vocab import Ingang
from meldingen.workflow import WERKSTROOM, MeldingStatus
from skt import rechten, zoekopdracht
from skt.forms import fout_naar_form
from skt.limieten import zoeklimiet
from skt.models import Leefgebied, Toegang
from skt.toegang import lijst_vastleggen, toegang_vastleggen, zoekresultaat_vastleggen

from . import rechten as poort_rechten
from . import services
from .forms import KoppelverzoekAfhandelenForm, MeldingForm, NieuweInwonerForm, TriageForm, ZoekForm
from .models import Koppelverzoek
from .rechten import KOPPELVERZOEK_ROLLEN, POORT_ROLLEN


@rechten.vereist_rol(*POORT_ROLLEN)
def wachtrij(request):
    """Untriaged meldingen, oldest first, with filters."""
    qs = (
        melding_rechten.meldingen_zichtbaar_voor(request.user)
        .filter(status=MeldingStatus.NIEUW)
        .select_related("inwoner", "geregistreerd_door")
        .prefetch_related("leefgebieden")
        .order_by("aanmeldingsdatum", "geregistreerd_op")
    )
    ingang = request.GET.get("ingang", "")
    if ingang in Ingang.values:
        qs = qs.filter(ingang=ingang)
    leefgebied = request.GET.get("leefgebied", "")
    if leefgebied.isdigit():
        qs = qs.filter(leefgebieden__pk=int(leefgebied))
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    lijst_vastleggen(request, object_soort="melding", inwoners=[m.inwoner_id for m in pagina if m.inwoner_id])
    return render(
        request,
        "poort/wachtrij.html",
        {
            "pagina": pagina,
            "ingangen": Ingang.choices,
            "leefgebieden": Leefgebied.objects.filter(actief=True),
            "gekozen_ingang": ingang,
            "gekozen_leefgebied": leefgebied,
        },
    )


@rechten.vereist_rol(*POORT_ROLLEN)
@zoeklimiet("zoeken")
def zoeken(request):
    """POSTed and shown behind an opaque key (skt.zoekopdracht), so a BSN never lands in a URL."""
    if request.method == "POST":
        form = ZoekForm(request.POST)
        if form.is_valid():
            return zoekopdracht.doorsturen(request, "poort", form.fields, request.POST)
    else:
        form = ZoekForm(zoekopdracht.gegevens_voor(request, "poort", ZoekForm.base_fields))
    resultaten, trajecten, gezocht = [], {}, False
    if request.method == "GET" and form.is_bound and form.is_valid():
        gezocht = True
        resultaten = list(services.inwoners_zoeken(door=request.user, **form.cleaned_data))
        trajecten = melding_services.open_meldingen_van([i.pk for i in resultaten], voor=request.user)
        # The reason says how, never what: a BSN only as its last three digits.
        zoekresultaat_vastleggen(request, inwoners=resultaten, reden=form.logreden(len(resultaten)))
    for inwoner in resultaten:
        inwoner.open_trajecten = trajecten.get(inwoner.pk, [])
    nieuw_url = reverse("poort:inwoner_nieuw")
    if gezocht:
        # The fields travel to the registration form by the stored search's key, never in the URL.
        sleutel = request.GET.get(zoekopdracht.PARAMETER) or zoekopdracht.bewaren(
            request, "poort", {k: form.data[k] for k in form.fields if form.data.get(k)}
        )
        nieuw_url += f"?{zoekopdracht.PARAMETER}={sleutel}"
    return render(
        request,
        "poort/zoeken.html",
        {"form": form, "resultaten": resultaten, "gezocht": gezocht, "nieuw_url": nieuw_url},
    )


def inwoner_nieuw(request, daarna: str = "melding"):
    """A new inwoner, only after searching; a likely duplicate needs an explicit confirmation.

    From the poort the next step is the melding; elsewhere (``daarna="dossier"``) the inwoner's page.
    """
    if not rechten.mag_inwoner_registreren(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = NieuweInwonerForm(request.POST)
    else:
        # The search the user came from (by its opaque key): its fields start the form.
        gezocht = zoekopdracht.ophalen(request, "poort") or {}
        begin = {
            k: gezocht[k]
            for k in ("bsn", "achternaam", "geboortedatum", "postcode", "huisnummer")
            if gezocht.get(k)
        }
        form = NieuweInwonerForm(initial=begin)
    dubbelen = []
    if request.method == "POST" and form.is_valid():
        gegevens = {k: v for k, v in form.cleaned_data.items() if k != "dubbel_bevestigd"}
        try:
            # The confirmed duplicate is logged with the registration, in one transaction.
            with transaction.atomic():
                registratie = services.inwoner_registreren(
                    door=request.user,
                    gegevens=gegevens,
                    dubbel_bevestigd=form.cleaned_data["dubbel_bevestigd"],
                )
                if registratie.bevestigde_dubbelen:
                    _bevestigde_dubbelen_vastleggen(request, registratie)
        except services.NietGeregistreerd as fout:
            dubbelen = fout.kandidaten
            fout_naar_form(form, fout)
            if fout.bestaand is not None:
                _weigering_vastleggen(request, fout.bestaand, gegevens)
        else:
            inwoner = registratie.inwoner
            messages.success(request, _("Inwoner %(naam)s is geregistreerd.") % {"naam": inwoner.naam})
            if daarna == "melding" and melding_rechten.mag_melding_registreren(request.user):
                return redirect(f"{reverse('poort:melding_nieuw')}?inwoner={inwoner.uuid}")
            if rechten.inwoners_zichtbaar_voor(request.user).filter(pk=inwoner.pk).exists():
                return redirect("inwoner_detail", uuid=inwoner.uuid)
            return redirect("mijn_werk")
    getoond = dubbelen if poort_rechten.mag_dubbelen_zien(request.user) else []
    if getoond:
        lijst_vastleggen(
            request,
            object_soort="inwoner",
            inwoners=getoond,
            reden=f"mogelijke dubbele registratie: {len(getoond)} kandidaat/kandidaten getoond",
        )
    return render(
        request,
        "poort/inwoner_nieuw.html",
        {"form": form, "dubbelen": getoond, "dubbel_aantal": len(dubbelen)},
    )


def _weigering_vastleggen(request, bestaand, gegevens: dict) -> None:
    """The neutral answer hides who it is from the user, not from the access log; the poort gets a work
    item to help them further, in the same transaction as the logged refusal."""
    with transaction.atomic():
        toegang_vastleggen(
            request,
            actie=Toegang.Actie.WIJZIGEN,
            geweigerd=True,
            obj=bestaand,
            inwoner=bestaand,
            reden="registratie met het BSN van een inwoner buiten de betrokkenheid",
        )
        services.koppelverzoek_vastleggen(door=request.user, inwoner=bestaand, gegevens=gegevens)
    messages.info(
        request,
        _("De poort heeft uw verzoek gekregen en helpt u verder; de uitkomst ziet u op Mijn werk."),
    )


def _bevestigde_dubbelen_vastleggen(request, registratie: services.InwonerRegistratie) -> None:
    inwoner = registratie.inwoner
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.WIJZIGEN,
        obj=inwoner,
        inwoner=inwoner,
        reden=f"mogelijk dubbele inwoner bevestigd als andere persoon "
        f"({len(registratie.bevestigde_dubbelen)} kandidaat/kandidaten)",
    )


def _inwoner_uit_verzoek(request):
    sleutel = request.GET.get("inwoner") or request.POST.get("inwoner")
    if not sleutel:
        return None
    try:
        uuid.UUID(str(sleutel))
    except ValueError:
        raise Http404 from None
    inwoner = (
        rechten.inwoners_herkenbaar_voor(request.user).filter(uuid=sleutel).select_related("kern").first()
    )
    if inwoner is None:
        toegang_vastleggen(
            request, actie="lezen", geweigerd=True, object_soort="inwoner", object_id=str(sleutel)
        )
        raise Http404
    return inwoner


@rechten.vereist_rol(*POORT_ROLLEN)
def melding_nieuw(request):
    inwoner = _inwoner_uit_verzoek(request)
    anoniem = inwoner is None and (request.GET.get("anoniem") == "1" or request.POST.get("anoniem") == "1")
    if inwoner is None and not anoniem:
        messages.info(request, _("Zoek eerst of de inwoner al bekend is, of kies 'anonieme melding'."))
        return redirect("poort:zoeken")
    form = MeldingForm(request.POST or None, inwoner=inwoner, initial={"formulier_sleutel": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            melding, nieuw = melding_services.melding_registreren(
                door=request.user,
                inwoner=inwoner,
                anoniem=anoniem,
                aanmeldingsdatum=data["aanmeldingsdatum"],
                ingang=data["ingang"],
                melder_soort=data["melder_soort"],
                vraag=data["vraag"],
                leefgebieden=list(data["leefgebieden"]),
                melder_naam=data["melder_naam"],
                melder_bereikbaar=data["melder_bereikbaar"],
                melder_wil_terugkoppeling=data["melder_wil_terugkoppeling"],
                jeugd=data.get("jeugd"),
                notitie=data["notitie"],
                notitie_vertrouwelijk=data["notitie_vertrouwelijk"],
                formulier_sleutel=data["formulier_sleutel"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            if nieuw:
                messages.success(
                    request, _("Melding %(nr)s is geregistreerd. Triëer hem nu.") % {"nr": melding.nummer}
                )
            return redirect("poort:trieren", uuid=melding.uuid)
    trajecten = []
    if inwoner:
        trajecten = melding_services.open_meldingen_van([inwoner.pk], voor=request.user).get(inwoner.pk, [])
        toegang_vastleggen(
            request, actie=Toegang.Actie.LEZEN, obj=inwoner, inwoner=inwoner, reden="meldingformulier"
        )
    return render(
        request,
        "poort/melding_nieuw.html",
        {
            "form": form,
            "inwoner": inwoner,
            "anoniem": anoniem,
            "trajecten": trajecten,
        },
    )


@rechten.vereist_rol(*POORT_ROLLEN)
def trieren(request, uuid):
    melding = melding_rechten.get_melding_voor(request, uuid)
    if not WERKSTROOM.mag("trieren", melding.status):
        laatste = melding.triages.select_related("door", "team").order_by("-op").first()
        if laatste:
            messages.warning(
                request,
                _("Deze melding is al getriëerd door %(wie)s op %(wanneer)s.")
                % {"wie": laatste.door, "wanneer": laatste.op.strftime("%d-%m-%Y %H:%M")},
            )
        return redirect("mijn_werk")
    form = TriageForm(request.POST or None, melding=melding)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            triage = services.melding_trieren(
                door=request.user,
                melding=melding,
                uitkomst=data["uitkomst"],
                reden=data["reden"],
                team=data.get("team"),
                jeugd_motivatie=data.get("jeugd_motivatie", ""),
                uitstroom=data.get("uitstroom") or None,
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        except PermissionDenied:
            raise
        else:
            if triage.team:
                messages.success(
                    request,
                    _("Melding %(nr)s is doorgestuurd naar %(team)s.")
                    % {"nr": melding.nummer, "team": triage.team},
                )
            else:
                messages.success(
                    request, _("Melding %(nr)s is direct afgehandeld en afgesloten.") % {"nr": melding.nummer}
                )
            return redirect("poort:wachtrij")
    suggestie = routering.team_voor_kern(melding.inwoner.kern) if melding.inwoner_id else None
    trajecten = (
        melding_services.open_meldingen_van([melding.inwoner_id], voor=request.user).get(
            melding.inwoner_id, []
        )
        if melding.inwoner_id
        else []
    )
    return render(
        request,
        "poort/trieren.html",
        {
            "melding": melding,
            "form": form,
            "suggestie": suggestie,
            "trajecten": [t for t in trajecten if t.pk != melding.pk],
        },
    )


# -- koppelverzoeken ------------------------------------------------------------------------------

KOPPELVERZOEK_FILTERS = {
    "open": ("gevraagd_op", "pk"),
    "afgehandeld": ("-afgehandeld_op", "-pk"),
}


@rechten.vereist_rol(*KOPPELVERZOEK_ROLLEN)
def koppelverzoeken(request):
    """Who could not re-register a known inwoner and waits for the poort: open ones oldest first."""
    status = request.GET.get("status", "open")
    if status not in KOPPELVERZOEK_FILTERS:
        status = "open"
    qs = (
        poort_rechten.koppelverzoeken_zichtbaar_voor(request.user)
        .filter(status=status)
        .select_related("inwoner", "gevraagd_door", "afgehandeld_door")
        .prefetch_related("teams")
        .order_by(*KOPPELVERZOEK_FILTERS[status])
    )
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    lijst_vastleggen(
        request, object_soort="koppelverzoek", inwoners=[v.inwoner_id for v in pagina.object_list]
    )
    return render(
        request,
        "poort/koppelverzoeken.html",
        {"pagina": pagina, "status": status, "statussen": Koppelverzoek.Status.choices},
    )


def _koppelverzoek_tonen(request, verzoek: Koppelverzoek, form, *, status: int = 200):
    """The request with its inwoner at recognition level (the poort's): logged as a read of the inwoner."""
    inwoner = verzoek.inwoner
    toegang_vastleggen(request, actie=Toegang.Actie.LEZEN, obj=verzoek, inwoner=inwoner)
    trajecten = melding_services.open_meldingen_van([inwoner.pk], voor=request.user).get(inwoner.pk, [])
    return render(
        request,
        "poort/koppelverzoek.html",
        {
            "verzoek": verzoek,
            "inwoner": inwoner,
            "trajecten": trajecten,
            "form": form,
            "melding_url": f"{reverse('poort:melding_nieuw')}?inwoner={inwoner.uuid}",
        },
        status=status,
    )


def _koppelverzoek_ophalen(request, uuid) -> Koppelverzoek:
    qs = poort_rechten.koppelverzoeken_zichtbaar_voor(request.user).select_related(
        "inwoner__kern", "gevraagd_door", "afgehandeld_door", "melding"
    )
    return rechten.ophalen_of_404(request, qs, uuid, "koppelverzoek")


@rechten.vereist_rol(*KOPPELVERZOEK_ROLLEN)
def koppelverzoek(request, uuid):
    verzoek = _koppelverzoek_ophalen(request, uuid)
    form = KoppelverzoekAfhandelenForm() if verzoek.status == Koppelverzoek.Status.OPEN else None
    return _koppelverzoek_tonen(request, verzoek, form)


@rechten.vereist_rol(*KOPPELVERZOEK_ROLLEN)
@require_POST
def koppelverzoek_afhandelen(request, uuid):
    verzoek = _koppelverzoek_ophalen(request, uuid)
    form = KoppelverzoekAfhandelenForm(request.POST)
    if form.is_valid():
        try:
            services.koppelverzoek_afhandelen(
                door=request.user,
                verzoek=verzoek,
                uitkomst=form.cleaned_data["uitkomst"],
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("Het koppelverzoek is afgehandeld; de vrager ziet de uitkomst."))
            return redirect("poort:koppelverzoeken")
    verzoek.refresh_from_db()
    return _koppelverzoek_tonen(request, verzoek, form)
