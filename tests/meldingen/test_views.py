"""The melding page and its actions, and the signalen screens: rights, bad input, illegal transitions."""

import pytest
from django.utils.html import escape

from meldingen.models import Melding, MeldingStatusRegel, Signaal, SignaalStatusRegel
from meldingen.vocab import ContactWijze, MelderSoort, TriageUitkomst, Uitstroom
from meldingen.workflow import MeldingStatus
from poort.models import Triage
from skt.models import Toegang

from ..factories import InwonerFactory, KernFactory, LeefgebiedFactory, VoorzieningFactory
from . import dagen_geleden, melding_maken, snelle_wachtwoorden, trieren, vandaag
from .test_queues import in_behandeling, tekst, veilig_thuis, wachtend

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(snelle_wachtwoorden.__name__)]


def url(melding, actie: str = "") -> str:
    return f"/meldingen/{melding.uuid}/" + (f"{actie}/" if actie else "")


class Tellingen:
    """Everything a refused action must leave as it was."""

    def __init__(self, melding):
        self.melding = melding
        self.waarden = self.lees()

    def lees(self):
        melding = Melding.objects.get(pk=self.melding.pk)
        return (
            melding.status,
            melding.eerste_contact_op,
            melding.uitstroom,
            melding.afgesloten_op,
            melding.terugkoppeling_op,
            melding.team_id,
            melding.doorschakelingen,
            Melding.history.filter(id=melding.pk).count(),
            MeldingStatusRegel.objects.filter(melding=melding).count(),
            Triage.objects.filter(melding=melding).count(),
        )

    def ongewijzigd(self) -> bool:
        return self.lees() == self.waarden


def contact(**velden):
    data = {"datum": vandaag().isoformat(), "wijze": ContactWijze.TELEFOON}
    data.update(velden)
    return {f"contact-{k}": v for k, v in data.items() if v is not None}


def afsluiten(**velden):
    data = {"uitstroom": Uitstroom.EIGEN_KRACHT, "datum": vandaag().isoformat(), "bevestigd": "on"}
    data.update(velden)
    return {f"afsluiten-{k}": v for k, v in data.items() if v is not None}


def doorschakelen(**velden):
    data = {"uitkomst": TriageUitkomst.KERNTEAM, "reden": "Inwoner is verhuisd naar Driel."}
    data.update(velden)
    return {f"doorschakelen-{k}": v for k, v in data.items() if v is not None}


@pytest.fixture
def derde_melder(personas):
    """Awaiting first contact, reported by a huisarts who wants to hear it was handled."""
    return wachtend(
        personas,
        melder_soort=MelderSoort.HUISARTS,
        melder_naam="Dokter Pietersen",
        melder_bereikbaar="0481-123456",
        melder_wil_terugkoppeling=True,
        vraag="Mevrouw valt vaak en durft niet meer naar buiten.",
        notitie="Zoon heeft schulden en woont tijdelijk in.",
        notitie_vertrouwelijk=True,
    )


# -- detail: who sees what ----------------------------------------------------------------------


def test_detail_toont_alles_voor_de_beroepskracht_van_het_team_en_logt_het_lezen(personas, als, derde_melder):
    m = derde_melder
    response = als(personas.beroepskracht).get(url(m))
    html = tekst(response)
    assert response.status_code == 200
    for verwacht in (
        m.inwoner.naam,
        m.nummer,
        "Dokter Pietersen",
        "0481-123456",
        "Mevrouw valt vaak",
        "Zoon heeft schulden",
        "vertrouwelijk",
        "Naar het kernteam",
        "Past bij deze route.",
        "nog 3 dagen",
        "Eerste contact vastleggen",
        "Melding afsluiten",
        "Doorschakelen",
    ):
        assert verwacht in html, verwacht
    assert Toegang.objects.filter(
        medewerker=personas.beroepskracht, object_id=str(m.uuid), resultaat="toegestaan", inwoner=m.inwoner
    ).exists()


@pytest.mark.parametrize(
    "naam", ["beroepskracht2", "buitenstaander", "vrijwilliger", "beleid", "beheerder", "consulent"]
)
def test_detail_is_404_voor_wie_de_melding_niet_mag_kennen(personas, als, derde_melder, naam):
    persona = getattr(personas, naam)
    assert als(persona).get(url(derde_melder)).status_code == 404
    assert Toegang.objects.filter(
        medewerker=persona, object_id=str(derde_melder.uuid), resultaat="geweigerd"
    ).exists()


