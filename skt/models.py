"""The shared registration store: people, places, teams and the access log.

Everything the other apps hang their records on. Every domain model keeps its
history (simple-history); the access log Toegang is append-only itself.
"""

import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from .validators import normaliseer_postcode, valideer_bsn, valideer_niet_in_toekomst, valideer_postcode


class Rol(models.TextChoices):
    VRAAGVERHELDERAAR = "vraagverhelderaar", _("Vraagverhelderaar (poort)")
    BEROEPSKRACHT = "beroepskracht", _("Beroepskracht kernteam")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger kernteam")
    CONSULENT_WMO = "consulent_wmo", _("Consulent Wmo")
    CONSULENT_JEUGD = "consulent_jeugd", _("Consulent Jeugd")
    COORDINATOR = "coordinator", _("Coördinator")
    BELEID = "beleid", _("Beleid / raad")
    BEHEERDER = "beheerder", _("Functioneel beheerder")
    # A new account whose role waits for a second person (four eyes): it may log in and nothing more.
    GEEN = "geen", _("Nog geen rol")


class Kern(models.Model):
    """A village or neighbourhood of the gemeente."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kern")
        verbose_name_plural = _("kernen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Team(models.Model):
    """A kernteam serving kernen, a cluster serving a target group, or the Loket."""

    class Soort(models.TextChoices):
        GEOGRAFISCH = "geografisch", _("Kernteam (geografisch)")
        CLUSTER = "cluster", _("Cluster (doelgroep/expertise)")
        LOKET = "loket", _("Loket (consulenten)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=80, unique=True)
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    doelgroep = models.CharField(_("doelgroep"), max_length=200, blank=True)
    kernen = models.ManyToManyField(Kern, verbose_name=_("kernen"), blank=True, related_name="teams")
    # The team's members share one group, so object permissions are granted per team, not per user.
    groep = models.OneToOneField("auth.Group", on_delete=models.PROTECT, related_name="team")
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords(m2m_fields=[kernen])

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Organisatie(models.Model):
    """A moederorganisatie, the gemeente, or a provider on the sociale kaart."""

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        MOEDERORGANISATIE = "moederorganisatie", _("Moederorganisatie (detacheert kernteamleden)")
        WELZIJN = "welzijn", _("Welzijnsorganisatie")
        ZORGAANBIEDER = "zorgaanbieder", _("Zorgaanbieder")
        VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligersorganisatie / vereniging")
        OVERIG = "overig", _("Overig")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(_("naam"), max_length=150, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    website = models.URLField(_("website"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Leefgebied(models.Model):
    """A life domain (ZRM or a gemeente's own); configuration from the gemeente profile."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label = models.CharField(_("label"), max_length=100)
    aliassen = models.JSONField(_("aliassen"), default=list, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("leefgebied")
        verbose_name_plural = _("leefgebieden")
        ordering = ["volgorde", "label"]

    def __str__(self) -> str:
        return self.label


class Voorziening(models.Model):
    """The sociale kaart: algemene voorzieningen and 0e/1e-lijn offers, per kern."""

    class Soort(models.TextChoices):
        ALGEMENE_VOORZIENING = "algemene_voorziening", _("Algemene voorziening")
        NULDE_LIJN = "nulde_lijn", _("0e lijn (informeel, vrijwillig)")
        EERSTE_LIJN = "eerste_lijn", _("1e lijn (huisarts, AMW, wijkverpleging …)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="voorzieningen"
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    kernen = models.ManyToManyField(Kern, verbose_name=_("kernen"), blank=True, related_name="voorzieningen")
    leefgebieden = models.ManyToManyField(
        Leefgebied, verbose_name=_("leefgebieden"), blank=True, related_name="voorzieningen"
    )
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords(m2m_fields=[kernen, leefgebieden])

    class Meta:
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen (sociale kaart)")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class MedewerkerManager(UserManager):
    pass


class Medewerker(AbstractUser):
    """Everyone who logs in: staff of the poort, kernteams, loket, coordination, policy and beheer."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, null=True, blank=True
    )
    teams = models.ManyToManyField(Team, verbose_name=_("teams"), blank=True, related_name="leden")
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)

    objects = MedewerkerManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=[teams])

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            # Invitations and password resets go to this address: one person per address.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="medewerker_email_uniek",
                violation_error_message=_("Dit e-mailadres hoort al bij een andere medewerker."),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class GemeenteProfiel(models.Model):
    """The loaded configuration of a gemeente: terms, maxima, retention and streefwaarden.

    Only one is active at a time; the rest of the profile (kernen, teams, leefgebieden)
    lives in its own tables.
    """

    naam = models.SlugField(_("naam"), max_length=60, unique=True)
    gemeente = models.CharField(_("gemeente"), max_length=100)
    actief = models.BooleanField(_("actief"), default=False)
    instellingen = models.JSONField(_("instellingen"), default=dict)
    geladen_op = models.DateTimeField(_("geladen op"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gemeenteprofiel")
        verbose_name_plural = _("gemeenteprofielen")
        constraints = [
            models.UniqueConstraint(
                fields=["actief"], condition=models.Q(actief=True), name="een_actief_profiel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} ({self.naam})"


class Huishouden(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(
        _("naam"), max_length=150, blank=True, help_text=_("Bijvoorbeeld 'Huishouden De Vries'.")
    )
    regisseur = models.ForeignKey(
        Medewerker,
        verbose_name=_("regisseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="geregisseerde_huishoudens",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self) -> str:
        return self.naam or str(_("Huishouden"))


# An inwoner's own data, in the order screens show it: the registration form, the merge's choice per
# field and the AVG inzage all list these.
INWONER_GEGEVENS = (
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "kern",
    "telefoon",
    "email",
)


class Inwoner(models.Model):
    """A resident: one record per person, shared by poort, kernteam and loket."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bsn = models.CharField(
        _("BSN"),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        validators=[valideer_bsn],
        help_text=_("Burgerservicenummer, 9 cijfers. Laat leeg als het niet bekend is."),
    )
    voornamen = models.CharField(_("voornamen"), max_length=100)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=100)
    geboortedatum = models.DateField(
        _("geboortedatum"), null=True, blank=True, validators=[valideer_niet_in_toekomst]
    )
    straat = models.CharField(_("straat"), max_length=100, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[valideer_postcode])
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    kern = models.ForeignKey(
        Kern, verbose_name=_("kern"), on_delete=models.PROTECT, null=True, blank=True, related_name="inwoners"
    )
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name=_("huishouden"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leden",
    )
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inwoner")
        verbose_name_plural = _("inwoners")
        ordering = ["achternaam", "voornamen"]
        indexes = [
            # The poort searches achternaam__iexact, which PostgreSQL compiles to
            # UPPER(achternaam) = UPPER(%s): only an index on that expression serves it.
            models.Index(Upper("achternaam"), "geboortedatum", name="inwoner_naam_upper_geb_idx"),
            models.Index(fields=["postcode", "huisnummer"], name="inwoner_adres_idx"),
            # Keyset pages of Mijn inwoners: newest first, and a search by name (issue 14).
            models.Index(fields=["-aangemaakt_op", "-id"], name="inwoner_nieuwste_idx"),
            models.Index(fields=["achternaam", "voornamen", "id"], name="inwoner_naam_idx"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return " ".join(part for part in (self.voornamen, self.tussenvoegsel, self.achternaam) if part)

    @property
    def adres(self) -> str:
        regel1 = " ".join(p for p in (self.straat, self.huisnummer) if p)
        regel2 = " ".join(p for p in (self.postcode, self.woonplaats) if p)
        return ", ".join(p for p in (regel1, regel2) if p)

    def leeftijd_op(self, datum) -> int | None:
        if not self.geboortedatum:
            return None
        g = self.geboortedatum
        return datum.year - g.year - ((datum.month, datum.day) < (g.month, g.day))

    def is_jeugd_op(self, datum) -> bool | None:
        leeftijd = self.leeftijd_op(datum)
        return None if leeftijd is None else leeftijd < 18

    def clean(self) -> None:
        self.postcode = normaliseer_postcode(self.postcode) if self.postcode else ""
        if self.bsn == "":
            self.bsn = None
        if not (self.voornamen or "").strip() or not (self.achternaam or "").strip():
            raise ValidationError(_("Vul voornaam en achternaam in."))


# Direct foreign-key object permissions (the generic-FK tables are guardian's slow path).
class InwonerUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Inwoner, on_delete=models.CASCADE)


class InwonerGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Inwoner, on_delete=models.CASCADE)


class ToegangQuerySet(models.QuerySet):
    """The access log is evidence: bulk changes are refused like single ones."""

    def update(self, **kwargs):
        raise ValidationError(_("Het toegangslog kan niet worden gewijzigd."))

    def delete(self):
        raise ValidationError(_("Het toegangslog kan niet worden verwijderd."))

    def over_inwoner(self, inwoner):
        """Rows that name the inwoner, or that showed them in a list: what 'wie keek' and the AVG
        inzage report."""
        getoond = ToegangInwoner.objects.filter(inwoner=inwoner).values("toegang_id")
        return self.filter(models.Q(inwoner=inwoner) | models.Q(pk__in=getoond))


class Toegang(models.Model):
    """Access log (NEN 7513 / BIO 8.15.01): every read, search, export and refusal. Append-only."""

    class Actie(models.TextChoices):
        LEZEN = "lezen", _("Gelezen")
        ZOEKEN = "zoeken", _("Gezocht")
        EXPORT = "export", _("Geëxporteerd")
        PDF = "pdf", _("PDF gemaakt")
        WIJZIGEN = "wijzigen", _("Gewijzigd")
        BREAK_THE_GLASS = "break_the_glass", _("Noodtoegang (break the glass)")
        INLOGGEN = "inloggen", _("Ingelogd")
        # Refused: a wrong password or second factor, or an attempt while the username is locked.
        INLOGPOGING = "inlogpoging", _("Inlogpoging")
        # Refused: more searches and exports than the per-minute limit; the coordinator's alert.
        LIMIET = "limiet", _("Limiet overschreden")
        # The retention job's cut-off of the access log itself.
        BEWAARTERMIJN = "bewaartermijn", _("Bewaartermijn toegepast")

    class Resultaat(models.TextChoices):
        TOEGESTAAN = "toegestaan", _("Toegestaan")
        GEWEIGERD = "geweigerd", _("Geweigerd")

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True, editable=False)
    medewerker = models.ForeignKey(
        Medewerker,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    resultaat = models.CharField(_("resultaat"), max_length=12, choices=Resultaat.choices)
    object_soort = models.CharField(_("soort gegeven"), max_length=60, blank=True)
    object_id = models.CharField(_("gegeven"), max_length=64, blank=True)
    # No database constraint and nothing happens on delete: the row is evidence and keeps the number
    # of an inwoner whose dossier the retention job removed (changing it would break the hash chain).
    inwoner = models.ForeignKey(
        Inwoner,
        verbose_name=_("inwoner"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="toegangen",
    )
    pad = models.CharField(_("pagina"), max_length=300, blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=500, blank=True)
    # Tamper evidence (skt.toegangsketen): set once by the sealer, never in the request, so writing
    # the log takes no lock. keten_hash = sha256(previous row's hash + this row's content).
    keten_volgnummer = models.BigIntegerField(_("volgnummer in de keten"), null=True, blank=True, unique=True)
    keten_hash = models.CharField(_("ketenhash"), max_length=64, blank=True, editable=False)

    objects = ToegangQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegang")
        verbose_name_plural = _("toegangslog")
        ordering = ["-tijdstip"]
        indexes = [models.Index(fields=["inwoner", "-tijdstip"], name="toegang_inwoner_idx")]
        default_permissions = ("view",)

    def save(self, *args, **kwargs):
        # The log is evidence: rows are written once and never changed.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError(_("Het toegangslog kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Het toegangslog kan niet worden verwijderd."))


class ToegangInwoner(models.Model):
    """An inwoner shown on a list page: one access-log row per list view references every one of them."""

    toegang = models.ForeignKey(Toegang, on_delete=models.DO_NOTHING, related_name="getoonde_inwoners")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")

    objects = ToegangQuerySet.as_manager()

    class Meta:
        verbose_name = _("getoonde inwoner")
        verbose_name_plural = _("getoonde inwoners")
        indexes = [models.Index(fields=["inwoner", "toegang"], name="toegang_getoond_idx")]
        constraints = [models.UniqueConstraint(fields=["toegang", "inwoner"], name="toegang_getoond_uniek")]
        default_permissions = ()

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError(_("Het toegangslog kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Het toegangslog kan niet worden verwijderd."))


class Toegangsketen(models.Model):
    """Where the sealer stopped: the last sealed row's number and hash, so a cut-off tail is noticed."""

    volgnummer = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        default_permissions = ()


class ToegangAfkapping(models.Model):
    """A logged, chain-preserving cut-off of the access log (retention): rows up to ``tot_volgnummer``
    were removed; ``anker_hash`` is the hash of the last of them, where verification starts again."""

    tijdstip = models.DateTimeField(default=timezone.now)
    grens = models.DateTimeField(_("rijen van vóór"))
    tot_volgnummer = models.BigIntegerField()
    anker_hash = models.CharField(max_length=64)
    aantal = models.PositiveIntegerField()
    reden = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("afkapping toegangslog")
        verbose_name_plural = _("afkappingen toegangslog")
        ordering = ["tot_volgnummer"]
        default_permissions = ()


class Betrokkenheid(models.Model):
    """Why a team or person may open an inwoner's dossier: a melding, casus or arrangement, since/until.

    Written by rechten.inwoner_toegang_geven together with the object permission; the dossier
    shows it as 'who is involved' and it keeps access after a hand-over ("having had" counts).
    """

    class Soort(models.TextChoices):
        REGISTRATIE = "registratie", _("Registratie")
        MELDING = "melding", _("Melding")
        CASUS = "casus", _("Casus")
        ARRANGEMENT = "arrangement", _("Arrangement")
        REGISSEUR = "regisseur", _("Regisseur huishouden")
        VEILIG_THUIS = "veilig_thuis", _("Veiligheidssignaal")

    inwoner = models.ForeignKey(Inwoner, on_delete=models.CASCADE, related_name="betrokkenheden")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    sinds = models.DateTimeField(_("sinds"), default=timezone.now)
    tot = models.DateTimeField(_("tot"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        ordering = ["sinds"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(team__isnull=False) | models.Q(medewerker__isnull=False),
                name="betrokkenheid_team_of_medewerker",
            ),
            models.UniqueConstraint(fields=["inwoner", "team", "soort"], name="betrokkenheid_uniek_team"),
            models.UniqueConstraint(fields=["inwoner", "medewerker", "soort"], name="betrokkenheid_uniek_mw"),
        ]


class Noodtoegang(models.Model):
    """Break the glass: time-limited access without betrokkenheid, with a reason, for coordinator review."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    medewerker = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="noodtoegangen")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.CASCADE, related_name="noodtoegangen")
    reden = models.TextField(_("reden"), max_length=2000)
    van = models.DateTimeField(_("van"), default=timezone.now)
    tot = models.DateTimeField(_("tot"))
    beoordeeld_door = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    oordeel = models.CharField(
        _("oordeel"),
        max_length=20,
        blank=True,
        choices=[("terecht", _("Terecht")), ("onterecht", _("Onterecht: besproken met de medewerker"))],
    )
    opmerking = models.CharField(_("opmerking"), max_length=1000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegangen")
        ordering = ["-van"]
        indexes = [models.Index(fields=["medewerker", "inwoner", "tot"], name="noodtoegang_actief_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gt=models.F("van")),
                name="noodtoegang_eindigt_na_begin",
                violation_error_message=_("Noodtoegang eindigt na het begin."),
            ),
        ]


class Uitnodiging(models.Model):
    """A single-use link by e-mail: a new account, a new second factor, or a password reset.

    Only the sha256 of the random token is stored, so the database never holds a usable link.
    """

    class Soort(models.TextChoices):
        ACCOUNT = "account", _("Nieuw account (wachtwoord en tweede factor)")
        TWEEDE_FACTOR = "tweede_factor", _("Nieuwe tweede factor")
        WACHTWOORD = "wachtwoord", _("Wachtwoord opnieuw instellen")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    medewerker = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="uitnodigingen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemaakt_door = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    # A newer link for the same person and purpose, or too many wrong codes, closes this one.
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    foute_codes = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["medewerker", "soort"], name="uitnodiging_mw_soort_idx")]

    def is_bruikbaar(self, nu=None) -> bool:
        nu = nu or timezone.now()
        return self.gebruikt_op is None and self.ingetrokken_op is None and self.verloopt_op > nu


class Rechtenwijziging(models.Model):
    """Four eyes on rights (BIO 9.2): a change that would grant case content waits here until a second
    person (a coordinator of the team concerned, or another beheerder) confirms it. Until then the
    medewerker keeps only what they had, minus what the change takes away."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Wacht op bevestiging")
        BEVESTIGD = "bevestigd", _("Bevestigd")
        GEWEIGERD = "geweigerd", _("Geweigerd")
        # A newer proposal for the same person, or the person left: never applied.
        VERVALLEN = "vervallen", _("Vervallen")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    medewerker = models.ForeignKey(
        Medewerker, verbose_name=_("medewerker"), on_delete=models.PROTECT, related_name="rechtenwijzigingen"
    )
    rol = models.CharField(_("voorgestelde rol"), max_length=30, choices=Rol.choices)
    teams = models.ManyToManyField(Team, verbose_name=_("voorgestelde teams"), blank=True, related_name="+")
    # The teams whose coordinators may judge: the added teams, or all teams when the role changes.
    beoordelende_teams = models.ManyToManyField(
        Team, verbose_name=_("teams die beoordelen"), blank=True, related_name="te_beoordelen_rechten"
    )
    vorige_rol = models.CharField(_("rol bij het voorstel"), max_length=30, blank=True)
    vorige_teams = models.CharField(_("teams bij het voorstel"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD)
    voorgesteld_door = models.ForeignKey(
        Medewerker, verbose_name=_("voorgesteld door"), on_delete=models.PROTECT, related_name="+"
    )
    voorgesteld_op = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    beoordeeld_door = models.ForeignKey(
        Medewerker,
        verbose_name=_("beoordeeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    reden = models.TextField(_("reden van weigering"), blank=True)
    history = HistoricalRecords(m2m_fields=[teams])

    class Meta:
        verbose_name = _("rechtenwijziging")
        verbose_name_plural = _("rechtenwijzigingen")
        ordering = ["-voorgesteld_op"]
        constraints = [
            # One open proposal per person: a newer one makes the older one lapse.
            models.UniqueConstraint(
                fields=["medewerker"],
                condition=models.Q(status="voorgesteld"),
                name="rechtenwijziging_een_open_per_medewerker",
            ),
            models.CheckConstraint(
                condition=~models.Q(voorgesteld_door=models.F("medewerker")),
                name="rechtenwijziging_niet_voor_zichzelf",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.medewerker}: {self.get_rol_display()}"
