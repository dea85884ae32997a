"""Voorwerk-arrangementen (ondersteuningsplannen), their onderdelen and the consulent's decision.

The kernteam drafts (route voorwerk) or a consulent drafts on the loket's own route (regulier);
a consulent of the plan's law decides per onderdeel. Every submitted version is kept as a
snapshot; decisions, internal notes, term extensions and notifications are rows of their own.
Rules about one row live here; workflows are in arrangementen/services.py, the transitions in
arrangementen/workflow.py and the legal terms in arrangementen/termijnen.py.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from casussen.models import Casus
from meldingen.models import Melding, tekstlengtes_controleren
from skt.models import Inwoner, Medewerker, Organisatie, Team, Voorziening
from skt.workflow import StatusRegel

from ..workflow import BEWERKBAAR, ArrangementStatus


class Wet(models.TextChoices):
    WMO = "wmo", _("Wmo 2015")
    JEUGD = "jeugd", _("Jeugdwet")


class Route(models.TextChoices):
    VOORWERK = "voorwerk", _("Voorwerk door het kernteam")
    REGULIER = "regulier", _("Reguliere route van het loket")


class OnderdeelSoort(models.TextChoices):
    EIGEN_KRACHT = "eigen_kracht", _("Eigen kracht")
    NETWERK = "netwerk", _("Netwerk")
    VRIJWILLIGE_INZET = "vrijwillige_inzet", _("Vrijwillige inzet")
    ALGEMENE_VOORZIENING = "algemene_voorziening", _("Algemene voorziening")
    MAATWERKVOORZIENING = "maatwerkvoorziening", _("Maatwerkvoorziening")


class Leveringsvorm(models.TextChoices):
    ZIN = "zin", _("Zorg in natura (ZIN)")
    PGB = "pgb", _("Persoonsgebonden budget (PGB)")


class Eenheid(models.TextChoices):
    UUR = "uur", _("uur")
    DAGDEEL = "dagdeel", _("dagdeel")
    ETMAAL = "etmaal", _("etmaal")
    STUK = "stuk", _("stuk")
    EURO = "euro", _("euro")


class Periode(models.TextChoices):
    WEEK = "week", _("per week")
    MAAND = "maand", _("per maand")
    TOTAAL = "totaal", _("in totaal")


class MaatwerkCategorie(models.Model):
    """A product category of maatwerk (iWmo WMO022, iJw); data, so a gemeente can add its own."""

    wet = models.CharField(_("wet"), max_length=10, choices=Wet.choices)
    code = models.CharField(_("code"), max_length=10)
    label = models.CharField(_("omschrijving"), max_length=150)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("maatwerkcategorie")
        verbose_name_plural = _("maatwerkcategorieën")
        ordering = ["wet", "code"]
        constraints = [
            models.UniqueConstraint(fields=["wet", "code"], name="maatwerkcategorie_wet_code_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.get_wet_display()} {self.code} {self.label}"


class Arrangement(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inwoner = models.ForeignKey(
        Inwoner, verbose_name=_("inwoner"), on_delete=models.PROTECT, related_name="arrangementen"
    )
    casus = models.ForeignKey(
        Casus,
        verbose_name=_("casus"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arrangementen",
    )
    melding = models.ForeignKey(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arrangementen",
    )
    route = models.CharField(_("route"), max_length=10, choices=Route.choices)
    wet = models.CharField(_("wet"), max_length=10, choices=Wet.choices)
    opgesteld_door = models.ForeignKey(
        Medewerker, verbose_name=_("opgesteld door"), on_delete=models.PROTECT, related_name="+"
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team van de opsteller"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arrangementen",
    )
    status = models.CharField(
        _("status"), max_length=30, choices=ArrangementStatus.choices, default=ArrangementStatus.CONCEPT
    )
    versie = models.PositiveSmallIntegerField(_("versie"), default=1)

    feitelijke_beschrijving = models.TextField(
        _("feitelijke beschrijving"),
        max_length=4000,
        blank=True,
        help_text=_("Wat u hebt gezien en gehoord, zonder oordeel."),
    )
    wensen_inwoner = models.TextField(_("wensen van de inwoner"), max_length=4000, blank=True)
    advies_kernteamlid = models.TextField(
        _("advies van de opsteller"),
        max_length=4000,
        blank=True,
        help_text=_("Uw eigen professionele advies, los van de wensen van de inwoner."),
    )
    doel = models.TextField(_("doel"), max_length=2000, blank=True)
    aard_en_ernst = models.TextField(_("aard en ernst van de problemen"), max_length=4000, blank=True)
    duur = models.CharField(
        _("duur"), max_length=200, blank=True, help_text=_("Bijvoorbeeld '6 maanden' of 'tot de zomer'.")
    )
    beoogd_resultaat = models.TextField(_("beoogd resultaat"), max_length=2000, blank=True)
    meldingsdatum = models.DateField(
        _("datum van de melding"),
        null=True,
        blank=True,
        help_text=_("Start de onderzoekstermijn van de Wmo (6 weken)."),
    )
    aanvraagdatum = models.DateField(
        _("datum van de aanvraag"),
        null=True,
        blank=True,
        help_text=_("Start de beslistermijn. Leeg gelaten wordt het de dag van indienen."),
    )
    keukentafelgesprek_op = models.DateField(_("datum keukentafelgesprek"), null=True, blank=True)

    # Kept by arrangementen.services from the gemeente profile and any extension (Awb 4:14).
    onderzoekstermijn_einde = models.DateField(_("onderzoek uiterlijk af op"), null=True, blank=True)
    beslistermijn_einde = models.DateField(_("besluit uiterlijk op"), null=True, blank=True)

    behandelaar = models.ForeignKey(
        Medewerker,
        verbose_name=_("consulent in behandeling"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    eerst_ingediend_op = models.DateTimeField(_("eerst ingediend op"), null=True, blank=True)
    ingediend_op = models.DateTimeField(_("laatst ingediend op"), null=True, blank=True)
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    besloten_binnen_termijn = models.BooleanField(_("besloten binnen de termijn"), null=True, blank=True)
    besluit_toelichting = models.TextField(_("toelichting bij het besluit"), max_length=4000, blank=True)
    # After the decision (steps 6-7): when the regisseur evaluates, and whether the plan has ended.
    evaluatiedatum = models.DateField(_("evalueren uiterlijk op"), null=True, blank=True)
    beeindigd_op = models.DateField(_("beëindigd op"), null=True, blank=True)
    # The plan an adjustment (bijstellen) replaced: only its changed onderdelen went to the consulent.
    vorige = models.ForeignKey(
        "self",
        verbose_name=_("bijgesteld van"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementen")
        ordering = ["-aangemaakt_op"]
        permissions = [("beoordelen_arrangement", _("Arrangement beoordelen (consulent)"))]
        indexes = [
            models.Index(fields=["wet", "status", "beslistermijn_einde"], name="arr_wet_status_termijn_idx"),
            models.Index(fields=["team", "status"], name="arr_team_status_idx"),
            models.Index(fields=["inwoner", "status"], name="arr_inwoner_status_idx"),
            models.Index(fields=["route", "eerst_ingediend_op"], name="arr_route_ingediend_idx"),
            models.Index(fields=["status", "evaluatiedatum"], name="arr_status_evaluatie_idx"),
            # The overview's keyset pages, newest first (issue 14).
            models.Index(fields=["-aangemaakt_op", "-id"], name="arr_nieuwste_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(versie__gte=1), name="arrangement_versie_vanaf_1"),
            # The services keep this rule; the database keeps it too, for every other way in.
            models.CheckConstraint(
                condition=~models.Q(status=ArrangementStatus.IN_BEHANDELING)
                | models.Q(behandelaar__isnull=False),
                name="arrangement_in_behandeling_heeft_behandelaar",
                violation_error_message=_(
                    "Een arrangement in behandeling heeft een consulent die het behandelt."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Arrangement {self.nummer}"

    def clean(self) -> None:
        tekstlengtes_controleren(self)

    @property
    def nummer(self) -> str:
        return f"A{self.aangemaakt_op:%Y}-{self.pk:06d}" if self.pk else "nieuw"

    @property
    def is_bewerkbaar(self) -> bool:
        return self.status in BEWERKBAAR

    @property
    def is_besloten(self) -> bool:
        return self.besloten_op is not None


class ArrangementStatusRegel(StatusRegel):
    """Append-only: every status an arrangement went through, who put it there and why."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="statusregels")
    status = models.CharField(max_length=30, choices=ArrangementStatus.choices)
    # The plan's version at this step: a decision is about the version that was submitted.
    versie = models.PositiveSmallIntegerField()
    # Longer than the kernel's: a decision's motivation is kept here in full.
    toelichting = models.CharField(max_length=4000, blank=True)

    class Meta(StatusRegel.Meta):
        verbose_name = _("statusregel arrangement")