@pytest.mark.parametrize("actie", ["eerste-contact", "afsluiten", "terugkoppeling", "doorschakelen"])
@pytest.mark.parametrize(
    "naam", ["beroepskracht2", "buitenstaander", "vrijwilliger", "beleid", "beheerder", "consulent", "poort"]
)
def test_acties_zijn_404_voor_wie_de_melding_niet_mag_kennen(personas, als, derde_melder, naam, actie):
    tellingen = Tellingen(derde_melder)
    data = {**contact(), **afsluiten(), **doorschakelen()}
    assert als(getattr(personas, naam)).post(url(derde_melder, actie), data).status_code == 404
    assert tellingen.ongewijzigd()


def test_vorig_team_ziet_de_melding_na_doorschakelen_maar_mag_niets_meer_doen(personas, als):
    m = wachtend(personas)
    als(personas.beroepskracht).post(url(m, "doorschakelen"), doorschakelen(team=str(personas.team_b.uuid)))
    tellingen = Tellingen(m)
    assert tellingen.waarden[5] == personas.team_b.pk

    response = als(personas.beroepskracht).get(url(m))
    assert response.status_code == 200
    assert "Eerste contact vastleggen" not in tekst(response)
    # Only those who may handle the melding see who reported it.
    assert m.melder_naam == "" or m.melder_naam not in tekst(response)
    for actie in ("eerste-contact", "afsluiten", "doorschakelen", "terugkoppeling"):
        data = {**contact(), **afsluiten(), **doorschakelen(uitkomst="loket")}
        assert als(personas.beroepskracht).post(url(m, actie), data).status_code == 403
    assert tellingen.ongewijzigd()


def test_acties_alleen_met_post(personas, als):
    m = wachtend(personas)
    assert als(personas.beroepskracht).get(url(m, "afsluiten")).status_code == 405


def test_poort_ziet_een_nieuwe_melding_zonder_melder_en_vertrouwelijke_notitie(personas, als):
    m = melding_maken(
        personas.poort,
        inwoner=InwonerFactory(kern=personas.team_a.kernen.get()),
        melder_soort=MelderSoort.BUURTBEWONER,
        melder_naam="Buurman Kees",
        melder_bereikbaar="06-12345678",
        notitie="Er wordt geschreeuwd in huis.",
        notitie_vertrouwelijk=True,
    )
    html = tekst(als(personas.poort).get(url(m)))
    assert "Buurman Kees" not in html and "06-12345678" not in html
    assert "Er wordt geschreeuwd" not in html and "vertrouwelijke notitie" in html
    assert "Melding afsluiten" not in html


def test_veilig_thuis_detail_alleen_voor_het_loket(personas, als):
    vt = veilig_thuis(personas)
    assert als(personas.consulent).get(url(vt)).status_code == 200
    for naam in ("beroepskracht", "coordinator", "vrijwilliger", "beroepskracht2"):
        assert als(getattr(personas, naam)).get(url(vt)).status_code == 404


# -- eerste contact ----------------------------------------------------------------------------


def test_eerste_contact_zet_de_melding_in_behandeling(personas, als):
    m = wachtend(personas, dagen=3)
    response = als(personas.beroepskracht).post(
        url(m, "eerste-contact"),
        contact(datum=dagen_geleden(1).isoformat(), wijze=ContactWijze.HUISBEZOEK),
        follow=True,
    )
    m.refresh_from_db()
    assert m.status == MeldingStatus.IN_BEHANDELING
    assert (m.eerste_contact_op, m.eerste_contact_wijze) == (dagen_geleden(1), ContactWijze.HUISBEZOEK)
    assert m.eerste_contact_door == personas.beroepskracht
    assert "Het eerste contact is vastgelegd" in tekst(response)
    assert m.statusregels.last().actie == "eerste_contact"


