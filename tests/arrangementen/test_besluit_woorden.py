"""Issue 15: the decision's message names the options the form shows: maatwerk is toegekend or niet
toegekend, other help (vrijwillige inzet, het netwerk) gets Akkoord or Niet akkoord."""

import pytest
from django.core.exceptions import ValidationError

from arrangementen import services

pytestmark = pytest.mark.django_db


def test_de_foutmelding_noemt_de_keuzes_van_het_formulier(personas, ingediend):
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=ingediend)
    onderdelen = list(ingediend.onderdelen.all())
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent,
            arrangement=ingediend,
            beslissingen=[services.Beslissing(onderdeel=str(o.uuid), toegekend=None) for o in onderdelen],
        )
    fouten = fout.value.message_dict
    for i, o in enumerate(onderdelen):
        (tekst,) = fouten[f"onderdelen.{i}.toegekend"]
        if o.is_maatwerk:
            assert tekst == "Beslis over dit onderdeel: toekennen of niet toekennen."
        else:
            assert tekst == "Beslis over dit onderdeel: akkoord of niet akkoord."
    assert {o.is_maatwerk for o in onderdelen} == {True, False}


def test_de_reden_bij_niet_akkoord_spreekt_van_akkoord(personas, ingediend):
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=ingediend)
    onderdelen = list(ingediend.onderdelen.all())
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent,
            arrangement=ingediend,
            beslissingen=[services.Beslissing(onderdeel=str(o.uuid), toegekend=False) for o in onderdelen],
        )
    for i, o in enumerate(onderdelen):
        (tekst,) = fout.value.message_dict[f"onderdelen.{i}.reden"]
        assert ("niet wordt toegekend" in tekst) is o.is_maatwerk
        assert ("niet akkoord" in tekst) is not o.is_maatwerk
