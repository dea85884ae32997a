"""Invitation links: a new account, a new second factor (lost phone), a password reset.

A link carries a random token; the database keeps only its sha256, so a copy of the database holds
no usable link. A link works once, until it expires, and a newer link of the same kind closes it.
Nobody ever sets another person's password: the person does, on the page of the link.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..models import Medewerker, Uitnodiging
from ..vertrek import sessies_beeindigen

GELDIGHEID = {
    Uitnodiging.Soort.ACCOUNT: timedelta(hours=72),
    Uitnodiging.Soort.TWEEDE_FACTOR: timedelta(hours=72),
    Uitnodiging.Soort.WACHTWOORD: timedelta(hours=1),
}
# Wrong second-factor codes on one reset link before it closes: six digits are not guessed in five.
MAX_FOUTE_CODES = 5
AANTAL_HERSTELCODES = 10
APPARAATNAAM = "Authenticator-app"

ONBRUIKBAAR = gettext_lazy("Deze link is verlopen of al gebruikt.")
WACHTWOORDFOUTEN = {
    "password_too_short": gettext_lazy("Dit wachtwoord is te kort: gebruik minstens 12 tekens."),
    "password_too_common": gettext_lazy(
        "Dit wachtwoord is te gewoon; kies een wachtwoord dat niet te raden is."
    ),
    "password_entirely_numeric": gettext_lazy(
        "Dit wachtwoord bestaat alleen uit cijfers; gebruik ook letters."
    ),
    "password_too_similar": gettext_lazy(
        "Dit wachtwoord lijkt te veel op uw naam, gebruikersnaam of e-mailadres."
    ),
}

ONDERWERP = {
    Uitnodiging.Soort.ACCOUNT: "Uw account voor de SKT-registratie",
    Uitnodiging.Soort.TWEEDE_FACTOR: "Stel uw tweede factor opnieuw in",
    Uitnodiging.Soort.WACHTWOORD: "Wachtwoord opnieuw instellen",
}
TEKST = {
    Uitnodiging.Soort.ACCOUNT: (
        "Beste {naam},\n\nEr is een account voor u aangemaakt (gebruikersnaam: {gebruikersnaam}). "
        "Open de link hieronder om zelf uw wachtwoord te kiezen en uw authenticator-app te koppelen:\n\n"
        "{link}\n\nDe link werkt één keer en is {uren} uur geldig. Hebt u dit niet verwacht? "
        "Neem dan contact op met de functioneel beheerder.\n"
    ),
    Uitnodiging.Soort.TWEEDE_FACTOR: (
        "Beste {naam},\n\nDe functioneel beheerder heeft uw tweede factor gewist, bijvoorbeeld omdat "
        "uw telefoon kwijt is. Open de link hieronder om uw authenticator-app opnieuw te koppelen:\n\n"
        "{link}\n\nDe link werkt één keer en is {uren} uur geldig. Hebt u hier niet om gevraagd? "
        "Neem dan meteen contact op met de functioneel beheerder.\n"
    ),
    Uitnodiging.Soort.WACHTWOORD: (
        "Beste {naam},\n\nU vroeg om een nieuw wachtwoord. Open de link hieronder; u hebt daarbij de "
        "code uit uw authenticator-app of een herstelcode nodig:\n\n{link}\n\n"
        "De link werkt één keer en is {uren} uur geldig. Hebt u hier niet om gevraagd? Dan kunt u "
        "deze e-mail negeren; uw wachtwoord blijft hetzelfde.\n"
    ),
}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def uitnodiging_zoeken(token: str) -> Uitnodiging | None:
    if not token or len(token) > 100:
        return None
    return Uitnodiging.objects.select_related("medewerker").filter(token_hash=token_hash(token)).first()


def link_voor(basis_url: str, token: str) -> str:
    return basis_url.rstrip("/") + reverse("uitnodiging_openen", args=[token])


@transaction.atomic
def uitnodiging_versturen(
    *, medewerker: Medewerker, soort: str, door: Medewerker | None, basis_url: str
) -> tuple[Uitnodiging, str]:
    """A new link by e-mail; returns it once, for the beheerder to hand over if the mail goes astray."""
    if not medewerker.email:
        raise ValidationError({"email": _("Zonder e-mailadres kan geen uitnodiging worden verstuurd.")})
    nu = timezone.now()
    for oud in Uitnodiging.objects.select_for_update().filter(
        medewerker=medewerker, soort=soort, gebruikt_op=None, ingetrokken_op=None
    ):
        oud.ingetrokken_op = nu
        oud.save(update_fields=["ingetrokken_op"])
    token = secrets.token_urlsafe(32)
    uitnodiging = Uitnodiging.objects.create(
        medewerker=medewerker,
        soort=soort,
        token_hash=token_hash(token),
        aangemaakt_door=door,
        aangemaakt_op=nu,
        verloopt_op=nu + GELDIGHEID[soort],
    )
    link = link_voor(basis_url, token)
    # Sent inside the transaction: a rollback after this leaves a mail whose link says "verlopen",
    # never a stored link that nobody received.
    send_mail(
        ONDERWERP[soort],
        TEKST[soort].format(
            naam=medewerker.get_full_name() or medewerker.username,
            gebruikersnaam=medewerker.username,
            link=link,
            uren=int(GELDIGHEID[soort].total_seconds() // 3600),
        ),
        settings.DEFAULT_FROM_EMAIL,
        [medewerker.email],
    )
    return uitnodiging, link


def heeft_factor_via_uitnodiging(medewerker: Medewerker) -> bool:
    """Whoever was invited sets up the second factor through a link, never at login with only a
    password: after a lost phone the password alone must not be enough to enrol a new app."""
    return Uitnodiging.objects.filter(
        medewerker=medewerker, soort__in=[Uitnodiging.Soort.ACCOUNT, Uitnodiging.Soort.TWEEDE_FACTOR]
    ).exists()


def nieuw_apparaat(medewerker: Medewerker) -> TOTPDevice:
    """The unconfirmed authenticator the invitation page shows as a QR code (as the login's set-up does)."""
    return TOTPDevice.objects.filter(user=medewerker, confirmed=False).first() or TOTPDevice.objects.create(
        user=medewerker, name=APPARAATNAAM, confirmed=False
    )


def _bruikbaar_onder_slot(uitnodiging: Uitnodiging, soorten) -> Uitnodiging:
    vers = Uitnodiging.objects.select_for_update().select_related("medewerker").get(pk=uitnodiging.pk)
    if vers.soort not in soorten or not vers.is_bruikbaar() or not vers.medewerker.is_active:
        raise ValidationError(ONBRUIKBAAR, code="onbruikbaar")
    return vers


def _wachtwoord_controleren(wachtwoord: str, herhaling: str, medewerker: Medewerker) -> None:
    if wachtwoord != herhaling:
        raise ValidationError({"wachtwoord2": _("De twee wachtwoorden zijn niet gelijk.")})
    try:
        validate_password(wachtwoord, medewerker)
    except ValidationError as fout:
        # Our own words: Django 5.2's Dutch catalogue misses some of its validators' new texts.
        raise ValidationError(
            {"wachtwoord1": [WACHTWOORDFOUTEN.get(f.code, f.messages[0]) for f in fout.error_list]}
        ) from None


def _herstelcodes_maken(medewerker: Medewerker) -> list[str]:
    StaticDevice.objects.filter(user=medewerker).delete()
    apparaat = StaticDevice.objects.create(user=medewerker, name="Herstelcodes", confirmed=True)
    codes = [StaticToken.random_token() for _i in range(AANTAL_HERSTELCODES)]
    for code in codes:
        apparaat.token_set.create(token=code)
    return codes


def uitnodiging_voltooien(
    *, uitnodiging: Uitnodiging, code: str, wachtwoord: str = "", herhaling: str = ""
) -> list[str]:
    """Set the password (account invitations), confirm the authenticator with its first code, and
    return the new recovery codes, to be shown once. All or nothing."""
    soorten = (Uitnodiging.Soort.ACCOUNT, Uitnodiging.Soort.TWEEDE_FACTOR)
    medewerker = uitnodiging.medewerker
    met_wachtwoord = uitnodiging.soort == Uitnodiging.Soort.ACCOUNT
    if met_wachtwoord:
        _wachtwoord_controleren(wachtwoord, herhaling, medewerker)
    with transaction.atomic():
        uitnodiging = _bruikbaar_onder_slot(uitnodiging, soorten)
        apparaat = TOTPDevice.objects.filter(user=medewerker, confirmed=False).first()
        if apparaat is None or not apparaat.verify_token(code):
            raise ValidationError(
                {"token": _("Deze code klopt niet of is verlopen. Vul de nieuwste code uit de app in.")}
            )
        TOTPDevice.objects.filter(user=medewerker).exclude(pk=apparaat.pk).delete()
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        if met_wachtwoord:
            medewerker.set_password(wachtwoord)
            medewerker.save(update_fields=["password"])
        codes = _herstelcodes_maken(medewerker)
        uitnodiging.gebruikt_op = timezone.now()
        uitnodiging.save(update_fields=["gebruikt_op"])
    return codes


def _foute_code_tellen(uitnodiging: Uitnodiging) -> None:
    with transaction.atomic():
        vers = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
        vers.foute_codes += 1
        velden = ["foute_codes"]
        if vers.foute_codes >= MAX_FOUTE_CODES and vers.ingetrokken_op is None:
            vers.ingetrokken_op = timezone.now()
            velden.append("ingetrokken_op")
        vers.save(update_fields=velden)


def wachtwoord_herstellen(*, uitnodiging: Uitnodiging, code: str, wachtwoord: str, herhaling: str) -> None:
    """A new password from a reset link, only with the second factor (app code or a recovery code).

    The code is checked outside the final transaction: a wrong one must stay counted (and a used
    recovery code stay used) when the request is refused."""
    medewerker = uitnodiging.medewerker
    if not uitnodiging.is_bruikbaar():
        raise ValidationError(ONBRUIKBAAR, code="onbruikbaar")
    _wachtwoord_controleren(wachtwoord, herhaling, medewerker)
    if match_token(medewerker, (code or "").strip().replace(" ", "")) is None:
        _foute_code_tellen(uitnodiging)
        raise ValidationError(
            {"code": _("Deze code klopt niet. Vul de code uit uw authenticator-app of een herstelcode in.")}
        )
    with transaction.atomic():
        uitnodiging = _bruikbaar_onder_slot(uitnodiging, (Uitnodiging.Soort.WACHTWOORD,))
        medewerker.set_password(wachtwoord)
        medewerker.save(update_fields=["password"])
        uitnodiging.gebruikt_op = timezone.now()
        uitnodiging.save(update_fields=["gebruikt_op"])
        # Whoever was logged in with the old password is logged out everywhere.
        sessies_beeindigen(medewerker)


def wachtwoord_vergeten(*, email: str, basis_url: str) -> Medewerker | None:
    """Send a reset link if an active medewerker has this address; the caller answers the same either way."""
    medewerker = Medewerker.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if medewerker is None or not medewerker.email:
        return None
    uitnodiging_versturen(
        medewerker=medewerker, soort=Uitnodiging.Soort.WACHTWOORD, door=None, basis_url=basis_url
    )
    return medewerker