def test_eerste_contact_door_een_collega_van_het_team(personas, als):
    m = wachtend(personas)
    als(personas.beroepskracht).post(url(m, "eerste-contact"), contact(door=personas.coordinator.pk))
    m.refresh_from_db()
    assert m.eerste_contact_door == personas.coordinator


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"datum": "toekomst"}, "ligt in de toekomst"),
        ({"datum": "voor-aanmelding"}, "ligt vóór"),
        ({"datum": "2025-02-30"}, "Vul een geldige datum in"),
        ({"datum": ""}, "Vul de datum van het eerste contact in."),
        ({"wijze": None}, "Kies hoe het contact was."),
        ({"wijze": "rooksignaal"}, "Kies een van de mogelijkheden uit de lijst."),
        ({"door": "beroepskracht2"}, "Kies een lid van het team."),
    ],
)
def test_eerste_contact_met_foute_invoer_geeft_een_nederlandse_melding_en_verandert_niets(
    personas, als, velden, fout
):
    m = wachtend(personas, dagen=4)
    if velden.get("datum") == "toekomst":
        velden["datum"] = dagen_geleden(-1).isoformat()
    if velden.get("datum") == "voor-aanmelding":
        velden["datum"] = dagen_geleden(5).isoformat()
    if velden.get("door") == "beroepskracht2":
        velden["door"] = personas.beroepskracht2.pk
    tellingen = Tellingen(m)

    response = als(personas.beroepskracht).post(url(m, "eerste-contact"), contact(**velden))
    assert response.status_code == 200
    assert fout in tekst(response)
    assert "Er is niets opgeslagen" in tekst(response)
    assert tellingen.ongewijzigd()


def test_eerste_contact_op_een_afgesloten_melding_geeft_een_duidelijke_melding(personas, als):
    m = wachtend(personas)
    client = als(personas.beroepskracht)
    client.post(url(m, "afsluiten"), afsluiten())
    tellingen = Tellingen(m)

    response = client.post(url(m, "eerste-contact"), contact(), follow=True)
    assert response.status_code == 200
    assert "kan alleen worden vastgelegd bij een getriëerde melding" in tekst(response)
    assert tellingen.ongewijzigd()


# -- afsluiten ---------------------------------------------------------------------------------


@pytest.mark.parametrize("uitstroom", Uitstroom.values)
def test_afsluiten_met_elke_uitstroom(personas, als, uitstroom):
    m = in_behandeling(personas, dagen=10)
    response = als(personas.beroepskracht).post(
        url(m, "afsluiten"), afsluiten(uitstroom=uitstroom, toelichting="Samen boodschappenhulp geregeld.")
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert (m.status, m.uitstroom, m.afgesloten_op) == (MeldingStatus.AFGESLOTEN, uitstroom, vandaag())
    regel = m.statusregels.last()
    assert (regel.actie, regel.toelichting) == ("afsluiten", "Samen boodschappenhulp geregeld.")


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"uitstroom": None}, "Kies de uitstroom: hoe is de melding afgehandeld?"),
        ({"uitstroom": "weggewaaid"}, "Kies de uitstroom uit de lijst."),
        ({"bevestigd": None}, "Vink aan dat u weet dat een afgesloten melding niet meer open kan."),
        ({"datum": "toekomst"}, "ligt in de toekomst"),
        ({"datum": "voor-aanmelding"}, "ligt vóór"),
        ({"datum": "31-31-2025"}, "Vul een geldige datum in"),
        ({"toelichting": "x" * 1001}, "De toelichting is te lang"),
    ],
)
def test_afsluiten_met_foute_invoer_geeft_een_nederlandse_melding_en_verandert_niets(
    personas, als, velden, fout
):
    m = in_behandeling(personas, dagen=6)
    if velden.get("datum") == "toekomst":
        velden["datum"] = dagen_geleden(-2).isoformat()
    if velden.get("datum") == "voor-aanmelding":
        velden["datum"] = dagen_geleden(7).isoformat()
    tellingen = Tellingen(m)

    response = als(personas.beroepskracht).post(url(m, "afsluiten"), afsluiten(**velden))
    assert response.status_code == 200
    assert fout in tekst(response)
    assert tellingen.ongewijzigd()


def test_twee_keer_afsluiten_geeft_een_duidelijke_melding(personas, als):
    m = wachtend(personas)
    client = als(personas.beroepskracht)
    client.post(url(m, "afsluiten"), afsluiten())
    tellingen = Tellingen(m)

    response = client.post(url(m, "afsluiten"), afsluiten(uitstroom=Uitstroom.GEEN_VERVOLG), follow=True)
    assert response.status_code == 200
    assert "niet twee keer" in tekst(response)
    assert tellingen.ongewijzigd()
    assert "Melding afsluiten" not in tekst(response)


