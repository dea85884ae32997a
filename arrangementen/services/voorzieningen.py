"""After the decision: tell whoever handed over that a granted voorziening ends soon (the ISam gap).

Run daily by Celery beat (arrangementen/tasks.py). Idempotent without a column of its own: the
message links to the voorziening's own anchor on the plan's page, and a message with that link
to that arrangement means the voorziening was announced already.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from arrangementen import rechten as arrangement_rechten
from skt.models import Rol

from ..models import Beoordeling, Notificatie, OnderdeelSoort, Route
from .basis import _datum, _nu
from .berichten import _ontvangers

# The "ending within 4 weeks".
EINDE_BINNEN_DAGEN = 28


def einde_link(beoordeling: Beoordeling) -> str:
    """The plan's page at the voorziening: unique per voorziening, so also the mark that it was sent."""
    arrangement = beoordeling.onderdeel.arrangement
    detail = reverse("arrangementen:detail", kwargs={"uuid": arrangement.uuid})
    return f"{detail}#voorziening-{beoordeling.onderdeel.uuid}"


def _bijna_afgelopen(vandaag: date):
    return (
        Beoordeling.objects.filter(
            toegekend=True,
            onderdeel__soort=OnderdeelSoort.MAATWERKVOORZIENING,
            einddatum__gte=vandaag,
            einddatum__lte=vandaag + timedelta(days=EINDE_BINNEN_DAGEN),
            beeindigd_op__isnull=True,
            onderdeel__arrangement__beeindigd_op__isnull=True,
        )
        .select_related(
            "onderdeel__categorie",
            "onderdeel__arrangement__inwoner__huishouden__regisseur",
            "onderdeel__arrangement__opgesteld_door",
            "onderdeel__arrangement__team",
            "zorgaanbieder",
        )
        .order_by("einddatum", "pk")
    )


def _overdragers(arrangement) -> list:
    """On the regular route: whoever handed over and their team's beroepskrachten, if they read the plan."""
    if arrangement.route != Route.REGULIER:
        return []
    mensen = []
    for aanvraag in arrangement.aanvragen.filter(veilig_thuis=False).select_related(
        "overgedragen_door", "overgedragen_team", "casus__team", "melding__team"
    ):
        mensen.append(aanvraag.overgedragen_door)
        for team in {aanvraag.overgedragen_team, aanvraag.casus and aanvraag.casus.team} - {None}:
            mensen.extend(team.leden.filter(is_active=True, rol=Rol.BEROEPSKRACHT))
        if aanvraag.melding_id and aanvraag.melding.team_id:
            mensen.extend(aanvraag.melding.team.leden.filter(is_active=True, rol=Rol.BEROEPSKRACHT))
    leesbaar = [
        m
        for m in mensen
        if m.is_active
        and arrangement_rechten.arrangementen_volledig_leesbaar_voor(m).filter(pk=arrangement.pk).exists()
    ]
    return leesbaar


def _regisseur(beoordeling: Beoordeling):
    """The household's regisseur, when they may read this plan in full: a message never says more."""
    arrangement = beoordeling.onderdeel.arrangement
    huishouden = arrangement.inwoner.huishouden
    regisseur = huishouden.regisseur if huishouden else None
    if regisseur is None or not regisseur.is_active:
        return None
    if (
        not arrangement_rechten.arrangementen_volledig_leesbaar_voor(regisseur)
        .filter(pk=arrangement.pk)
        .exists()
    ):
        return None
    return regisseur


@transaction.atomic
def voorzieningen_einde_melden(*, nu: datetime | None = None) -> int:
    """A bericht to the drafter's team, on the regular route the team that handed over, and the
    regisseur, per voorziening ending within 4 weeks; only to people who may read the plan.

    Returns the number of voorzieningen announced now; a second run the same day announces none.
    """
    nu = _nu(nu)
    vandaag = _datum(nu)
    kandidaten = list(_bijna_afgelopen(vandaag))
    if not kandidaten:
        return 0
    links = {b.pk: einde_link(b) for b in kandidaten}
    al_gemeld = set(
        Notificatie.objects.filter(
            arrangement_id__in={b.onderdeel.arrangement_id for b in kandidaten}, link__in=links.values()
        ).values_list("link", flat=True)
    )
    aantal = 0
    for beoordeling in kandidaten:
        link = links[beoordeling.pk]
        if link in al_gemeld:
            continue
        arrangement = beoordeling.onderdeel.arrangement
        ontvangers = {m.pk: m for m in [*_ontvangers(arrangement), *_overdragers(arrangement)]}
        if (regisseur := _regisseur(beoordeling)) is not None:
            ontvangers.setdefault(regisseur.pk, regisseur)
        categorie = beoordeling.onderdeel.categorie
        wat = f"{categorie.code} {categorie.label}" if categorie else _("maatwerkvoorziening")
        tekst = _(
            "%(nummer)s (%(inwoner)s): de voorziening %(wat)s loopt af op %(einde)s. Evalueer met de "
            "inwoner of er iets moet volgen."
        ) % {
            "nummer": arrangement.nummer,
            "inwoner": arrangement.inwoner.naam,
            "wat": wat,
            "einde": f"{beoordeling.einddatum:%d-%m-%Y}",
        }
        for ontvanger in ontvangers.values():
            Notificatie.objects.create(
                medewerker=ontvanger, arrangement=arrangement, tekst=tekst[:500], link=link, aangemaakt_op=nu
            )
        aantal += 1
    return aantal
