"""Validators for Dutch identifiers, with messages that tell how to fix the input."""

import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

POSTCODE_RE = re.compile(r"^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$")


def is_geldig_bsn(bsn: str) -> bool:
    """The elfproef: 9 digits, weighted 9..2 and -1, sum divisible by 11 (and not all zeros)."""
    if not re.fullmatch(r"[0-9]{9}", bsn or "") or bsn == "000000000":
        return False
    totaal = sum(int(cijfer) * gewicht for cijfer, gewicht in zip(bsn[:8], range(9, 1, -1), strict=True))
    totaal -= int(bsn[8])
    return totaal % 11 == 0


def valideer_bsn(value: str) -> None:
    if not re.fullmatch(r"[0-9]{9}", value or ""):
        raise ValidationError(
            _("Een BSN bestaat uit precies 9 cijfers, zonder spaties of punten."), code="bsn_formaat"
        )
    if not is_geldig_bsn(value):
        raise ValidationError(
            _("Dit BSN klopt niet (het voldoet niet aan de elfproef). Controleer de cijfers."),
            code="bsn_elfproef",
        )


def normaliseer_postcode(value: str) -> str:
    value = (value or "").strip().upper().replace(" ", "")
    if len(value) == 6:
        return f"{value[:4]} {value[4:]}"
    return value


def valideer_postcode(value: str) -> None:
    if not POSTCODE_RE.match(normaliseer_postcode(value)):
        raise ValidationError(
            _("Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 6661 AB."),
            code="postcode",
        )


def valideer_niet_in_toekomst(value) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("Deze datum ligt in de toekomst; vul een datum van vandaag of eerder in."))


def fouten_samenvoegen(doel: dict[str, list[str]], fout: ValidationError, voorvoegsel: str = "") -> None:
    """Collect a part's errors under its prefix (``onderdelen.3.``) for one ValidationError of the whole.

    A service checks every row before it raises once; ``skt.forms.fout_naar_form`` puts each message
    back at its row and field.
    """
    if hasattr(fout, "error_dict"):
        for veld, teksten in fout.message_dict.items():
            if veld == NON_FIELD_ERRORS:
                sleutel = voorvoegsel.rstrip(".") or NON_FIELD_ERRORS
            else:
                sleutel = f"{voorvoegsel}{veld}"
            doel.setdefault(sleutel, []).extend(teksten)
    else:
        doel.setdefault(voorvoegsel.rstrip(".") or NON_FIELD_ERRORS, []).extend(fout.messages)
