from collections.abc import Mapping, Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import INWONER_GEGEVENS, Inwoner, Kern
from .validators import invoer_begrenzen, normaliseer_postcode


class NLDSFormMixin:
    """Give every widget its NL Design System class; Django itself links help text and marks errors."""

    # Browsers mark empty required fields :invalid before anything was typed; the label says
    # "(verplicht)" and the server gives the Dutch message.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ids within 64 bits and dates from 1900 for every form: bad input is a form error, not a 500.
        invoer_begrenzen(self)
        for veld in self.fields.values():
            widget = veld.widget
            if isinstance(widget, forms.CheckboxInput):
                klasse = "utrecht-checkbox utrecht-checkbox--html-input"
            elif isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
                klasse = ""
            elif isinstance(widget, forms.Select):
                klasse = "utrecht-select utrecht-select--html-select"
            elif isinstance(widget, forms.Textarea):
                klasse = "utrecht-textarea utrecht-textarea--html-textarea"
                widget.attrs.setdefault("rows", 4)
            else:
                klasse = "utrecht-textbox utrecht-textbox--html-input"
            if klasse:
                widget.attrs["class"] = f"{klasse} {widget.attrs.get('class', '')}".strip()
            leeg_in_het_nederlands(veld)


LEEG_LABEL = _("— kies —")


def leeg_in_het_nederlands(veld) -> None:
    """Django's empty choice "---------" reads as Dutch "— kies —" (a ModelChoiceField's empty_label,
    and the blank choice a model field with choices brings along)."""
    if isinstance(veld, forms.ModelChoiceField):
        if veld.empty_label == "---------":
            veld.empty_label = LEEG_LABEL
    elif isinstance(veld, forms.ChoiceField):
        keuzes = list(veld.choices)
        if any(waarde == "" and label == "---------" for waarde, label in keuzes):
            veld.choices = [
                (waarde, LEEG_LABEL if waarde == "" and label == "---------" else label)
                for waarde, label in keuzes
            ]


