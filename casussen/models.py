"""Casussen: kortdurende ondersteuning by the kernteam, its contactmomenten and ZRM scores.

Rules about one row live here; workflows (start, advice, contacts, closing) are in
casussen/services/, the status transitions in casussen/workflow.py.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from meldingen.models import Melding
from skt.models import Inwoner, Leefgebied, Medewerker, Team, Voorziening
from skt.workflow import StatusRegel

from .vocab import Afsluitreden, ContactSoort, ZrmMoment, ZrmNiveau
from .workflow import CasusStatus


class Casus(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.PROTECT, related_name="casussen"
    )
    inwoner = models.ForeignKey(
        Inwoner, verbose_name=_("inwoner"), on_delete=models.PROTECT, related_name="casussen"
    )
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="casussen")
    casushouder = models.ForeignKey(
        Medewerker,
        verbose_name=_("casushouder"),
        on_delete=models.PROTECT,
        related_name="casussen_als_casushouder",
    )
    vrijwilliger = models.ForeignKey(
        Medewerker,
        verbose_name=_("vrijwilliger"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="casussen_als_vrijwilliger",
    )
    # None: not asked yet; True: the inwoner agreed to a volunteer; False: the inwoner objects
    # (the volunteer may be a neighbour).
    vrijwilliger_toestemming = models.BooleanField(
        _("toestemming inwoner voor een vrijwilliger"), null=True, blank=True
    )
    toestemming_vastgelegd_op = models.DateTimeField(_("toestemming vastgelegd op"), null=True, blank=True)
    doel = models.TextField(_("doel van de ondersteuning"), max_length=2000)

    kader_geen_alternatief = models.BooleanField(
        _("geen passend alternatief in de eerste lijn"), default=False
    )
    kader_geen_wachttijd = models.BooleanField(_("geen overbrugging van een wachttijd"), default=False)
    kader_leerbaar = models.BooleanField(_("inwoner is bereid en in staat te leren"), default=False)
    kader_voorkomt_zwaardere_zorg = models.BooleanField(
        _("voorkomt langduriger of duurdere zorg"), default=False
    )
    kader_contact_kernteamlid = models.BooleanField(
        _("voortgekomen uit contact met kernteamlid"), default=False
    )

    toets_collega = models.ForeignKey(
        Medewerker,
        verbose_name=_("collega van de collegiale toets"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    toets_datum = models.DateField(_("datum collegiale toets"))
    toets_uitkomst = models.TextField(_("uitkomst collegiale toets"), max_length=2000)
    twijfel = models.BooleanField(_("twijfel of kortdurende ondersteuning past"), default=False)

    status = models.CharField(
        _("status"), max_length=20, choices=CasusStatus.choices, default=CasusStatus.CONCEPT
    )
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)

    afsluitreden = models.CharField(
        _("reden van afsluiten"), max_length=30, choices=Afsluitreden.choices, blank=True
    )
    resultaat = models.TextField(_("resultaat"), max_length=2000, blank=True)
    doorverwezen_naar = models.ForeignKey(
        Voorziening,
        verbose_name=_("doorverwezen naar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="casussen",
    )
    cijfer = models.PositiveSmallIntegerField(
        _("rapportcijfer van de inwoner"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    afgesloten_op = models.DateField(_("datum afgesloten"), null=True, blank=True)

    aangemaakt_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-aangemaakt_op"]
        indexes = [
            models.Index(fields=["team", "status"], name="casus_team_status_idx"),
            models.Index(fields=["casushouder", "status"], name="casus_houder_status_idx"),
            models.Index(fields=["status", "afgesloten_op"], name="casus_status_afgesloten_idx"),
        ]
        constraints = [
            # One open casus per melding: two clicks on "start" cannot make two.
            models.UniqueConstraint(
                fields=["melding"],
                condition=~models.Q(status="afgesloten"),
                name="casus_een_open_per_melding",
            ),
            models.CheckConstraint(
                condition=models.Q(cijfer__isnull=True) | models.Q(cijfer__gte=1, cijfer__lte=10),
                name="casus_cijfer_1_tot_10",
            ),
            models.CheckConstraint(
                condition=models.Q(vrijwilliger__isnull=True) | models.Q(vrijwilliger_toestemming=True),
                name="casus_vrijwilliger_alleen_met_toestemming",
            ),
            # The services keep these rules; the database keeps them too, for every other way in.
            models.CheckConstraint(
                condition=~models.Q(status="lopend") | models.Q(startdatum__isnull=False),
                name="casus_lopend_heeft_startdatum",
                violation_error_message=_("Een lopende casus heeft een startdatum."),
            ),
            # Only a casus that waited for advice (twijfel) can close without having started.
            models.CheckConstraint(
                condition=~models.Q(status="afgesloten")
                | models.Q(startdatum__isnull=False)
                | models.Q(twijfel=True),
                name="casus_afgesloten_gestart_of_na_advies",
                violation_error_message=_(
                    "Een afgesloten casus is gestart, of werd na twijfel en advies niet gestart."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="afgesloten")
                | (models.Q(afgesloten_op__isnull=False) & ~models.Q(afsluitreden="")),
                name="casus_afgesloten_heeft_datum_en_reden",
                violation_error_message=_("Een afgesloten casus heeft een datum en een reden van afsluiten."),
            ),
            models.CheckConstraint(
                condition=~models.Q(toets_collega=models.F("casushouder")),
                name="casus_toets_niet_door_casushouder",
                violation_error_message=_("De collegiale toets doet de casushouder met een ándere collega."),
            ),
        ]

    def __str__(self) -> str:
        return f"Casus {self.nummer}"

    @property
    def nummer(self) -> str:
        jaar = (self.startdatum or self.aangemaakt_op.date()).year
        return f"C{jaar}-{self.pk:06d}" if self.pk else "nieuw"

    @property
    def is_open(self) -> bool:
        return self.status != CasusStatus.AFGESLOTEN

    @property
    def vrijwilliger_geweigerd(self) -> bool:
        return self.vrijwilliger_toestemming is False

    def dagen_open(self, op=None) -> int | None:
        if self.startdatum is None:
            return None
        einde = self.afgesloten_op or op or timezone.localdate()
        return (einde - self.startdatum).days


class CasusStatusRegel(StatusRegel):
    """Append-only: every status a casus went through, who put it there and why."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="statusregels")
    status = models.CharField(max_length=20, choices=CasusStatus.choices)

    class Meta(StatusRegel.Meta):
        verbose_name = _("statusregel casus")


