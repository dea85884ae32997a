"""The kwartaalmonitor: anonymous fact tables, streefwaarden and frozen reports.

The fact tables hold no personal data: no inwoner, no names, no free text. They are kept current
from the registration (monitor/feiten.py) and filled by the historical import, so the monitor is
fast (aggregates over one narrow table), serves ``beleid`` without touching a dossier, and keeps
its figures when the retention job removes the personal data behind them. Being anonymous and
outside simple-history, they may be written with bulk operations.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from skt.models import Kern, Leefgebied, Team


class Bron(models.TextChoices):
    LIVE = "live", _("Registratie in dit systeem")
    IMPORT = "import", _("Historische import")


class MeldingFeit(models.Model):
    """One melding, reduced to what the monitor counts."""

    bron = models.CharField(_("bron"), max_length=10, choices=Bron.choices)
    # The import's meldingnummer, or "skt-<pk>" for a melding registered here.
    sleutel = models.CharField(_("meldingnummer"), max_length=100)
    # Only for live meldingen; no foreign key, because the fact outlives the melding's retention.
    melding_id = models.BigIntegerField(null=True, blank=True, unique=True)
    aanmeldingsdatum = models.DateField(_("datum van aanmelding"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    ingang = models.CharField(_("ingang"), max_length=20, blank=True)
    melder = models.CharField(_("melder"), max_length=30, blank=True)
    leefgebieden = models.ManyToManyField(Leefgebied, through="MeldingFeitLeefgebied", related_name="+")
    jeugd = models.BooleanField(_("jeugd"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, blank=True)
    triage_uitkomst = models.CharField(_("triage"), max_length=30, blank=True)
    veilig_thuis = models.BooleanField(_("veiligheidssignaal"), default=False)
    doorschakelingen = models.PositiveSmallIntegerField(_("doorschakelingen"), default=0)
    eerste_contact_op = models.DateField(_("eerste contact"), null=True, blank=True)
    dagen_tot_eerste_contact = models.IntegerField(_("dagen tot eerste contact"), null=True, blank=True)
    # Counting contactmomenten of the casussen of this melding (follow-ups excluded); None: no casus.
    contactmomenten = models.PositiveSmallIntegerField(_("contactmomenten"), null=True, blank=True)
    maximum_bereikt = models.BooleanField(_("maximum contactmomenten bereikt"), default=False)
    uitstroom = models.CharField(_("uitstroom"), max_length=30, blank=True)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    # Derived, for the wachtlijst: the day this melding stopped waiting for a first contact (contact
    # or closing, whichever came first); None while it waits. A melding that never waits for the
    # kernteam (answered at the poort, sent to the loket) stops on its aanmeldingsdatum.
    wacht_tot = models.DateField(null=True, blank=True)
    # Derived: how many leefgebieden (0 = 'onbekend'), so that count needs no join.
    leefgebieden_aantal = models.PositiveSmallIntegerField(default=0)
    # The rekenkamer's age groups, from the age on the aanmeldingsdatum ('' unknown: anonymous,
    # no birth date, or imported history), and a one-way pseudonym of the inwoner ('' unknown) that
    # only serves to count unique inwoners: a keyed hash, so it leads back to nobody.
    # A database default too: the historical import and the test data write with COPY.
    leeftijdsgroep = models.CharField(max_length=5, blank=True, default="", db_default="")
    inwoner_sleutel = models.CharField(max_length=32, blank=True, default="", db_default="")
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)

    class Meta:
        verbose_name = _("meldingfeit")
        verbose_name_plural = _("meldingfeiten")
        constraints = [models.UniqueConstraint(fields=["bron", "sleutel"], name="meldingfeit_uniek")]
        indexes = [
            # A period's facts; with wacht_tot the wachtlijst of an older date is an index-only scan.
            models.Index(fields=["aanmeldingsdatum", "wacht_tot"], name="feit_datum_wacht_idx"),
            models.Index(fields=["team", "aanmeldingsdatum"], name="feit_team_datum_idx"),
            models.Index(fields=["kern", "aanmeldingsdatum"], name="feit_kern_datum_idx"),
            # The wachtlijst of a recent date: the few that still waited then (or wait now).
            models.Index(fields=["wacht_tot", "aanmeldingsdatum"], name="feit_wacht_idx"),
        ]

    def __str__(self) -> str:
        return self.sleutel

    def afleiden(self) -> "MeldingFeit":
        """Fill the derived fields from the row itself."""
        contact, afgesloten = self.eerste_contact_op, self.afgesloten_op
        self.dagen_tot_eerste_contact = (contact - self.aanmeldingsdatum).days if contact else None
        if self.triage_uitkomst in GEEN_WACHTTIJD:
            self.wacht_tot = self.aanmeldingsdatum
        else:
            self.wacht_tot = min((d for d in (contact, afgesloten) if d), default=None)
        return self


# Meldingen that never wait for a first contact by the kernteam.
GEEN_WACHTTIJD = ("direct", "loket", "veilig_thuis")


class MeldingFeitLeefgebied(models.Model):
    """One leefgebied of a melding. Date, team and kern are copied from the fact (a star schema's
    denormalisation), so the counts per leefgebied are one index range without a join."""

    feit = models.ForeignKey(MeldingFeit, on_delete=models.CASCADE, related_name="leefgebied_regels")
    leefgebied = models.ForeignKey(Leefgebied, on_delete=models.PROTECT, related_name="+")
    aanmeldingsdatum = models.DateField()
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )
    kern = models.ForeignKey(
        Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feit", "leefgebied"], name="meldingfeit_leefgebied_uniek")
        ]
        indexes = [
            models.Index(fields=["aanmeldingsdatum", "leefgebied", "team"], name="feitlg_datum_idx"),
        ]

    @classmethod
    def voor(cls, feit: MeldingFeit, leefgebied_id: int) -> "MeldingFeitLeefgebied":
        return cls(
            feit=feit,
            leefgebied_id=leefgebied_id,
            aanmeldingsdatum=feit.aanmeldingsdatum,
            team_id=feit.team_id,
            kern_id=feit.kern_id,
        )


class CasusFeit(models.Model):
    """One casus (kortdurende ondersteuning), reduced to what the monitor counts."""

    casus_id = models.BigIntegerField(unique=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=20, blank=True)
    startdatum = models.DateField(null=True, blank=True)
    afgesloten_op = models.DateField(null=True, blank=True)
    afsluitreden = models.CharField(max_length=30, blank=True)
    contactmomenten = models.PositiveSmallIntegerField(default=0)
    maximum_bereikt = models.BooleanField(default=False)
    gezamenlijke_huisbezoeken = models.PositiveSmallIntegerField(default=0)
    cijfer = models.PositiveSmallIntegerField(null=True, blank=True)
    # ZRM: the number of domains scored at start and at close, and the sum of (close - start).
    zrm_domeinen = models.PositiveSmallIntegerField(default=0)
    zrm_verschil = models.SmallIntegerField(default=0)
    # None until the effect term after closing has passed; then whether maatwerk was asked.
    maatwerk_na_afsluiten = models.BooleanField(null=True, blank=True)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("casusfeit")
        verbose_name_plural = _("casusfeiten")
        indexes = [
            models.Index(fields=["startdatum"], name="casusfeit_start_idx"),
            models.Index(fields=["afgesloten_op"], name="casusfeit_afgesloten_idx"),
        ]


class AanvraagFeit(models.Model):
    """One hand-off to the loket (an Aanvraag of the werkvoorraad), reduced to what the monitor counts:
    dates, law, team, kern and outcome; no inwoner, no names, no reasons."""

    aanvraag_id = models.BigIntegerField(unique=True)
    wet = models.CharField(max_length=10)
    bron = models.CharField(max_length=30, blank=True)
    # The team that handed over (None: the poort or the loket itself).
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    overgedragen_op = models.DateField()
    # The legal deadline: the item's (from the hand-off), or the plan's when that falls later (an
    # aanvraag after the onderzoek, or an extension under Awb 4:14).
    besluit_einde = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=30)
    afgehandeld_op = models.DateField(null=True, blank=True)
    # When the loket decided: the plan's decision (the beschikking) for maatwerk, else the day the
    # item ended (geen maatwerk, doorverwezen). None while undecided.
    besloten_op = models.DateField(null=True, blank=True)
    # The start of the first granted voorziening of the plan made from the item, and the wait for it.
    eerste_ingang = models.DateField(null=True, blank=True)
    wachttijd_dagen = models.IntegerField(null=True, blank=True)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("aanvraagfeit")
        verbose_name_plural = _("aanvraagfeiten")
        indexes = [
            models.Index(fields=["besluit_einde"], name="aanvraagfeit_einde_idx"),
            models.Index(fields=["besloten_op"], name="aanvraagfeit_besloten_idx"),
            models.Index(fields=["afgehandeld_op"], name="aanvraagfeit_afgehandeld_idx"),
            models.Index(fields=["eerste_ingang"], name="aanvraagfeit_ingang_idx"),
        ]


class ArrangementFeit(models.Model):
    """One submitted arrangement (voorwerk or regular route), reduced to its legal term and decision."""

    arrangement_id = models.BigIntegerField(unique=True)
    route = models.CharField(max_length=10)
    wet = models.CharField(max_length=10)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    ingediend_op = models.DateField()
    beslistermijn_einde = models.DateField(null=True, blank=True)
    besloten_op = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=30)
    # The voorwerk KPIs count from here, not from the plan, so the figures of a past quarter outlive
    # the plan's retention: sent back at least once, the day the inwoner's wait began (melding, else
    # aanvraag, else submission; None until the first refresh after this column came), on time.
    teruggegeven = models.BooleanField(default=False)
    begin = models.DateField(null=True, blank=True)
    besloten_binnen_termijn = models.BooleanField(null=True, blank=True)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("arrangementfeit")
        verbose_name_plural = _("arrangementfeiten")
        indexes = [
            models.Index(fields=["route", "beslistermijn_einde"], name="arrfeit_route_termijn_idx"),
            models.Index(fields=["route", "besloten_op"], name="arrfeit_route_besloten_idx"),
            models.Index(fields=["route", "ingediend_op"], name="arrfeit_route_ingediend_idx"),
        ]


class VoorzieningFeit(models.Model):
    """One granted onderdeel of a plan (a Beoordeling with toegekend), reduced to what the rekenkamer
    asks about it: when, which law, team and kern, ZIN or PGB, and the zorgaanbieder's name (an
    organisation, not a person). Counted only in aggregates."""

    beoordeling_id = models.BigIntegerField(unique=True)
    wet = models.CharField(max_length=10)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The beschikkingsdatum, else the day the plan was decided.
    toegekend_op = models.DateField()
    leveringsvorm = models.CharField(max_length=3, blank=True)
    zorgaanbieder = models.CharField(max_length=200, blank=True)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("voorzieningfeit")
        verbose_name_plural = _("voorzieningfeiten")
        indexes = [models.Index(fields=["toegekend_op"], name="voorzieningfeit_datum_idx")]


class HuisbezoekFeit(models.Model):
    """One gezamenlijk huisbezoek (a contactmoment of kernteam and consulent together), by its date.

    A fact of its own so the count of a past quarter outlives the retention of the casus."""

    contactmoment_id = models.BigIntegerField(unique=True)
    datum = models.DateField()
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    bijgewerkt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("huisbezoekfeit")
        verbose_name_plural = _("huisbezoekfeiten")
        indexes = [models.Index(fields=["datum"], name="huisbezoekfeit_datum_idx")]


class EvaluatieFeit(models.Model):
    """One planned evaluation of a granted plan: when it was due and when (if yet) it was done."""

    arrangement_id = models.BigIntegerField()
    wet = models.CharField(max_length=10)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    gepland_op = models.DateField()
    gedaan_op = models.DateField(null=True, blank=True)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evaluatiefeit")
        verbose_name_plural = _("evaluatiefeiten")
        constraints = [
            models.UniqueConstraint(fields=["arrangement_id", "gepland_op"], name="evaluatiefeit_uniek")
        ]
        indexes = [models.Index(fields=["gepland_op"], name="evaluatiefeit_gepland_idx")]


class Streefwaarde(models.Model):
    """A target for one KPI, at one level; every change is kept (simple-history).

    Without a team it is the gemeente's target: the raad's, recorded by beleid with the raadsbesluit
    (date and reference) it comes from. With a team (a kernteam or a cluster) it is the coordinator's
    stricter target for that team. A KPI is judged against the most specific target that applies
    (monitor.berekening.streefwaarde_voor). Rows from before the levels existed have no team and no
    raadsbesluit: the coordinator set them for the gemeente.
    """

    kpi = models.CharField(_("KPI"), max_length=80)
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team of cluster"),
    )
    waarde = models.DecimalField(_("streefwaarde"), max_digits=8, decimal_places=1, null=True, blank=True)
    raadsbesluit_datum = models.DateField(_("datum raadsbesluit"), null=True, blank=True)
    raadsbesluit_kenmerk = models.CharField(_("kenmerk raadsbesluit"), max_length=100, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("streefwaarde")
        verbose_name_plural = _("streefwaarden")
        ordering = ["kpi", "team_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kpi"], condition=models.Q(team__isnull=True), name="streefwaarde_gemeente_uniek"
            ),
            models.UniqueConstraint(
                fields=["kpi", "team"], condition=models.Q(team__isnull=False), name="streefwaarde_team_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kpi} ({self.team or 'gemeente'}): {self.waarde}"


class RapportStatus(models.TextChoices):
    WACHTEND = "wachtend", _("In de wachtrij")
    BEZIG = "bezig", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


def _pdf_pad(rapport: "MonitorRapport", bestandsnaam: str) -> str:
    return f"monitor/{rapport.van:%Y}/{bestandsnaam}"


class MonitorRapport(models.Model):
    """A frozen monitor over a period: the figures, their definitions and the profile, as built."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    versie = models.PositiveIntegerField(_("versie"))
    # The idempotency key: a retried task or a doubled request finds this row instead of a new one.
    sleutel = models.CharField(max_length=100, unique=True)
    status = models.CharField(max_length=10, choices=RapportStatus.choices, default=RapportStatus.WACHTEND)
    voortgang = models.PositiveSmallIntegerField(default=0)
    stap = models.CharField(max_length=200, blank=True)
    met_pdf = models.BooleanField(default=True)
    cijfers = models.JSONField(default=dict, blank=True)
    definities = models.JSONField(default=list, blank=True)
    profiel_naam = models.CharField(max_length=60, blank=True)
    profiel_instellingen = models.JSONField(default=dict, blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangevraagd_via = models.CharField(max_length=30, blank=True)
    aangevraagd_op = models.DateTimeField(default=timezone.now)
    gestart_op = models.DateTimeField(null=True, blank=True)
    gereed_op = models.DateTimeField(null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(default=0)
    rekentijd_ms = models.PositiveIntegerField(null=True, blank=True)
    pdf = models.FileField(upload_to=_pdf_pad, blank=True)
    pdf_paginas = models.PositiveSmallIntegerField(null=True, blank=True)
    pdf_ms = models.PositiveIntegerField(null=True, blank=True)
    fout = models.TextField(blank=True)
    # Vastgesteld by the coordinator: the version the raad gets, immutable from then on.
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("monitorrapport")
        verbose_name_plural = _("monitorrapporten")
        ordering = ["-aangevraagd_op", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["van", "tot", "versie"], name="monitorrapport_versie_uniek")
        ]

    def __str__(self) -> str:
        return f"Monitor {self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y} (versie {self.versie})"

    def save(self, *args, **kwargs):
        # A vastgesteld version is what the raad received: nothing may change it afterwards.
        if self.pk and MonitorRapport.objects.filter(pk=self.pk, vastgesteld_op__isnull=False).exists():
            raise ValidationError(_("Deze versie is vastgesteld en kan niet meer worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and MonitorRapport.objects.filter(pk=self.pk, vastgesteld_op__isnull=False).exists():
            raise ValidationError(_("Deze versie is vastgesteld en kan niet worden verwijderd."))
        return super().delete(*args, **kwargs)

    @property
    def is_klaar(self) -> bool:
        return self.status == RapportStatus.KLAAR

    @property
    def is_bezig(self) -> bool:
        return self.status in (RapportStatus.WACHTEND, RapportStatus.BEZIG)

    @property
    def is_vastgesteld(self) -> bool:
        return self.vastgesteld_op is not None


class MonitorBericht(models.Model):
    """An in-app notice to a coordinator, e.g. that the quarterly monitor is ready."""

    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rapport = models.ForeignKey(MonitorRapport, on_delete=models.CASCADE, related_name="berichten")
    tekst = models.CharField(max_length=500)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    gelezen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "rapport"], name="monitorbericht_een_per_rapport")
        ]
