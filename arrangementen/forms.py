"""Forms of the arrangement screens. They shape input; the rules live in arrangementen/services/."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from skt.forms import DatumInput, NLDSFormMixin
from skt.validators import werkdatum_veld

from . import services
from .models import Arrangement, Eenheid, Leveringsvorm, MaatwerkCategorie, OnderdeelSoort, Periode, Wet
from .models.opvolging import Evaluatie


class ArrangementForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Arrangement
        fields = ["wet", *services.TEKSTVELDEN, *services.DATUMVELDEN]
        widgets = {veld: DatumInput() for veld in services.DATUMVELDEN}
        error_messages = {veld: {"invalid": _("Vul een geldige datum in.")} for veld in services.DATUMVELDEN}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wet"].widget = forms.RadioSelect(choices=Wet.choices)
        self.fields["wet"].help_text = _("Bepaalt welke consulent beslist: Wmo of Jeugd.")
        self.fields["wet"].error_messages["required"] = _("Kies de wet: Wmo 2015 of Jeugdwet.")
        for veld in ("feitelijke_beschrijving", "wensen_inwoner", "advies_kernteamlid", "aard_en_ernst"):
            self.fields[veld].widget.attrs["rows"] = 5
        for veld in ("doel", "beoogd_resultaat"):
            self.fields[veld].widget.attrs["rows"] = 3
        for veld in services.DATUMVELDEN:
            werkdatum_veld(self.fields[veld])
        if self.instance.pk and self.instance.eerst_ingediend_op:
            # The legal clocks started with the first submission; a new version does not move them.
            for veld in ("wet", "meldingsdatum", "aanvraagdatum"):
                self.fields[veld].disabled = True
                self.fields[veld].help_text = _("Ligt vast sinds het eerste indienen: de termijn loopt.")

    def _post_clean(self):
        # The service validates and saves; the form must not touch the instance the view holds.
        pass


def categorie_keuzes(wet: str | None = None) -> list:
    """The active categories grouped per law, for one select with optgroups: the chosen law's first
    (Wmo when none is chosen yet; onderdelen.js reorders when the law changes on the page)."""
    volgorde = [wet] if wet in Wet.values else []
    volgorde += [w for w in (Wet.WMO, Wet.JEUGD) if w not in volgorde]
    groepen: dict[str, list] = {str(Wet(w).label): [] for w in volgorde}
    for categorie in MaatwerkCategorie.objects.filter(actief=True).order_by("code"):
        groepen.setdefault(categorie.get_wet_display(), []).append(
            (str(categorie.pk), f"{categorie.code} {categorie.label}")
        )
    return [
        ("", _("— kies de categorie —")),
        *((label, keuzes) for label, keuzes in groepen.items() if keuzes),
    ]


class OnderdeelForm(NLDSFormMixin, forms.Form):
    uuid = forms.CharField(required=False, widget=forms.HiddenInput)
    soort = forms.ChoiceField(
        label=_("Soort onderdeel"),
        choices=[("", _("— kies de soort —")), *OnderdeelSoort.choices],
        required=False,
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wat er gebeurt en wie het doet."),
    )
    voorziening = forms.ModelChoiceField(
        label=_("Algemene voorziening"),
        queryset=services.algemene_voorzieningen(),
        required=False,
        empty_label=_("— alleen bij een algemene voorziening —"),
    )
    categorie = forms.ChoiceField(label=_("Categorie maatwerk"), required=False)
    omvang = forms.CharField(label=_("Omvang"), required=False, max_length=100, help_text=_("Bijv. '3 uur'."))
    frequentie = forms.CharField(
        label=_("Frequentie"), required=False, max_length=100, help_text=_("Bijv. 'per week'.")
    )
    duur = forms.CharField(label=_("Duur"), required=False, max_length=100, help_text=_("Bijv. '6 maanden'."))
    indicatieve_kosten = forms.CharField(
        label=_("Indicatieve kosten (euro)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    verwijderen = forms.BooleanField(label=_("Dit onderdeel verwijderen"), required=False)

    def __init__(self, *args, wet: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categorie"].choices = categorie_keuzes(wet)

    def clean_categorie(self):
        waarde = self.cleaned_data.get("categorie")
        if not waarde:
            return None
        categorie = MaatwerkCategorie.objects.filter(pk=waarde).first()
        if categorie is None:
            raise ValidationError(_("Kies een categorie uit de lijst."))
        return categorie

    def clean_indicatieve_kosten(self):
        waarde = (self.cleaned_data.get("indicatieve_kosten") or "").strip().replace("€", "").replace(" ", "")
        if not waarde:
            return None
        # Dutch notation: 1.250,50 means one thousand two hundred fifty and a half.
        if "," in waarde:
            waarde = waarde.replace(".", "").replace(",", ".")
        return waarde

    def als_gegevens(self) -> dict:
        return dict(self.cleaned_data)

    @property
    def bestaat(self) -> bool:
        return bool(self.initial.get("uuid"))

    @property
    def doet_mee(self) -> bool:
        """An empty extra form is no onderdeel; an existing one always is (it may be removed)."""
        return self.bestaat or self.has_changed()


OnderdeelFormSet = forms.formset_factory(OnderdeelForm, extra=1, max_num=30)


def onderdelen_als_begin(arrangement: Arrangement) -> list[dict]:
    return [
        {
            "uuid": str(o.uuid),
            "soort": o.soort,
            "omschrijving": o.omschrijving,
            "voorziening": o.voorziening_id,
            "categorie": str(o.categorie_id) if o.categorie_id else "",
            "omvang": o.omvang,
            "frequentie": o.frequentie,
            "duur": o.duur,
            "indicatieve_kosten": f"{o.indicatieve_kosten:.2f}".replace(".", ",")
            if o.indicatieve_kosten is not None
            else "",
        }
        for o in arrangement.onderdelen.all()
    ]


def zorgaanbieder_keuzes() -> list:
    """The sociale kaart's zorgaanbieders for the decision form's select: one query for all rows."""
    return [("", _("— kies de zorgaanbieder —"))] + [
        (str(o.pk), o.naam) for o in services.zorgaanbieders().only("pk", "naam")
    ]


def _leeg(keuzes, tekst) -> list:
    return [("", tekst), *keuzes]


class BeslissingForm(NLDSFormMixin, forms.Form):
    """The decision on one onderdeel; the beschikking and the voorziening's fields only for maatwerk.

    The form shapes the input; whether it is complete and sound is the service's (every message
    next to its field, from arrangementen/services/besluiten.py).
    """

    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("toekennen", _("Toekennen")), ("niet_toekennen", _("Niet toekennen"))],
        widget=forms.RadioSelect,
        required=False,
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht als u niet toekent; het kernteam en de inwoner lezen dit."),
    )
    beschikkingsnummer = forms.CharField(label=_("Beschikkingsnummer"), required=False, max_length=50)
    beschikkingsdatum = forms.DateField(
        label=_("Beschikkingsdatum"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    product = forms.CharField(
        label=_("Product (iWmo/iJw)"),
        required=False,
        max_length=100,
        help_text=_("Productcode of omschrijving, bijvoorbeeld '02A01 Begeleiding individueel'."),
    )
    # A plain choice posted as text: the service refuses any id that is not a zorgaanbieder.
    zorgaanbieder = forms.CharField(
        label=_("Zorgaanbieder"), required=False, max_length=20, widget=forms.Select
    )
    leveringsvorm = forms.ChoiceField(
        label=_("Leveringsvorm"),
        choices=_leeg(Leveringsvorm.choices, _("— kies ZIN of PGB —")),
        required=False,
    )
    omvang_eenheden = forms.CharField(
        label=_("Omvang (aantal)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Bijvoorbeeld 3 of 2,5."),
    )
    omvang_eenheid = forms.ChoiceField(
        label=_("Eenheid"), choices=_leeg(Eenheid.choices, _("— eenheid —")), required=False
    )
    omvang_periode = forms.ChoiceField(
        label=_("Per"), choices=_leeg(Periode.choices, _("— periode —")), required=False
    )
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    einddatum = forms.DateField(
        label=_("Einddatum"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": _("Vul een geldige datum in.")},
        help_text=_("Leeg alleen bij een voorziening voor onbepaalde tijd."),
    )

    VOORZIENING_VELDEN = (
        "beschikkingsnummer",
        "beschikkingsdatum",
        "product",
        "zorgaanbieder",
        "leveringsvorm",
        "omvang_eenheden",
        "omvang_eenheid",
        "omvang_periode",
        "ingangsdatum",
        "einddatum",
    )

    def __init__(self, *args, onderdeel, aanbieders: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.onderdeel = onderdeel
        if not onderdeel.is_maatwerk:
            for veld in self.VOORZIENING_VELDEN:
                del self.fields[veld]
            self.fields["besluit"].choices = [
                ("toekennen", _("Akkoord")),
                ("niet_toekennen", _("Niet akkoord")),
            ]
        else:
            self.fields["zorgaanbieder"].widget.choices = (
                aanbieders if aanbieders is not None else zorgaanbieder_keuzes()
            )

    def als_beslissing(self) -> services.Beslissing:
        data = self.cleaned_data
        besluit = data.get("besluit")
        return services.Beslissing(
            onderdeel=str(self.onderdeel.uuid),
            toegekend=None if not besluit else besluit == "toekennen",
            reden=data.get("reden") or "",
            beschikkingsnummer=data.get("beschikkingsnummer") or "",
            beschikkingsdatum=data.get("beschikkingsdatum"),
            product=data.get("product") or "",
            zorgaanbieder=data.get("zorgaanbieder") or None,
            leveringsvorm=data.get("leveringsvorm") or "",
            omvang_eenheden=data.get("omvang_eenheden") or None,
            omvang_eenheid=data.get("omvang_eenheid") or "",
            omvang_periode=data.get("omvang_periode") or "",
            ingangsdatum=data.get("ingangsdatum"),
            einddatum=data.get("einddatum"),
        )


class BesluitToelichtingForm(NLDSFormMixin, forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting bij het besluit (optioneel)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TerugsturenForm(NLDSFormMixin, forms.Form):
    toelichting = forms.CharField(
        label=_("Wat moet er worden aangevuld of anders?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf op wat er ontbreekt of anders moet, zodat de opsteller het kan aanvullen.")
        },
    )


class AfwijzenForm(NLDSFormMixin, forms.Form):
    reden = forms.CharField(
        label=_("Reden van de afwijzing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Geef de reden van de afwijzing; de inwoner en het kernteam lezen die.")
        },
    )


class VerlengenForm(NLDSFormMixin, forms.Form):
    nieuwe_einddatum = forms.DateField(
        label=_("Nieuwe einddatum van de beslistermijn"),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de nieuwe einddatum in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
    reden = forms.CharField(
        label=_("Reden van de verlenging"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De inwoner krijgt deze reden te horen (Awb 4:14)."),
        error_messages={"required": _("Geef de reden van de verlenging.")},
    )


class NotitieForm(NLDSFormMixin, forms.Form):
    tekst = forms.CharField(
        label=_("Interne notitie (alleen voor consulenten)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf de notitie.")},
    )


class AanvraagAfhandelenForm(NLDSFormMixin, forms.Form):
    """How a loket item ends: a regular-route plan, back to the kernteam, or referred elsewhere."""

    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"),
        widget=forms.RadioSelect,
        choices=[
            ("maatwerk_aanvragen", _("Maatwerk nodig: ik stel een plan op (reguliere route)")),
            ("geen_maatwerk", _("Geen maatwerk nodig: terug naar het kernteam")),
            ("doorverwijzen", _("Doorverwijzen naar een andere organisatie")),
        ],
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bij 'geen maatwerk nodig' verplicht: het kernteam leest waarom en neemt de vraag op."),
    )
    doorverwezen_naar = forms.CharField(
        label=_("Doorverwezen naar"),
        required=False,
        max_length=200,
        help_text=_("Alleen bij doorverwijzen: de organisatie of persoon."),
    )


class EvaluatieForm(NLDSFormMixin, forms.Form):
    """The regisseur's evaluation of a granted plan; the rules live in services/evalueren.py."""

    doel_bereikt = forms.ChoiceField(
        label=_("Is het doel bereikt?"),
        choices=Evaluatie.Doel.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Geef aan of het doel is bereikt: ja, deels of nee."),
            "invalid_choice": _("Geef aan of het doel is bereikt: ja, deels of nee."),
        },
    )
    notitie = forms.CharField(
        label=_("Hoe gaat het?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat is bereikt, wat nog niet, en wat vindt de inwoner ervan."),
        error_messages={"required": _("Schrijf op hoe het gaat: wat is bereikt en wat nog niet.")},
    )
    vervolg = forms.ChoiceField(
        label=_("Volgende stap"),
        choices=Evaluatie.Vervolg.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de volgende stap: voortzetten, bijstellen, afschalen of beëindigen."),
            "invalid_choice": _("Kies de volgende stap: voortzetten, bijstellen, afschalen of beëindigen."),
        },
    )
    volgende_evaluatie = forms.DateField(
        label=_("Volgende evaluatie uiterlijk op"),
        required=False,
        widget=DatumInput(),
        help_text=_("Leeg gelaten geldt de regel van het gemeenteprofiel. Niet bij beëindigen."),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    einddatum = forms.DateField(
        label=_("Einddatum (bij beëindigen)"),
        required=False,
        widget=DatumInput(),
        help_text=_("Niet vóór het besluit en hoogstens een jaar vooruit."),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    reden_einde = forms.CharField(
        label=_("Reden van beëindigen"),
        required=False,
        max_length=500,
        error_messages={"max_length": _("Gebruik hoogstens 500 tekens.")},
    )
