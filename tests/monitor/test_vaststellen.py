"""Issue 16, point 2: the coordinator marks a version vastgesteld; it is immutable, the others say
'concept' on every page, and the PDF goes to the profile's verzendlijst, logged."""

import io
import subprocess
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.urls import reverse
from pypdf import PdfReader

from monitor import services
from monitor.models import MonitorRapport
from monitor.periode import Periode
from skt.models import Toegang

from .conftest import feit

pytestmark = pytest.mark.django_db

Q1_2019 = Periode.uit_tekst("2019Q1")
GRIFFIE = ["griffie@overbetuwe.invalid", "commissie-samenleving@overbetuwe.invalid"]


@pytest.fixture
def gebouwd(personas, kern_elst, profiel, settings):
    """One ready version of 2019 Q1 with its (concept) PDF, and a verzendlijst in the profile."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    profiel.instellingen["monitor"] = {**profiel.instellingen.get("monitor", {}), "verzendlijst": GRIFFIE}
    profiel.save()
    for i in range(7):
        feit(datum=date(2019, 1, 7) + timedelta(days=i), team=personas.team_a, kern=kern_elst)
    rapport = services.rapport_aanvragen(periode=Q1_2019, in_wachtrij=False)
    services.rapport_bouwen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    return personas, rapport


def _tekst(inhoud: bytes) -> list[str]:
    return [pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages]


def test_vaststellen_verzendt_de_pdf_en_legt_het_vast(gebouwd, als):
    p, rapport = gebouwd
    with rapport.pdf.open("rb") as bron:
        concept = _tekst(bron.read())
    # Every page of a version that is not vastgesteld says so.
    assert all("CONCEPT" in pagina for pagina in concept), [
        i for i, t in enumerate(concept) if "CONCEPT" not in t
    ]

    antwoord = als(p.coordinator).post(reverse("monitor:rapport_vaststellen", args=[rapport.uuid]))
    assert antwoord.status_code == 302
    rapport.refresh_from_db()
    assert rapport.is_vastgesteld and rapport.vastgesteld_door == p.coordinator
    with rapport.pdf.open("rb") as bron:
        definitief = bron.read()
    tekst = _tekst(definitief)
    assert not any("CONCEPT" in pagina for pagina in tekst)
    assert "vastgesteld op" in tekst[0]

    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == GRIFFIE and "1e kwartaal 2019" in bericht.subject
    naam, inhoud, soort = bericht.attachments[0]
    assert soort == "application/pdf" and inhoud == definitief
    assert naam == "kwartaalmonitor-2019Q1-versie-1.pdf"

    log = Toegang.objects.get(medewerker=p.coordinator, actie="export", object_id=str(rapport.uuid))
    assert "versie 1" in log.reden.lower() and all(adres in log.reden for adres in GRIFFIE)
    pagina = als(p.coordinator).get(reverse("monitor:dashboard"), {"periode": "2019Q1"}).content.decode()
    assert "vastgesteld</strong>" in pagina


def test_een_vastgestelde_versie_verandert_niet_meer(gebouwd, als):
    p, rapport = gebouwd
    als(p.coordinator).post(reverse("monitor:rapport_vaststellen", args=[rapport.uuid]))
    rapport.refresh_from_db()
    rapport.cijfers = {"geknoeid": True}
    with pytest.raises(ValidationError):
        rapport.save()
    with pytest.raises(ValidationError):
        rapport.delete()
    # Below the ORM, the database refuses as well.
    with pytest.raises(DatabaseError), transaction.atomic():
        MonitorRapport.objects.filter(pk=rapport.pk).update(cijfers={"geknoeid": True})
    with pytest.raises(DatabaseError), transaction.atomic():
        MonitorRapport.objects.filter(pk=rapport.pk).delete()
    # Twice is refused, and so is a second version of the same period.
    tweede = services.rapport_aanvragen(periode=Q1_2019, met_pdf=False, in_wachtrij=False)
    services.rapport_bouwen(rapport_id=tweede.pk)
    client = als(p.coordinator)
    for uuid in (rapport.uuid, tweede.uuid):
        client.post(reverse("monitor:rapport_vaststellen", args=[uuid]))
    tweede.refresh_from_db()
    assert not tweede.is_vastgesteld and len(mail.outbox) == 1


def test_alleen_de_coordinator_stelt_vast(gebouwd, als):
    p, rapport = gebouwd
    assert als(p.beleid).post(reverse("monitor:rapport_vaststellen", args=[rapport.uuid])).status_code == 403
    rapport.refresh_from_db()
    assert not rapport.is_vastgesteld and mail.outbox == []


def test_pdftotext_ziet_het_conceptmerk(gebouwd, tmp_path):
    _p, rapport = gebouwd
    pad = tmp_path / "concept.pdf"
    with rapport.pdf.open("rb") as bron:
        pad.write_bytes(bron.read())
    tekst = subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, check=True, text=True).stdout
    paginas = [t for t in tekst.split("\f") if t.strip()]
    assert paginas and all("CONCEPT" in t for t in paginas)


def test_verzendlijst_in_het_profiel_is_optioneel():
    from skt.profiel.instellingen import instellingen_uit

    zonder, fouten = instellingen_uit({"monitor": {"privacy_drempel": 5}})
    assert tuple(zonder.monitor.verzendlijst) == () and fouten == []
    met, fouten = instellingen_uit({"monitor": {"privacy_drempel": 5, "verzendlijst": GRIFFIE}})
    assert list(met.monitor.verzendlijst) == GRIFFIE and fouten == []
    fout, fouten = instellingen_uit({"monitor": {"verzendlijst": "griffie@overbetuwe.invalid"}})
    assert tuple(fout.monitor.verzendlijst) == () and fouten


def test_een_versie_zonder_pdf_krijgt_die_bij_het_vaststellen(personas, kern_elst, profiel, settings, als):
    # The demo's quarterly report is built without a PDF to stay quick; vaststellen makes it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    profiel.instellingen["monitor"] = {**profiel.instellingen.get("monitor", {}), "verzendlijst": GRIFFIE}
    profiel.save()
    feit(datum=date(2019, 2, 1), team=personas.team_a, kern=kern_elst)
    rapport = services.rapport_aanvragen(periode=Q1_2019, met_pdf=False, in_wachtrij=False)
    services.rapport_bouwen(rapport_id=rapport.pk)
    pagina = (
        als(personas.coordinator).get(reverse("monitor:dashboard"), {"periode": "2019Q1"}).content.decode()
    )
    assert reverse("monitor:rapport_vaststellen", args=[rapport.uuid]) in pagina
    als(personas.coordinator).post(reverse("monitor:rapport_vaststellen", args=[rapport.uuid]))
    rapport.refresh_from_db()
    assert rapport.is_vastgesteld and rapport.pdf and rapport.pdf_paginas >= 8
    assert mail.outbox[0].attachments[0][1].startswith(b"%PDF-")
