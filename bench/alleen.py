"""One person alone (issue 14: every page at most 50 ms): each role opens each of its pages 5 times
in a row against the bench's gunicorn; prints the median per page as a table."""

import argparse
import re
import statistics
import time

import requests

WACHTWOORD = "demo"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
PAGINAS = {
    "beroepskracht": [
        ("teamwachtrij", "/meldingen/wachtrij/", "/meldingen/", "melding"),
        ("in behandeling", "/meldingen/wachtrij/in-behandeling/", None, None),
        ("mijn inwoners", "/inwoners/", "/inwoners/", "dossier"),
        ("mijn inwoners zoeken", ("/inwoners/", {"q": "Vos"}), None, None),
        ("mijn casussen", "/casussen/", "/casussen/", "casus"),
        ("mijn werk", "/", None, None),
    ],
    "coordinator": [
        ("mijn werk", "/", None, None),
        ("achterstand", "/meldingen/achterstand/", None, None),
        ("caseload", "/caseload/", None, None),
        ("toegangslog", "/toegangslog/", None, None),
        ("monitor", "/monitor/", None, None),
    ],
    "poort": [
        ("poort wachtrij", "/poort/", None, None),
        (
            "poort zoeken",
            ("/poort/zoeken/", {"achternaam": "Vos", "geboortedatum": "1958-03-12"}),
            None,
            None,
        ),
        ("mijn werk", "/", None, None),
    ],
    "consulent": [
        ("beoordeling", "/beoordeling/", "/arrangementen/", "arrangement"),
        ("werkvoorraad", "/werkvoorraad/", "/werkvoorraad/", "aanvraag"),
        ("termijnen", "/termijnen/", None, None),
        ("mijn inwoners", "/inwoners/", None, None),
        ("mijn werk", "/", None, None),
    ],
}


def inloggen(host: str, naam: str) -> requests.Session:
    sessie = requests.Session()
    pagina = sessie.get(f"{host}/inloggen/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.text)
    sessie.post(
        f"{host}/inloggen/",
        data={"username": naam, "password": WACHTWOORD, "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": f"{host}/inloggen/"},
        timeout=60,
    )
    return sessie


def zoekadres(sessie: requests.Session, host: str, pad: str, velden: dict) -> str:
    """A search is POSTed (no BSN in a URL); its result lives at the ?zoekopdracht=<key> it redirects to."""
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', sessie.get(host + pad, timeout=60).text)
    antwoord = sessie.post(
        host + pad,
        data={**velden, "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": host + pad},
        allow_redirects=False,
        timeout=60,
    )
    return antwoord.headers.get("Location", pad)


def mediaan(sessie: requests.Session, url: str) -> tuple[float, int]:
    tijden, status = [], 0
    for _ in range(5):
        begin = time.perf_counter()
        antwoord = sessie.get(url, timeout=60)
        tijden.append((time.perf_counter() - begin) * 1000)
        status = antwoord.status_code
    return statistics.median(tijden), status


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    host = parser.parse_args().host
    print("| role | page | median of 5, ms | status |")
    print("|---|---|---:|---:|")
    for rol, paginas in PAGINAS.items():
        sessie = inloggen(host, rol)
        for naam, url, prefix, detail in paginas:
            if isinstance(url, tuple):
                url = zoekadres(sessie, host, *url)
            ms, status = mediaan(sessie, host + url)
            print(f"| {rol} | {naam} | {ms:.0f} | {status} |")
            if prefix:
                html = sessie.get(host + url, timeout=60).text
                links = sorted(set(re.findall(rf'href="({re.escape(prefix)}{UUID}/)"', html)))
                if links:
                    ms, status = mediaan(sessie, host + links[0])
                    print(f"| {rol} | {detail} | {ms:.0f} | {status} |")


if __name__ == "__main__":
    main()
