"""Retention across the apps: the bewaarplicht that stops it, the AVG erasure request, and the record
of what the retention job removed (without personal data).

The job itself is dossier/bewaartermijnen.py; it lives in the top layer because it removes an
inwoner's rows from every app.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from skt.models import Inwoner, Medewerker


class Bewaarplicht(models.Model):
    """A legal hold on an inwoner's dossier: while it is not lifted, nothing of the inwoner is removed."""

    class Grond(models.TextChoices):
        BEZWAAR = "bezwaar", _("Bezwaar of beroep loopt")
        KLACHT = "klacht", _("Klacht in behandeling")
        JURIDISCH = "juridisch", _("Juridische procedure (legal hold)")
        OVERIG = "overig", _("Andere wettelijke reden")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inwoner = models.ForeignKey(
        Inwoner, verbose_name=_("inwoner"), on_delete=models.CASCADE, related_name="bewaarplichten"
    )
    grond = models.CharField(_("grond"), max_length=20, choices=Grond.choices)
    reden = models.TextField(_("reden"), max_length=2000)
    ingesteld_door = models.ForeignKey(
        Medewerker, verbose_name=_("ingesteld door"), on_delete=models.PROTECT, related_name="+"
    )
    ingesteld_op = models.DateTimeField(_("ingesteld op"), default=timezone.now)
    opgeheven_door = models.ForeignKey(
        Medewerker,
        verbose_name=_("opgeheven door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    opgeheven_op = models.DateTimeField(_("opgeheven op"), null=True, blank=True)
    opheffing_reden = models.CharField(_("reden van opheffen"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bewaarplicht")
        verbose_name_plural = _("bewaarplichten")
        ordering = ["-ingesteld_op", "-pk"]
        indexes = [models.Index(fields=["inwoner", "opgeheven_op"], name="bewaarplicht_actief_idx")]

    def __str__(self) -> str:
        return f"{self.get_grond_display()} ({self.ingesteld_op:%d-%m-%Y})"

    @property
    def is_actief(self) -> bool:
        return self.opgeheven_op is None


class Verwijderverzoek(models.Model):
    """A request for erasure (AVG art. 17) with the coordinator's decision and its legal ground.

    After a granted request was carried out the record stays as accountability, detached from the
    inwoner (``inwoner`` empty) and without its free text: what remains is no personal data.
    """

    class Besluit(models.TextChoices):
        TOEGEWEZEN = "toegewezen", _("Toegewezen")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    class Grondslag(models.TextChoices):
        NIET_MEER_NODIG = "17_1_a", _("Art. 17 lid 1 sub a: niet meer nodig voor het doel")
        BEZWAAR_GEGROND = "17_1_c", _("Art. 17 lid 1 sub c: bezwaar (art. 21) gegrond")
        ONRECHTMATIG = "17_1_d", _("Art. 17 lid 1 sub d: onrechtmatig verwerkt")
        WETTELIJKE_WISPLICHT = "17_1_e", _("Art. 17 lid 1 sub e: wettelijke plicht tot wissen")
        WETTELIJKE_BEWAARPLICHT = (
            "17_3_b",
            _("Art. 17 lid 3 sub b: wettelijke bewaarplicht (Archiefwet, Selectielijst, Wmo/Jeugdwet)"),
        )
        ARCHIEF = "17_3_d", _("Art. 17 lid 3 sub d: archivering in het algemeen belang")
        RECHTSVORDERING = (
            "17_3_e",
            _("Art. 17 lid 3 sub e: instelling, uitoefening of onderbouwing van een rechtsvordering"),
        )
        BEWAARPLICHT = "bewaarplicht", _("Art. 17 lid 3: er geldt een bewaarplicht op dit dossier")

    TOEWIJZEN = (
        Grondslag.NIET_MEER_NODIG,
        Grondslag.BEZWAAR_GEGROND,
        Grondslag.ONRECHTMATIG,
        Grondslag.WETTELIJKE_WISPLICHT,
    )
    AFWIJZEN = (
        Grondslag.WETTELIJKE_BEWAARPLICHT,
        Grondslag.ARCHIEF,
        Grondslag.RECHTSVORDERING,
        Grondslag.BEWAARPLICHT,
    )

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inwoner = models.ForeignKey(
        Inwoner,
        verbose_name=_("inwoner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verwijderverzoeken",
    )
    ontvangen_op = models.DateField(_("verzoek ontvangen op"), default=timezone.localdate)
    besluit = models.CharField(_("besluit"), max_length=12, choices=Besluit.choices)
    grondslag = models.CharField(_("grondslag"), max_length=20, choices=Grondslag.choices)
    toelichting = models.TextField(_("toelichting"), max_length=2000, blank=True)
    besloten_door = models.ForeignKey(
        Medewerker, verbose_name=_("besloten door"), on_delete=models.PROTECT, related_name="+"
    )
    besloten_op = models.DateTimeField(_("besloten op"), default=timezone.now)
    uitgevoerd_op = models.DateTimeField(_("uitgevoerd op"), null=True, blank=True)
    run = models.ForeignKey(
        "Bewaarrun",
        verbose_name=_("verwijdering"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verwijderverzoeken",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verzoek tot verwijdering (AVG art. 17)")
        verbose_name_plural = _("verzoeken tot verwijdering (AVG art. 17)")
        ordering = ["-besloten_op", "-pk"]

    def __str__(self) -> str:
        return f"Verwijderverzoek van {self.ontvangen_op:%d-%m-%Y}: {self.get_besluit_display().lower()}"


class Bewaarrun(models.Model):
    """One run of the retention job (nightly, the command, or one granted erasure request).

    Its counts are written in the transaction of each inwoner it removed, so a run that was killed
    halfway says exactly what it removed; the next run finishes the rest.
    """

    class Aanleiding(models.TextChoices):
        PLANNING = "planning", _("Nachtelijke taak")
        COMMANDO = "commando", _("Commando bewaartermijnen")
        VERWIJDERVERZOEK = "verwijderverzoek", _("Toegewezen verzoek tot verwijdering")

    class Status(models.TextChoices):
        BEZIG = "bezig", _("Bezig (of afgebroken)")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanleiding = models.CharField(_("aanleiding"), max_length=20, choices=Aanleiding.choices)
    peildatum = models.DateField(_("peildatum"))
    gestart_op = models.DateTimeField(_("gestart op"), default=timezone.now)
    beeindigd_op = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BEZIG)
    inwoners = models.PositiveIntegerField(_("inwoners verwijderd"), default=0)
    overgeslagen = models.PositiveIntegerField(_("inwoners overgeslagen"), default=0)
    fout = models.CharField(_("fout"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("verwijdering (bewaartermijnen)")
        verbose_name_plural = _("verwijderingen (bewaartermijnen)")
        ordering = ["-gestart_op", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.get_aanleiding_display()} {self.gestart_op:%d-%m-%Y %H:%M}"


class Bewaartelling(models.Model):
    """How many rows of one table one rule removed in one run. No ids, no names."""

    class Regel(models.TextChoices):
        MET_VOORZIENING = (
            "met_voorziening",
            _("Plan met toegekende maatwerkvoorziening: 15 jaar na het einde"),
        )
        ZONDER_VOORZIENING = (
            "zonder_voorziening",
            _("Zonder maatwerkvoorziening: 5 jaar na de laatste activiteit"),
        )
        VERWIJDERVERZOEK = "verwijderverzoek", _("Toegewezen verzoek tot verwijdering (AVG art. 17)")

    run = models.ForeignKey(Bewaarrun, on_delete=models.CASCADE, related_name="tellingen")
    regel = models.CharField(_("regel"), max_length=20, choices=Regel.choices)
    tabel = models.CharField(_("tabel"), max_length=120)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        verbose_name = _("telling")
        verbose_name_plural = _("tellingen")
        ordering = ["regel", "tabel"]
        default_permissions = ("view",)
        constraints = [models.UniqueConstraint(fields=["run", "regel", "tabel"], name="bewaartelling_uniek")]


class Samenvoeging(models.Model):
    """Two registrations of one person made one: the merge record.

    The ``vervallen`` inwoner stays as a tombstone (its history and access-log rows keep pointing at
    it); its dossier URL redirects to the ``overlevende``, and lists and searches leave it out.
    ``verplaatst`` says what moved, per kind of record, with the ids, and which field values were taken.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vervallen = models.OneToOneField(
        Inwoner,
        verbose_name=_("vervallen registratie"),
        on_delete=models.CASCADE,
        related_name="samenvoeging_vervallen",
    )
    overlevende = models.ForeignKey(
        Inwoner,
        verbose_name=_("overlevende registratie"),
        on_delete=models.CASCADE,
        related_name="samenvoegingen",
    )
    door = models.ForeignKey(
        Medewerker, verbose_name=_("samengevoegd door"), on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField(_("samengevoegd op"), default=timezone.now)
    reden = models.CharField(_("reden"), max_length=500, blank=True)
    verplaatst = models.JSONField(_("verplaatst"), default=dict)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("samenvoeging")
        verbose_name_plural = _("samenvoegingen")
        ordering = ["-op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(vervallen=models.F("overlevende")),
                name="samenvoeging_niet_met_zichzelf",
                violation_error_message=_("Een inwoner kan niet met zichzelf worden samengevoegd."),
            )
        ]

    def __str__(self) -> str:
        return f"Samenvoeging {self.op:%d-%m-%Y}"