class ArrangementVersie(models.Model):
    """A snapshot of the plan as it was submitted: every version stays readable, unchanged."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveSmallIntegerField(_("versie"))
    inhoud = models.JSONField(_("inhoud"))
    ingediend_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    ingediend_op = models.DateTimeField(_("ingediend op"), default=timezone.now)

    class Meta:
        verbose_name = _("versie van een arrangement")
        verbose_name_plural = _("versies van arrangementen")
        ordering = ["arrangement", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["arrangement", "nummer"], name="arrangementversie_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.arrangement} versie {self.nummer}"

    def save(self, *args, **kwargs):
        # A submitted version is evidence of what the consulent decided on: written once.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError(_("Een ingediende versie kan niet worden gewijzigd."))
        super().save(*args, **kwargs)


class Onderdeel(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="onderdelen")
    volgorde = models.PositiveSmallIntegerField(default=0)
    soort = models.CharField(_("soort onderdeel"), max_length=30, choices=OnderdeelSoort.choices)
    omschrijving = models.TextField(_("omschrijving"), max_length=2000, blank=True)
    voorziening = models.ForeignKey(
        Voorziening,
        verbose_name=_("algemene voorziening"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    categorie = models.ForeignKey(
        MaatwerkCategorie,
        verbose_name=_("categorie maatwerk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderdelen",
    )
    omvang = models.CharField(_("omvang"), max_length=100, blank=True, help_text=_("Bijvoorbeeld '3 uur'."))
    frequentie = models.CharField(
        _("frequentie"), max_length=100, blank=True, help_text=_("Bijvoorbeeld 'per week'.")
    )
    duur = models.CharField(_("duur"), max_length=100, blank=True, help_text=_("Bijvoorbeeld '6 maanden'."))
    indicatieve_kosten = models.DecimalField(
        _("indicatieve kosten (euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("De kosten kunnen niet negatief zijn."))],
    )
    # In an adjusted plan (bijstellen): the onderdeel of the replaced plan this one was copied from.
    # Left unchanged, its granted decision carries over and the consulent decides only the rest.
    vorige = models.ForeignKey(
        "self",
        verbose_name=_("overgenomen van"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")
        ordering = ["arrangement", "volgorde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(indicatieve_kosten__isnull=True) | models.Q(indicatieve_kosten__gte=0),
                name="onderdeel_kosten_niet_negatief",
            ),
        ]

    def __str__(self) -> str:
        if self.soort == OnderdeelSoort.MAATWERKVOORZIENING and self.categorie_id:
            return str(self.categorie)
        if self.soort == OnderdeelSoort.ALGEMENE_VOORZIENING and self.voorziening_id:
            return f"{self.get_soort_display()}: {self.voorziening}"
        return self.get_soort_display()

    def clean(self) -> None:
        tekstlengtes_controleren(self)

    @property
    def is_maatwerk(self) -> bool:
        return self.soort == OnderdeelSoort.MAATWERKVOORZIENING

    @property
    def wet(self) -> str | None:
        return self.categorie.wet if self.is_maatwerk and self.categorie_id else None


class Beoordeling(models.Model):
    """The consulent's decision on one onderdeel; for granted maatwerk with its beschikking."""

    onderdeel = models.OneToOneField(Onderdeel, on_delete=models.PROTECT, related_name="beoordeling")
    versie = models.PositiveSmallIntegerField(_("versie"))
    toegekend = models.BooleanField(_("toegekend"))
    reden = models.TextField(_("reden"), max_length=2000, blank=True)
    beschikkingsnummer = models.CharField(_("beschikkingsnummer"), max_length=50, blank=True)
    beschikkingsdatum = models.DateField(_("beschikkingsdatum"), null=True, blank=True)
    # Granted maatwerk as the kernteam needs to see it (the ISam gap): what, by whom, how much, how long.
    product = models.CharField(_("product (iWmo/iJw)"), max_length=100, blank=True)
    zorgaanbieder = models.ForeignKey(
        Organisatie,
        verbose_name=_("zorgaanbieder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    leveringsvorm = models.CharField(
        _("leveringsvorm"), max_length=3, choices=Leveringsvorm.choices, blank=True
    )
    omvang_eenheden = models.DecimalField(
        _("omvang (eenheden)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    omvang_eenheid = models.CharField(_("eenheid"), max_length=10, choices=Eenheid.choices, blank=True)
    omvang_periode = models.CharField(_("per"), max_length=10, choices=Periode.choices, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    # Ended after an evaluation, before its einddatum.
    beeindigd_op = models.DateField(_("beëindigd op"), null=True, blank=True)
    beeindigd_reden = models.CharField(_("reden van beëindigen"), max_length=500, blank=True)
    beoordeeld_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        indexes = [models.Index(fields=["toegekend", "einddatum"], name="beoordeling_einde_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(toegekend=True) | ~models.Q(reden=""),
                name="beoordeling_afwijzing_met_reden",
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(ingangsdatum__isnull=True)
                | models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="beoordeling_einde_na_ingang",
                violation_error_message=_("De einddatum ligt niet vóór de ingangsdatum."),
            ),
            models.CheckConstraint(
                condition=models.Q(omvang_eenheden__isnull=True) | models.Q(omvang_eenheden__gt=0),
                name="beoordeling_omvang_positief",
                violation_error_message=_("De omvang is groter dan 0."),
            ),
        ]

    @property
    def loopt_tot(self):
        """The day the granted voorziening ends: its einddatum, or earlier when it was ended."""
        if self.beeindigd_op and (self.einddatum is None or self.beeindigd_op < self.einddatum):
            return self.beeindigd_op
        return self.einddatum

    def clean(self) -> None:
        tekstlengtes_controleren(self)


class InterneNotitie(models.Model):
    """A consulent's working note: for the loket only, never shown to kernteam roles."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="interne_notities")
    tekst = models.TextField(_("notitie"), max_length=4000)
    door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interne notitie")
        verbose_name_plural = _("interne notities")
        ordering = ["op", "pk"]

    def clean(self) -> None:
        tekstlengtes_controleren(self)


class Termijnverlenging(models.Model):
    """Awb 4:14: the beslistermijn is extended, with a reason, before it expires."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="verlengingen")
    vorige_einddatum = models.DateField(_("vorige einddatum"))
    nieuwe_einddatum = models.DateField(_("nieuwe einddatum"))
    reden = models.TextField(_("reden"), max_length=2000)
    door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("termijnverlenging")
        verbose_name_plural = _("termijnverlengingen")
        ordering = ["op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nieuwe_einddatum__gt=models.F("vorige_einddatum")),
                name="verlenging_na_vorige_einddatum",
            ),
        ]


# Direct foreign-key object permissions (the generic-FK tables are guardian's slow path).
class ArrangementUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Arrangement, on_delete=models.CASCADE)


class ArrangementGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Arrangement, on_delete=models.CASCADE)
