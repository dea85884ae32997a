"""Shared checks for the transition tables: each app's test writes its own table out literally and
hands it here, so the check is written once and the expected tables stay independent of the code."""

import pytest
from django.core.exceptions import ValidationError

from skt.workflow import Werkstroom


def tabel_controleren(werkstroom: Werkstroom, verwacht: dict, acties: list[str]) -> None:
    assert set(werkstroom.overgangen) == set(acties)
    assert set(werkstroom.fouten) == set(acties), "every action has its own Dutch message"
    gevonden = {
        (actie, van): naar for actie, rij in werkstroom.overgangen.items() for van, naar in rij.items()
    }
    assert gevonden == verwacht


def overgang_controleren(
    werkstroom: Werkstroom, actie: str, van: str, verwacht: dict, *, woorden: tuple[str, ...]
) -> None:
    """An allowed step gives the documented status; any other is refused with that action's own
    Dutch message, which names what it is about (one of ``woorden``)."""
    if (actie, van) in verwacht:
        assert werkstroom.volgende_status(actie, van) == verwacht[(actie, van)]
        assert werkstroom.mag(actie, van)
        return
    assert not werkstroom.mag(actie, van)
    with pytest.raises(ValidationError) as fout:
        werkstroom.volgende_status(actie, van)
    assert fout.value.code == "ongeldige_overgang"
    bericht = " ".join(fout.value.messages)
    assert bericht == str(werkstroom.fouten[actie])
    assert any(woord in bericht.lower() for woord in woorden), bericht
    assert not any(woord in bericht.lower() for woord in ("invalid", "transition", "status "))
