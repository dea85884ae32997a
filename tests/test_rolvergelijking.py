"""Roles are compared only in the rights modules: the kernel skt/rechten/ and each app's rechten.py.

Everywhere else a page, a service or a selector asks a named rule (``is_consulent``,
``ziet_casussenblok``, ``route_voor``), so the policy stays readable in one place per app. The check
reads the source (AST), so it needs no database and runs in well under a second.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("skt", "meldingen", "poort", "casussen", "arrangementen", "monitor", "dossier")
RECHTENMODULE = "rechten.py"


def is_rechtenmodule(pad: Path) -> bool:
    """An app's rechten.py, or a module of a rights package (the kernel is skt/rechten/)."""
    return pad.name == RECHTENMODULE or pad.parent.name == "rechten"


def _is_rol(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "rol"


def _is_heeft_rol(node: ast.AST) -> bool:
    func = node.func if isinstance(node, ast.Call) else None
    return (isinstance(func, ast.Name) and func.id == "heeft_rol") or (
        isinstance(func, ast.Attribute) and func.attr == "heeft_rol"
    )


def rolvergelijkingen(bron: str, bestandsnaam: str = "<bron>") -> list[str]:
    """Every comparison with ``<x>.rol`` and every call of ``heeft_rol`` in this source, as 'file:line'."""
    gevonden = []
    for node in ast.walk(ast.parse(bron, filename=bestandsnaam)):
        if isinstance(node, ast.Compare) and any(_is_rol(n) for n in (node.left, *node.comparators)):
            gevonden.append(f"{bestandsnaam}:{node.lineno}: vergelijking met .rol")
        elif _is_heeft_rol(node):
            gevonden.append(f"{bestandsnaam}:{node.lineno}: heeft_rol()")
    return gevonden


def _appbestanden() -> list[Path]:
    return sorted(
        pad
        for app in APPS
        for pad in (ROOT / app).rglob("*.py")
        if "migrations" not in pad.relative_to(ROOT).parts and not pad.name.startswith("test")
    )


def test_de_controle_vindt_elke_vorm():
    bron = """
from skt import rechten
from skt.rechten import heeft_rol

def pagina(user, door):
    if user.rol == "coordinator":
        pass
    if "beroepskracht" != user.rol:
        pass
    route = "regulier" if door.rol in rechten.CONSULENT_ROLLEN else "voorwerk"
    if rechten.heeft_rol(user, "vrijwilliger") or heeft_rol(user, "beleid"):
        pass
"""
    assert [regel.split(": ", 1)[0] for regel in rolvergelijkingen(bron, "x.py")] == [
        "x.py:6",
        "x.py:8",
        "x.py:10",
        "x.py:11",
        "x.py:11",
    ]


def test_de_controle_laat_het_gewone_gebruik_van_rol_met_rust():
    bron = """
def pagina(user, Rol):
    blok = {"rol": user.rol}
    Medewerker.objects.filter(rol=Rol.COORDINATOR, teams__rol__isnull=False)
    if rechten.is_consulent(user) and user.rollen == ():
        pass
"""
    assert rolvergelijkingen(bron) == []


def test_de_controle_kijkt_naar_alle_apps():
    namen = {pad.relative_to(ROOT).parts[0] for pad in _appbestanden()}
    assert namen == set(APPS)
    assert any(is_rechtenmodule(pad) for pad in _appbestanden())
    assert not is_rechtenmodule(ROOT / "skt" / "services.py")


@pytest.mark.parametrize("pad", _appbestanden(), ids=lambda pad: str(pad.relative_to(ROOT)))
def test_rollen_alleen_in_de_rechtenmodules(pad):
    if is_rechtenmodule(pad):
        return
    gevonden = rolvergelijkingen(pad.read_text(encoding="utf-8"), str(pad.relative_to(ROOT)))
    assert not gevonden, (
        "Rollen vergelijken hoort in de rechtenmodule (skt/rechten/ of <app>/rechten.py); "
        "geef de regel een naam die zegt wat hij beslist:\n" + "\n".join(gevonden)
    )
