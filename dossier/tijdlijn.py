"""One timeline per inwoner: everything about them, each item at the level the reader may see.

What a role may read is shown in full; what it may not read is shown as a milestone without
content where that helps the work (the kernteam keeps seeing what became of a hand-over: the
ISam gap); Veilig Thuis is left out entirely for everyone but the loket. The number of queries
is fixed: one per kind of record plus one visibility query per kind, whatever the item count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from arrangementen import rechten as arrangement_rechten
from casussen import rechten as casus_rechten
from meldingen import rechten as melding_rechten

from . import rechten
from .models import Inwoner, Rol

SOORTEN = {
    "melding": "Melding",
    "triage": "Triage",
    "casus": "Casus",
    "contactmoment": "Contactmoment",
    "zrm": "ZRM-meting",
    "arrangement": "Arrangement",
    "besluit": "Besluit",
    "signaal": "Signaal",
}


@dataclass
class Item:
    datum: date
    soort: str
    titel: str
    tekst: str = ""
    url: str = ""
    mijlpaal: bool = False
    regels: list[str] = field(default_factory=list)

    @property
    def soort_label(self) -> str:
        return SOORTEN.get(self.soort, self.soort)


def _dag(waarde) -> date:
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).date() if timezone.is_aware(waarde) else waarde.date()
    return waarde


def _url(naam: str, uuid) -> str:
    try:
        return reverse(naam, kwargs={"uuid": uuid})
    except NoReverseMatch:
        return ""


def _zichtbaar(qs, inwoner: Inwoner, alles: bool):
    """The pks the reader may read in full; with break-the-glass access everything of the inwoner."""
    if alles:
        return _Alles()
    return set(qs.filter(inwoner=inwoner).values_list("pk", flat=True))


class _Alles:
    def __contains__(self, item) -> bool:
        return True


def _meldingen(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    from meldingen.models import Melding
    from poort.models import Triage

    if alleen_eigen_casussen:
        return []
    zichtbaar = _zichtbaar(melding_rechten.meldingen_zichtbaar_voor(user), inwoner, alles)
    mag_vt = rechten.heeft_rol(user, *rechten.CONSULENT_ROLLEN)
    vertrouwelijk_ok = rechten.mag_vertrouwelijk_lezen(user)
    items: list[Item] = []
    meldingen = (
        Melding.objects.filter(inwoner=inwoner)
        .select_related("team")
        .prefetch_related(
            "leefgebieden", Prefetch("triages", queryset=Triage.objects.select_related("team", "door"))
        )
    )
    for m in meldingen:
        if m.veilig_thuis and not mag_vt:
            continue
        bij = m.team.naam if m.team_id else "de poort"
        if m.pk not in zichtbaar:
            items.append(
                Item(
                    m.aanmeldingsdatum,
                    "melding",
                    f"Melding bij {bij}",
                    mijlpaal=True,
                    tekst=f"Status: {m.get_status_display().lower()}"
                    + (f"; uitstroom: {m.get_uitstroom_display().lower()}" if m.uitstroom else ""),
                )
            )
            continue
        regels = [
            f"Ingang: {m.get_ingang_display()}; melder: {m.get_melder_soort_display()}",
            "Leefgebieden: " + (", ".join(lg.label for lg in m.leefgebieden.all()) or "onbekend"),
            f"Status: {m.get_status_display()}",
        ]
        if m.uitstroom:
            regels.append(f"Uitstroom: {m.get_uitstroom_display()}")
        if m.notitie and (vertrouwelijk_ok or not m.notitie_vertrouwelijk):
            regels.append(f"Notitie: {m.notitie}")
        items.append(
            Item(
                m.aanmeldingsdatum,
                "melding",
                f"Melding {m.nummer} ({bij})",
                tekst=m.vraag,
                url=_url("meldingen:detail", m.uuid),
                regels=regels,
            )
        )
        for t in m.triages.all():
            titel = f"Triage: {t.get_uitkomst_display()}" + (
                " (doorschakeling)" if t.is_doorschakeling else ""
            )
            items.append(
                Item(
                    _dag(t.op),
                    "triage",
                    titel,
                    tekst=t.reden,
                    regels=[f"Door {t.door} naar {t.team or 'geen team'}"]
                    + ([f"Jeugd: {t.jeugd_motivatie}"] if t.jeugd_motivatie else []),
                )
            )
    return items


def _casussen(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    from casussen.models import Casus, Contactmoment, ZrmScore

    zichtbaar = _zichtbaar(casus_rechten.casussen_zichtbaar_voor(user), inwoner, alles)
    vertrouwelijk_ok = rechten.mag_vertrouwelijk_lezen(user)
    casussen = (
        Casus.objects.filter(inwoner=inwoner)
        .select_related("team", "casushouder")
        .prefetch_related(
            Prefetch("contactmomenten", queryset=Contactmoment.objects.order_by("datum")),
            Prefetch("zrm_scores", queryset=ZrmScore.objects.select_related("leefgebied").order_by("datum")),
        )
    )
    items: list[Item] = []
    for c in casussen:
        begin = c.startdatum or _dag(c.aangemaakt_op)
        if c.pk not in zichtbaar:
            if alleen_eigen_casussen:
                continue
            tekst = f"Casushouder {c.casushouder}; status: {c.get_status_display().lower()}"
            if c.afgesloten_op:
                tekst += f"; afgesloten op {c.afgesloten_op:%d-%m-%Y}"
            items.append(
                Item(
                    begin, "casus", f"Kortdurende ondersteuning bij {c.team.naam}", tekst=tekst, mijlpaal=True
                )
            )
            continue
        regels = [f"Casushouder: {c.casushouder}", f"Status: {c.get_status_display()}"]
        if c.afgesloten_op:
            regels.append(f"Afgesloten op {c.afgesloten_op:%d-%m-%Y}: {c.get_afsluitreden_display()}")
        items.append(
            Item(
                begin,
                "casus",
                f"Casus bij {c.team.naam}",
                tekst=c.doel,
                url=_url("casussen:detail", c.uuid),
                regels=regels,
            )
        )
        for cm in c.contactmomenten.all():
            verslag = cm.verslag if (vertrouwelijk_ok or not cm.vertrouwelijk) else "(vertrouwelijk verslag)"
            titel = cm.get_soort_display() + (" — vinger aan de pols" if cm.is_vinger_aan_de_pols else "")
            items.append(Item(cm.datum, "contactmoment", titel, tekst=verslag))
        if not vertrouwelijk_ok:
            # ZRM domains (addiction, justice, mental health) are not for the volunteer, as on the casus page.
            continue
        per_moment: dict[tuple, list[str]] = {}
        for z in c.zrm_scores.all():
            if z.score is not None:
                per_moment.setdefault((z.datum, z.get_moment_display()), []).append(
                    f"{z.leefgebied.label}: {z.score}"
                )
        for (datum, moment), scores in per_moment.items():
            items.append(Item(datum, "zrm", f"ZRM {moment.lower()}", regels=scores))
    return items


def _arrangementen(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    from arrangementen.models import Arrangement, Onderdeel

    if alleen_eigen_casussen:
        return []
    zichtbaar = _zichtbaar(arrangement_rechten.arrangementen_zichtbaar_voor(user), inwoner, alles)
    arrangementen = (
        Arrangement.objects.filter(inwoner=inwoner)
        .exclude(status="concept")
        .select_related("team", "behandelaar")
        .prefetch_related(
            Prefetch(
                "onderdelen",
                queryset=Onderdeel.objects.select_related("categorie", "voorziening", "beoordeling"),
            )
        )
    )
    items: list[Item] = []
    for a in arrangementen:
        wet = a.get_wet_display()
        datum = _dag(a.besloten_op or a.ingediend_op or a.aangemaakt_op)
        besluit = a.get_status_display().lower()
        if a.besloten_op:
            besluit += f" op {_dag(a.besloten_op):%d-%m-%Y}"
        consulent = f", consulent {a.behandelaar}" if a.behandelaar_id else ""
        if a.pk not in zichtbaar:
            items.append(
                Item(
                    datum,
                    "arrangement",
                    f"{wet}-arrangement bij het loket",
                    mijlpaal=True,
                    tekst=f"{besluit[:1].upper()}{besluit[1:]}{consulent}",
                )
            )
            continue
        regels = []
        for o in a.onderdelen.all():
            regel = o.get_soort_display()
            if o.categorie_id:
                regel += f": {o.categorie.code} {o.categorie.label}"
            elif o.voorziening_id:
                regel += f": {o.voorziening.naam}"
            beoordeling = getattr(o, "beoordeling", None)
            if beoordeling is not None:
                regel += " — " + ("toegekend" if beoordeling.toegekend else "niet toegekend")
                if beoordeling.beschikkingsnummer:
                    regel += f", beschikking {beoordeling.beschikkingsnummer}"
                if beoordeling.beschikkingsdatum:
                    regel += f" van {beoordeling.beschikkingsdatum:%d-%m-%Y}"
            regels.append(regel)
        items.append(
            Item(
                datum,
                "arrangement",
                f"{wet}-arrangement ({a.get_route_display().lower()})",
                tekst=f"Status: {besluit}{consulent}",
                url=_url("arrangementen:detail", a.uuid),
                regels=regels,
            )
        )
    return items


def _signalen(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    if alleen_eigen_casussen:
        return []
    signalen = melding_rechten.signalen_zichtbaar_voor(user).filter(meldingen__inwoner=inwoner).distinct()
    return [
        Item(
            _dag(s.geregistreerd_op),
            "signaal",
            f"Signaal: {s.titel}",
            tekst=s.get_status_display(),
            url=_url("meldingen:signaal_detail", s.uuid),
        )
        for s in signalen
    ]


BRONNEN = (_meldingen, _casussen, _arrangementen, _signalen)


def tijdlijn(inwoner: Inwoner, user, *, soort: str = "", van: date | None = None, tot: date | None = None):
    """The dossier's items, newest first, filtered by kind and period."""
    # A volunteer sees only the casussen they are on, never the rest of the dossier.
    alleen_eigen = user.rol == Rol.VRIJWILLIGER
    alles = rechten.actieve_noodtoegang(user, inwoner) is not None
    items = [item for bron in BRONNEN for item in bron(inwoner, user, alleen_eigen, alles)]
    if soort:
        items = [i for i in items if i.soort == soort]
    if van:
        items = [i for i in items if i.datum >= van]
    if tot:
        items = [i for i in items if i.datum <= tot]
    return sorted(items, key=lambda i: i.datum, reverse=True)


def betrokkenen(inwoners, user):
    """Who is involved with these inwoners (teams and people, since when), in one query."""
    from .models import Betrokkenheid

    per_inwoner: dict[int, list] = {}
    rijen = (
        Betrokkenheid.objects.filter(inwoner__in=inwoners)
        .select_related("team", "medewerker")
        .order_by("sinds")
    )
    if not rechten.heeft_rol(user, *rechten.CONSULENT_ROLLEN):
        rijen = rijen.exclude(soort=Betrokkenheid.Soort.VEILIG_THUIS)
    if user.rol == Rol.VRIJWILLIGER:
        # The volunteer sees only the casussen they are on: not that there are plans at the loket.
        rijen = rijen.filter(soort=Betrokkenheid.Soort.CASUS)
    for b in rijen:
        per_inwoner.setdefault(b.inwoner_id, []).append(b)
    return per_inwoner
