from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Inwoner, Kern
from .validators import normaliseer_postcode


class NLDSFormMixin:
    """Give every widget its NL Design System class; Django itself links help text and marks errors."""

    # Browsers mark empty required fields :invalid before anything was typed; the label says
    # "(verplicht)" and the server gives the Dutch message.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
        fields = [
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
        ]
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