def test_een_niet_getrieerde_melding_afsluiten_geeft_een_duidelijke_melding(personas, als):
    # A beroepskracht registers at the spreekuur: the team holds it before anyone triaged it.
    m = melding_maken(personas.beroepskracht, inwoner=InwonerFactory(kern=personas.team_a.kernen.get()))
    tellingen = Tellingen(m)

    response = als(personas.beroepskracht).post(url(m, "afsluiten"), afsluiten(), follow=True)
    assert response.status_code == 200
    assert "pas worden afgesloten nadat hij is getriëerd" in tekst(response)
    assert tellingen.ongewijzigd()


# -- terugkoppeling ----------------------------------------------------------------------------


def test_terugkoppeling_aan_de_derde_melder(personas, als, derde_melder):
    m = derde_melder
    client = als(personas.beroepskracht)
    html = tekst(client.get(url(m)))
    assert "Melder is geïnformeerd" not in html  # not before the melding is closed

    client.post(url(m, "afsluiten"), afsluiten())
    html = tekst(client.get(url(m)))
    assert "Terugkoppeling aan de melder" in html and "Melder is geïnformeerd" in html
    tekstvak = html.split('id="terugkoppeltekst"')[1].split("</textarea>")[0]
    assert "readonly" in tekstvak and "Beste Dokter Pietersen" in tekstvak
    assert "Mevrouw valt vaak" not in tekstvak and "Eigen kracht" not in tekstvak

    response = client.post(url(m, "terugkoppeling"), follow=True)
    assert "Vastgelegd dat de melder is geïnformeerd" in tekst(response)
    m.refresh_from_db()
    assert m.terugkoppeling_op is not None and m.terugkoppeling_door == personas.beroepskracht
    assert "Melder is geïnformeerd</button>" not in tekst(response)

    tellingen = Tellingen(m)
    response = client.post(url(m, "terugkoppeling"), follow=True)
    assert response.status_code == 200 and "geen terugkoppeling aan de melder open" in tekst(response)
    assert tellingen.ongewijzigd()


def test_geen_terugkoppeling_als_de_melder_de_inwoner_zelf_is(personas, als):
    m = in_behandeling(personas)
    client = als(personas.beroepskracht)
    client.post(url(m, "afsluiten"), afsluiten())
    assert "Melder is geïnformeerd" not in tekst(client.get(url(m)))
    response = client.post(url(m, "terugkoppeling"), follow=True)
    assert "geen terugkoppeling aan de melder open" in tekst(response)


# -- doorschakelen -----------------------------------------------------------------------------


def test_doorschakelen_naar_een_ander_team_met_reden(personas, als):
    m = wachtend(personas)
    response = als(personas.beroepskracht).post(
        url(m, "doorschakelen"), doorschakelen(team=str(personas.team_b.uuid)), follow=True
    )
    assert "De melding is doorgeschakeld naar Driel." in tekst(response)
    m.refresh_from_db()
    assert (m.team, m.doorschakelingen, m.status) == (personas.team_b, 1, MeldingStatus.GETRIEERD)
    triage = m.triages.last()
    assert triage.is_doorschakeling and triage.reden == "Inwoner is verhuisd naar Driel."

    html = tekst(als(personas.beroepskracht2).get("/meldingen/wachtrij/"))
    assert str(m.uuid) in html
    html = tekst(als(personas.beroepskracht2).get(url(m)))
    assert "Volgens het principe van één doorschakeling" in html
    assert "Doorschakeling</th>" in html and "ja</td>" in html


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"reden": None}, "Schrijf op waarom de melding naar een ander team moet."),
        ({"reden": "   "}, "Schrijf op waarom de melding naar een ander team moet."),
        ({"uitkomst": "direct"}, "Kies een van de mogelijkheden uit de lijst."),
        ({"uitkomst": None}, "Kies waar de melding heen gaat."),
        ({"team": "elst"}, "De melding ligt al bij dit team"),
        ({"team": "loket"}, "Kies een van de mogelijkheden uit de lijst."),
    ],
)
def test_doorschakelen_met_foute_invoer_verandert_niets(personas, als, velden, fout):
    m = wachtend(personas)
    if velden.get("team") == "elst":
        velden["team"] = str(personas.team_a.uuid)
    if velden.get("team") == "loket":
        velden["team"] = str(personas.loket.uuid)
    tellingen = Tellingen(m)
    response = als(personas.beroepskracht).post(url(m, "doorschakelen"), doorschakelen(**velden))
    assert response.status_code == 200
    assert fout in tekst(response)
    assert tellingen.ongewijzigd()