def fout_naar_form(
    form: forms.Form,
    fout: ValidationError,
    *,
    veldnamen: Mapping[str, str] | None = None,
    deelformulieren: Mapping[str, Sequence[forms.Form]] | None = None,
) -> None:
    """Put a service's ValidationError next to the field it is about, or above the form.

    ``veldnamen`` maps a service's key to the form's field when they differ (``"__all__"`` too, to
    show the general errors at one field). ``deelformulieren`` maps a prefix to the forms of a list
    (a formset, or the forms of the rows): the service's key ``onderdelen.3.omvang`` goes to the
    field ``omvang`` of the fourth form under ``"onderdelen"``, ``onderdelen.3`` above that form.
    Keys no form knows go above the main form, so no message is ever lost.
    """
    if not hasattr(fout, "error_dict"):
        form.add_error(None, fout)
        return
    veldnamen = veldnamen or {}
    deelformulieren = deelformulieren or {}
    for sleutel, fouten in fout.error_dict.items():
        voorvoegsel, _punt, rest = sleutel.partition(".")
        nummer, _punt, veld = rest.partition(".")
        rij = deelformulieren.get(voorvoegsel, ())
        if nummer.isdigit() and int(nummer) < len(rij):
            deel = rij[int(nummer)]
            deel.add_error(veld if veld in deel.fields else None, fouten)
            continue
        veld = veldnamen.get(sleutel, sleutel)
        form.add_error(veld if veld in form.fields else None, fouten)


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class BSNVeld(forms.CharField):
    """A BSN as people type it ("123 456 782", "123.456.782"): separators go before the validators run."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return value.replace(" ", "").replace(".", "") or self.empty_value

    def widget_attrs(self, widget):
        # Room for the separators in the browser; the 9-digit limit is checked after normalising.
        attrs = super().widget_attrs(widget)
        attrs["maxlength"] = "11"
        return attrs


class InwonerForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Inwoner
        fields = list(INWONER_GEGEVENS)
        widgets = {"geboortedatum": DatumInput()}
        field_classes = {"bsn": BSNVeld}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = Kern.objects.filter(actief=True)
        self.fields["kern"].empty_label = _("— kies de kern —")
        self.fields["bsn"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["postcode"].widget.attrs.update({"autocomplete": "postal-code"})

    def clean_bsn(self):
        return self.cleaned_data.get("bsn") or None

    def clean_postcode(self):
        return normaliseer_postcode(self.cleaned_data.get("postcode") or "")


class TokenForm(NLDSFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
        error_messages={
            "required": _("Vul de 6-cijferige code uit uw authenticator-app in."),
            "min_length": _("De code bestaat uit 6 cijfers."),
            "max_length": _("De code bestaat uit 6 cijfers."),
        },
    )


class CodeOfHerstelcodeForm(TokenForm):
    """At login with a coupled app: its 6-digit code, or one of the recovery codes (8 characters)."""

    token = forms.CharField(
        label=_("Code uit uw authenticator-app of een herstelcode"),
        min_length=6,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
        error_messages={
            "required": _("Vul de 6-cijferige code uit uw authenticator-app in."),
            "min_length": _("De code bestaat uit 6 cijfers."),
            "max_length": _("Een code uit de app heeft 6 cijfers, een herstelcode 8 tekens."),
        },
    )


class DossierFilterForm(NLDSFormMixin, forms.Form):
    soort = forms.ChoiceField(label=_("Soort"), required=False)
    van = forms.DateField(label=_("Van"), required=False, widget=DatumInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInput())

    def __init__(self, *args, **kwargs):
        from .tijdlijn import SOORTEN

        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", _("Alles")), *SOORTEN.items()]


class InwonerZoekForm(NLDSFormMixin, forms.Form):
    q = forms.CharField(label=_("Naam, BSN of postcode"), required=False, max_length=100)

    # One or two letters match a large part of a city and no name index serves them (issue 14).
    MINIMUM = 3

    def clean_q(self):
        q = self.cleaned_data["q"].strip()
        if q and len(q.replace(" ", "")) < self.MINIMUM:
            raise forms.ValidationError(
                _("Typ minstens drie tekens: een deel van de naam, het BSN of de postcode.")
            )
        return q


class NoodtoegangForm(NLDSFormMixin, forms.Form):
    reden = forms.CharField(
        label=_("Waarom hebt u nu toegang nodig?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld: de casushouder is ziek en de inwoner belt met een dringende vraag. "
            "De coördinator ziet uw reden terug."
        ),
    )
    bevestig = forms.BooleanField(
        label=_("Ik begrijp dat deze toegang wordt vastgelegd en door de coördinator wordt beoordeeld."),
        error_messages={"required": _("Bevestig dat u begrijpt dat deze toegang wordt beoordeeld.")},
    )

    def __init__(self, *args, inwoner_bekend: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if inwoner_bekend:
            return
        # From a search without a hit: the inwoner is named by BSN and birth date together, so a
        # typo in one finds nobody rather than someone else.
        velden = {
            "bsn": BSNVeld(
                label=_("BSN van de inwoner"),
                max_length=9,
                error_messages={"required": _("Vul het BSN van de inwoner in.")},
            ),
            "geboortedatum": forms.DateField(
                label=_("Geboortedatum van de inwoner"),
                widget=DatumInput(),
                error_messages={
                    "required": _("Vul de geboortedatum van de inwoner in."),
                    "invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-1960."),
                },
            ),
        }
        velden["bsn"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields = {**velden, **self.fields}

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"]
        if not (bsn.isdigit() and len(bsn) == 9):
            raise forms.ValidationError(_("Een BSN bestaat uit 9 cijfers."))
        return bsn


class NoodtoegangBeoordelingForm(NLDSFormMixin, forms.Form):
    oordeel = forms.ChoiceField(
        label=_("Oordeel"),
        choices=[("terecht", _("Terecht")), ("onterecht", _("Onterecht"))],
        widget=forms.RadioSelect,
    )
    opmerking = forms.CharField(label=_("Opmerking"), required=False, max_length=1000)


class RegisseurForm(NLDSFormMixin, forms.Form):
    regisseur = forms.ModelChoiceField(
        label=_("Regisseur van het huishouden"),
        queryset=None,
        required=False,
        empty_label=_("— geen regisseur —"),
    )
    reden = forms.CharField(
        label=_("Reden van de bevestiging"),
        help_text=_(
            "Alleen nodig als de regisseur nog niet bij elk lid betrokken is: met uw bevestiging krijgt "
            "de regisseur toegang tot het dossier van elk lid. De reden komt in het toegangslog."
        ),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        from .models import Medewerker, Rol

        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = Medewerker.objects.filter(
            is_active=True, rol__in=[Rol.BEROEPSKRACHT, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD]
        )


class ToegangslogFilterForm(NLDSFormMixin, forms.Form):
    """The coordinator's and privacy officer's filters on the access log. Sent as GET parameters, so a
    BSN is refused here: the inwoner is found by name among the dossiers the coordinator may open."""

    medewerker = forms.ModelChoiceField(
        label=_("Medewerker"), required=False, queryset=None, empty_label=_("— alle medewerkers —")
    )
    inwoner = forms.CharField(
        label=_("Inwoner (naam)"), required=False, max_length=100, help_text=_("Achternaam of voornaam.")
    )
    van = forms.DateField(label=_("Van"), required=False, widget=DatumInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInput())
    actie = forms.ChoiceField(label=_("Actie"), required=False)
    resultaat = forms.ChoiceField(label=_("Resultaat"), required=False)

    def __init__(self, *args, medewerkers, **kwargs):
        from .models import Toegang

        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = medewerkers
        self.fields["actie"].choices = [("", _("— alle acties —")), *Toegang.Actie.choices]
        self.fields["resultaat"].choices = [
            ("", _("— toegestaan en geweigerd —")),
            *Toegang.Resultaat.choices,
        ]

    def clean_inwoner(self):
        from .zoekopdracht import BSN_ACHTIG

        naam = (self.cleaned_data.get("inwoner") or "").strip()
        if BSN_ACHTIG.search(naam):
            raise ValidationError(
                _("Zoek hier op naam: een BSN hoort niet in de adresbalk."), code="bsn_in_url"
            )
        return naam

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data
