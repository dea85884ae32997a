"""The coordinator's reassignment: the open work of the people of their teams, handed to a colleague.

Each app lists and moves its own kind of work (skt.registers.werkvoorraadbronnen: the rights move in
its rechten.py, under its row lock). The bericht to the new holder is sent here, in the same
transaction: the message model lives in arrangementen, which casussen and the kernel may not import,
and only this top layer sees every kind of work.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from arrangementen.models import Aanvraag, Arrangement, Notificatie
from skt import rechten, registers
from skt.models import Medewerker, Toegang
from skt.registers import Werkitem
from skt.toegang import client_ip
from skt.vertrek import herverdeling_controleren


def open_werk(medewerker_ids: Iterable[int]) -> dict[int, list[tuple[registers.Werkvoorraadbron, Werkitem]]]:
    """Per medewerker, every open item with its kind: a fixed number of queries (one or two per kind)."""
    ids = list(medewerker_ids)
    per_medewerker: dict[int, list] = defaultdict(list)
    if not ids:
        return per_medewerker
    for bron in registers.werkvoorraadbronnen():
        for item in bron.open_werk(ids):
            per_medewerker[item.medewerker_id].append((bron, item))
    return per_medewerker


def werkblok(user) -> list[dict]:
    """The coordinator's 'Mijn werk': work still on the name of someone deactivated in their teams."""
    if not rechten.mag_werk_herverdelen(user):
        return []
    vertrokken = (
        rechten.medewerkers_te_herverdelen_voor(user).filter(is_active=False).values_list("pk", flat=True)
    )
    aantal = sum(len(items) for items in open_werk(vertrokken).values())
    url = reverse("herverdelen")
    return [
        {
            "template": "skt/_werkblok.html",
            "titel": _("Vertrek en herverdelen"),
            "regels": [
                registers.werkblok_regel(
                    _("Open werk van gedeactiveerde medewerkers"), aantal, url, nadruk=True
                )
            ],
            "actie": (_("Werk herverdelen"), url),
        }
    ]


def bron_voor(soort: str) -> registers.Werkvoorraadbron:
    for bron in registers.werkvoorraadbronnen():
        if bron.soort == soort:
            return bron
    raise ValidationError(_("Onbekende soort werk; er is niets veranderd."))


def _bericht(*, item: Werkitem, bron: registers.Werkvoorraadbron, door: Medewerker, van, naar, reden: str):
    tekst = _("%(wie)s gaf u werk van %(van)s: %(wat)s (%(soort)s). Reden: %(reden)s") % {
        "wie": door,
        "van": van,
        "wat": item.omschrijving,
        "soort": bron.label.lower(),
        "reden": reden,
    }
    Notificatie.objects.create(
        medewerker=naar,
        arrangement=Arrangement.objects.filter(uuid=item.uuid).first()
        if bron.soort in ("opsteller", "behandelaar")
        else None,
        aanvraag=Aanvraag.objects.filter(uuid=item.uuid).first() if bron.soort == "aanvraag" else None,
        tekst=tekst[:500],
        link=item.link,
    )


def _vastleggen(*, item: Werkitem, door, van, naar, reden: str, request) -> None:
    Toegang.objects.create(
        medewerker=door,
        actie=Toegang.Actie.WIJZIGEN,
        resultaat=Toegang.Resultaat.TOEGESTAAN,
        object_soort=item.soort[:60],
        object_id=str(item.uuid)[:64],
        inwoner_id=item.inwoner_id,
        pad=request.get_full_path()[:300] if request is not None else "",
        ip_adres=client_ip(request) if request is not None else None,
        reden=(
            _("herverdeeld van %(van)s naar %(naar)s: %(reden)s") % {"van": van, "naar": naar, "reden": reden}
        )[:500],
    )


@transaction.atomic
def werk_herverdelen(
    *, door: Medewerker, soort: str, uuid, van: Medewerker, naar: Medewerker | None, reden: str, request=None
) -> Werkitem:
    """One item to a colleague: the app's service moves it and its rights, the new holder gets a bericht,
    the access log records it. A refusal changes nothing."""
    bron = bron_voor(soort)
    item = bron.herverdelen(door=door, uuid=uuid, van=van, naar=naar, reden=reden)
    reden = reden.strip()
    _bericht(item=item, bron=bron, door=door, van=van, naar=naar, reden=reden)
    _vastleggen(item=item, door=door, van=van, naar=naar, reden=reden, request=request)
    return item


@transaction.atomic
def werk_alles_herverdelen(
    *, door: Medewerker, van: Medewerker, naar: Medewerker | None, reden: str, request=None
) -> list[Werkitem]:
    """All open work of one person to one colleague, or nothing: an item the colleague cannot take (the
    wrong team, role or law) refuses the whole, naming every such item."""
    herverdeling_controleren(door=door, van=van, naar=naar, reden=reden)
    items = open_werk([van.pk]).get(van.pk, [])
    if not items:
        raise ValidationError(_("%(wie)s heeft geen open werk; er is niets veranderd.") % {"wie": van})
    gedaan, fouten = [], []
    for bron, item in items:
        try:
            gedaan.append(
                werk_herverdelen(
                    door=door,
                    soort=bron.soort,
                    uuid=item.uuid,
                    van=van,
                    naar=naar,
                    reden=reden,
                    request=request,
                )
            )
        except ValidationError as fout:
            fouten += [f"{item.omschrijving}: {bericht}" for bericht in fout.messages]
    if fouten:
        raise ValidationError({"naar": fouten})
    return gedaan


@transaction.atomic
def werk_selectie_herverdelen(
    *, door: Medewerker, van: Medewerker, naar: Medewerker | None, reden: str, keuzes: list[str], request=None
) -> list[Werkitem]:
    """The chosen items ('soort:uuid') to one colleague, all or none."""
    if not keuzes:
        raise ValidationError(
            {"werk": [_("Kies het werk dat u wilt herverdelen, of kies 'Al het werk herverdelen'.")]}
        )
    gedaan = []
    for keuze in keuzes:
        soort, _dubbelepunt, item_uuid = keuze.partition(":")
        gedaan.append(
            werk_herverdelen(
                door=door, soort=soort, uuid=item_uuid, van=van, naar=naar, reden=reden, request=request
            )
        )
    return gedaan
