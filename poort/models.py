"""Triage decisions of the poort: append-only, with who, when and why."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meldingen.models import Melding, tekstlengtes_controleren
from meldingen.vocab import TriageUitkomst
from skt.models import Medewerker, Team


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
