"""The contact limit of a casus: the warning two before the maximum, and the maximum itself."""

import pytest

from casussen.selectors import Contactlimiet


@pytest.mark.parametrize(
    ("aantal", "waarschuwen", "bereikt", "resterend"),
    [
        (0, False, False, 10),
        (7, False, False, 3),
        (8, True, False, 2),
        (9, True, False, 1),
        (10, False, True, 0),
    ],
)
def test_lopende_casus(aantal, waarschuwen, bereikt, resterend):
    limiet = Contactlimiet(aantal=aantal, maximum=10, lopend=True)
    assert (limiet.waarschuwen, limiet.bereikt, limiet.resterend) == (waarschuwen, bereikt, resterend)


def test_een_afgesloten_casus_waarschuwt_niet():
    limiet = Contactlimiet(aantal=10, maximum=10, lopend=False)
    assert not limiet.waarschuwen and not limiet.bereikt
