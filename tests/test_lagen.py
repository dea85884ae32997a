"""The layers of README (Architectuur) hold: imports run only downwards, also inside functions.

The contract is [tool.importlinter] in pyproject.toml; `make test` runs lint-imports too. These tests
run it on the real tree, and on a copy of the tree with one upward import hidden in a function, to
show the check has teeth.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))
LAGEN = ("skt", "meldingen", "poort", "casussen", "arrangementen", "monitor", "dossier")


def _lint_imports(map_: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"],
        cwd=map_,
        env={**os.environ, "PYTHONPATH": str(map_)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_het_contract_noemt_elke_laag_van_onder_naar_boven():
    config = tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text())["tool"]["importlinter"]
    assert set(config["root_packages"]) == set(LAGEN)
    (contract,) = config["contracts"]
    assert contract["type"] == "layers"
    assert contract["layers"] == list(reversed(LAGEN))


def test_de_echte_boom_houdt_zich_aan_de_lagen():
    resultaat = _lint_imports(settings.BASE_DIR)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "1 kept, 0 broken" in resultaat.stdout


def test_een_import_naar_boven_in_een_functie_valt_op(tmp_path):
    for laag in LAGEN:
        shutil.copytree(
            settings.BASE_DIR / laag,
            tmp_path / laag,
            ignore=shutil.ignore_patterns("__pycache__", "static", "profielen", "*.toml"),
        )
    shutil.copy(settings.BASE_DIR / "pyproject.toml", tmp_path / "pyproject.toml")
    # The kernel asking an upper app, in a function body: the kind of late import the layers forbid.
    with (tmp_path / "skt" / "registers.py").open("a") as module:
        module.write("\n\ndef _naar_boven():\n    from casussen import selectors\n\n    return selectors\n")
    resultaat = _lint_imports(tmp_path)
    assert resultaat.returncode != 0, resultaat.stdout
    assert "0 kept, 1 broken" in resultaat.stdout
    assert "skt.registers -> casussen.selectors" in resultaat.stdout
