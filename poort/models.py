"""Triage decisions of the poort: append-only, with who, when and why; and its koppelverzoeken."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meldingen.models import Melding, tekstlengtes_controleren
from meldingen.vocab import TriageUitkomst
from skt.models import Inwoner, Medewerker, Team


class Triage(models.Model):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="triages")
    uitkomst = models.CharField(_("uitkomst"), max_length=30, choices=TriageUitkomst.choices)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reden = models.TextField(_("reden"), max_length=2000)
    jeugd_motivatie = models.TextField(
        _("waarom past het kernteam bij deze jeugdvraag"), max_length=2000, blank=True
    )
    is_doorschakeling = models.BooleanField(_("doorschakeling"), default=False)
    door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("triagebesluit")
        verbose_name_plural = _("triagebesluiten")
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.get_uitkomst_display()} ({self.op:%d-%m-%Y})"

    def clean(self) -> None:
        tekstlengtes_controleren(self)


class Koppelverzoek(models.Model):
    """A refused re-registration: the poort helps the asker to the inwoner they may not see.

    Keeps only what the asker typed to recognise the person (name, birth date), never the BSN again:
    the inwoner it matched is the link. The asker sees the outcome, never the toelichting.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")

    class Uitkomst(models.TextChoices):
        MELDING_GEREGISTREERD = "melding_geregistreerd", _("Melding geregistreerd")
        BETROKKENHEID_NIET_NODIG = "betrokkenheid_niet_nodig", _("Betrokkenheid niet nodig")
        ANDERS_GEHOLPEN = "anders_geholpen", _("Op een andere manier geholpen")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inwoner = models.ForeignKey(
        Inwoner, verbose_name=_("inwoner"), on_delete=models.CASCADE, related_name="koppelverzoeken"
    )
    gevraagd_door = models.ForeignKey(
        Medewerker, verbose_name=_("gevraagd door"), on_delete=models.PROTECT, related_name="+"
    )
    teams = models.ManyToManyField(Team, verbose_name=_("teams van de vrager"), blank=True, related_name="+")
    gevraagd_op = models.DateTimeField(_("gevraagd op"), default=timezone.now, db_index=True)
    voornamen_ingevoerd = models.CharField(_("voornamen zoals ingevoerd"), max_length=200, blank=True)
    achternaam_ingevoerd = models.CharField(_("achternaam zoals ingevoerd"), max_length=200, blank=True)
    geboortedatum_ingevoerd = models.DateField(_("geboortedatum zoals ingevoerd"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    uitkomst = models.CharField(_("uitkomst"), max_length=30, choices=Uitkomst.choices, blank=True)
    toelichting = models.TextField(_("toelichting"), max_length=2000, blank=True)
    melding = models.ForeignKey(
        Melding,
        verbose_name=_("geregistreerde melding"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    afgehandeld_door = models.ForeignKey(
        Medewerker,
        verbose_name=_("afgehandeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[teams])

    class Meta:
        verbose_name = _("koppelverzoek")
        verbose_name_plural = _("koppelverzoeken")
        ordering = ["gevraagd_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inwoner", "gevraagd_door"],
                condition=models.Q(status="open"),
                name="koppelverzoek_een_open_per_vrager",
            )
        ]
        indexes = [models.Index(fields=["status", "gevraagd_op"], name="koppelverzoek_status_idx")]

    def __str__(self) -> str:
        return f"Koppelverzoek van {self.gevraagd_op:%d-%m-%Y} ({self.get_status_display().lower()})"

    def clean(self) -> None:
        tekstlengtes_controleren(self)
