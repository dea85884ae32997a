"""The monitor screens: who may see them, what beleid sees, the PDF with its progress, streefwaarden."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monitor.models import MonitorRapport, Streefwaarde
from monitor.periode import Periode
from skt.models import Toegang

from ..factories import InwonerFactory
from .conftest import feit

DASHBOARD = reverse("monitor:dashboard")
NIET_MONITOR = ("poort", "beroepskracht", "beroepskracht2", "vrijwilliger", "consulent", "consulent_jeugd",
                "beheerder", "buitenstaander")  # fmt: skip


@pytest.fixture
def cijfers(personas, leefgebieden, kern_elst, kern_driel):
    """This quarter: 7 meldingen in Elst, 2 in Driel (a count under the privacy threshold)."""
    begin = Periode.huidig_kwartaal().van
    vandaag = timezone.localdate()
    for i in range(7):
        feit(datum=min(begin + timedelta(days=i), vandaag), team=personas.team_a, kern=kern_elst)
    for _i in range(2):
        feit(datum=begin, team=personas.team_b, kern=kern_driel, leefgebieden=[leefgebieden["mantelzorg"]])
    return personas


@pytest.mark.parametrize("wie", NIET_MONITOR)
def test_alleen_coordinator_en_beleid(cijfers, als, wie):
    client = als(getattr(cijfers, wie))
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(reverse("monitor:streefwaarden")).status_code == 403
    antwoord = client.post(reverse("monitor:rapport_maken"), {"periode": "2019Q1", "sleutel": "0" * 32})
    assert antwoord.status_code == 403
    assert MonitorRapport.objects.count() == 0
    assert Toegang.objects.filter(medewerker=getattr(cijfers, wie), resultaat="geweigerd").exists()


def test_anoniem_naar_inloggen(cijfers, client):
    antwoord = client.get(DASHBOARD)
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord["Location"]


def test_coordinator_ziet_exacte_aantallen(cijfers, als):
    antwoord = als(cijfers.coordinator).get(DASHBOARD)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Kwartaalmonitor" in html and "Streefwaarden aanpassen" in html
    assert "data:image/svg+xml;base64," in html
    groepen = antwoord.context["w"]["teams"].rijen
    assert dict(groepen)["Driel"][0] == "2"


def test_beleid_ziet_geen_persoonsgegevens_en_geen_kleine_aantallen(cijfers, als, leefgebieden):
    from meldingen.services import melding_registreren

    inwoner = InwonerFactory(voornamen="Zwaantje", achternaam="Pietersma", bsn="111222333")
    melding_registreren(
        door=cijfers.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Mijn buurman Gerrit-Jan drinkt te veel.",
    )
    antwoord = als(cijfers.beleid).get(DASHBOARD)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    for persoonlijk in ("Zwaantje", "Pietersma", "111222333", "Gerrit-Jan", inwoner.postcode, inwoner.straat):
        assert persoonlijk not in html
    # Beleid records the raad's targets.
    assert "Streefwaarden aanpassen" in html
    teams = dict(antwoord.context["w"]["teams"].rijen)
    assert teams["Driel"][0] == "< 5" and teams["Elst"][0] == "7"
    assert "&lt; 5" in html


def test_filter_op_team_en_kern(cijfers, als, kern_driel):
    client = als(cijfers.coordinator)
    assert client.get(DASHBOARD, {"team": cijfers.team_b.code}).context["c"]["meldingen"]["totaal"] == 2
    assert client.get(DASHBOARD, {"kern": kern_driel.code}).context["c"]["meldingen"]["totaal"] == 2
    # An unknown filter value is ignored, not an error page.
    antwoord = client.get(DASHBOARD, {"team": "bestaat-niet", "periode": "2019Q9"})
    assert antwoord.status_code == 200 and antwoord.context["c"]["meldingen"]["totaal"] == 9


def test_een_foute_periode_krijgt_een_foutoverzicht_met_links_naar_de_velden(cijfers, als):
    """The period filter is a GET form, but its errors are the same linked summary as every form's."""
    antwoord = als(cijfers.coordinator).get(DASHBOARD, {"van": "2019-06-01", "tot": "2019-01-01"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200 and antwoord.context["form"].errors
    assert "skt-foutoverzicht" in inhoud and "De gekozen periode is niet getoond" in inhoud
    velden = [naam for naam in antwoord.context["form"].errors if naam != "__all__"]
    assert velden
    assert all(f'href="#id_{naam}"' in inhoud for naam in velden), velden
    assert inhoud.count("skt-foutoverzicht") == 1


def test_eerder_kwartaal_kiezen(cijfers, als):
    feit(datum=date(2019, 2, 1), team=cijfers.team_a)
    antwoord = als(cijfers.beleid).get(DASHBOARD, {"periode": "2019Q1"})
    assert antwoord.context["periode"] == Periode.uit_tekst("2019Q1")
    assert antwoord.context["c"]["meldingen"]["totaal"] == 1


def test_pdf_maken_met_voortgang_en_downloaden(cijfers, als, django_capture_on_commit_callbacks):
    client = als(cijfers.beleid)
    sleutel = "5f0c4a4e-7d7a-4a55-9a0f-0a9a2f3c1b11"
    periode = Periode.huidig_kwartaal().code
    # The task is queued when the request's transaction commits (here: the test's, at the end of
    # the block), so the answer is the progress bar that polls its own status.
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("monitor:rapport_maken"), {"periode": periode, "sleutel": sleutel}, HTTP_HX_REQUEST="true"
        )
        html = antwoord.content.decode()
        assert antwoord.status_code == 200
        assert 'role="status"' in html and "<progress" in html and 'hx-trigger="load delay:1s"' in html
        # A double click asks once.
        client.post(
            reverse("monitor:rapport_maken"), {"periode": periode, "sleutel": sleutel}, HTTP_HX_REQUEST="true"
        )
    rapport = MonitorRapport.objects.get()
    assert rapport.aangevraagd_door == cijfers.beleid and rapport.is_klaar
    status = client.get(reverse("monitor:rapport_status", args=[rapport.uuid])).content.decode()
    assert "Download de PDF" in status and 'value="100"' in status
    assert "hx-trigger" not in status  # ready: polling stops
    pdf = client.get(reverse("monitor:rapport_pdf", args=[rapport.uuid]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert Toegang.objects.filter(
        medewerker=cijfers.beleid, actie="pdf", object_id=str(rapport.uuid)
    ).exists()
    # The JSON holds the exact small counts: internal, for the coordinator only.
    assert client.get(reverse("monitor:rapport_json", args=[rapport.uuid])).status_code == 403
    json_antwoord = als(cijfers.coordinator).get(reverse("monitor:rapport_json", args=[rapport.uuid]))
    assert json_antwoord.json()["meldingen"]["totaal"] == 9
    assert json_antwoord.json()["meldingen"]["per_team"]["Driel"] == 2
    assert Toegang.objects.filter(medewerker=cijfers.coordinator, actie="export").exists()


def test_voortgang_zolang_het_rapport_gemaakt_wordt(cijfers, als):
    from monitor import services

    rapport = services.rapport_aanvragen(periode=Periode.uit_tekst("2019Q1"), in_wachtrij=False)
    MonitorRapport.objects.filter(pk=rapport.pk).update(
        status="bezig", voortgang=35, stap="Cijfers berekenen"
    )
    html = (
        als(cijfers.coordinator).get(reverse("monitor:rapport_status", args=[rapport.uuid])).content.decode()
    )
    assert 'value="35"' in html and "Cijfers berekenen" in html and 'hx-trigger="load delay:1s"' in html
    assert (
        als(cijfers.coordinator).get(reverse("monitor:rapport_pdf", args=[rapport.uuid])).status_code == 404
    )


def test_pdf_zonder_javascript_en_foute_invoer(cijfers, als, django_capture_on_commit_callbacks):
    client = als(cijfers.coordinator)
    antwoord = client.post(
        reverse("monitor:rapport_maken"), {"periode": "2019Q1", "sleutel": "niet-een-uuid"}
    )
    assert antwoord.status_code == 302 and MonitorRapport.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("monitor:rapport_maken"),
            {"periode": "2019Q1", "sleutel": "5f0c4a4e-7d7a-4a55-9a0f-0a9a2f3c1b12"},
        )
    assert antwoord.status_code == 302 and "rapport=" in antwoord["Location"]
    vervolg = client.get(antwoord["Location"])
    assert "Download de PDF" in vervolg.content.decode()


def test_onbekend_rapport_is_404(cijfers, als):
    assert als(cijfers.coordinator).get(reverse("monitor:rapport_pdf", args=[
        "00000000-0000-0000-0000-000000000000"])).status_code == 404  # fmt: skip


def test_streefwaarden_instellen_met_geschiedenis(cijfers, als, profiel):
    """The gemeente's targets are the raad's: beleid records them with the raadsbesluit."""
    profiel.instellingen["streefwaarden"] = {"eerste_contact_binnen_termijn_procent": 90}
    profiel.save()
    client = als(cijfers.beleid)
    pagina = client.get(reverse("monitor:streefwaarden"))
    assert pagina.status_code == 200
    assert pagina.context["form"]["kpi_eerste_contact_binnen_termijn_procent"].value() == 90
    besluit = {"raadsbesluit_datum": "2019-03-12", "raadsbesluit_kenmerk": "RB-2019-012"}
    antwoord = client.post(
        reverse("monitor:streefwaarden"),
        {
            "kpi_eerste_contact_binnen_termijn_procent": "92,5",
            "kpi_clienttevredenheid_cijfer": "7,4",
            "toelichting": "Raadsbesluit 12 maart",
            **besluit,
        },
    )
    assert antwoord.status_code == 302
    assert Streefwaarde.objects.get(kpi="eerste_contact_binnen_termijn_procent").waarde == 92.5
    assert Streefwaarde.objects.get(kpi="clienttevredenheid_cijfer").gewijzigd_door == cijfers.beleid
    client.post(
        reverse("monitor:streefwaarden"),
        {
            "kpi_eerste_contact_binnen_termijn_procent": "95",
            "kpi_clienttevredenheid_cijfer": "7,4",
            **besluit,
        },
    )
    geschiedenis = Streefwaarde.history.filter(kpi="eerste_contact_binnen_termijn_procent").order_by(
        "history_date"
    )
    assert [float(h.waarde) for h in geschiedenis] == [92.5, 95.0]
    dashboard = client.get(DASHBOARD).context["c"]
    doel = {k["code"]: k["streefwaarde"] for k in dashboard["kpis"]}
    assert doel["eerste_contact_binnen_termijn_procent"] == 95.0
    assert "Raadsbesluit 12 maart" in client.get(reverse("monitor:streefwaarden")).content.decode()


def test_foute_streefwaarde_wordt_niet_opgeslagen(cijfers, als):
    client = als(cijfers.beleid)
    besluit = {"raadsbesluit_datum": "2019-03-12", "raadsbesluit_kenmerk": "RB-2019-012"}
    antwoord = client.post(
        reverse("monitor:streefwaarden"), {"kpi_eerste_contact_binnen_termijn_procent": "120", **besluit}
    )
    assert antwoord.status_code == 200
    assert "ligt tussen 0 en 100" in antwoord.content.decode()
    antwoord = client.post(
        reverse("monitor:streefwaarden"), {"kpi_eerste_contact_binnen_termijn_procent": "veel", **besluit}
    )
    assert antwoord.status_code == 200
    assert Streefwaarde.objects.count() == 0


def test_dashboard_queries_groeien_niet_met_de_meldingen(cijfers, als, leefgebieden):
    client = als(cijfers.coordinator)
    client.get(DASHBOARD)  # warm: facts brought up to date, charts drawn

    def tellen():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DASHBOARD).status_code == 200
        return len(queries)

    weinig = tellen()
    begin = Periode.huidig_kwartaal().van
    for i in range(40):
        feit(
            datum=begin, team=cijfers.team_a, leefgebieden=[leefgebieden["financien"]], contactmomenten=i % 12
        )
    assert tellen() == weinig
