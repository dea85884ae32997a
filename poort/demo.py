"""Demo meldingen and signalen: about 150 meldingen over the last 18 months, in every state, for all teams.

Built through the services, acting as the demo users, so rights, status rows and triage decisions
are what real use would leave behind. Each service gets the moment the step would have happened
(``nu``): the status rows, the triage dates and the monitor then read as 18 months of work instead
of everything "today". The stories themselves (texts and the plan of each melding) are in
poort/demo_verhalen.py.

What is there: untriaged meldingen in the poort's queue; meldingen awaiting first contact (some
past the term, most for team Elst so the demo beroepskracht has a full queue); meldingen in
behandeling; closed ones with every uitstroom; every triage outcome, a jeugd melding the
kernteam took with a motivation, two doorgeschakelde, Veilig Thuis meldingen (loket only),
third-party melders wanting terugkoppeling (all informed but one); three signalen in different
states, one linked to a voorziening from the sociale kaart. Idempotent: once any melding exists,
nothing is added.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from meldingen import routering, services
from meldingen.models import Melding, Signaal
from meldingen.vocab import ContactWijze, Ingang, MelderSoort, TriageUitkomst
from skt.models import Inwoner, Leefgebied, Medewerker, Organisatie, Team, Voorziening

from . import services as poort_services
from .demo_verhalen import (
    DERDEN,
    JEUGD_MOTIVATIE,
    JEUGDVRAGEN,
    REDENEN,
    VRAGEN,
    Verloop,
    toelichting,
    verhaal_van,
    verlopen,
)

DEMO_GEBRUIKERS = ("poort", "beroepskracht", "beroepskracht2", "consulent", "coordinator")


def _om(datum: date, uur: int, minuut: int = 0) -> datetime:
    """The moment of a demo step on ``datum``, never later than the real now."""
    return min(timezone.make_aware(datetime.combine(datum, time(min(uur, 23), minuut))), timezone.now())


class _Demo:
    def __init__(self, rng: random.Random, gebruikers: dict[str, Medewerker], loket: Team):
        self.rng = rng
        self.gebruikers = gebruikers
        self.loket = loket
        self.vandaag = timezone.localdate()
        self.leefgebieden = {lg.code: lg for lg in Leefgebied.objects.filter(actief=True)}
        self.inwoners: dict[int | None, list[Inwoner]] = {}
        self.team_van: dict[int, set[int]] = {
            m.pk: set(m.teams.values_list("pk", flat=True)) for m in gebruikers.values()
        }

    # -- choices ------------------------------------------------------------------------------

    def inwoner(self, team: Team | None, *, jeugd: bool, op: date) -> Inwoner | None:
        sleutel = team.pk if team else None
        if sleutel not in self.inwoners:
            qs = Inwoner.objects.filter(email__endswith="@demo.skt.invalid")
            kernen = list(team.kernen.all()) if team else []
            if kernen:
                qs = qs.filter(kern__in=kernen)
            self.inwoners[sleutel] = list(qs.order_by("pk"))
        kandidaten = [i for i in self.inwoners[sleutel] if bool(i.is_jeugd_op(op)) is jeugd]
        return self.rng.choice(kandidaten) if kandidaten else None

    def behandelaar(self, team: Team | None) -> Medewerker:
        """The demo user who works on a melding of this team: its beroepskracht, the loket's consulent."""
        if team is not None:
            for naam in ("beroepskracht", "beroepskracht2", "consulent"):
                if team.pk in self.team_van[self.gebruikers[naam].pk]:
                    return self.gebruikers[naam]
        return self.gebruikers["coordinator"]

    def ingang(self, spreekuur: bool) -> str:
        if spreekuur:
            return self.rng.choice([Ingang.SPREEKUUR, Ingang.SPREEKUUR, Ingang.PERSOONLIJK])
        return self.rng.choices(
            [Ingang.TELEFOON, Ingang.EMAIL, Ingang.PERSOONLIJK, Ingang.LOKET, Ingang.WEBSITE, Ingang.OVERIG],
            weights=[45, 18, 12, 15, 6, 4],
        )[0]

    # -- one melding ---------------------------------------------------------------------------

    def melding(self, v: Verloop) -> Melding | None:
        rng = self.rng
        aanmelding = self.vandaag - timedelta(days=v.dagen)
        inwoner = None if v.anoniem else self.inwoner(v.team, jeugd=v.jeugd, op=aanmelding)
        if inwoner is None and not v.anoniem:
            return None
        vraag, codes = rng.choice(JEUGDVRAGEN if v.jeugd else VRAGEN)
        if v.derde or v.terugkoppeling:
            soort, naam, bereikbaar = rng.choice(DERDEN)
        else:
            soort = MelderSoort.ANONIEM if v.anoniem else MelderSoort.INWONER
            naam = bereikbaar = ""
        registrator = self.gebruikers["beroepskracht"] if v.spreekuur else self.gebruikers["poort"]
        uur = rng.randint(8, 14)
        moment = _om(aanmelding, uur, rng.randint(0, 59))
        melding, _ = services.melding_registreren(
            door=registrator,
            nu=moment,
            inwoner=inwoner,
            anoniem=v.anoniem,
            aanmeldingsdatum=aanmelding,
            ingang=self.ingang(v.spreekuur),
            melder_soort=soort,
            melder_naam=naam,
            melder_bereikbaar=bereikbaar,
            melder_wil_terugkoppeling=bool(v.terugkoppeling),
            vraag=vraag,
            leefgebieden=[self.leefgebieden[c] for c in codes if c in self.leefgebieden],
            notitie=(
                "Melder vraagt nadrukkelijk om discretie: de inwoner weet niet dat er is gebeld."
                if soort == MelderSoort.BUURTBEWONER
                else ""
            ),
            notitie_vertrouwelijk=soort == MelderSoort.BUURTBEWONER,
        )
        if v.uitkomst is None:
            return melding

        triage_dag = min(aanmelding + timedelta(days=rng.choice([0, 0, 0, 1])), self.vandaag)
        team = None if v.uitkomst == TriageUitkomst.DIRECT else v.team
        moment = _om(triage_dag, uur + 1 if triage_dag == aanmelding else 9, rng.randint(0, 59))
        reden = rng.choice(REDENEN[v.uitkomst])
        if v.uitkomst == TriageUitkomst.DIRECT:
            # Answered on the spot: with what fits the question.
            reden = verhaal_van(vraag).direct
        poort_services.melding_trieren(
            door=registrator,
            nu=moment,
            melding=melding,
            uitkomst=v.uitkomst,
            reden=reden,
            team=team if v.uitkomst in routering.KERNTEAM_UITKOMSTEN else None,
            jeugd_motivatie=JEUGD_MOTIVATIE
            if melding.jeugd and v.uitkomst in routering.KERNTEAM_UITKOMSTEN
            else "",
            uitstroom=v.uitstroom if v.uitkomst == TriageUitkomst.DIRECT else None,
        )
        melding.refresh_from_db()
        if v.uitkomst == TriageUitkomst.DIRECT:
            return melding

        if v.doorschakelen_naar is not None:
            dag = min(triage_dag + timedelta(days=1), self.vandaag)
            moment = _om(dag, 10, rng.randint(0, 59))
            poort_services.melding_doorschakelen(
                door=self.behandelaar(melding.team),
                nu=moment,
                melding=melding,
                uitkomst=v.doorschakel_uitkomst,
                reden=(
                    "Inwoner blijkt net verhuisd; het kernteam van de nieuwe kern neemt het over."
                    if v.doorschakel_uitkomst == TriageUitkomst.KERNTEAM
                    else "Na het eerste gesprek is duidelijk dat maatwerk nodig is; naar het loket."
                ),
                team=v.doorschakelen_naar if v.doorschakel_uitkomst == TriageUitkomst.KERNTEAM else None,
                jeugd_motivatie=JEUGD_MOTIVATIE
                if melding.jeugd and v.doorschakel_uitkomst in routering.KERNTEAM_UITKOMSTEN
                else "",
            )
            melding.refresh_from_db()

        behandelaar = self.behandelaar(melding.team)
        if v.contact_na is not None:
            dag = min(aanmelding + timedelta(days=v.contact_na), self.vandaag)
            moment = _om(dag, 15 if dag == triage_dag else rng.randint(9, 16), rng.randint(0, 59))
            services.melding_eerste_contact_vastleggen(
                door=behandelaar,
                nu=moment,
                melding=melding,
                datum=dag,
                wijze=rng.choice(
                    [
                        ContactWijze.TELEFOON,
                        ContactWijze.TELEFOON,
                        ContactWijze.HUISBEZOEK,
                        ContactWijze.EMAIL,
                    ]
                ),
            )
            melding.refresh_from_db()
        if v.sluiten_na is not None:
            dag = min(aanmelding + timedelta(days=v.sluiten_na), self.vandaag)
            moment = _om(dag, 17, rng.randint(0, 50))
            services.melding_afsluiten(
                door=behandelaar,
                nu=moment,
                melding=melding,
                uitstroom=v.uitstroom,
                datum=dag,
                toelichting=toelichting(v.uitstroom, vraag),
            )
            if v.terugkoppeling == "gedaan":
                dag = min(dag + timedelta(days=rng.randint(0, 2)), self.vandaag)
                moment = _om(dag, 17, 55)
                services.melding_terugkoppeling_vastleggen(door=behandelaar, melding=melding, nu=moment)
            melding.refresh_from_db()
        return melding

    # -- signalen -----------------------------------------------------------------------------

    def voorziening_uit_sociale_kaart(self) -> Voorziening:
        """The algemene voorziening a signaal led to: from the profile's sociale kaart when it has one."""
        kaart = Voorziening.objects.filter(actief=True, soort=Voorziening.Soort.ALGEMENE_VOORZIENING)
        gevonden = kaart.filter(naam__icontains="mantelzorg").first() or kaart.order_by("naam").first()
        if gevonden is not None:
            return gevonden
        organisatie, _ = Organisatie.objects.get_or_create(
            naam="Welzijnsorganisatie", defaults={"soort": Organisatie.Soort.WELZIJN}
        )
        return Voorziening.objects.create(
            naam="Meldpunt Mantelzorg",
            soort=Voorziening.Soort.ALGEMENE_VOORZIENING,
            organisatie=organisatie,
            omschrijving="Informatie, advies en ondersteuning voor mantelzorgers.",
        )

    def signalen(self, focus: Team, tweede: Team) -> None:
        bk, bk2 = self.gebruikers["beroepskracht"], self.gebruikers["beroepskracht2"]
        kern_focus = focus.kernen.order_by("naam").first()
        kern_tweede = tweede.kernen.order_by("naam").first()
        lg = self.leefgebieden.get

        def registreren(door, team, dagen, **gegevens) -> Signaal:
            moment = _om(self.vandaag - timedelta(days=dagen), 11)
            return services.signaal_registreren(door=door, team=team, nu=moment, **gegevens)

        def status(door, signaal, dagen, nieuwe, toelichting, voorziening=None) -> Signaal:
            moment = _om(self.vandaag - timedelta(days=dagen), 14)
            return services.signaal_status_wijzigen(
                door=door,
                nu=moment,
                signaal=signaal,
                status=nieuwe,
                toelichting=toelichting,
                voorziening=voorziening,
            )

        mantelzorg = registreren(
            bk,
            focus,
            160,
            titel="Mantelzorgers raken overbelast en weten niet waar ze terecht kunnen",
            omschrijving=(
                "Dit kwartaal vijf meldingen van mantelzorgers die pas bellen als ze zelf vastlopen. Niemand "
                "van hen kende een plek voor advies of een adempauze."
            ),
            kern=kern_focus,
            leefgebied=lg("huiselijke_relaties"),
        )
        status(
            bk,
            mantelzorg,
            130,
            Signaal.Status.IN_ONDERZOEK,
            "Besproken met de welzijnsorganisatie en de huisartsen.",
        )
        status(
            bk,
            mantelzorg,
            60,
            Signaal.Status.INITIATIEF_GESTART,
            "Meldpunt gestart met een wekelijks inloopspreekuur; huisartsen verwijzen er nu naar.",
            voorziening=self.voorziening_uit_sociale_kaart(),
        )
        schulden = registreren(
            bk2,
            tweede,
            45,
            titel="Wachtlijst voor schuldhulpmaatjes",
            omschrijving=(
                "Inwoners met beginnende schulden wachten twee tot drie maanden op een maatje; in die tijd "
                "lopen de schulden op. Het team ziet dit bij meerdere meldingen."
            ),
            kern=kern_tweede,
            leefgebied=lg("financien"),
        )
        status(bk2, schulden, 30, Signaal.Status.IN_ONDERZOEK, "Navraag bij de vrijwilligerscentrale.")
        registreren(
            bk,
            focus,
            9,
            titel="Geen vervoer naar de dagbesteding vanuit de buitengebieden",
            omschrijving=(
                "Ouderen uit de buitengebieden stoppen met de dagbesteding zodra ze niet meer zelf kunnen "
                "fietsen. De regiotaxi is voor hen te duur of te onzeker."
            ),
            kern=None,
            leefgebied=lg("maatschappelijke_participatie"),
        )


