"""Forms of the top layer: the bewaarplicht and the decision on a request for erasure."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skt.forms import NLDSFormMixin
from skt.models import Inwoner, Kern
from skt.validators import normaliseer_postcode, valideer_postcode

from .models import Bewaarplicht, Verwijderverzoek


class BewaarplichtForm(NLDSFormMixin, forms.Form):
    grond = forms.ChoiceField(label=_("Grond"), choices=Bewaarplicht.Grond.choices)
    reden = forms.CharField(
        label=_("Reden"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld het kenmerk van het bezwaar of de klacht. Zolang de bewaarplicht geldt, "
            "wordt niets van deze inwoner verwijderd."
        ),
    )


class OpheffenForm(NLDSFormMixin, forms.Form):
    bewaarplicht = forms.UUIDField(widget=forms.HiddenInput)
    opheffing_reden = forms.CharField(label=_("Reden van opheffen"), max_length=500)


class VerwijderverzoekForm(NLDSFormMixin, forms.Form):
    ontvangen_op = forms.DateField(
        label=_("Verzoek ontvangen op"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    besluit = forms.ChoiceField(
        label=_("Besluit"), choices=Verwijderverzoek.Besluit.choices, widget=forms.RadioSelect
    )
    grondslag = forms.ChoiceField(
        label=_("Grondslag"),
        choices=[
            (code, label)
            for code, label in Verwijderverzoek.Grondslag.choices
            if code != Verwijderverzoek.Grondslag.BEWAARPLICHT
        ],
        help_text=_("Toewijzen: lid 1 sub a, c, d of e. Afwijzen: lid 3 sub b, d of e."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bij toewijzen verdwijnt de toelichting met het dossier; besluit en grondslag blijven."),
    )
    bevestig = forms.BooleanField(
        label=_(
            "Ik begrijp dat toewijzen het hele dossier van deze inwoner direct en onherroepelijk verwijdert."
        ),
        required=False,
    )

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("besluit") == Verwijderverzoek.Besluit.TOEGEWEZEN and not gegevens.get("bevestig"):
            self.add_error("bevestig", _("Bevestig dat het dossier wordt verwijderd."))
        return gegevens


def _waarde_tekst(inwoner, veld: str) -> str:
    waarde = getattr(inwoner, veld)
    if waarde in (None, ""):
        return str(_("(leeg)"))
    if hasattr(waarde, "strftime"):
        return f"{waarde:%d-%m-%Y}"
    return str(waarde)


class SamenvoegenForm(NLDSFormMixin, forms.Form):
    """Two records side by side: which one survives, and per field which value stays."""

    overlevende = forms.ChoiceField(
        label=_("Welke registratie blijft bestaan?"),
        widget=forms.RadioSelect,
        help_text=_("De andere blijft als verwijzing naar deze bestaan; alles wordt naar deze verplaatst."),
    )
    reden = forms.CharField(label=_("Reden"), max_length=500, required=False)
    bevestig = forms.BooleanField(
        label=_("Ik heb gecontroleerd dat dit dezelfde persoon is."),
        error_messages={"required": _("Bevestig dat dit dezelfde persoon is.")},
    )

    def __init__(self, *args, a, b, velden, labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overlevende"].choices = [("a", a.naam), ("b", b.naam)]
        self.fields["overlevende"].initial = "a"
        self.keuzevelden = []
        for veld in velden:
            naam = f"veld_{veld}"
            self.fields[naam] = forms.ChoiceField(
                label=labels[veld],
                choices=[("a", _waarde_tekst(a, veld)), ("b", _waarde_tekst(b, veld))],
                initial="a" if getattr(a, veld) not in (None, "") or getattr(b, veld) in (None, "") else "b",
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies welke waarde blijft.")},
            )
            self.keuzevelden.append(self[naam])
        self.order_fields([f"veld_{v}" for v in velden] + ["overlevende", "reden", "bevestig"])


class InwonerCorrectieForm(NLDSFormMixin, forms.Form):
    """Name, address and contact details; the kern follows the woonplaats unless chosen here."""

    voornamen = forms.CharField(
        label=_("Voornamen"), max_length=100, error_messages={"required": _("Vul de voornamen in.")}
    )
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(
        label=_("Achternaam"), max_length=100, error_messages={"required": _("Vul de achternaam in.")}
    )
    straat = forms.CharField(label=_("Straat"), max_length=100, required=False)
    huisnummer = forms.CharField(label=_("Huisnummer"), max_length=10, required=False)
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    woonplaats = forms.CharField(label=_("Woonplaats"), max_length=100, required=False)
    kern = forms.ModelChoiceField(
        label=_("Kern"),
        queryset=Kern.objects.none(),
        required=False,
        empty_label=_("— afleiden uit de woonplaats —"),
        help_text=_("Leeg laten: bij een nieuwe woonplaats zoekt het systeem de kern met die naam."),
    )
    telefoon = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = Kern.objects.filter(actief=True)

    def clean_postcode(self):
        postcode = normaliseer_postcode(self.cleaned_data.get("postcode") or "")
        if postcode:
            valideer_postcode(postcode)
        return postcode

    def clean_voornamen(self):
        return _niet_leeg(self.cleaned_data.get("voornamen"), _("Vul de voornamen in."))

    def clean_achternaam(self):
        return _niet_leeg(self.cleaned_data.get("achternaam"), _("Vul de achternaam in."))


def _niet_leeg(waarde, melding):
    waarde = (waarde or "").strip()
    if not waarde:
        raise forms.ValidationError(melding)
    return waarde


class HuishoudenMakenForm(NLDSFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van het huishouden"),
        max_length=150,
        required=False,
        help_text=_("Bijvoorbeeld 'Huishouden De Vries'. Leeg laten: naar de achternaam."),
    )
    leden = forms.ModelMultipleChoiceField(
        label=_("Andere leden"),
        queryset=Inwoner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Kies alleen inwoners uit de lijst."),
            "invalid_pk_value": _("Kies alleen inwoners uit de lijst."),
        },
        help_text=_(
            "Alleen inwoners van wie u het dossier al mag zien en die nog in geen huishouden zitten."
        ),
    )


class HuishoudenLidForm(NLDSFormMixin, forms.Form):
    lid = forms.ModelChoiceField(
        label=_("Lid toevoegen"),
        queryset=Inwoner.objects.none(),
        empty_label=_("— kies een inwoner —"),
        error_messages={
            "required": _("Kies een inwoner."),
            "invalid_choice": _("Kies een inwoner uit de lijst."),
        },
        help_text=_(
            "Alleen inwoners van wie u het dossier al mag zien en die nog in geen huishouden zitten."
        ),
    )
