"""The loket's werkvoorraad: one Aanvraag per hand-off to the loket, with its context and legal clock.

Every way an inwoner's question reaches the loket (triage, doorschakeling, opschaling of a casus, a
melding the consulent registers) becomes an item for the consulenten of the right law. It ends in
one of three ways, each with who, when and why: a regular-route plan, "geen maatwerk nodig" (back to
the kernteam: the question is forwarded, not the inwoner), or doorverwezen.

Who sees an item is a rule on its own indexed columns (law, team that handed over, who handed over;
arrangementen/rechten.py), not a grant per row: the loket works on every item of its law.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from casussen.models import Casus
from meldingen.models import Melding, tekstlengtes_controleren
from skt.models import Inwoner, Medewerker, Team
from skt.workflow import StatusRegel

from ..workflow import AanvraagStatus
from .plan import Arrangement, Wet


class AanvraagBron(models.TextChoices):
    TRIAGE_LOKET = "triage_loket", _("Triage naar het loket")
    TRIAGE_KERNTEAM_CONSULENT = "triage_kernteam_consulent", _("Triage: kernteam met consulent")
    VEILIG_THUIS = "veilig_thuis", _("Veiligheidssignaal")
    DOORSCHAKELING = "doorschakeling", _("Doorgeschakeld naar het loket")
    OPSCHALING = "opschaling", _("Casus opgeschaald")
    LOKET_MELDING = "loket_melding", _("Melding bij het loket")


class Aanvraag(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inwoner = models.ForeignKey(
        Inwoner,
        verbose_name=_("inwoner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanvragen",
    )
    wet = models.CharField(_("wet"), max_length=10, choices=Wet.choices)
    bron = models.CharField(_("hoe het bij het loket kwam"), max_length=30, choices=AanvraagBron.choices)
    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    casus = models.ForeignKey(
        Casus, verbose_name=_("casus"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reden = models.TextField(_("waarom naar het loket"), max_length=4000, blank=True)
    veilig_thuis = models.BooleanField(_("veiligheidssignaal"), default=False)
    overgedragen_door = models.ForeignKey(
        Medewerker, verbose_name=_("overgedragen door"), on_delete=models.PROTECT, related_name="+"
    )
    overgedragen_team = models.ForeignKey(
        Team,
        verbose_name=_("team dat overdroeg"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The hand-off starts the legal clock (Wmo: onderzoek 6 weeks, then the beschikking; Jeugd: 8 weeks).
    overgedragen_op = models.DateTimeField(_("overgedragen op"), default=timezone.now)
    onderzoek_einde = models.DateField(_("onderzoek uiterlijk af op"), null=True, blank=True)
    besluit_einde = models.DateField(_("besluit uiterlijk op"), null=True, blank=True)
    persoonlijk_plan_einde = models.DateField(_("persoonlijk plan uiterlijk op"), null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=30, choices=AanvraagStatus.choices, default=AanvraagStatus.OPEN
    )
    behandelaar = models.ForeignKey(
        Medewerker,
        verbose_name=_("consulent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    in_behandeling_op = models.DateTimeField(_("in behandeling genomen op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        Medewerker,
        verbose_name=_("afgehandeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    uitkomst_toelichting = models.TextField(_("toelichting bij de uitkomst"), max_length=4000, blank=True)
    doorverwezen_naar = models.CharField(_("doorverwezen naar"), max_length=200, blank=True)
    arrangement = models.ForeignKey(
        Arrangement,
        verbose_name=_("plan op de reguliere route"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanvragen",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aanvraag bij het loket")
        verbose_name_plural = _("werkvoorraad van het loket")
        ordering = ["overgedragen_op", "pk"]
        indexes = [
            models.Index(fields=["wet", "status", "overgedragen_op"], name="aanvraag_wet_status_idx"),
            models.Index(fields=["overgedragen_team", "status"], name="aanvraag_team_status_idx"),
            models.Index(fields=["inwoner", "status"], name="aanvraag_inwoner_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=AanvraagStatus.IN_BEHANDELING)
                | models.Q(behandelaar__isnull=False),
                name="aanvraag_in_behandeling_heeft_behandelaar",
                violation_error_message=_("Een aanvraag in behandeling heeft een consulent."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[AanvraagStatus.OPEN, AanvraagStatus.IN_BEHANDELING])
                | models.Q(afgehandeld_op__isnull=False, afgehandeld_door__isnull=False),
                name="aanvraag_afgehandeld_met_wie_en_wanneer",
                violation_error_message=_("Een afgehandelde aanvraag zegt wie hem wanneer afhandelde."),
            ),
        ]

    def __str__(self) -> str:
        return f"Aanvraag {self.nummer}"

    def clean(self) -> None:
        tekstlengtes_controleren(self)

    @property
    def nummer(self) -> str:
        return f"L{self.overgedragen_op:%Y}-{self.pk:06d}" if self.pk else "nieuw"

    @property
    def is_open(self) -> bool:
        return self.status in (AanvraagStatus.OPEN, AanvraagStatus.IN_BEHANDELING)


class AanvraagStatusRegel(StatusRegel):
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="statusregels")
    status = models.CharField(max_length=30, choices=AanvraagStatus.choices)
    toelichting = models.CharField(max_length=4000, blank=True)

    class Meta(StatusRegel.Meta):
        verbose_name = _("statusregel aanvraag")
