from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldingen import routering
from meldingen.models import Melding
from meldingen.vocab import Ingang, TriageUitkomst, Uitstroom
from skt.forms import DatumInput, InwonerForm, NLDSFormMixin
from skt.models import Leefgebied
from skt.validators import normaliseer_postcode, valideer_bsn, valideer_postcode, werkdatum_veld
from skt.zoekopdracht import bsn_gemaskeerd

from .models import Koppelverzoek


class ZoekForm(NLDSFormMixin, forms.Form):
    """Recognise a known inwoner: by BSN, by name + birth date, or by postcode + house number."""

    bsn = forms.CharField(
        label=_("BSN"),
        required=False,
        max_length=11,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "autofocus": True}),
    )
    achternaam = forms.CharField(label=_("Achternaam"), required=False, max_length=100)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), required=False, widget=DatumInput())
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=7)
    huisnummer = forms.CharField(label=_("Huisnummer"), required=False, max_length=10)

    def clean_bsn(self):
        bsn = (self.cleaned_data.get("bsn") or "").replace(" ", "").replace(".", "")
        if bsn:
            valideer_bsn(bsn)
        return bsn

    def clean_postcode(self):
        postcode = normaliseer_postcode(self.cleaned_data.get("postcode") or "")
        if postcode:
            valideer_postcode(postcode)
        return postcode

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        heeft_bsn = bool(data.get("bsn"))
        heeft_naam = bool(data.get("achternaam")) and bool(data.get("geboortedatum"))
        heeft_adres = bool(data.get("postcode")) and bool(data.get("huisnummer"))
        if not (heeft_bsn or heeft_naam or heeft_adres):
            raise ValidationError(
                _("Zoek op BSN, op achternaam én geboortedatum, of op postcode én huisnummer.")
            )
        return data

    @property
    def zoekwijze(self) -> str:
        data = self.cleaned_data
        if data.get("bsn"):
            return "bsn"
        if data.get("achternaam") and data.get("geboortedatum"):
            return "naam_geboortedatum"
        return "postcode_huisnummer"

    def logreden(self, gevonden: int, wie: str = "zoeken op") -> str:
        """The access log's reason: how was searched, a BSN only as its last three digits."""
        wijze = self.zoekwijze
        if wijze == "bsn":
            wijze = f"bsn {bsn_gemaskeerd(self.cleaned_data['bsn'])}"
        return f"{wie} {wijze}: {gevonden} gevonden"


class NieuweInwonerForm(InwonerForm):
    dubbel_bevestigd = forms.BooleanField(
        label=_("Ik heb de mogelijke dubbele registratie bekeken: dit is een andere persoon."), required=False
    )

    def validate_unique(self):
        # Whether a BSN is known already is for the service to say, and only to who may see that inwoner
        # (poort.services.inwoner_registreren): the form's "already exists" would be an existence oracle.
        try:
            self.instance.validate_unique(exclude={*self._get_validation_exclusions(), "bsn"})
        except ValidationError as fout:
            self._update_errors(fout)


class MeldingForm(NLDSFormMixin, forms.ModelForm):
    formulier_sleutel = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = Melding
        fields = [
            "aanmeldingsdatum",
            "ingang",
            "melder_soort",
            "melder_naam",
            "melder_bereikbaar",
            "melder_wil_terugkoppeling",
            "leefgebieden",
            "jeugd",
            "vraag",
            "notitie",
            "notitie_vertrouwelijk",
        ]
        widgets = {
            "aanmeldingsdatum": DatumInput(),
            "leefgebieden": forms.CheckboxSelectMultiple,
            "vraag": forms.Textarea(attrs={"rows": 4}),
            "notitie": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "leefgebieden": _("Kies er geen, één of meer. Nog niet bekend? Laat leeg."),
            "jeugd": _(
                "Alleen invullen als de geboortedatum niet bekend is; anders berekent het systeem dit."
            ),
            "notitie_vertrouwelijk": _("Vertrouwelijke notities zijn niet zichtbaar voor vrijwilligers."),
            "melder_wil_terugkoppeling": _(
                "Alleen bij een derde als melder: de melder hoort dát de melding is afgehandeld, "
                "nooit wat er is besproken."
            ),
        }

    def __init__(self, *args, inwoner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leefgebieden"].queryset = Leefgebied.objects.filter(actief=True)
        self.fields["aanmeldingsdatum"].initial = timezone.localdate
        werkdatum_veld(self.fields["aanmeldingsdatum"])
        self.fields["ingang"].choices = [("", _("— kies de ingang —")), *Ingang.choices]
        self.fields["melder_soort"].choices = [
            ("", _("— wie meldt? —")),
            *self.fields["melder_soort"].choices[1:],
        ]
        self.fields["vraag"].widget.attrs["maxlength"] = 4000
        if inwoner is not None and inwoner.geboortedatum:
            del self.fields["jeugd"]


class TriageForm(NLDSFormMixin, forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst van de triage"), choices=TriageUitkomst.choices, widget=forms.RadioSelect
    )
    team = forms.ModelChoiceField(
        label=_("Team of cluster"),
        queryset=routering.kernteams_voor_keuze(),
        required=False,
        empty_label=_("— afleiden uit de kern van de inwoner —"),
        help_text=_("Bij een kernteam: laat leeg om het team van de kern te nemen, of kies het cluster."),
    )
    reden = forms.CharField(
        label=_("Waarom deze keuze?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    jeugd_motivatie = forms.CharField(
        label=_("Jeugdvraag: waarom past het kernteam?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Een jeugdvraag gaat in principe naar het loket. Leg vast waarom het kernteam hier past."
        ),
    )
    uitstroom = forms.ChoiceField(
        label=_("Uitstroom (alleen bij directe afhandeling)"),
        required=False,
        choices=[("", _("— kies de uitstroom —")), *Uitstroom.choices],
    )

    def __init__(self, *args, melding=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = routering.kernteams_voor_keuze()
        if melding is not None and not melding.jeugd:
            del self.fields["jeugd_motivatie"]


class KoppelverzoekAfhandelenForm(NLDSFormMixin, forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=Koppelverzoek.Uitkomst.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe het verzoek is afgehandeld.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=2000,
        widget=forms.Textarea,
        help_text=_(
            "Waarom u het zo afhandelt. Alleen de poort leest dit; de vrager ziet alleen de uitkomst."
        ),
        error_messages={"required": _("Schrijf kort op waarom u het verzoek zo afhandelt.")},
    )

    def clean_toelichting(self):
        toelichting = self.cleaned_data["toelichting"].strip()
        if not toelichting:
            raise ValidationError(_("Schrijf kort op waarom u het verzoek zo afhandelt."))
        return toelichting
