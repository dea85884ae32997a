"""Refused logins: the lockout beyond username + IP, and a row in the access log for every refusal.

django-axes locks a username on one address after AXES_FAILURE_LIMIT failures (a whole office shares one
address, so a colleague's typos must not lock the others). That alone never limits one username guessed
from many addresses, nor one password tried on many usernames from one address; those lock at their own,
higher counts within the same cool-off (issue 11, finding 11).
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from .models import Toegang
from .toegang import toegang_vastleggen


def _fouten(**filters) -> int:
    sinds = timezone.now() - settings.AXES_COOLOFF_TIME
    rijen = AccessAttempt.objects.filter(attempt_time__gte=sinds, **filters)
    return rijen.aggregate(totaal=Sum("failures_since_start"))["totaal"] or 0


class InlogBlokkade(AxesDatabaseHandler):
    """Axes compares one count with one limit; the counts across addresses and across usernames are
    scaled onto that limit, so each locks exactly when it reaches its own setting."""

    def get_failures(self, request, credentials=None) -> int:
        per_combinatie = super().get_failures(request, credentials)
        limiet = get_failure_limit(request, credentials)
        gebruikersnaam = get_client_username(request, credentials)
        ip_adres = getattr(request, "axes_ip_address", None)
        over_adressen = _fouten(username=gebruikersnaam) if gebruikersnaam else 0
        over_namen = _fouten(ip_address=ip_adres) if ip_adres else 0
        return max(
            per_combinatie,
            over_adressen * limiet // settings.SKT_INLOGFOUTEN_PER_GEBRUIKERSNAAM,
            over_namen * limiet // settings.SKT_INLOGFOUTEN_PER_IP,
        )


def inlogpoging_vastleggen(sender, credentials, request=None, **kwargs):
    """Receiver of django's user_login_failed: runs after axes's own receiver (axes is installed before
    skt), so it knows whether this attempt locked the username or came in while it was locked.
    Django has already masked the password in credentials; only the username is written."""
    if request is None:
        return
    gebruikersnaam = str(credentials.get("username") or "")
    if getattr(request, "axes_locked_out", False):
        reden = "inloggen geweigerd: gebruikersnaam of adres geblokkeerd na te veel foute pogingen"
    else:
        reden = "wachtwoord of gebruikersnaam onjuist"
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.INLOGPOGING,
        geweigerd=True,
        object_soort="gebruikersnaam",
        object_id=gebruikersnaam,
        reden=reden,
    )
