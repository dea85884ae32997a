"""Forms of the top layer: the bewaarplicht and the decision on a request for erasure."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skt.forms import NLDSFormMixin

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
