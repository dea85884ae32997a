"""Forms of the meldingen screens. They parse and check input; the rules live in the services."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skt import rechten
from skt.forms import DatumInput, NLDSFormMixin
from skt.models import Kern, Leefgebied, Medewerker, Voorziening

from . import routering
from .models import Signaal
from .vocab import ContactWijze, Ingang, MelderSoort, TriageUitkomst, Uitstroom
from .workflow import signaal_vervolgstatussen

ONGELDIGE_KEUZE = _("Kies een van de mogelijkheden uit de lijst.")
ONGELDIGE_DATUM = _("Vul een geldige datum in, bijvoorbeeld 17-03-2025.")


class WachtrijFilterForm(NLDSFormMixin, forms.Form):
    """GET filters of the queues. Invalid values are ignored (with a message), never an error page."""

    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        to_field_name="uuid",
        empty_label=_("Alle teams"),
        error_messages={"invalid_choice": _("Dit team hoort niet bij uw teams.")},
    )
    ingang = forms.ChoiceField(
        label=_("Ingang"),
        choices=[("", _("Alle ingangen")), *Ingang.choices],
        required=False,
        error_messages={"invalid_choice": ONGELDIGE_KEUZE},
    )
    leefgebied = forms.ModelChoiceField(
        label=_("Leefgebied"),
        queryset=Leefgebied.objects.filter(actief=True),
        required=False,
        to_field_name="code",
        empty_label=_("Alle leefgebieden"),
        error_messages={"invalid_choice": ONGELDIGE_KEUZE},
    )
    van = forms.DateField(
        label=_("Aangemeld vanaf"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": ONGELDIGE_DATUM},
    )
    tot = forms.DateField(
        label=_("Aangemeld tot en met"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": ONGELDIGE_DATUM},
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            data.pop("van", None)
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data

    def geldige_filters(self) -> dict:
        """The filters that are valid; call after is_valid(), whatever it returned."""
        if not self.is_bound:
            return {}
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v not in (None, "")}


class EersteContactForm(NLDSFormMixin, forms.Form):
    datum = forms.DateField(
        label=_("Datum van het eerste contact"),
        widget=DatumInput(),
        error_messages={"required": _("Vul de datum van het eerste contact in."), "invalid": ONGELDIGE_DATUM},
    )
    wijze = forms.ChoiceField(
        label=_("Hoe was het contact?"),
        choices=[("", _("— kies —")), *ContactWijze.choices],
        error_messages={"required": _("Kies hoe het contact was."), "invalid_choice": ONGELDIGE_KEUZE},
    )
    # Not required: left out, the contact was made by the person recording it.
    door = forms.ModelChoiceField(
        label=_("Contact gelegd door"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een lid van het team.")},
    )

    def __init__(self, *args, melding, user, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("datum", timezone.localdate())
        kwargs["initial"].setdefault("door", user.pk)
        super().__init__(*args, **kwargs)
        leden = Q(pk=user.pk)
        if melding.team_id:
            leden |= Q(teams=melding.team_id, is_active=True)
        self.fields["door"].queryset = Medewerker.objects.filter(leden).distinct().order_by("first_name")


class AfsluitenForm(NLDSFormMixin, forms.Form):
    uitstroom = forms.ChoiceField(
        label=_("Uitstroom: hoe is de melding afgehandeld?"),
        choices=[("", _("— kies de uitstroom —")), *Uitstroom.choices],
        error_messages={
            "required": _("Kies de uitstroom: hoe is de melding afgehandeld?"),
            "invalid_choice": _("Kies de uitstroom uit de lijst."),
        },
    )
    datum = forms.DateField(
        label=_("Datum van afsluiten"),
        widget=DatumInput(),
        error_messages={"required": _("Vul de datum van afsluiten in."), "invalid": ONGELDIGE_DATUM},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("De toelichting is te lang: ten hoogste %(limit_value)d tekens.")},
    )
    bevestigd = forms.BooleanField(
        label=_("Ik weet dat een afgesloten melding niet meer open kan"),
        error_messages={"required": _("Vink aan dat u weet dat een afgesloten melding niet meer open kan.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("datum", timezone.localdate())
        super().__init__(*args, **kwargs)


DOORSCHAKEL_UITKOMSTEN = [(c, label) for c, label in TriageUitkomst.choices if c != TriageUitkomst.DIRECT]


class DoorschakelForm(NLDSFormMixin, forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Naar"),
        choices=DOORSCHAKEL_UITKOMSTEN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waar de melding heen gaat."), "invalid_choice": ONGELDIGE_KEUZE},
    )
    team = forms.ModelChoiceField(
        label=_("Team of cluster"),
        queryset=None,
        required=False,
        to_field_name="uuid",
        empty_label=_("— afleiden uit de kern van de inwoner —"),
        help_text=_(
            "Alleen nodig als het team niet uit de kern volgt, of als de gemeente met clusters werkt."
        ),
        error_messages={"invalid_choice": ONGELDIGE_KEUZE},
    )
    reden = forms.CharField(
        label=_("Reden van doorschakelen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf op waarom de melding naar een ander team moet."),
            "max_length": _("De reden is te lang: ten hoogste %(limit_value)d tekens."),
        },
    )
    jeugd_motivatie = forms.CharField(
        label=_("Bij een jeugdvraag naar het kernteam: waarom past het kernteam?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("De motivatie is te lang: ten hoogste %(limit_value)d tekens.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = routering.kernteams_voor_keuze()


class SignaalForm(NLDSFormMixin, forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        to_field_name="uuid",
        empty_label=None,
        error_messages={"required": _("Kies het team."), "invalid_choice": _("Kies een van uw teams.")},
    )
    titel = forms.CharField(
        label=_("Titel"),
        max_length=150,
        help_text=_("Kort en herkenbaar, bijvoorbeeld 'Geen maaltijdservice voor ouderen in Elst'."),
        error_messages={
            "required": _("Geef het signaal een titel."),
            "max_length": _("De titel is te lang: ten hoogste %(limit_value)d tekens."),
        },
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Wat ziet het team terugkomen, hoe vaak, en wat ontbreekt er? Noem geen namen van inwoners."
        ),
        error_messages={
            "required": _("Beschrijf wat het team ziet."),
            "max_length": _("De omschrijving is te lang: ten hoogste %(limit_value)d tekens."),
        },
    )
    kern = forms.ModelChoiceField(
        label=_("Kern"),
        queryset=Kern.objects.filter(actief=True),
        required=False,
        to_field_name="code",
        empty_label=_("— hele gemeente of onbekend —"),
        error_messages={"invalid_choice": ONGELDIGE_KEUZE},
    )
    leefgebied = forms.ModelChoiceField(
        label=_("Leefgebied"),
        queryset=Leefgebied.objects.filter(actief=True),
        required=False,
        to_field_name="code",
        empty_label=_("— meerdere of onbekend —"),
        error_messages={"invalid_choice": ONGELDIGE_KEUZE},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = rechten.teams_van(user).order_by("naam")


class SignaalStatusForm(NLDSFormMixin, forms.Form):
    # Every status is accepted here so that a move that became illegal meanwhile (a colleague
    # was first) reaches the service, which says in Dutch why it cannot.
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=Signaal.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de nieuwe status."), "invalid_choice": ONGELDIGE_KEUZE},
    )
    voorziening = forms.ModelChoiceField(
        label=_("Voorziening uit de sociale kaart die uit dit signaal is ontstaan"),
        queryset=Voorziening.objects.filter(actief=True).order_by("naam"),
        required=False,
        to_field_name="uuid",
        empty_label=_("— geen —"),
        help_text=_("Verplicht bij 'Initiatief gestart'."),
        error_messages={"invalid_choice": ONGELDIGE_KEUZE},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("De toelichting is te lang: ten hoogste %(limit_value)d tekens.")},
    )

    def __init__(self, *args, signaal: Signaal, **kwargs):
        super().__init__(*args, **kwargs)
        toegestaan = signaal_vervolgstatussen(signaal.status)
        self.fields["status"].widget.choices = [
            (code, label) for code, label in Signaal.Status.choices if code in toegestaan
        ]


class MeldingCorrectieForm(NLDSFormMixin, forms.Form):
    """What vraagverheldering made clear: leefgebieden, jeugd, ingang and melder."""

    leefgebieden = forms.ModelMultipleChoiceField(
        label=_("Leefgebieden"),
        queryset=Leefgebied.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies alleen leefgebieden uit de lijst.")},
        help_text=_("Kies er geen, één of meer. Nog niet bekend? Laat leeg."),
    )
    jeugd = forms.BooleanField(label=_("Jeugd (jonger dan 18)"), required=False)
    ingang = forms.ChoiceField(label=_("Ingang"), choices=[("", _("— kies de ingang —")), *Ingang.choices])
    melder_soort = forms.ChoiceField(label=_("Melder"))
    melder_naam = forms.CharField(label=_("Naam melder"), max_length=150, required=False)
    melder_bereikbaar = forms.CharField(label=_("Bereikbaarheid melder"), max_length=200, required=False)
    melder_wil_terugkoppeling = forms.BooleanField(
        label=_("Melder wil horen dat de melding is afgehandeld"), required=False
    )
    reden = forms.CharField(
        label=_("Toelichting"),
        max_length=500,
        required=False,
        help_text=_("Verplicht als u jeugd aanzet: waarom past het kernteam?"),
    )

    def __init__(self, *args, melding=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leefgebieden"].queryset = Leefgebied.objects.filter(actief=True)
        self.fields["ingang"].error_messages["required"] = _("Kies de ingang.")
        self.fields["melder_soort"].choices = [("", _("— wie meldt? —")), *MelderSoort.choices]
        self.fields["melder_soort"].error_messages["required"] = _("Kies wie meldt.")
        if melding is not None and melding.inwoner_id and melding.inwoner.geboortedatum:
            # Jeugd follows from the birth date; the dossier corrects that.
            del self.fields["jeugd"]
