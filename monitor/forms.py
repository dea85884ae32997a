"""Forms of the monitor screens: the dashboard filter, a PDF request, and the streefwaarden."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skt.forms import DatumInput, NLDSFormMixin
from skt.models import Kern, Team
from skt.validators import EERSTE_WERKDATUM

from . import kpis as kpi_mod
from .berekening import Selectie
from .models import MeldingFeit
from .periode import Periode, PeriodeFout

MAX_KWARTALEN = 60
# A free period spans at most two years: longer spans belong in the year report, and the comparison
# with the same days a year earlier would overlap the period itself.
MAX_VRIJE_DAGEN = 731


def kwartaal_keuzes() -> list[tuple[str, str]]:
    """Every quarter from the first melding (imported history included) to now, newest first."""
    huidig = Periode.huidig_kwartaal()
    eerste = MeldingFeit.objects.aggregate(m=Min("aanmeldingsdatum"))["m"] or huidig.van
    keuzes, periode = [], huidig
    while periode.tot >= eerste and len(keuzes) < MAX_KWARTALEN:
        label = f"{periode.label} (loopt nog)" if periode == huidig else periode.label
        keuzes.append((periode.code, label))
        periode = Periode.vorig_kwartaal(periode.van)
    return keuzes


class MonitorFilterForm(NLDSFormMixin, forms.Form):
    periode = forms.ChoiceField(label=_("Kwartaal"), required=False)
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=None, required=False, to_field_name="code", empty_label=_("Alle teams")
    )
    kern = forms.ModelChoiceField(
        label=_("Kern"), queryset=None, required=False, to_field_name="code", empty_label=_("Alle kernen")
    )
    van = forms.DateField(
        label=_("Of een eigen periode: van"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": _("Vul een geldige begindatum in, bijvoorbeeld 14-02-2019.")},
    )
    tot = forms.DateField(
        label=_("tot en met"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": _("Vul een geldige einddatum in, bijvoorbeeld 31-03-2019.")},
    )

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if self.errors.get("van") or self.errors.get("tot"):
            return gegevens
        if bool(van) != bool(tot):
            self.add_error(
                "tot" if van else "van", _("Vul voor een eigen periode zowel de begin- als de einddatum in.")
            )
            return gegevens
        if not van:
            return gegevens
        vandaag = timezone.localdate()
        if van < EERSTE_WERKDATUM:
            self.add_error(
                "van",
                _("De monitor heeft geen cijfers van vóór %(datum)s.")
                % {"datum": f"{EERSTE_WERKDATUM:%d-%m-%Y}"},
            )
        elif van > tot:
            self.add_error("van", _("De begindatum ligt na de einddatum; draai ze om."))
        elif tot > vandaag:
            self.add_error(
                "tot",
                _("De einddatum ligt in de toekomst; kies uiterlijk vandaag (%(vandaag)s).")
                % {"vandaag": f"{vandaag:%d-%m-%Y}"},
            )
        elif (tot - van).days + 1 > MAX_VRIJE_DAGEN:
            self.add_error(
                "tot",
                _(
                    "Een eigen periode is hoogstens twee jaar (%(max)s dagen); deze is %(dagen)s dagen. "
                    "Gebruik voor een heel jaar het jaaroverzicht."
                )
                % {"max": MAX_VRIJE_DAGEN, "dagen": (tot - van).days + 1},
            )
        return gegevens

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = kwartaal_keuzes()
        self.fields["team"].queryset = Team.objects.exclude(soort=Team.Soort.LOKET).order_by(
            "-actief", "naam"
        )
        self.fields["team"].label_from_instance = lambda t: t.naam if t.actief else f"{t.naam} (tot nu toe)"
        self.fields["kern"].queryset = Kern.objects.order_by("naam")

    def keuze(self) -> tuple[Periode, Selectie]:
        """The chosen quarter and selection; what does not validate falls back to the default."""
        gegevens = self.cleaned_data if self.is_bound and self.is_valid() else {}
        try:
            periode = Periode.uit_tekst(gegevens["periode"]) if gegevens.get("periode") else None
        except PeriodeFout:
            periode = None
        if gegevens.get("van") and gegevens.get("tot"):
            periode = Periode(gegevens["van"], gegevens["tot"])
        return periode or Periode.huidig_kwartaal(), Selectie(
            team=gegevens.get("team"), kern=gegevens.get("kern")
        )


class RapportForm(forms.Form):
    periode = forms.CharField(max_length=20)
    # The idempotency key: a double click on 'maak de PDF' asks once.
    sleutel = forms.UUIDField()

    def clean_periode(self) -> Periode:
        try:
            periode = Periode.uit_tekst(self.cleaned_data["periode"])
        except PeriodeFout as fout:
            raise forms.ValidationError(str(fout)) from fout
        if periode.van > timezone.localdate():
            raise forms.ValidationError(_("Een kwartaal dat nog niet begonnen is heeft geen cijfers."))
        return periode

    @staticmethod
    def nieuwe_sleutel() -> str:
        return str(uuid.uuid4())


class StreefwaardenForm(NLDSFormMixin, forms.Form):
    """One field per KPI; initially the current target (the coordinator's, else the profile's)."""

    toelichting = forms.CharField(
        label=_("Toelichting bij de wijziging"),
        max_length=500,
        required=False,
        help_text=_("Bijvoorbeeld het raadsbesluit of de afspraak waarop de streefwaarde berust."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, huidig: dict[str, float | None], **kwargs):
        super().__init__(*args, **kwargs)
        self.huidig = huidig
        for k in kpi_mod.KPIS:
            if k.afgeleid is not None and k.richting == kpi_mod.Richting.NEUTRAAL:
                continue
            eenheid = {"procent": "%", "dagen": "dagen", "cijfer": "", "aantal": ""}[str(k.eenheid)]
            veld = forms.DecimalField(
                label=k.naam,
                required=False,
                max_digits=8,
                decimal_places=1,
                localize=True,
                help_text=eenheid,
            )
            veld.widget.attrs.update(
                {"inputmode": "decimal", "class": "utrecht-textbox utrecht-textbox--html-input"}
            )
            self.fields[f"kpi_{k.code}"] = veld
            waarde = huidig.get(k.code)
            self.initial[f"kpi_{k.code}"] = (
                None if waarde is None else Decimal(str(waarde)).quantize(Decimal("0.1"))
            )
        # The explanation goes last, after the targets.
        self.order_fields([n for n in self.fields if n != "toelichting"] + ["toelichting"])

    def kpi_velden(self):
        for naam in self.fields:
            if naam.startswith("kpi_"):
                yield kpi_mod.PER_CODE[naam[4:]], self[naam]

    def wijzigingen(self) -> dict[str, Decimal | None]:
        """Only the targets that differ from the current ones."""
        gewijzigd = {}
        for naam, waarde in self.cleaned_data.items():
            if not naam.startswith("kpi_"):
                continue
            code = naam[4:]
            oud = self.huidig.get(code)
            oud_decimal = None if oud is None else Decimal(str(oud)).quantize(Decimal("0.1"))
            if waarde != oud_decimal:
                gewijzigd[code] = waarde
        return gewijzigd
