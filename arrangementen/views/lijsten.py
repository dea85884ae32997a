"""Lists: the consulent's queue, the overview, overdue terms and an inwoner's plans; all paginated."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from arrangementen import rechten as arrangement_rechten
from skt import rechten
from skt.models import Rol
from skt.paginering import keyset_pagina
from skt.toegang import lijst_vastleggen

from .. import selectors, termijnen
from ..workflow import ArrangementStatus
from .basis import (
    PER_PAGINA,
)

OVERZICHT_ROLLEN = arrangement_rechten.ARRANGEMENT_ROLLEN


def _pagina(request, qs, *, ook_getoond=()):
    """One page of plans, logged with every inwoner it shows (``ook_getoond``: elsewhere on the page)."""
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    pagina.object_list = selectors.met_termijnstand(pagina.object_list)
    lijst_vastleggen(
        request, object_soort="arrangement", inwoners=[*(a.inwoner_id for a in pagina), *ook_getoond]
    )
    return pagina


@rechten.vereist_rol(*rechten.CONSULENT_ROLLEN)
def wachtrij(request):
    """'Wacht op beoordeling': submitted plans of the consulent's law, nearest deadline first."""
    pagina = _pagina(request, selectors.wachtrij(request.user))
    return render(request, "arrangementen/wachtrij.html", {"pagina": pagina})


STATUSFILTERS = [
    ("", gettext_lazy("Alle")),
    ("open", gettext_lazy("Nog niet besloten")),
    *ArrangementStatus.choices,
]


@rechten.vereist_rol(*OVERZICHT_ROLLEN)
def overzicht(request):
    status = request.GET.get("status", "")
    if status not in dict(STATUSFILTERS):
        status = ""
    # The form for a new plan lists the team's casussen by inwoner name.
    casussen = selectors.casussen_voor_opstellen(request.user)
    # A decade of plans: a keyset page of the plain rows first, the counts and sums for that page only.
    pagina = keyset_pagina(
        selectors.overzicht(request.user, status=status, kengetallen=False),
        request,
        sleutel=("-aangemaakt_op", "-pk"),
        per_pagina=PER_PAGINA,
    )
    pagina.object_list = selectors.met_termijnstand(selectors.met_kengetallen_voor(pagina.object_list))
    lijst_vastleggen(
        request,
        object_soort="arrangement",
        inwoners=[*(a.inwoner_id for a in pagina), *(c.inwoner.pk for c in casussen)],
    )
    return render(
        request,
        "arrangementen/overzicht.html",
        {
            "pagina": pagina,
            "statusfilters": STATUSFILTERS,
            "gekozen_status": status,
            "casussen": casussen,
        },
    )


@rechten.vereist_rol(Rol.COORDINATOR, *rechten.CONSULENT_ROLLEN, Rol.BEROEPSKRACHT)
def termijnen_overzicht(request):
    """Plans past a legal term: the consulent's law at the loket, or everything of the coordinator's teams."""
    pagina = _pagina(request, selectors.te_laat(request.user))
    return render(
        request,
        "arrangementen/termijnen.html",
        {"pagina": pagina, "inst": termijnen.Termijninstellingen.uit_profiel()},
    )


def inwoner(request, uuid):
    """The inwoner's plans with the decision per onderdeel: what the kernteam sees after hand-over."""
    inwoner_toegang = rechten.get_inwoner_voor(request, uuid)
    if inwoner_toegang.niveau != rechten.Niveau.VOLLEDIG:
        raise PermissionDenied
    return render(
        request,
        "arrangementen/inwoner.html",
        {
            "inwoner": inwoner_toegang.inwoner,
            "arrangementen": selectors.voor_inwoner(request.user, inwoner_toegang.inwoner),
            "mag_opstellen": arrangement_rechten.mag_arrangement_opstellen(request.user),
        },
    )
