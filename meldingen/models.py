"""Meldingen (every question that reaches the SKT) and collective signalen."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from skt.models import Inwoner, Kern, Leefgebied, Medewerker, Team, Voorziening
from skt.workflow import StatusRegel

from .vocab import ContactWijze, Ingang, MelderSoort, TriageUitkomst, Uitstroom
from .workflow import MeldingStatus, SignaalStatus


def tekstlengtes_controleren(obj: models.Model) -> None:
    """Enforce TextField.max_length in full_clean: Django itself only enforces it in forms."""
    fouten = {}
    for veld in obj._meta.concrete_fields:
        if isinstance(veld, models.TextField) and veld.max_length:
            lengte = len(getattr(obj, veld.attname) or "")
            if lengte > veld.max_length:
                fouten[veld.name] = _("Gebruik hoogstens %(max)d tekens (nu %(lengte)d).") % {
                    "max": veld.max_length,
                    "lengte": lengte,
                }
    if fouten:
        raise ValidationError(fouten)


class Melding(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Set by the registration form; a double-clicked submit finds the melding it already made.
    formulier_sleutel = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    aanmeldingsdatum = models.DateField(_("datum van aanmelding"), default=timezone.localdate, db_index=True)
    ingang = models.CharField(_("ingang"), max_length=20, choices=Ingang.choices)
    melder_soort = models.CharField(_("melder"), max_length=30, choices=MelderSoort.choices)
    melder_naam = models.CharField(_("naam melder"), max_length=150, blank=True)
    melder_bereikbaar = models.CharField(_("bereikbaarheid melder"), max_length=200, blank=True)
    melder_wil_terugkoppeling = models.BooleanField(
        _("melder wil horen dat de melding is afgehandeld"), default=False
    )
    inwoner = models.ForeignKey(
        Inwoner,
        verbose_name=_("inwoner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
    )
    anoniem = models.BooleanField(_("anonieme melding (inwoner onbekend)"), default=False)
    leefgebieden = models.ManyToManyField(Leefgebied, verbose_name=_("leefgebieden"), blank=True)
    jeugd = models.BooleanField(_("jeugd (jonger dan 18)"), default=False)
    vraag = models.TextField(_("vraag in de woorden van de inwoner"), max_length=4000)
    notitie = models.TextField(_("notitie"), max_length=4000, blank=True)
    notitie_vertrouwelijk = models.BooleanField(_("notitie is vertrouwelijk"), default=False)
    geregistreerd_door = models.ForeignKey(
        Medewerker, verbose_name=_("geregistreerd door"), on_delete=models.PROTECT, related_name="+"
    )
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), default=timezone.now, editable=False)

    # The current state, kept by meldingen.services together with an append-only status row.
    status = models.CharField(
        _("status"), max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.NIEUW
    )
    triage_uitkomst = models.CharField(_("triage"), max_length=30, choices=TriageUitkomst.choices, blank=True)
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
    )
    veilig_thuis = models.BooleanField(_("veiligheidssignaal"), default=False)
    doorschakelingen = models.PositiveSmallIntegerField(_("aantal doorschakelingen"), default=0)
    eerste_contact_op = models.DateField(_("datum eerste contact"), null=True, blank=True)
    eerste_contact_door = models.ForeignKey(
        Medewerker,
        verbose_name=_("eerste contact door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    eerste_contact_wijze = models.CharField(
        _("wijze eerste contact"), max_length=20, choices=ContactWijze.choices, blank=True
    )
    uitstroom = models.CharField(_("uitstroom"), max_length=30, choices=Uitstroom.choices, blank=True)
    afgesloten_op = models.DateField(_("datum afgesloten"), null=True, blank=True)
    terugkoppeling_op = models.DateTimeField(_("melder geïnformeerd op"), null=True, blank=True)
    terugkoppeling_door = models.ForeignKey(
        Medewerker,
        verbose_name=_("melder geïnformeerd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(m2m_fields=[leefgebieden])

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-aanmeldingsdatum", "-geregistreerd_op"]
        indexes = [
            models.Index(fields=["status", "aanmeldingsdatum"], name="melding_status_datum_idx"),
            models.Index(fields=["team", "status", "aanmeldingsdatum"], name="melding_team_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(inwoner__isnull=False) | models.Q(anoniem=True),
                name="melding_inwoner_of_anoniem",
            ),
            # The services keep these rules; the database keeps them too, for every other way in.
            models.CheckConstraint(
                condition=models.Q(status=MeldingStatus.NIEUW) | ~models.Q(triage_uitkomst=""),
                name="melding_na_nieuw_getrieerd",
                violation_error_message=_("Een melding voorbij 'nieuw' heeft een triage-uitkomst."),
            ),
            # A directly handled melding closes without a team; one routed to a team or the loket has one.
            models.CheckConstraint(
                condition=~models.Q(status__in=[MeldingStatus.GETRIEERD, MeldingStatus.IN_BEHANDELING])
                | models.Q(team__isnull=False),
                name="melding_getrieerd_heeft_team",
                violation_error_message=_("Een getriëerde melding ligt bij een team of het loket."),
            ),
            models.CheckConstraint(
                condition=models.Q(eerste_contact_op__isnull=True)
                | models.Q(eerste_contact_op__gte=models.F("aanmeldingsdatum")),
                name="melding_eerste_contact_na_aanmelding",
                violation_error_message=_("Het eerste contact ligt niet vóór de datum van aanmelding."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=MeldingStatus.AFGESLOTEN) | models.Q(afgesloten_op__isnull=False),
                name="melding_afgesloten_heeft_datum",
                violation_error_message=_("Een afgesloten melding heeft een datum van afsluiten."),
            ),
        ]

    def __str__(self) -> str:
        return f"Melding {self.nummer}"

    def clean(self) -> None:
        tekstlengtes_controleren(self)

    @property
    def nummer(self) -> str:
        return f"M{self.aanmeldingsdatum:%Y}-{self.pk:06d}" if self.pk else "nieuw"

    @property
    def is_open(self) -> bool:
        return self.status != MeldingStatus.AFGESLOTEN

    @property
    def melder_is_derde(self) -> bool:
        return self.melder_soort not in (MelderSoort.INWONER, MelderSoort.ANONIEM)

    @property
    def terugkoppeling_open(self) -> bool:
        return (
            self.status == MeldingStatus.AFGESLOTEN
            and self.melder_is_derde
            and self.melder_wil_terugkoppeling
            and self.terugkoppeling_op is None
        )


class MeldingStatusRegel(StatusRegel):
    """Append-only: every status a melding went through, who put it there and why."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="statusregels")
    status = models.CharField(max_length=20, choices=MeldingStatus.choices)

    class Meta(StatusRegel.Meta):
        verbose_name = _("statusregel melding")


class MeldingUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Melding, on_delete=models.CASCADE)


class MeldingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Melding, on_delete=models.CASCADE)


class Signaal(models.Model):
    """A collective signal: a missing algemene voorziening or a recurring knelpunt."""

    # The table lives in meldingen/workflow.py; the alias keeps Signaal.Status working.
    Status = SignaalStatus

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    titel = models.CharField(_("titel"), max_length=150)
    omschrijving = models.TextField(_("omschrijving"), max_length=4000)
    kern = models.ForeignKey(Kern, verbose_name=_("kern"), on_delete=models.PROTECT, null=True, blank=True)
    leefgebied = models.ForeignKey(
        Leefgebied, verbose_name=_("leefgebied"), on_delete=models.PROTECT, null=True, blank=True
    )
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="signalen")
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.NIEUW)
    voorziening = models.ForeignKey(
        Voorziening,
        verbose_name=_("voorziening die eruit voortkwam"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signalen",
    )
    meldingen = models.ManyToManyField(
        Melding, verbose_name=_("meldingen"), blank=True, related_name="signalen"
    )
    geregistreerd_door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(m2m_fields=[meldingen])

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-geregistreerd_op"]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        tekstlengtes_controleren(self)


class SignaalStatusRegel(StatusRegel):
    """Append-only: every status a signaal went through, who put it there and why."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="statusregels")
    status = models.CharField(max_length=30, choices=SignaalStatus.choices)

    class Meta(StatusRegel.Meta):
        pass
