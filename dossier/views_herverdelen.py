"""The coordinator's reassignment pages: whose open work waits, and handing it to a colleague."""

from __future__ import annotations

import uuid as uuidlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from skt import rechten
from skt.forms import NLDSFormMixin, fout_naar_form
from skt.toegang import lijst_vastleggen, toegang_vastleggen
from skt.vertrek import medewerker_deactiveren

from . import herverdelen


class WerkKeuzes(forms.MultipleChoiceField):
    """Items as 'soort:uuid'. An item a colleague just moved is no longer offered, but the service
    must still say so ('al overgedragen'), so any well-formed value passes here."""

    def valid_value(self, value) -> bool:
        soort, _dubbelepunt, waarde = str(value).partition(":")
        try:
            uuidlib.UUID(waarde)
        except ValueError:
            return False
        return bool(soort)


class HerverdelenForm(NLDSFormMixin, forms.Form):
    werk = WerkKeuzes(
        label=gettext_lazy("Werk"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )
    naar = forms.ModelChoiceField(
        label=gettext_lazy("Naar collega"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("— kies een collega —"),
    )
    reden = forms.CharField(
        label=gettext_lazy("Reden"),
        widget=forms.Textarea,
        max_length=500,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld: uit dienst per 1 december; de collega neemt de inwoners over."),
    )

    def __init__(self, *args, items, collegas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werk"].choices = [
            (f"{bron.soort}:{item.uuid}", f"{bron.label}: {item.omschrijving}") for bron, item in items
        ]
        self.fields["naar"].queryset = collegas


class DeactiverenForm(NLDSFormMixin, forms.Form):
    reden = forms.CharField(
        label=gettext_lazy("Reden van deactiveren"),
        widget=forms.Textarea,
        max_length=400,
        required=False,
        help_text=gettext_lazy(
            "De medewerker is meteen uitgelogd en kan niet meer inloggen; niets wordt verwijderd."
        ),
    )


def _vereist_herverdelen(request) -> None:
    if not rechten.mag_werk_herverdelen(request.user):
        toegang_vastleggen(
            request, actie="lezen", geweigerd=True, reden="alleen de coördinator herverdeelt werk"
        )
        raise PermissionDenied


@require_http_methods(["GET"])
def overzicht(request):
    """Per person of the coordinator's teams the number of open items per kind; a deactivated person
    appears as long as work waits on their name."""
    _vereist_herverdelen(request)
    medewerkers = list(
        rechten.medewerkers_te_herverdelen_voor(request.user).order_by(
            "-is_active", "last_name", "first_name", "username"
        )
    )
    werk = herverdelen.open_werk(m.pk for m in medewerkers)
    rijen = []
    for medewerker in medewerkers:
        items = werk.get(medewerker.pk, [])
        if not medewerker.is_active and not items:
            continue
        per_soort: dict[str, int] = {}
        for bron, _item in items:
            per_soort[bron.label] = per_soort.get(bron.label, 0) + 1
        rijen.append({"medewerker": medewerker, "aantal": len(items), "per_soort": sorted(per_soort.items())})
    return render(request, "dossier/herverdelen.html", {"rijen": rijen})


def _pagina(request, medewerker, *, form=None, deactiveren_form=None, items=None, status=200):
    items = items if items is not None else herverdelen.open_werk([medewerker.pk]).get(medewerker.pk, [])
    collegas = (
        rechten.medewerkers_te_herverdelen_voor(request.user)
        .filter(is_active=True)
        .exclude(pk=medewerker.pk)
        .order_by("last_name", "first_name", "username")
    )
    form = form or HerverdelenForm(items=items, collegas=collegas)
    lijst_vastleggen(
        request,
        object_soort="herverdelen",
        inwoners=[item.inwoner_id for _bron, item in items if item.inwoner_id],
        reden=f"open werk van {medewerker.username}",
    )
    return render(
        request,
        "dossier/herverdelen_medewerker.html",
        {
            "medewerker": medewerker,
            "items": items,
            "form": form,
            "deactiveren_form": deactiveren_form or DeactiverenForm(prefix="deactiveren"),
            "mag_deactiveren": medewerker.is_active
            and rechten.ziet_deactiveren(request.user)
            and rechten.mag_medewerker_deactiveren(request.user, medewerker),
        },
        status=status,
    )


def _medewerker(request, uuid):
    _vereist_herverdelen(request)
    return rechten.ophalen_of_404(
        request, rechten.medewerkers_te_herverdelen_voor(request.user), uuid, "medewerker"
    )


@require_http_methods(["GET", "POST"])
def medewerker(request, uuid):
    """The open work of one person; POST hands the chosen items, or all ('alles'), to a colleague."""
    van = _medewerker(request, uuid)
    if request.method != "POST":
        return _pagina(request, van)
    items = herverdelen.open_werk([van.pk]).get(van.pk, [])
    collegas = rechten.medewerkers_te_herverdelen_voor(request.user).filter(is_active=True).exclude(pk=van.pk)
    form = HerverdelenForm(request.POST, items=items, collegas=collegas)
    alles = "alles" in request.POST
    if form.is_valid():
        naar, reden = form.cleaned_data["naar"], form.cleaned_data["reden"]
        try:
            if alles:
                gedaan = herverdelen.werk_alles_herverdelen(
                    door=request.user, van=van, naar=naar, reden=reden, request=request
                )
            else:
                gedaan = herverdelen.werk_selectie_herverdelen(
                    door=request.user,
                    van=van,
                    naar=naar,
                    reden=reden,
                    keuzes=form.cleaned_data["werk"],
                    request=request,
                )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("%(aantal)d stuk(ken) werk overgedragen aan %(naar)s; die kreeg een bericht.")
                % {"aantal": len(gedaan), "naar": naar},
            )
            return redirect("herverdelen_medewerker", uuid=van.uuid)
    return _pagina(request, van, form=form, items=items)


@require_POST
def deactiveren(request, uuid):
    van = _medewerker(request, uuid)
    form = DeactiverenForm(request.POST, prefix="deactiveren")
    if form.is_valid():
        try:
            medewerker_deactiveren(
                door=request.user, medewerker=van, reden=form.cleaned_data["reden"], request=request
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("%(wie)s is gedeactiveerd en uitgelogd. Verdeel hieronder het open werk.") % {"wie": van},
            )
            return redirect("herverdelen_medewerker", uuid=van.uuid)
    return _pagina(request, van, deactiveren_form=form)
