"""Dutch identifiers: the BSN elfproef, postcodes and dates that cannot lie in the future."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from skt.validators import (
    is_geldig_bsn,
    normaliseer_postcode,
    valideer_bsn,
    valideer_niet_in_toekomst,
    valideer_postcode,
)


def elfproef(bsn: str) -> bool:
    """An independent re-implementation: weights 9, 8, ..., 2 and -1 over exactly nine ASCII digits."""
    if len(bsn) != 9 or any(teken not in "0123456789" for teken in bsn):
        return False
    if bsn == "000000000":
        return False
    gewichten = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(g * int(c) for g, c in zip(gewichten, bsn, strict=True)) % 11 == 0


# -- BSN ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019", "100000009"])
def test_geldige_test_bsns_worden_geaccepteerd(bsn):
    assert is_geldig_bsn(bsn)
    valideer_bsn(bsn)  # raises nothing


@pytest.mark.parametrize(
    "bsn, code, tekst",
    [
        ("111222334", "bsn_elfproef", "elfproef"),  # last digit off by one
        ("123456781", "bsn_elfproef", "elfproef"),
        ("000000000", "bsn_elfproef", "elfproef"),  # passes the arithmetic, but is no BSN
        ("12345678", "bsn_formaat", "precies 9 cijfers"),  # 8 digits
        ("1234567820", "bsn_formaat", "precies 9 cijfers"),  # 10 digits
        ("12345678a", "bsn_formaat", "precies 9 cijfers"),  # a letter
        ("abcdefghi", "bsn_formaat", "precies 9 cijfers"),
        ("123 456 782", "bsn_formaat", "precies 9 cijfers"),  # the form strips spaces, the validator not
        ("١٢٣٤٥٦٧٨٢", "bsn_formaat", "precies 9 cijfers"),  # Arabic-Indic digits are no BSN
        ("", "bsn_formaat", "precies 9 cijfers"),
    ],
)
def test_ongeldige_bsns_worden_geweigerd_met_nederlandse_uitleg(bsn, code, tekst):
    assert not is_geldig_bsn(bsn)
    with pytest.raises(ValidationError) as fout:
        valideer_bsn(bsn)
    assert fout.value.code == code
    assert tekst in str(fout.value.messages[0])


@given(prefix=st.integers(min_value=0, max_value=99_999_999))
@example(prefix=0)  # 00000000 + 0 passes the arithmetic but is excluded: no digit at all
@example(prefix=11122233)
def test_voor_elk_prefix_maakt_hoogstens_een_laatste_cijfer_een_geldig_bsn(prefix):
    voorvoegsel = f"{prefix:08d}"
    geldig = [c for c in "0123456789" if is_geldig_bsn(voorvoegsel + c)]
    som = sum(int(c) * g for c, g in zip(voorvoegsel, range(9, 1, -1), strict=True))
    if prefix == 0 or som % 11 == 10:
        # No last digit can make the sum divisible by 11 (or it would be the all-zero number).
        assert geldig == []
    else:
        assert geldig == [str(som % 11)]


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
@example("000000000")
def test_validator_stemt_overeen_met_herimplementatie_voor_negen_cijfers(bsn):
    assert is_geldig_bsn(bsn) == elfproef(bsn)
    if elfproef(bsn):
        valideer_bsn(bsn)
    else:
        with pytest.raises(ValidationError):
            valideer_bsn(bsn)


@given(st.text(max_size=12))
def test_validator_stemt_overeen_met_herimplementatie_voor_willekeurige_tekst(tekst):
    assert is_geldig_bsn(tekst) == elfproef(tekst)


# -- postcode ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "invoer, genormaliseerd",
    [("6661 AB", "6661 AB"), ("6661ab", "6661 AB"), (" 6661 ab ", "6661 AB"), ("1000AA", "1000 AA")],
)
def test_geldige_postcodes_worden_genormaliseerd_en_geaccepteerd(invoer, genormaliseerd):
    assert normaliseer_postcode(invoer) == genormaliseerd
    valideer_postcode(invoer)


@pytest.mark.parametrize(
    "postcode",
    [
        "0661 AB",  # a postcode never starts with 0
        "6661 SA",  # SA, SD and SS are not issued
        "6661 SD",
        "6661 SS",
        "66612AB",  # five digits
        "666 AB",
        "6661 A",
        "6661 A1",
        "ABCD EF",
    ],
)
def test_ongeldige_postcodes_worden_geweigerd_met_nederlandse_uitleg(postcode):
    with pytest.raises(ValidationError) as fout:
        valideer_postcode(postcode)
    assert fout.value.code == "postcode"
    assert "4 cijfers en 2 letters" in fout.value.messages[0]


# -- dates -------------------------------------------------------------------------------------


def test_datum_in_de_toekomst_wordt_geweigerd_vandaag_niet():
    vandaag = timezone.localdate()
    valideer_niet_in_toekomst(vandaag)
    valideer_niet_in_toekomst(vandaag - datetime.timedelta(days=365 * 80))
    with pytest.raises(ValidationError) as fout:
        valideer_niet_in_toekomst(vandaag + datetime.timedelta(days=1))
    assert "toekomst" in fout.value.messages[0]
