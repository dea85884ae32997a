"""What follows a plan or a hand-off: messages to whoever handed over, evaluations, the effect measurement."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from casussen.models import Casus
from meldingen.models import Melding, tekstlengtes_controleren
from skt.models import Inwoner, Medewerker

from .plan import Arrangement
from .werkvoorraad import Aanvraag


class Notificatie(models.Model):
    """An in-app message ('bericht') to one medewerker, e.g. the decision on a plan they drafted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    medewerker = models.ForeignKey(Medewerker, on_delete=models.CASCADE, related_name="notificaties")
    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.CASCADE, null=True, blank=True, related_name="notificaties"
    )
    aanvraag = models.ForeignKey(
        Aanvraag, on_delete=models.CASCADE, null=True, blank=True, related_name="notificaties"
    )
    tekst = models.CharField(_("bericht"), max_length=500)
    link = models.CharField(_("link"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt_op", "-pk"]
        indexes = [
            models.Index(fields=["medewerker", "gelezen_op"], name="notificatie_ongelezen_idx"),
            # The Berichten page: a person's newest first, a page at a time (issue 14).
            models.Index(fields=["medewerker", "-aangemaakt_op", "-id"], name="notificatie_nieuwste_idx"),
        ]

    def __str__(self) -> str:
        return self.tekst

    @property
    def is_gelezen(self) -> bool:
        return self.gelezen_op is not None


class Effectmeting(models.Model):
    """Whether maatwerk followed within N days after a casus closed (the rekenkamer's open question)."""

    class Aanleiding(models.TextChoices):
        ARRANGEMENT = "arrangement", _("Arrangement met maatwerk ingediend")
        OPGESCHAALD = "opgeschaald", _("Casus opgeschaald naar het loket")
        MELDING_LOKET = "melding_loket", _("Nieuwe melding naar het loket")

    casus = models.OneToOneField(Casus, on_delete=models.CASCADE, related_name="effectmeting")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="+")
    afgesloten_op = models.DateField(_("casus afgesloten op"))
    peildatum = models.DateField(_("gemeten tot en met"))
    gemeten_op = models.DateTimeField(_("gemeten op"), default=timezone.now)
    maatwerk_na_afsluiting = models.BooleanField(_("maatwerk aangevraagd na afsluiten"))
    aanleiding = models.CharField(
        _("waaruit blijkt het maatwerk"), max_length=20, choices=Aanleiding.choices, blank=True
    )
    arrangement = models.ForeignKey(
        Arrangement,
        verbose_name=_("eerste arrangement met maatwerk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    melding = models.ForeignKey(
        Melding,
        verbose_name=_("eerste melding bij het loket"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("effectmeting")
        verbose_name_plural = _("effectmetingen")
        ordering = ["-peildatum"]
        indexes = [models.Index(fields=["afgesloten_op"], name="effectmeting_afgesloten_idx")]


class Evaluatie(models.Model):
    """The regisseur's evaluation of a granted plan: was the goal reached, and what comes next."""

    class Doel(models.TextChoices):
        JA = "ja", _("Ja")
        DEELS = "deels", _("Deels")
        NEE = "nee", _("Nee")

    class Vervolg(models.TextChoices):
        VOORTZETTEN = "voortzetten", _("Voortzetten zoals het is")
        BIJSTELLEN = "bijstellen", _("Bijstellen: de gewijzigde onderdelen gaan opnieuw naar de consulent")
        AFSCHALEN = "afschalen", _("Afschalen naar lichtere ondersteuning")
        BEEINDIGEN = "beeindigen", _("Beëindigen")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="evaluaties")
    doel_bereikt = models.CharField(_("doel bereikt"), max_length=5, choices=Doel.choices)
    notitie = models.TextField(_("notitie"), max_length=4000)
    vervolg = models.CharField(_("volgende stap"), max_length=12, choices=Vervolg.choices)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    reden_einde = models.CharField(_("reden van beëindigen"), max_length=500, blank=True)
    volgende_evaluatie = models.DateField(_("volgende evaluatie uiterlijk op"), null=True, blank=True)
    # Whether it was done by the planned date: the monitor's "evaluaties op tijd" survives retention.
    gepland_op = models.DateField(_("gepland op"), null=True, blank=True)
    door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(vervolg="beeindigen") | models.Q(einddatum__isnull=False),
                name="evaluatie_beeindigen_met_datum",
                violation_error_message=_("Beëindigen vraagt een einddatum."),
            ),
        ]

    def clean(self) -> None:
        tekstlengtes_controleren(self)
