from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import NLDSFormMixin, TokenForm


class _WachtwoordVelden(forms.Form):
    wachtwoord1 = forms.CharField(
        label=_("Nieuw wachtwoord"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens, niet alleen cijfers, niet te gewoon en niet lijkend op uw naam."),
        error_messages={"required": _("Kies een wachtwoord.")},
    )
    wachtwoord2 = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Vul het wachtwoord nog een keer in.")},
    )


class InstellenForm(NLDSFormMixin, _WachtwoordVelden):
    """Password (only for a new account) and the first code of the newly coupled app."""

    # The same field as the login's second-factor step.
    token = TokenForm.base_fields["token"]

    def __init__(self, *args, met_wachtwoord: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].widget.attrs.pop("autofocus", None)
        if not met_wachtwoord:
            del self.fields["wachtwoord1"], self.fields["wachtwoord2"]


class HerstelForm(NLDSFormMixin, _WachtwoordVelden):
    code = forms.CharField(
        label=_("Code uit uw authenticator-app of een herstelcode"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        error_messages={"required": _("Vul de code uit uw authenticator-app of een van uw herstelcodes in.")},
    )


class WachtwoordVergetenForm(NLDSFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."),
        },
    )
