"""Forms check types and shapes only; the rules (kaders, maximum, dates) live in casussen/services/."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skt.forms import DatumInput, NLDSFormMixin
from skt.models import Leefgebied, Medewerker, Rol, Team, Voorziening

from .vocab import KADERS, Afsluitreden, ContactSoort, ZrmMoment, ZrmNiveau

KERNTEAMSOORTEN = [Team.Soort.GEOGRAFISCH, Team.Soort.CLUSTER]

TOESTEMMING_KEUZES = [
    ("onbekend", _("Nog niet gevraagd")),
    ("ja", _("Ja, de inwoner vindt een vrijwilliger erbij goed")),
    ("nee", _("Nee, de inwoner heeft bezwaar tegen een vrijwilliger")),
]
TOESTEMMING_WAARDE = {"onbekend": None, "ja": True, "nee": False}


def toestemming_keuze(waarde: bool | None) -> str:
    return {None: "onbekend", True: "ja", False: "nee"}[waarde]


class MedewerkerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class CasusStartForm(NLDSFormMixin, forms.Form):
    casushouder = MedewerkerKeuze(
        label=_("Casushouder"),
        queryset=Medewerker.objects.none(),
        help_text=_("Een casus staat altijd op naam van een beroepskracht."),
    )
    doel = forms.CharField(
        label=_("Doel van de ondersteuning"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Wat wil de inwoner aan het eind kunnen? Concreet en haalbaar binnen een paar gesprekken."
        ),
        error_messages={
            "required": _("Beschrijf het doel: kortdurende ondersteuning begint met een duidelijk doel.")
        },
    )
    toets_collega = MedewerkerKeuze(
        label=_("Collega"),
        queryset=Medewerker.objects.none(),
        error_messages={"required": _("Kies de collega met wie u de collegiale toets hebt gedaan.")},
    )
    toets_datum = forms.DateField(
        label=_("Datum van de collegiale toets"),
        widget=DatumInput(),
        error_messages={"required": _("Vul de datum van de collegiale toets in.")},
    )
    toets_uitkomst = forms.CharField(
        label=_("Uitkomst van de collegiale toets"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort op wat de collegiale toets opleverde.")},
    )
    vrijwilliger_toestemming = forms.ChoiceField(
        label=_("Mag er een vrijwilliger mee?"),
        choices=TOESTEMMING_KEUZES,
        initial="onbekend",
        widget=forms.RadioSelect,
        help_text=_("De vrijwilliger kan een dorpsgenoot zijn; vraag de inwoner of dat goed is."),
    )
    vrijwilliger = MedewerkerKeuze(
        label=_("Vrijwilliger"), queryset=Medewerker.objects.none(), required=False, empty_label=_("— geen —")
    )
    twijfel = forms.BooleanField(
        label=_("Ik twijfel of kortdurende ondersteuning hier past: vraag de coördinator om advies"),
        required=False,
    )
    adviesvraag = forms.CharField(
        label=_("Vraag aan de coördinator"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen bij twijfel. De casus start pas als het advies er is."),
    )
    startdatum = forms.DateField(
        label=_("Startdatum"), widget=DatumInput(), required=False, initial=timezone.localdate
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        leden = Medewerker.objects.filter(teams=team, is_active=True).order_by("first_name", "last_name")
        self.fields["casushouder"].queryset = leden.filter(rol=Rol.BEROEPSKRACHT)
        self.fields["vrijwilliger"].queryset = leden.filter(rol=Rol.VRIJWILLIGER)
        # A colleague of the own team, or a beroepskracht of another kernteam when the team is small.
        self.fields["toets_collega"].queryset = (
            Medewerker.objects.filter(is_active=True)
            .filter(
                Q(teams=team, rol=Rol.VRIJWILLIGER)
                | Q(rol=Rol.BEROEPSKRACHT, teams__soort__in=KERNTEAMSOORTEN)
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["toets_collega"].empty_label = _("— kies de collega —")
        for kader in KADERS:
            # Required, so a missing kader shows up in the same round as the other empty fields.
            self.fields[kader.veld] = forms.BooleanField(
                label=kader.label, required=True, error_messages={"required": kader.fout}
            )
            self.fields[kader.veld].widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"

    @property
    def kadervelden(self):
        return [self[kader.veld] for kader in KADERS]

    @property
    def kaders(self) -> dict[str, bool]:
        return {kader.veld: bool(self.cleaned_data.get(kader.veld)) for kader in KADERS}

    @property
    def toestemming(self) -> bool | None:
        return TOESTEMMING_WAARDE[self.cleaned_data["vrijwilliger_toestemming"]]


DEELNEMERS = [
    ("met_beroepskracht", _("Beroepskracht")),
    ("met_vrijwilliger", _("Vrijwilliger")),
    ("met_consulent", _("Consulent")),
]


class ContactmomentForm(NLDSFormMixin, forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DatumInput(), initial=timezone.localdate)
    soort = forms.ChoiceField(
        label=_("Soort contact"),
        choices=ContactSoort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de soort contact.")},
    )
    duur_minuten = forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=1,
        max_value=600,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Vul de duur in minuten in."),
            "min_value": _("De duur is minstens 1 minuut."),
            "max_value": _("De duur is hoogstens 600 minuten."),
        },
    )
    deelnemers = forms.MultipleChoiceField(
        label=_("Wie waren erbij?"),
        choices=DEELNEMERS,
        initial=["met_beroepskracht"],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kruis aan wie er bij het contact waren.")},
    )
    verslag = forms.CharField(
        label=_("Kort verslag"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    vertrouwelijk = forms.BooleanField(
        label=_("Vertrouwelijk: niet zichtbaar voor de vrijwilliger"), required=False
    )

    def deelnemer_vlaggen(self) -> dict[str, bool]:
        gekozen = set(self.cleaned_data.get("deelnemers") or [])
        return {code: code in gekozen for code, _label in DEELNEMERS}


ZRM_KEUZES = [("", _("Niet besproken"))] + [(str(w), label) for w, label in ZrmNiveau.choices]


class ZrmVeldenMixin:
    """One optional score per active leefgebied; 'niet besproken' is the default and always allowed."""

    def zrm_velden_toevoegen(self, leefgebieden, beginwaarden: dict[int, int | None] | None = None):
        self.leefgebieden = list(leefgebieden)
        beginwaarden = beginwaarden or {}
        for lg in self.leefgebieden:
            veld = forms.TypedChoiceField(
                label=lg.label,
                choices=ZRM_KEUZES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=beginwaarden.get(lg.pk),
                error_messages={"invalid_choice": _("Een ZRM-score is 1 tot en met 5, of 'niet besproken'.")},
            )
            veld.widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
            self.fields[f"zrm_{lg.code}"] = veld

    @property
    def zrm_velden(self):
        return [self[f"zrm_{lg.code}"] for lg in self.leefgebieden]

    def zrm_scores(self) -> dict[str, int | None]:
        return {lg.code: self.cleaned_data.get(f"zrm_{lg.code}") for lg in self.leefgebieden}


class ZrmForm(NLDSFormMixin, ZrmVeldenMixin, forms.Form):
    moment = forms.ChoiceField(
        label=_("Moment"),
        choices=[(ZrmMoment.START, _("Start")), (ZrmMoment.TUSSEN, _("Tussenmeting"))],
        widget=forms.RadioSelect,
    )
    datum = forms.DateField(label=_("Datum van de meting"), widget=DatumInput(), initial=timezone.localdate)

    def __init__(self, *args, leefgebieden, beginwaarden=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.zrm_velden_toevoegen(leefgebieden, beginwaarden)


class AfsluitForm(NLDSFormMixin, ZrmVeldenMixin, forms.Form):
    reden = forms.ChoiceField(
        label=_("Reden van afsluiten"),
        choices=Afsluitreden.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de reden van afsluiten.")},
    )
    doorverwezen_naar = forms.ModelChoiceField(
        label=_("Doorverwezen naar (sociale kaart)"),
        queryset=Voorziening.objects.none(),
        required=False,
        empty_label=_("— kies de voorziening —"),
        help_text=_("Alleen bij doorverwijzing naar de 0e/1e lijn."),
    )
    resultaat = forms.CharField(
        label=_("Resultaat"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Beschrijf kort het resultaat voor de inwoner.")},
    )
    datum = forms.DateField(label=_("Datum van afsluiten"), widget=DatumInput(), initial=timezone.localdate)
    cijfer = forms.IntegerField(
        label=_("Rapportcijfer van de inwoner (1–10)"),
        min_value=1,
        max_value=10,
        required=False,
        help_text=_("Optioneel: hoe tevreden is de inwoner over de ondersteuning?"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "min_value": _("Een rapportcijfer is 1 tot en met 10."),
            "max_value": _("Een rapportcijfer is 1 tot en met 10."),
        },
    )

    def __init__(self, *args, leefgebieden, beginwaarden=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doorverwezen_naar"].queryset = Voorziening.objects.filter(actief=True).order_by("naam")
        self.zrm_velden_toevoegen(leefgebieden, beginwaarden)


class AdviesForm(NLDSFormMixin, forms.Form):
    past_binnen_kaders = forms.TypedChoiceField(
        label=_("Past kortdurende ondersteuning hier?"),
        choices=[("ja", _("Ja, de casus kan starten")), ("nee", _("Nee, kies een andere route"))],
        coerce=lambda w: w == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Geef aan of kortdurende ondersteuning hier past.")},
    )
    advies = forms.CharField(
        label=_("Advies"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf uw advies op voor de casushouder.")},
    )


class StartNaAdviesForm(NLDSFormMixin, forms.Form):
    startdatum = forms.DateField(label=_("Startdatum"), widget=DatumInput(), initial=timezone.localdate)


class VrijwilligerForm(NLDSFormMixin, forms.Form):
    vrijwilliger_toestemming = forms.ChoiceField(
        label=_("Mag er een vrijwilliger mee?"), choices=TOESTEMMING_KEUZES, widget=forms.RadioSelect
    )
    vrijwilliger = MedewerkerKeuze(
        label=_("Vrijwilliger"), queryset=Medewerker.objects.none(), required=False, empty_label=_("— geen —")
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vrijwilliger"].queryset = Medewerker.objects.filter(
            teams=team, rol=Rol.VRIJWILLIGER, is_active=True
        ).order_by("first_name", "last_name")

    @property
    def toestemming(self) -> bool | None:
        return TOESTEMMING_WAARDE[self.cleaned_data["vrijwilliger_toestemming"]]


def actieve_leefgebieden():
    return Leefgebied.objects.filter(actief=True).order_by("volgorde", "label")
