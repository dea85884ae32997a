"""AVG inzageverzoek (art. 15): all data of one inwoner, and nothing of anyone else.

Third parties' details (a melder's name and phone number, other members of the household)
are left out: they are someone else's personal data. Staff names stay: the inwoner has a right
to know who processed their data, as the access log shows.
"""

from __future__ import annotations

from django.utils import timezone

from arrangementen.models import Arrangement
from casussen.models import Casus
from meldingen.models import Melding
from skt.models import INWONER_GEGEVENS, Inwoner, Toegang

from .models import Samenvoeging


def _waarden(obj, velden: list[str]) -> dict:
    uit = {}
    for veld in velden:
        waarde = getattr(obj, veld)
        display = getattr(obj, f"get_{veld}_display", None)
        uit[veld] = display() if callable(display) and waarde not in (None, "") else waarde
        if hasattr(waarde, "pk"):
            uit[veld] = str(waarde)
    return uit


def inzage_gegevens(inwoner: Inwoner) -> dict:
    meldingen = []
    # Veilig Thuis signals are left out: they can expose the reporter, and inzage in them is
    # limited by UAVG art. 41; the loket handles such a request separately.
    for m in (
        Melding.objects.filter(inwoner=inwoner, veilig_thuis=False)
        .select_related("team")
        .prefetch_related("leefgebieden", "triages__team", "triages__door", "statusregels__door")
    ):
        gegevens = _waarden(
            m,
            [
                "aanmeldingsdatum",
                "ingang",
                "melder_soort",
                "vraag",
                "notitie",
                "status",
                "triage_uitkomst",
                "team",
                "eerste_contact_op",
                "uitstroom",
                "afgesloten_op",
            ],
        )
        gegevens["nummer"] = m.nummer
        gegevens["leefgebieden"] = [lg.label for lg in m.leefgebieden.all()]
        gegevens["triages"] = [
            _waarden(t, ["op", "uitkomst", "team", "reden", "jeugd_motivatie", "door"])
            for t in m.triages.all()
        ]
        meldingen.append(gegevens)

    casussen = []
    for c in (
        Casus.objects.filter(inwoner=inwoner)
        .select_related("team", "casushouder", "vrijwilliger")
        .prefetch_related("contactmomenten", "zrm_scores__leefgebied")
    ):
        gegevens = _waarden(
            c,
            [
                "team",
                "casushouder",
                "vrijwilliger",
                "doel",
                "status",
                "startdatum",
                "afsluitreden",
                "resultaat",
                "cijfer",
                "afgesloten_op",
            ],
        )
        gegevens["contactmomenten"] = [
            _waarden(cm, ["datum", "soort", "duur_minuten", "verslag"]) for cm in c.contactmomenten.all()
        ]
        gegevens["zrm"] = [
            {
                "datum": z.datum,
                "moment": z.get_moment_display(),
                "leefgebied": z.leefgebied.label,
                "score": z.score,
            }
            for z in c.zrm_scores.all()
        ]
        casussen.append(gegevens)

    arrangementen = []
    for a in (
        Arrangement.objects.filter(inwoner=inwoner)
        .select_related("team", "opgesteld_door", "behandelaar")
        .prefetch_related(
            "onderdelen__categorie",
            "onderdelen__voorziening",
            "onderdelen__beoordeling",
            "interne_notities__door",
        )
    ):
        gegevens = _waarden(
            a,
            [
                "wet",
                "route",
                "status",
                "opgesteld_door",
                "team",
                "behandelaar",
                "feitelijke_beschrijving",
                "wensen_inwoner",
                "advies_kernteamlid",
                "doel",
                "aard_en_ernst",
                "duur",
                "beoogd_resultaat",
                "meldingsdatum",
                "aanvraagdatum",
                "besloten_op",
                "besluit_toelichting",
            ],
        )
        onderdelen = []
        for o in a.onderdelen.all():
            regel = _waarden(
                o, ["soort", "omschrijving", "categorie", "voorziening", "omvang", "frequentie", "duur"]
            )
            beoordeling = getattr(o, "beoordeling", None)
            if beoordeling is not None:
                regel["besluit"] = _waarden(
                    beoordeling, ["toegekend", "reden", "beschikkingsnummer", "beschikkingsdatum"]
                )
            onderdelen.append(regel)
        gegevens["onderdelen"] = onderdelen
        gegevens["notities_consulent"] = [
            _waarden(n, ["op", "door", "tekst"]) for n in a.interne_notities.all()
        ]
        arrangementen.append(gegevens)

    # The access log keeps the number a row was written with: a merged-away registration's rows are
    # the inwoner's too.
    samenvoegingen = _samenvoegingen(inwoner)
    logregels = Toegang.objects.over_inwoner(inwoner)
    for s in samenvoegingen:
        logregels = logregels | Toegang.objects.over_inwoner(s.vervallen)
    toegang = [
        _waarden(t, ["tijdstip", "medewerker", "actie", "resultaat", "reden"])
        for t in logregels.select_related("medewerker").order_by("tijdstip")
    ]
    return {
        "gemaakt_op": timezone.now(),
        "inwoner": _waarden(
            inwoner,
            list(INWONER_GEGEVENS),
        ),
        "meldingen": meldingen,
        "casussen": casussen,
        "arrangementen": arrangementen,
        "samengevoegde_registraties": [
            {
                "samengevoegd_op": s.op,
                "door": str(s.door),
                "registratie": _waarden(
                    s.vervallen,
                    [veld for veld in INWONER_GEGEVENS if veld != "bsn"],
                ),
                "verplaatst": s.verplaatst.get("records", {}),
            }
            for s in samenvoegingen
        ],
        "toegangslog": toegang,
    }


def _samenvoegingen(inwoner: Inwoner) -> list[Samenvoeging]:
    """Every registration that went into this one, also through an earlier merge of a merged record."""
    gevonden: list[Samenvoeging] = []
    te_doen = [inwoner.pk]
    while te_doen:
        rijen = list(
            Samenvoeging.objects.filter(overlevende_id__in=te_doen).select_related("vervallen__kern", "door")
        )
        gevonden += rijen
        te_doen = [s.vervallen_id for s in rijen]
    return gevonden


def inzage_pdf(gegevens: dict) -> bytes:
    from django.template.loader import render_to_string
    from weasyprint import HTML

    html = render_to_string("skt/inzage_pdf.html", {"g": gegevens})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
