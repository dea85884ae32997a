"""Validators for Dutch identifiers, with messages that tell how to fix the input."""

import re
import uuid
from datetime import date

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
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


# Bounds every path shares (forms, services, imports): nothing in this domain predates them, and a
# year like 0001 or 9999 only breaks date arithmetic further on (quarters, ages, terms).
EERSTE_GEBOORTEDATUM = date(1900, 1, 1)
EERSTE_WERKDATUM = date(2000, 1, 1)
# The largest id a database integer column holds; a longer number is no id of ours.
GROOTSTE_ID = 2**63 - 1


def valideer_geboortedatum(value) -> None:
    if value and value < EERSTE_GEBOORTEDATUM:
        raise ValidationError(
            _("Een geboortedatum vóór 1 januari 1900 kan niet; controleer het jaartal."), code="te_vroeg"
        )
    valideer_niet_in_toekomst(value)


def valideer_werkdatum(value) -> None:
    """A date of the work itself (aanmelding, melding, aanvraag, contact) lies in 2000 or later.

    The future is each service's own check, with a message that names the date.
    """
    if value and value < EERSTE_WERKDATUM:
        raise ValidationError(
            _("Een datum vóór 1 januari 2000 kan niet; controleer het jaartal."), code="te_vroeg"
        )


def werkdatum_veld(veld) -> None:
    """Make a form's date field a date of the work: the 2000 bound instead of the general 1900."""
    veld.validators = [v for v in veld.validators if v is not valideer_vanaf_1900]
    if valideer_werkdatum not in veld.validators:
        veld.validators.append(valideer_werkdatum)


def als_uuid(waarde) -> uuid.UUID | None:
    """The UUID in a request parameter, or None for anything malformed (a 404, never a 500)."""
    try:
        return uuid.UUID(str(waarde or ""))
    except (ValueError, TypeError, AttributeError):
        return None


def _is_geheel_id(veld) -> bool:
    model = veld.queryset.model
    doel = model._meta.pk if veld.to_field_name in (None, "pk") else model._meta.get_field(veld.to_field_name)
    return isinstance(doel, models.IntegerField) or isinstance(doel, models.AutoField)


def _id_in_bereik(waarde) -> bool:
    tekst = str(waarde).strip()
    return tekst.lstrip("-").isdigit() and abs(int(tekst)) <= GROOTSTE_ID


class BegrensdeKeuzeMixin:
    """A choice by integer id that answers a 20-digit or non-numeric id with 'kies uit de lijst'.

    Django lets OverflowError (SQLite) or DataError (PostgreSQL) through for an id beyond 64 bits.
    """

    def to_python(self, value):
        if (
            isinstance(self, forms.ModelChoiceField)
            and not isinstance(self, forms.ModelMultipleChoiceField)
            and value not in self.empty_values
            and _is_geheel_id(self)
            and not _id_in_bereik(value)
        ):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def _check_values(self, value):
        if _is_geheel_id(self):
            for waarde in value:
                if not _id_in_bereik(waarde):
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": waarde}
                    )
        return super()._check_values(value)


_BEGRENSDE_KLASSEN: dict[type, type] = {}


def _begrensde_klasse(klasse: type) -> type:
    if klasse not in _BEGRENSDE_KLASSEN:
        _BEGRENSDE_KLASSEN[klasse] = type(f"Begrensd{klasse.__name__}", (BegrensdeKeuzeMixin, klasse), {})
    return _BEGRENSDE_KLASSEN[klasse]


def invoer_begrenzen(form) -> None:
    """Give every field of a form the shared bounds: ids within 64 bits, dates from 1900.

    Called by ``NLDSFormMixin``, so each form of the app has them; a field that needs a tighter
    bound (aanmelding from 2000) adds its own validator.
    """
    for veld in form.fields.values():
        if isinstance(veld, forms.ModelChoiceField) and not isinstance(veld, BegrensdeKeuzeMixin):
            # Same field, one method stricter: the class swap keeps queryset, widget and labels.
            veld.__class__ = _begrensde_klasse(type(veld))
        elif isinstance(veld, forms.DateField) and not isinstance(veld, forms.DateTimeField):
            if valideer_vanaf_1900 not in veld.validators:
                veld.validators.append(valideer_vanaf_1900)


def valideer_vanaf_1900(value) -> None:
    if value and value < EERSTE_GEBOORTEDATUM:
        raise ValidationError(
            _("Een datum vóór 1 januari 1900 kan niet; controleer het jaartal."), code="te_vroeg"
        )
