"""When a medewerker leaves: deactivating the account, ending their sessions and their personal grants.

Their open work stays where it is until the coordinator hands it on (dossier/herverdelen.py); the
account is never deleted, so history and the access log keep naming who did what.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import rechten
from .models import Huishouden, Medewerker, Toegang
from .registers import Werkitem
from .toegang import client_ip

SESSIES_IN_DATABASE = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def wijziging_vastleggen(*, door, obj, reden: str, request=None, inwoner=None) -> Toegang:
    """A change made by a service, in the access log; with the page and address when there is a request."""
    return Toegang.objects.create(
        medewerker=door,
        actie=Toegang.Actie.WIJZIGEN,
        resultaat=Toegang.Resultaat.TOEGESTAAN,
        object_soort=obj._meta.model_name[:60],
        object_id=str(getattr(obj, "uuid", obj.pk))[:64],
        inwoner=inwoner,
        pad=request.get_full_path()[:300] if request is not None else "",
        ip_adres=client_ip(request) if request is not None else None,
        reden=reden[:500],
    )


def sessies_beeindigen(medewerker: Medewerker) -> int:
    """Remove the person's sessions now, so they are logged out everywhere at once.

    Only sessions that have not expired are read (SESSION_COOKIE_AGE is 30 minutes, so that is the
    people working now, not the whole table). Whatever the session engine, Django's ModelBackend also
    refuses an inactive user on their next request.
    """
    if settings.SESSION_ENGINE not in SESSIES_IN_DATABASE:
        return 0
    van_medewerker = [
        sessie.session_key
        for sessie in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if sessie.get_decoded().get(SESSION_KEY) == str(medewerker.pk)
    ]
    # Through the engine's own store, so cached_db forgets its cached copy as well.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for sleutel in van_medewerker:
        store(session_key=sleutel).delete()
    return len(van_medewerker)


@transaction.atomic
def medewerker_deactiveren(
    *, door: Medewerker, medewerker: Medewerker, reden: str, request=None
) -> Medewerker:
    """Deactivate an account: no more logins, sessions ended now, personal object grants revoked
    (team grants stay with the team), logged with the reason. Nothing is deleted."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    if not rechten.mag_medewerker_deactiveren(door, medewerker):
        raise PermissionDenied(_("U mag deze medewerker niet deactiveren."))
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Schrijf op waarom deze medewerker wordt gedeactiveerd.")})
    if not medewerker.is_active:
        raise ValidationError(_("%(wie)s is al gedeactiveerd.") % {"wie": medewerker})
    medewerker.is_active = False
    medewerker.save()
    sessies = sessies_beeindigen(medewerker)
    grants = rechten.persoonlijke_rechten_intrekken(medewerker)
    wijziging_vastleggen(
        door=door,
        obj=medewerker,
        request=request,
        reden=_(
            "gedeactiveerd: %(reden)s (%(sessies)d sessies beëindigd, "
            "%(grants)d persoonlijke rechten ingetrokken)"
        )
        % {"reden": reden, "sessies": sessies, "grants": grants},
    )
    return medewerker


# -- what every reassignment service checks first ----------------------------------------------------


def herverdeling_controleren(*, door, van: Medewerker, naar: Medewerker | None, reden: str) -> str:
    """The reason is required and the new holder is an active colleague, not the old one; returns the
    stripped reason. Each app's service adds what its work asks (team, role, law)."""
    fouten: dict[str, list[str]] = {}
    reden = (reden or "").strip()
    if not reden:
        fouten["reden"] = [_("Schrijf op waarom dit werk naar een collega gaat.")]
    if naar is None:
        fouten["naar"] = [_("Kies de collega die het werk overneemt.")]
    elif not naar.is_active:
        fouten["naar"] = [_("%(wie)s is niet (meer) actief en kan geen werk overnemen.") % {"wie": naar}]
    elif naar.pk == van.pk:
        fouten["naar"] = [_("Kies een andere collega dan wie het werk nu heeft.")]
    if fouten:
        raise ValidationError(fouten)
    if not rechten.mag_herverdelen_van(door, van):
        raise PermissionDenied(_("Het werk van deze medewerker verdeelt de coördinator van diens teams."))
    return reden


def al_overgedragen(huidige: Medewerker | None) -> ValidationError:
    """A colleague was first (two coordinators at once, or a stale page): nothing changed."""
    return ValidationError(
        _("Dit werk is intussen al overgedragen (nu bij %(wie)s); er is niets veranderd. Vernieuw de pagina.")
        % {"wie": huidige or _("niemand")},
        code="al_overgedragen",
    )


# -- the household's regisseur (kernel work, listed through the same register) -------------------------


def _regisseuritem(huishouden: Huishouden) -> Werkitem:
    return Werkitem(
        soort="regisseur",
        uuid=huishouden.uuid,
        medewerker_id=huishouden.regisseur_id,
        omschrijving=_("Regisseur van %(huishouden)s") % {"huishouden": huishouden},
        link=reverse("huishouden", kwargs={"uuid": huishouden.uuid}),
    )


def open_regisseurrollen(medewerker_ids: Iterable[int]) -> list[Werkitem]:
    huishoudens = Huishouden.objects.filter(regisseur_id__in=list(medewerker_ids)).order_by("pk")
    return [_regisseuritem(h) for h in huishoudens]


@transaction.atomic
def regisseur_herverdelen(
    *, door: Medewerker, uuid, van: Medewerker, naar: Medewerker | None, reden: str
) -> Werkitem:
    """A new regisseur: someone already involved with every member, or one the coordinator of the
    members' teams confirms (the reason is the confirmation); the rights module moves the betrokkenheid."""
    reden = herverdeling_controleren(door=door, van=van, naar=naar, reden=reden)
    huishouden = Huishouden.objects.select_for_update().filter(uuid=uuid).first()
    if huishouden is None:
        raise PermissionDenied(_("Dit huishouden verdeelt de coördinator van de teams van de leden."))
    if huishouden.regisseur_id != van.pk:
        raise al_overgedragen(huishouden.regisseur)
    if not rechten.mag_regisseur_worden(naar, huishouden, door):
        raise ValidationError(
            {
                "naar": [
                    _(
                        "De regisseur is een actieve beroepskracht of consulent die bij elk lid betrokken "
                        "is, of die de coördinator van de teams van alle leden bevestigt; "
                        "%(wie)s kan dat niet."
                    )
                    % {"wie": naar}
                ]
            }
        )
    huishouden.regisseur = naar
    huishouden._change_reason = reden[:100]
    huishouden.save()
    rechten.regisseur_overdragen(huishouden, van, naar)
    return _regisseuritem(huishouden)
