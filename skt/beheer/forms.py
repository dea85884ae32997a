from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import NLDSFormMixin
from ..models import Kern, Leefgebied, Organisatie, Rol, Team, Voorziening
from ..profielen import beschikbare_profielen


class MedewerkerForm(NLDSFormMixin, forms.Form):
    """Name, contact, role and teams. No password field: the person sets it through the invitation."""

    username = forms.RegexField(
        label=_("Gebruikersnaam"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text=_("Letters, cijfers en . @ + - _; niet te wijzigen na het aanmaken."),
        error_messages={
            "required": _("Vul een gebruikersnaam in."),
            "invalid": _("Gebruik alleen letters, cijfers en . @ + - _."),
        },
    )
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    achternaam = forms.CharField(
        label=_("Achternaam"), max_length=150, error_messages={"required": _("Vul de achternaam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("De uitnodiging en een nieuw wachtwoord gaan naar dit adres."),
        error_messages={
            "required": _("Vul het e-mailadres in: de uitnodiging gaat daarheen."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."),
        },
    )
    telefoon = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisatie.objects.all(),
        required=False,
        empty_label=_("— geen —"),
        to_field_name="uuid",
    )
    rol = forms.ChoiceField(
        label=_("Rol"), choices=Rol.choices, error_messages={"required": _("Kies een rol.")}
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.filter(actief=True),
        required=False,
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Verplicht voor beroepskracht, vrijwilliger, consulent en coördinator."),
    )

    def __init__(self, *args, nieuw: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].choices = [("", _("— kies een rol —")), *Rol.choices]
        if not nieuw:
            del self.fields["username"]
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class MedewerkerZoekForm(NLDSFormMixin, forms.Form):
    q = forms.CharField(label=_("Naam, gebruikersnaam of e-mail"), required=False, max_length=100)
    rol = forms.ChoiceField(label=_("Rol"), required=False)
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.all(),
        required=False,
        to_field_name="uuid",
        empty_label=_("Alle"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), ("actief", _("Actief")), ("inactief", _("Inactief"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].choices = [("", _("Alle")), *Rol.choices]


class CodeVastMixin:
    """Codes are stable (other records and profiles refer to them): set once, then read-only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "code" in self.fields:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("De code blijft gelijk; wijzig zo nodig de naam.")


class KernForm(CodeVastMixin, NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Kern
        fields = ["code", "naam", "actief"]


class TeamForm(CodeVastMixin, NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Team
        fields = ["code", "naam", "soort", "doelgroep", "kernen", "actief"]
        widgets = {"kernen": forms.CheckboxSelectMultiple}
        help_texts = {
            "kernen": _("Een kernteam dekt kernen; een cluster of het loket meestal geen."),
            "doelgroep": _("Voor een cluster: de doelgroep of expertise."),
        }


class LeefgebiedForm(CodeVastMixin, NLDSFormMixin, forms.ModelForm):
    aliassen = forms.CharField(
        label=_("Aliassen"),
        required=False,
        max_length=1000,
        help_text=_("Andere namen, gescheiden door komma's (bijvoorbeeld uit een ouder profiel)."),
    )

    class Meta:
        model = Leefgebied
        fields = ["code", "label", "aliassen", "volgorde", "actief"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["aliassen"] = ", ".join(self.instance.aliassen or [])

    def clean_aliassen(self):
        return [a.strip() for a in (self.cleaned_data.get("aliassen") or "").split(",") if a.strip()]


class OrganisatieForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Organisatie
        fields = ["naam", "soort", "website", "telefoon"]
        field_classes = {"website": lambda **kw: forms.URLField(assume_scheme="https", **kw)}


class VoorzieningForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Voorziening
        fields = [
            "naam",
            "soort",
            "organisatie",
            "omschrijving",
            "kernen",
            "leefgebieden",
            "contact",
            "actief",
        ]
        widgets = {"kernen": forms.CheckboxSelectMultiple, "leefgebieden": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].empty_label = _("— kies de organisatie —")
        self.fields["kernen"].queryset = Kern.objects.filter(actief=True)
        self.fields["leefgebieden"].queryset = Leefgebied.objects.filter(actief=True)


class ProfielLadenForm(NLDSFormMixin, forms.Form):
    profiel = forms.ChoiceField(
        label=_("Meegeleverd profiel"), error_messages={"required": _("Kies een profiel.")}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profiel"].choices = [("", _("— kies een profiel —"))] + [
            (naam, naam) for naam in beschikbare_profielen()
        ]


class RechtenwijzigingWeigerenForm(NLDSFormMixin, forms.Form):
    reden = forms.CharField(
        label=_("Reden van weigering"),
        max_length=1000,
        widget=forms.Textarea,
        help_text=_("De beheerder die het voorstelde, leest deze reden."),
        error_messages={"required": _("Geef de reden van de weigering; de beheerder leest die.")},
    )
