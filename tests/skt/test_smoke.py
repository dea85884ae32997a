import pytest

from skt.models import Toegang

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db


def test_beroepskracht_ziet_inwoner_van_eigen_team_en_lezen_wordt_gelogd(personas, als):
    from skt import rechten

    inwoner = InwonerFactory()
    rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    response = als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/")
    assert response.status_code == 200
    assert inwoner.bsn in response.content.decode()
    assert Toegang.objects.filter(
        inwoner=inwoner, medewerker=personas.beroepskracht, resultaat="toegestaan"
    ).exists()
    assert als(personas.beroepskracht2).get(f"/inwoners/{inwoner.uuid}/").status_code == 404
