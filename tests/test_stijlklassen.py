"""An app's stylesheet never redefines a class the page header (base.html) uses (issue 15: casussen.css
reused `.skt-teller`, so the unread-messages badge in the header became a large white box on casus pages
and the menu grew a row)."""

import re
from pathlib import Path

from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
KLASSE = re.compile(r"\.(skt-[a-z0-9_-]+)")


def _gedefinieerd(css: Path) -> set[str]:
    tekst = re.sub(r"/\*.*?\*/", "", css.read_text(), flags=re.S)
    # Only the selectors, not what sits inside the declaration blocks.
    selectors = re.sub(r"\{[^{}]*\}", "{}", tekst)
    return set(KLASSE.findall(selectors))


def test_geen_app_stylesheet_herdefinieert_een_klasse_van_de_paginakop():
    basis = (Path(settings.BASE_DIR) / "templates" / "base.html").read_text()
    gedeeld = set(re.findall(r"\b(skt-[a-z0-9_-]+)", basis))
    assert "skt-teller" in gedeeld
    dubbel = {
        str(css.relative_to(STATIC)): sorted(_gedefinieerd(css) & gedeeld)
        for css in STATIC.glob("*/*.css")
        if css.parent.name != "skt"
    }
    assert not {pad: k for pad, k in dubbel.items() if k}, dubbel


def test_de_contactteller_van_de_casus_heeft_een_eigen_klasse():
    teller = (Path(settings.BASE_DIR) / "templates" / "casussen" / "_teller.html").read_text()
    assert 'class="skt-contactteller"' in teller and '"skt-teller"' not in teller
