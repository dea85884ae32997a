"""skt/forms.fout_naar_form: a service's Dutch errors land next to the field, row or form they are about."""

from django import forms
from django.core.exceptions import ValidationError

from skt.forms import fout_naar_form
from skt.validators import fouten_samenvoegen


class HoofdForm(forms.Form):
    naam = forms.CharField(required=False)
    deelnemers = forms.CharField(required=False)


class RijForm(forms.Form):
    omvang = forms.CharField(required=False)


def _geldig(form_klasse, **kwargs):
    form = form_klasse(data={}, **kwargs)
    assert form.is_valid()
    return form


def test_veldfout_bij_het_veld_en_onbekende_sleutel_boven_het_formulier():
    form = _geldig(HoofdForm)
    fout_naar_form(form, ValidationError({"naam": "Vul de naam in.", "bestaat_niet": "Iets anders."}))
    assert form.errors["naam"] == ["Vul de naam in."]
    assert form.non_field_errors() == ["Iets anders."]


def test_fout_zonder_veld_boven_het_formulier():
    form = _geldig(HoofdForm)
    fout_naar_form(form, ValidationError("Er is al over beslist."))
    assert form.non_field_errors() == ["Er is al over beslist."]
    assert "naam" not in form.errors


def test_veldnamen_vertalen_sleutels_van_de_service_ook_de_algemene():
    form = _geldig(HoofdForm)
    fout = ValidationError(
        {"met_vrijwilliger": "Geen vrijwilliger bij deze casus.", "__all__": "Kies wie er was."}
    )
    fout_naar_form(form, fout, veldnamen={"met_vrijwilliger": "deelnemers", "__all__": "deelnemers"})
    assert form.errors["deelnemers"] == ["Geen vrijwilliger bij deze casus.", "Kies wie er was."]
    assert form.non_field_errors() == []


def test_deelformulieren_met_voorvoegsel_per_rij():
    form = _geldig(HoofdForm)
    rijen = [_geldig(RijForm, prefix=f"o{i}") for i in range(3)]
    fout = ValidationError(
        {
            "onderdelen.1.omvang": "Vul de omvang in.",
            "onderdelen.2": "Dit onderdeel hoort niet bij dit arrangement.",
            "onderdelen.2.kosten": "Geen bedrag.",
            "onderdelen.7.omvang": "Een rij die er niet (meer) is.",
            "onderdelen": "Minstens één onderdeel.",
            "naam": "Vul de naam in.",
        }
    )
    fout_naar_form(form, fout, deelformulieren={"onderdelen": rijen})
    assert rijen[0].errors == {}
    assert rijen[1].errors["omvang"] == ["Vul de omvang in."]
    # A row-level key, or a field the row form does not have, goes above that row.
    assert rijen[2].non_field_errors() == ["Dit onderdeel hoort niet bij dit arrangement.", "Geen bedrag."]
    # Nothing is lost: an unknown row and the list as a whole go above the main form.
    assert form.non_field_errors() == ["Een rij die er niet (meer) is.", "Minstens één onderdeel."]
    assert form.errors["naam"] == ["Vul de naam in."]


def test_deelformulieren_als_formset():
    formset_klasse = forms.formset_factory(RijForm, extra=0)
    formset = formset_klasse(
        data={"onderdelen-TOTAL_FORMS": "2", "onderdelen-INITIAL_FORMS": "0", "onderdelen-0-omvang": "3 uur"},
        prefix="onderdelen",
    )
    assert formset.is_valid()
    form = _geldig(HoofdForm)
    fout_naar_form(
        form,
        ValidationError({"onderdelen.1.omvang": "Vul de omvang in."}),
        deelformulieren={"onderdelen": formset},
    )
    assert formset.forms[1].errors["omvang"] == ["Vul de omvang in."]
    assert form.errors == {}


def test_fouten_samenvoegen_zet_het_voorvoegsel_voor_elke_sleutel():
    fouten: dict[str, list[str]] = {}
    fouten_samenvoegen(
        fouten,
        ValidationError({"omvang": "Vul de omvang in.", "__all__": "Kies een soort."}),
        "onderdelen.2.",
    )
    fouten_samenvoegen(fouten, ValidationError("Onbekend onderdeel."), "onderdelen.3.")
    fouten_samenvoegen(fouten, ValidationError({"naam": "Te lang."}))
    fouten_samenvoegen(fouten, ValidationError("Al ingediend."))
    assert fouten == {
        "onderdelen.2.omvang": ["Vul de omvang in."],
        "onderdelen.2": ["Kies een soort."],
        "onderdelen.3": ["Onbekend onderdeel."],
        "naam": ["Te lang."],
        "__all__": ["Al ingediend."],
    }
    # Round trip: one ValidationError of the whole, back at its rows.
    form = _geldig(HoofdForm)
    rijen = [_geldig(RijForm, prefix=f"o{i}") for i in range(4)]
    fout_naar_form(form, ValidationError(fouten), deelformulieren={"onderdelen": rijen})
    assert rijen[2].errors == {"omvang": ["Vul de omvang in."], "__all__": ["Kies een soort."]}
    assert rijen[3].non_field_errors() == ["Onbekend onderdeel."]
    assert (form.errors["naam"], form.non_field_errors()) == (["Te lang."], ["Al ingediend."])
