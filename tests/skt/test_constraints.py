"""The database keeps the kernel's rules too, and the inwoner search has an index it can use."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.functions import Upper
from django.utils import timezone

from skt.models import Inwoner, Noodtoegang

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("duur", [timedelta(0), timedelta(hours=-1)])
def test_noodtoegang_eindigt_na_het_begin(personas, duur):
    nu = timezone.now()
    nood = Noodtoegang(
        medewerker=personas.beroepskracht2,
        inwoner=InwonerFactory(),
        reden="Casushouder afwezig, inwoner belt in nood.",
        van=nu,
        tot=nu + duur,
    )
    with pytest.raises(ValidationError) as fout:
        nood.validate_constraints()
    assert "eindigt na het begin" in " ".join(fout.value.messages)
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        nood.save()
    assert "noodtoegang_eindigt_na_begin" in str(fout.value)


def test_zoekindex_op_hoofdletters_van_de_achternaam():
    """achternaam__iexact is UPPER(achternaam) = UPPER(%s) on PostgreSQL: the index is on that expression."""
    index = next(i for i in Inwoner._meta.indexes if i.name == "inwoner_naam_upper_geb_idx")
    assert index.expressions[0] == Upper("achternaam")
    assert not any(i.fields == ["achternaam", "geboortedatum"] for i in Inwoner._meta.indexes)
    if connection.vendor == "postgresql":
        qs = Inwoner.objects.filter(achternaam__iexact="jansen", geboortedatum="1960-05-17")
        assert 'UPPER("skt_inwoner"."achternaam"::text) = UPPER(%s)' in qs.query.sql_with_params()[0]


def test_zoeken_op_achternaam_blijft_hoofdletterongevoelig():
    inwoner = InwonerFactory(
        achternaam="van den Berg", geboortedatum=timezone.localdate() - timedelta(days=9000)
    )
    gevonden = Inwoner.objects.filter(achternaam__iexact="VAN DEN BERG", geboortedatum=inwoner.geboortedatum)
    assert list(gevonden) == [inwoner]
