"""make bench: 16 people of four roles work at once against gunicorn on 127.0.0.1 (bench/run.sh).

Each simulated person logs in as a demo user (password 'demo'; SKT_DEMO=1 switches the second factor
off) and works as that role does, opening objects it finds on its own list pages. Detail pages are
grouped under one name per kind ("melding", "dossier", …), so the table has one line per page.
"""

import json
import os
import random
import re
from collections import defaultdict

from locust import HttpUser, between, events, task

WACHTWOORD = "demo"
ACHTERNAMEN = ["Vos", "Bakker", "Amrani", "Yilmaz", "Meijer", "Smit", "Hendriks", "Peters", "Mulder"]
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# Every response time per page, for exact percentiles (bench/tabel.py); locust's own table rounds.
METINGEN: dict[str, list[float]] = defaultdict(list)
FOUTEN: dict[str, int] = defaultdict(int)


@events.request.add_listener
def _meten(name, response_time, exception, **kwargs):
    METINGEN[name].append(response_time)
    if exception is not None:
        FOUTEN[name] += 1


@events.quitting.add_listener
def _bewaren(environment, **kwargs):
    uit = os.environ.get("BENCH_UIT")
    if uit:
        with open(uit, "w") as bestand:
            json.dump({"metingen": METINGEN, "fouten": FOUTEN}, bestand)


def links(html: str, prefix: str) -> list[str]:
    """The distinct detail links under ``prefix`` on a page (``/meldingen/<uuid>/``)."""
    return sorted(set(re.findall(rf'href="({re.escape(prefix)}{UUID}/)"', html)))


class Persoon(HttpUser):
    abstract = True
    gebruikersnaam = ""
    wait_time = between(0.2, 1.0)

    def on_start(self):
        pagina = self.client.get("/inloggen/", name="inloggen (formulier)")
        token = CSRF.search(pagina.text)
        with self.client.post(
            "/inloggen/",
            data={
                "username": self.gebruikersnaam,
                "password": WACHTWOORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{self.host}/inloggen/"},
            name="inloggen",
            catch_response=True,
        ) as antwoord:
            if "/inloggen/" in antwoord.url:
                antwoord.failure(f"inloggen als {self.gebruikersnaam} mislukt")

    def zoek_en_open(self, pad: str, velden: dict, naam: str, prefix: str = "", detailnaam: str = ""):
        """A search is POSTed (no BSN in a URL) and shown at ?zoekopdracht=<key>: two requests, the
        POST measured on its own, the result page under ``naam``."""
        formulier = self.client.get(pad, name=f"{naam} (formulier)")
        token = CSRF.search(formulier.text)
        with self.client.post(
            pad,
            data={**velden, "csrfmiddlewaretoken": token.group(1) if token else ""},
            headers={"Referer": f"{self.host}{pad}"},
            allow_redirects=False,
            name=f"{naam} (POST)",
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code not in (302, 303):
                antwoord.failure(f"zoeken gaf {antwoord.status_code}, geen doorverwijzing")
                return
            doel = antwoord.headers["Location"]
        uitslag = self.client.get(doel, name=naam)
        if prefix and uitslag.ok:
            gevonden = links(uitslag.text, prefix)
            if gevonden:
                self.client.get(random.choice(gevonden), name=detailnaam)

    def lijst_en_open(self, lijst: str, naam: str, prefix: str, detailnaam: str, hoeveel: int = 1):
        """Open a list page, then up to ``hoeveel`` of the objects it links to."""
        antwoord = self.client.get(lijst, name=naam)
        gevonden = links(antwoord.text, prefix) if antwoord.ok else []
        for link in random.sample(gevonden, min(hoeveel, len(gevonden))):
            self.client.get(link, name=detailnaam)


class Beroepskracht(Persoon):
    gebruikersnaam = "beroepskracht"

    @task(3)
    def teamwachtrij(self):
        self.lijst_en_open("/meldingen/wachtrij/", "teamwachtrij", "/meldingen/", "melding")

    @task(2)
    def in_behandeling(self):
        self.lijst_en_open("/meldingen/wachtrij/in-behandeling/", "in behandeling", "/meldingen/", "melding")

    @task(2)
    def dossiers(self):
        self.lijst_en_open("/inwoners/", "mijn inwoners", "/inwoners/", "dossier")

    @task(2)
    def zoeken(self):
        self.zoek_en_open(
            "/inwoners/", {"q": random.choice(ACHTERNAMEN)}, "mijn inwoners zoeken", "/inwoners/", "dossier"
        )

    @task(2)
    def casussen(self):
        self.lijst_en_open("/casussen/", "mijn casussen", "/casussen/", "casus")

    @task(1)
    def mijn_werk(self):
        self.client.get("/", name="mijn werk")


class Coordinator(Persoon):
    gebruikersnaam = "coordinator"

    @task(3)
    def mijn_werk(self):
        self.client.get("/", name="mijn werk")

    @task(2)
    def achterstand(self):
        self.lijst_en_open("/meldingen/achterstand/", "achterstand", "/meldingen/", "melding")

    @task(2)
    def caseload(self):
        self.lijst_en_open("/caseload/", "caseload", "/casussen/", "casus")

    @task(2)
    def toegangslog(self):
        self.client.get("/toegangslog/", name="toegangslog")

    @task(1)
    def monitor(self):
        self.client.get("/monitor/", name="monitor")


class Poort(Persoon):
    gebruikersnaam = "poort"

    @task(3)
    def wachtrij(self):
        self.client.get("/poort/", name="poort wachtrij")

    @task(3)
    def herkennen(self):
        self.zoek_en_open(
            "/poort/zoeken/",
            {
                "achternaam": random.choice(ACHTERNAMEN),
                "geboortedatum": f"19{random.randint(40, 99)}-0{random.randint(1, 9)}-15",
            },
            "poort zoeken",
        )

    @task(1)
    def mijn_werk(self):
        self.client.get("/", name="mijn werk")


class Consulent(Persoon):
    gebruikersnaam = "consulent"

    @task(2)
    def beoordeling(self):
        self.lijst_en_open("/beoordeling/", "beoordeling", "/arrangementen/", "arrangement")

    @task(3)
    def werkvoorraad(self):
        self.lijst_en_open("/werkvoorraad/", "werkvoorraad", "/werkvoorraad/", "aanvraag")

    @task(2)
    def termijnen(self):
        self.client.get("/termijnen/", name="termijnen")

    @task(2)
    def dossiers(self):
        self.lijst_en_open("/inwoners/", "mijn inwoners", "/inwoners/", "dossier")

    @task(1)
    def mijn_werk(self):
        self.client.get("/", name="mijn werk")
