"""Property: whatever sequence of actions the services take, nobody sees more inwoners than DOMAIN.md allows.

The services that write a grant or betrokkenheid (registering an inwoner, registering and triaging a
melding, naming or confirming a household regisseur; break the glass for the time it lasts) are
driven by hypothesis in random order, by random personas. The allowed set is computed here from the
records the actions made, by the rules in one line each of DOMAIN.md, never from the permission tables:

- beroepskracht, coordinator, consulent: inwoners with whom they or their team have or had a
  betrokkenheid: a melding routed to the team, or registered at their team's spreekuur, or the
  inwoner registered by them, or a household whose regisseur the coordinator of every member's team
  confirmed them to be; Veilig Thuis counts for the loket's consulenten only;
- vrijwilliger (no casus here), poort, beleid, beheerder: nobody;
- break the glass: the inwoner, only while it lasts; nothing done under it counts as betrokkenheid.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meldingen import rechten as melding_rechten
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt import rechten, services
from skt.models import Inwoner, Noodtoegang, Rol

from ..factories import HuishoudenFactory, InwonerFactory

pytestmark = pytest.mark.django_db

REDEN = "De casushouder is ziek en de inwoner belt vandaag met een dringende vraag over zorg."
PROFESSIONALS = ("beroepskracht", "beroepskracht2", "buitenstaander", "consulent", "coordinator")
REGISSEURS = ("beroepskracht", "beroepskracht2", "buitenstaander", "consulent")
UITKOMSTEN = ("kernteam_a", "kernteam_b", "loket", "veilig_thuis")

actie = st.one_of(
    st.tuples(st.just("poort_melding"), st.integers(0, 2), st.sampled_from(UITKOMSTEN)),
    st.tuples(st.just("noodtoegang"), st.integers(0, 2), st.sampled_from(PROFESSIONALS)),
    st.tuples(st.just("spreekuur"), st.integers(0, 2), st.sampled_from(("beroepskracht", "beroepskracht2"))),
    st.tuples(st.just("regisseur"), st.integers(0, 2), st.sampled_from(PROFESSIONALS)),
    st.tuples(st.just("registreren"), st.integers(0, 2), st.sampled_from(PROFESSIONALS)),
    st.tuples(st.just("bevestigen"), st.integers(0, 2), st.sampled_from(REGISSEURS)),
)


class Feiten:
    """What happened, as DOMAIN.md counts it: (inwoner pk, team pk or None, medewerker pk or None, vt)."""

    def __init__(self, personas):
        self.p = personas
        self.rijen: set[tuple[int, int | None, int | None, bool]] = set()

    def team(self, inwoner, team, *, vt=False):
        self.rijen.add((inwoner.pk, team.pk, None, vt))

    def persoon(self, inwoner, medewerker):
        self.rijen.add((inwoner.pk, None, medewerker.pk, False))

    def toegestaan(self, user) -> set[int]:
        if user.rol not in (Rol.BEROEPSKRACHT, Rol.COORDINATOR, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD):
            return set()
        teams = set(user.teams.filter(actief=True).values_list("pk", flat=True))
        loket = user.rol in (Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD)
        return {
            inwoner
            for inwoner, team, medewerker, vt in self.rijen
            if (team in teams or medewerker == user.pk) and (loket or not vt)
        }


def zichtbaar(user) -> set[int]:
    return set(rechten.inwoners_zichtbaar_voor(user).values_list("pk", flat=True))


def nood_nu(user) -> set[int]:
    nu = timezone.now()
    return set(
        Noodtoegang.objects.filter(medewerker=user, van__lte=nu, tot__gt=nu).values_list(
            "inwoner_id", flat=True
        )
    )


def uitvoeren(p, feiten: Feiten, leden, huis, stap) -> None:
    soort, index, keuze = stap
    inwoner = leden[index]
    if soort == "poort_melding":
        m, _ = melding_registreren(
            door=p.poort,
            inwoner=inwoner,
            anoniem=False,
            aanmeldingsdatum=timezone.localdate(),
            ingang="telefoon",
            melder_soort="inwoner",
            vraag="Vraag via de telefoon",
        )
        team = {"kernteam_a": p.team_a, "kernteam_b": p.team_b}.get(keuze)
        uitkomst = "kernteam" if team else keuze
        melding_trieren(door=p.poort, melding=m, uitkomst=uitkomst, reden="triage", team=team)
        feiten.team(inwoner, team or p.loket, vt=keuze == "veilig_thuis")
    elif soort == "noodtoegang":
        try:
            services.noodtoegang_openen(door=getattr(p, keuze), inwoner_uuid=inwoner.uuid, reden=REDEN)
        except ValidationError:
            pass
    elif soort == "spreekuur":
        door = getattr(p, keuze)
        if inwoner.pk not in zichtbaar(door):
            return  # the spreekuur form is reached through the dossier or the poort search
        betrokken = inwoner.pk in feiten.toegestaan(door)
        m, _ = melding_registreren(
            door=door,
            inwoner=inwoner,
            anoniem=False,
            aanmeldingsdatum=timezone.localdate(),
            ingang="spreekuur",
            melder_soort="inwoner",
            vraag="Vraag aan de spreekuurtafel",
        )
        if betrokken:
            for team in door.teams.all():
                feiten.team(inwoner, team)
        if melding_rechten.mag_trieren(door, m):
            team = door.teams.first()
            melding_trieren(door=door, melding=m, uitkomst="kernteam", reden="eigen team", team=team)
            if betrokken:
                feiten.team(inwoner, team)
    elif soort == "regisseur":
        try:
            services.huishouden_regisseur_zetten(
                door=getattr(p, keuze), huishouden=huis, regisseur=getattr(p, keuze)
            )
        except (ValidationError, PermissionDenied):
            pass
    elif soort == "bevestigen":
        # The coordinator confirms a regisseur with a reason: allowed when they are involved with every
        # member through their teams; then the regisseur is involved with every member personally.
        regisseur = getattr(p, keuze)
        mag = all(lid.pk in feiten.toegestaan(p.coordinator) for lid in leden)
        try:
            services.huishouden_regisseur_zetten(
                door=p.coordinator,
                huishouden=huis,
                regisseur=regisseur,
                reden="Het gezin vraagt één vast aanspreekpunt voor alle hulp.",
            )
        except ValidationError:
            return
        if mag:
            for lid in leden:
                feiten.persoon(lid, regisseur)
    elif soort == "registreren":
        door = getattr(p, keuze)
        if not rechten.mag_inwoner_registreren(door):
            return
        nieuw = services.inwoner_registreren(
            door=door,
            gegevens={
                "voornamen": "Nieuw",
                "achternaam": f"Ingeschreven{index}",
                "geboortedatum": timezone.localdate().replace(year=1970, day=1),
                "straat": "Dorpsstraat",
                "huisnummer": str(100 + index),
                "postcode": "6661 AB",
                "woonplaats": "Elst",
                "kern": inwoner.kern,
            },
        )
        teams = list(door.teams.all())
        for team in teams:
            feiten.team(nieuw, team)
        if not teams:
            feiten.persoon(nieuw, door)


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stappen=st.lists(actie, min_size=1, max_size=6))
def test_niemand_ziet_meer_dan_de_regels_toestaan(personas, kern_elst, stappen):
    with transaction.atomic():
        huis = HuishoudenFactory()
        leden = [InwonerFactory(kern=kern_elst, huishouden=huis) for _ in range(3)]
        feiten = Feiten(personas)
        for stap in stappen:
            uitvoeren(personas, feiten, leden, huis, stap)
            for naam, user in personas.alle().items():
                extra = zichtbaar(user) - feiten.toegestaan(user) - nood_nu(user)
                assert not extra, (naam, stap, Inwoner.objects.filter(pk__in=extra))
        # What lasts: once every break-the-glass has ended, only the betrokkenheid the rules grant.
        Noodtoegang.objects.update(
            van=timezone.now() - timedelta(days=2), tot=timezone.now() - timedelta(days=1)
        )
        for naam, user in personas.alle().items():
            extra = zichtbaar(user) - feiten.toegestaan(user)
            assert not extra, (naam, stappen, Inwoner.objects.filter(pk__in=extra))
        transaction.set_rollback(True)