def _gebruikers() -> dict[str, Medewerker] | None:
    gebruikers = {
        m.username: m for m in Medewerker.objects.filter(username__in=DEMO_GEBRUIKERS, is_active=True)
    }
    return gebruikers if len(gebruikers) == len(DEMO_GEBRUIKERS) else None


@transaction.atomic
def demo_laden(rng: random.Random) -> None:
    if Melding.objects.exists():
        return
    gebruikers = _gebruikers()
    loket = Team.objects.filter(soort=Team.Soort.LOKET, actief=True).order_by("pk").first()
    if gebruikers is None or loket is None or not Inwoner.objects.exists():
        return
    kernteams = list(Team.objects.filter(actief=True).exclude(soort=Team.Soort.LOKET).order_by("naam"))
    focus = gebruikers["beroepskracht"].teams.exclude(soort=Team.Soort.LOKET).first() or (
        kernteams[0] if kernteams else None
    )
    if focus is None:
        return
    andere = [t for t in kernteams if t != focus]
    # beroepskracht2's team second, so that both demo beroepskrachten have work.
    andere.sort(
        key=lambda t: t.pk not in set(gebruikers["beroepskracht2"].teams.values_list("pk", flat=True))
    )
    demo = _Demo(rng, gebruikers, loket)
    for verloop in verlopen(rng, focus, andere, loket):
        if (
            verloop.team is not None
            and verloop.team.soort == Team.Soort.GEOGRAFISCH
            and not verloop.team.kernen.exists()
        ):
            continue
        demo.melding(verloop)
    demo.signalen(focus, andere[0] if andere else focus)