def test_jeugdvraag_doorschakelen_naar_kernteam_vraagt_om_motivatie(personas, als):
    kind = InwonerFactory(jeugd=True, kern=personas.team_a.kernen.get())
    m = melding_maken(personas.poort, inwoner=kind)
    m = trieren(personas.poort, m, TriageUitkomst.KERNTEAM, jeugd_motivatie="Lichte opvoedvraag.")
    tellingen = Tellingen(m)
    client = als(personas.beroepskracht)
    data = doorschakelen(team=str(personas.team_b.uuid))
    response = client.post(url(m, "doorschakelen"), data)
    assert "Een jeugdvraag gaat in principe naar het loket" in tekst(response)
    assert tellingen.ongewijzigd()

    client.post(url(m, "doorschakelen"), {**data, "doorschakelen-jeugd_motivatie": "School zit in Driel."})
    m.refresh_from_db()
    assert m.team == personas.team_b
    assert m.triages.last().jeugd_motivatie == "School zit in Driel."


def test_doorschakelen_naar_veilig_thuis_haalt_de_melding_uit_zicht_van_het_kernteam(personas, als):
    m = in_behandeling(personas)
    client = als(personas.beroepskracht)
    response = client.post(url(m, "doorschakelen"), doorschakelen(uitkomst=TriageUitkomst.VEILIG_THUIS))
    assert response.status_code == 302 and response.url == "/meldingen/wachtrij/"
    m.refresh_from_db()
    assert m.veilig_thuis and m.team == personas.loket
    assert client.get(url(m)).status_code == 404
    assert als(personas.consulent).get(url(m)).status_code == 200


# -- signalen ----------------------------------------------------------------------------------


SIGNALEN = "/meldingen/signalen/"


def signaal_posten(client, personas, **velden):
    data = {
        "team": str(personas.team_a.uuid),
        "titel": "Geen maaltijdservice voor ouderen in Elst",
        "omschrijving": "Drie meldingen dit kwartaal van ouderen die niet meer zelf koken.",
        "kern": "elst",
    }
    data.update(velden)
    return client.post(f"{SIGNALEN}nieuw/", {k: v for k, v in data.items() if v is not None})


def test_signaal_registreren_en_zien_in_de_lijst(personas, als):
    LeefgebiedFactory(code="basale-adl", label="Basale ADL")
    client = als(personas.beroepskracht)
    response = signaal_posten(client, personas, leefgebied="basale-adl")
    signaal = Signaal.objects.get()
    assert response.status_code == 302 and response.url == f"{SIGNALEN}{signaal.uuid}/"
    assert (signaal.team, signaal.kern.code, signaal.leefgebied.code) == (
        personas.team_a,
        "elst",
        "basale-adl",
    )
    assert signaal.geregistreerd_door == personas.beroepskracht
    assert SignaalStatusRegel.objects.filter(signaal=signaal, status="nieuw").count() == 1

    html = tekst(client.get(SIGNALEN))
    assert "Geen maaltijdservice voor ouderen in Elst" in html
    assert "Geen maaltijdservice" not in tekst(als(personas.beroepskracht2).get(SIGNALEN))


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"titel": ""}, "Geef het signaal een titel."),
        ({"titel": "x" * 151}, "De titel is te lang"),
        ({"omschrijving": None}, "Beschrijf wat het team ziet."),
        ({"team": "team_b"}, "Kies een van uw teams."),
        ({"kern": "atlantis"}, "Kies een van de mogelijkheden uit de lijst."),
    ],
)
def test_signaal_met_foute_invoer_wordt_niet_opgeslagen(personas, als, velden, fout):
    if velden.get("team") == "team_b":
        velden["team"] = str(personas.team_b.uuid)
    response = signaal_posten(als(personas.beroepskracht), personas, **velden)
    assert response.status_code == 200
    assert fout in tekst(response)
    assert not Signaal.objects.exists() and not SignaalStatusRegel.objects.exists()


@pytest.mark.parametrize("naam", ["consulent", "poort", "vrijwilliger", "beleid", "beheerder"])
def test_signalen_zijn_er_niet_voor_andere_rollen(personas, als, naam):
    client = als(getattr(personas, naam))
    assert client.get(SIGNALEN).status_code == 403
    assert client.get(f"{SIGNALEN}nieuw/").status_code == 403
    assert signaal_posten(client, personas).status_code == 403
    assert not Signaal.objects.exists()


