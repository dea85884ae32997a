"""Merging two registrations of one person: everything moves to the survivor, the other stays as a tombstone.

What moves is found by walking every foreign key to Inwoner (as the retention job does), so a model
added later moves too. Not moved: the access log (evidence, it keeps the number it was written with;
the AVG inzage of the survivor reads it through the merge record), the guardian rows and betrokkenheden
(moved by the rights kernel, which decides about grants), and the merge records themselves.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext as _

from skt import rechten
from skt.models import INWONER_GEGEVENS, Inwoner, Medewerker

from .models import Samenvoeging

# Per field the coordinator chooses which record's value stays.
VELDEN = [*INWONER_GEGEVENS, "huishouden"]
OVERLEVENDE = "overlevende"
VERVALLEN = "vervallen"

NIET_VERPLAATSEN = {
    "skt.Toegang",
    "skt.ToegangInwoner",
    "skt.InwonerUserObjectPermission",
    "skt.InwonerGroupObjectPermission",
    "skt.Betrokkenheid",
    "dossier.Samenvoeging",
}

ZICHZELF = _("Kies twee verschillende inwoners: een inwoner kan niet met zichzelf worden samengevoegd.")
BEZET = _(
    "Deze inwoners worden op dit moment door iemand anders samengevoegd of gewijzigd. "
    "Er is niets veranderd; probeer het zo opnieuw."
)
AL_SAMENGEVOEGD = _("Een van deze inwoners is al samengevoegd met een andere registratie.")
ALLEEN_LOKET = _("Deze inwoners kunnen alleen door het loket worden samengevoegd.")


def samengevoegd_in(inwoner: Inwoner) -> Inwoner | None:
    """The survivor a tombstone points at (following a chain of merges), or None for a live record."""
    gezien = set()
    huidig = None
    sleutel = inwoner.pk
    while sleutel not in gezien:
        gezien.add(sleutel)
        s = Samenvoeging.objects.select_related("overlevende").filter(vervallen_id=sleutel).first()
        if s is None:
            break
        huidig = s.overlevende
        sleutel = huidig.pk
    return huidig


def _keuzes_controleren(keuzes: dict[str, str]) -> dict[str, str]:
    onbekend = set(keuzes) - set(VELDEN)
    if onbekend:
        raise ValidationError(_("Onbekend gegeven: %(velden)s.") % {"velden": ", ".join(sorted(onbekend))})
    fouten = {
        veld: _("Kies welke waarde blijft.")
        for veld, keuze in keuzes.items()
        if keuze not in (OVERLEVENDE, VERVALLEN)
    }
    if fouten:
        raise ValidationError(fouten)
    return {veld: keuzes.get(veld, OVERLEVENDE) for veld in VELDEN}


def _vergrendelen(*pks: int) -> dict[int, Inwoner]:
    """Both rows, locked in a fixed order; another merge of one of them at this moment is refused at once."""
    try:
        rijen = list(Inwoner.objects.select_for_update(nowait=True).filter(pk__in=pks).order_by("pk"))
    except DatabaseError:
        raise ValidationError(BEZET) from None
    return {i.pk: i for i in rijen}


@transaction.atomic
def inwoners_samenvoegen(
    *,
    door: Medewerker,
    overlevende: Inwoner,
    vervallen: Inwoner,
    keuzes: dict[str, str] | None = None,
    reden: str = "",
) -> Samenvoeging:
    """Fold ``vervallen`` into ``overlevende``; ``keuzes`` says per field which record's value stays."""
    if not rechten.mag_samenvoegen(door):
        raise PermissionDenied(_("Uw rol kan geen inwoners samenvoegen."))
    if overlevende.pk == vervallen.pk:
        raise ValidationError(ZICHZELF)
    keuzes = _keuzes_controleren(keuzes or {})
    if len(reden or "") > 500:
        raise ValidationError({"reden": _("Gebruik hoogstens 500 tekens.")})
    rijen = _vergrendelen(overlevende.pk, vervallen.pk)
    if len(rijen) != 2:
        raise ValidationError(AL_SAMENGEVOEGD)
    overlevende, vervallen = rijen[overlevende.pk], rijen[vervallen.pk]
    if Samenvoeging.objects.filter(vervallen__in=[overlevende, vervallen]).exists():
        raise ValidationError(AL_SAMENGEVOEGD)
    if rechten.samenvoegen_kandidaten(door).filter(pk__in=[overlevende.pk, vervallen.pk]).count() != 2:
        raise PermissionDenied(_("U mag een van deze inwoners niet zien."))
    if not rechten.mag_samenvoegen_van(door, overlevende, vervallen):
        raise ValidationError(ALLEEN_LOKET)

    oude_waarden = {veld: _als_tekst(getattr(vervallen, veld)) for veld in VELDEN}
    for veld, keuze in keuzes.items():
        if keuze == VERVALLEN:
            setattr(overlevende, veld, getattr(vervallen, veld))
    # The BSN is unique and identifies the survivor now; the tombstone leaves its household.
    vervallen.bsn = None
    vervallen.huishouden = None
    vervallen._change_reason = _("samengevoegd; vervallen registratie")
    vervallen.save()
    try:
        overlevende.full_clean()
    except ValidationError as fout:
        raise ValidationError(fout.messages) from None
    overlevende._change_reason = _("samengevoegd; overlevende registratie")
    overlevende.save()

    verplaatst: dict[str, list[str]] = {}
    for relatie in Inwoner._meta.related_objects:
        model = relatie.related_model
        label = model._meta.label
        if label in NIET_VERPLAATSEN or relatie.one_to_one or relatie.many_to_many:
            continue
        veld = relatie.field.name
        for obj in model._base_manager.filter(**{veld: vervallen}).order_by("pk"):
            setattr(obj, veld, overlevende)
            obj._change_reason = _("samengevoegd")
            try:
                with transaction.atomic():
                    obj.save(update_fields=[veld])
            except IntegrityError:
                # E.g. two open koppelverzoeken of one asker: one per inwoner may be open.
                raise ValidationError(
                    _(
                        "Beide registraties hebben een open %(soort)s die niet samen kan gaan. "
                        "Handel die eerst af; er is niets veranderd."
                    )
                    % {"soort": model._meta.verbose_name}
                ) from None
            verplaatst.setdefault(label, []).append(str(getattr(obj, "uuid", obj.pk)))
    rechten_verplaatst = rechten.inwoner_rechten_overzetten(van=vervallen, naar=overlevende)
    return Samenvoeging.objects.create(
        vervallen=vervallen,
        overlevende=overlevende,
        door=door,
        reden=(reden or "").strip(),
        verplaatst={
            "records": verplaatst,
            "rechten": rechten_verplaatst,
            "keuzes": keuzes,
            "waarden_vervallen": oude_waarden,
        },
    )


def _als_tekst(waarde) -> str:
    if waarde is None:
        return ""
    return str(waarde)