class Adviesvraag(models.Model):
    """The casushouder doubts whether kortdurende ondersteuning fits: the coordinator advises."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="adviesvragen")
    vraag = models.TextField(_("vraag aan de coördinator"), max_length=2000)
    gevraagd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    gevraagd_op = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    past_binnen_kaders = models.BooleanField(_("kortdurende ondersteuning past"), null=True, blank=True)
    advies = models.TextField(_("advies"), max_length=2000, blank=True)
    adviseur = models.ForeignKey(
        Medewerker,
        verbose_name=_("adviseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    geadviseerd_op = models.DateTimeField(_("geadviseerd op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("adviesvraag")
        verbose_name_plural = _("adviesvragen")
        ordering = ["gevraagd_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["casus"],
                condition=models.Q(geadviseerd_op__isnull=True),
                name="adviesvraag_een_open_per_casus",
                violation_error_message=_("Voor deze casus staat al een adviesvraag open."),
            ),
        ]

    def __str__(self) -> str:
        return f"Adviesvraag bij {self.casus}"

    @property
    def is_open(self) -> bool:
        return self.geadviseerd_op is None


class Contactmoment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="contactmomenten")
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort contact"), max_length=30, choices=ContactSoort.choices)
    duur_minuten = models.PositiveSmallIntegerField(
        _("duur in minuten"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    met_beroepskracht = models.BooleanField(_("beroepskracht"), default=True)
    met_vrijwilliger = models.BooleanField(_("vrijwilliger"), default=False)
    met_consulent = models.BooleanField(_("consulent"), default=False)
    verslag = models.TextField(_("kort verslag"), max_length=4000, blank=True)
    vertrouwelijk = models.BooleanField(_("verslag is vertrouwelijk"), default=False)
    # A follow-up after closing ("vinger aan de pols"): recorded, but not support, so it never counts.
    is_vinger_aan_de_pols = models.BooleanField(_("vinger aan de pols"), default=False)
    geregistreerd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["datum", "geregistreerd_op", "pk"]
        indexes = [models.Index(fields=["casus", "is_vinger_aan_de_pols"], name="contact_casus_telt_idx")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} op {self.datum:%d-%m-%Y}"

    @property
    def deelnemers(self) -> list[str]:
        namen = [
            (self.met_beroepskracht, _("beroepskracht")),
            (self.met_vrijwilliger, _("vrijwilliger")),
            (self.met_consulent, _("consulent")),
        ]
        return [str(naam) for aan, naam in namen if aan]


class ZrmScore(models.Model):
    """One domain of the Zelfredzaamheids-Matrix at one moment; no row or None = niet besproken."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="zrm_scores")
    leefgebied = models.ForeignKey(Leefgebied, on_delete=models.PROTECT, related_name="+")
    moment = models.CharField(_("moment"), max_length=10, choices=ZrmMoment.choices)
    score = models.PositiveSmallIntegerField(_("score"), choices=ZrmNiveau.choices, null=True, blank=True)
    datum = models.DateField(_("datum"))
    vastgelegd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ZRM-score")
        verbose_name_plural = _("ZRM-scores")
        ordering = ["casus", "leefgebied__volgorde", "datum"]
        constraints = [
            models.UniqueConstraint(
                fields=["casus", "leefgebied", "moment"],
                condition=~models.Q(moment="tussen"),
                name="zrm_een_start_en_eind_per_leefgebied",
            ),
            models.UniqueConstraint(
                fields=["casus", "leefgebied", "moment", "datum"], name="zrm_een_per_leefgebied_per_dag"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="zrm_score_1_tot_5",
            ),
        ]


# Direct foreign-key object permissions (the generic-FK tables are guardian's slow path).
class CasusUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Casus, on_delete=models.CASCADE)


class CasusGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Casus, on_delete=models.CASCADE)