def test_buitenstaander_zonder_team_kan_geen_signaal_registreren(personas, als):
    client = als(personas.buitenstaander)
    assert client.get(f"{SIGNALEN}nieuw/").status_code == 403
    assert signaal_posten(client, personas).status_code == 403
    assert not Signaal.objects.exists()


@pytest.fixture
def signaal(personas, als):
    signaal_posten(als(personas.beroepskracht), personas)
    return Signaal.objects.get()


@pytest.mark.parametrize(
    "naam", ["beroepskracht2", "buitenstaander", "consulent", "poort", "vrijwilliger", "beleid", "beheerder"]
)
def test_signaal_detail_is_404_voor_anderen(personas, als, signaal, naam):
    client = als(getattr(personas, naam))
    assert client.get(f"{SIGNALEN}{signaal.uuid}/").status_code == 404
    assert client.post(f"{SIGNALEN}{signaal.uuid}/", {"status-status": "in_onderzoek"}).status_code == 404
    signaal.refresh_from_db()
    assert signaal.status == Signaal.Status.NIEUW


def test_signaal_statusstroom_met_voorziening(personas, als, signaal):
    voorziening = VoorzieningFactory(naam="Samen Eten Elst")
    VoorzieningFactory(naam="Opgeheven eettafel", actief=False)
    client = als(personas.beroepskracht)
    detail = f"{SIGNALEN}{signaal.uuid}/"

    html = tekst(client.get(detail))
    assert "In onderzoek" in html and "Samen Eten Elst" in html and "Opgeheven eettafel" not in html

    response = client.post(detail, {"status-status": "in_onderzoek", "status-toelichting": "Navragen."})
    assert response.status_code == 302
    response = client.post(detail, {"status-status": "initiatief_gestart"})
    assert "Koppel de voorziening uit de sociale kaart" in tekst(response)
    signaal.refresh_from_db()
    assert signaal.status == Signaal.Status.IN_ONDERZOEK

    client.post(detail, {"status-status": "initiatief_gestart", "status-voorziening": str(voorziening.uuid)})
    client.post(detail, {"status-status": "afgerond"})
    signaal.refresh_from_db()
    assert (signaal.status, signaal.voorziening) == (Signaal.Status.AFGEROND, voorziening)
    html = tekst(client.get(detail))
    assert "Navragen." in html and "Samen Eten Elst" in html
    assert [r.status for r in signaal.statusregels.all()] == [
        "nieuw",
        "in_onderzoek",
        "initiatief_gestart",
        "afgerond",
    ]
    assert "Status wijzigen" not in html

    response = client.post(detail, {"status-status": "nieuw"}, follow=True)
    assert "de status kan niet meer veranderen" in tekst(response)
    assert signaal.statusregels.count() == 4


@pytest.mark.parametrize(
    ("status", "fout"),
    [
        # A known status the workflow does not allow from 'Nieuw': the service's refusal.
        ("afgerond", "Van 'Nieuw' kan een signaal niet naar 'Afgerond'."),
        ("initiatief_gestart", "Van 'Nieuw' kan een signaal niet naar 'Initiatief gestart'."),
        ("nieuw", "Van 'Nieuw' kan een signaal niet naar 'Nieuw'."),
        # Not a status at all, or none: the form's own message.
        ("bestaat-niet", "Kies een van de mogelijkheden uit de lijst."),
        ("", "Kies de nieuwe status."),
    ],
    ids=["afgerond", "initiatief_gestart", "nieuw", "bestaat-niet", "leeg"],
)
def test_signaal_ongeldige_statusovergang_geeft_een_nederlandse_melding(personas, als, signaal, status, fout):
    response = als(personas.beroepskracht).post(f"{SIGNALEN}{signaal.uuid}/", {"status-status": status})
    assert response.status_code == 200
    html = tekst(response)
    assert escape(fout) in html
    signaal.refresh_from_db()
    assert signaal.status == Signaal.Status.NIEUW and signaal.statusregels.count() == 1


def test_coordinator_volgt_signalen_van_al_zijn_teams(personas, als, signaal):
    KernFactory(code="driel")
    signaal_posten(
        als(personas.beroepskracht2),
        personas,
        team=str(personas.team_b.uuid),
        titel="Wachtlijst",
        kern="driel",
    )
    html = tekst(als(personas.coordinator).get(SIGNALEN))
    assert signaal.titel in html and "Wachtlijst" in html
