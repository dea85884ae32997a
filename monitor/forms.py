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


class JaarForm(NLDSFormMixin, forms.Form):
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        huidig = timezone.localdate().year
        eerste = MeldingFeit.objects.aggregate(m=Min("aanmeldingsdatum"))["m"]
        eerste_jaar = max(EERSTE_WERKDATUM.year, eerste.year if eerste else huidig)
        self.fields["jaar"].choices = [(j, str(j)) for j in range(huidig, eerste_jaar - 1, -1)]

    def gekozen(self) -> int:
        """The chosen year; without a valid choice the last whole year."""
        if self.is_bound and self.is_valid() and self.cleaned_data.get("jaar"):
            return self.cleaned_data["jaar"]
        return timezone.localdate().year - 1


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
            raise forms.ValidationError(_("Een periode die nog niet begonnen is heeft geen cijfers."))
        return periode

    @staticmethod
    def nieuwe_sleutel() -> str:
        return str(uuid.uuid4())


class StreefwaardenForm(NLDSFormMixin, forms.Form):
    """One field per KPI; initially the current target of the level. The gemeente's (the raad's)
    need the raadsbesluit they come from; a team's need none."""

    raadsbesluit_datum = forms.DateField(
        label=_("Datum van het raadsbesluit"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 12-03-2019.")},
    )
    raadsbesluit_kenmerk = forms.CharField(
        label=_("Kenmerk van het raadsbesluit"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld RB-2019-012."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting bij de wijziging"),
        max_length=500,
        required=False,
        help_text=_("Bijvoorbeeld de afspraak waarop de streefwaarde berust."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, huidig: dict[str, float | None], team=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.huidig = huidig
        self.team = team
        if team is not None:
            del self.fields["raadsbesluit_datum"], self.fields["raadsbesluit_kenmerk"]
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
        # The source and explanation go last, after the targets.
        achteraan = ["raadsbesluit_datum", "raadsbesluit_kenmerk", "toelichting"]
        self.order_fields([n for n in self.fields if n not in achteraan] + achteraan)

    def clean(self):
        gegevens = super().clean()
        if self.team is None and self.is_valid_so_far() and self.wijzigingen():
            if (
                not gegevens.get("raadsbesluit_datum")
                or not (gegevens.get("raadsbesluit_kenmerk") or "").strip()
            ):
                self.add_error(
                    "raadsbesluit_datum",
                    _(
                        "Vul de datum en het kenmerk van het raadsbesluit in waarop de streefwaarden "
                        "berusten."
                    ),
                )
            elif gegevens["raadsbesluit_datum"] > timezone.localdate():
                self.add_error("raadsbesluit_datum", _("Het raadsbesluit kan niet in de toekomst liggen."))
        return gegevens

    def is_valid_so_far(self) -> bool:
        return not any(naam.startswith("kpi_") for naam in self.errors)

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
