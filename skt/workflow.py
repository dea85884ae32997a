"""The workflow kernel: one shape for every transition table, and append-only status rows.

Each app keeps its own table in ``<app>/workflow.py`` as a ``Werkstroom``; services apply a
transition with ``status_zetten`` and views ask ``mogelijke_acties`` which actions a status
allows, so no screen re-encodes the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Medewerker

M = TypeVar("M", bound=models.Model)


class Werkstroom:
    """A transition table: ``{actie: {van: naar}}`` with a Dutch error per action."""

    def __init__(self, overgangen: Mapping[str, Mapping[str, str]], fouten: Mapping[str, str]) -> None:
        ontbrekend = set(overgangen) - set(fouten)
        if ontbrekend:
            raise ValueError(f"geen foutmelding voor {sorted(ontbrekend)}")
        self.overgangen = {actie: dict(stappen) for actie, stappen in overgangen.items()}
        self.fouten = dict(fouten)

    @property
    def acties(self) -> tuple[str, ...]:
        return tuple(self.overgangen)

    def volgende_status(self, actie: str, huidig: str) -> str:
        try:
            return self.overgangen[actie][huidig]
        except KeyError:
            fout = self.fouten.get(actie, _("Deze handeling bestaat niet."))
            raise ValidationError(fout, code="ongeldige_overgang") from None

    def mag(self, actie: str, huidig: str) -> bool:
        return huidig in self.overgangen.get(actie, {})

    def mogelijke_acties(self, huidig: str) -> tuple[str, ...]:
        """The actions this status allows, in the table's order."""
        return tuple(actie for actie, stappen in self.overgangen.items() if huidig in stappen)


class StatusRegel(models.Model):
    """Append-only: every status an object went through, who put it there and why.

    A concrete subclass adds the foreign key to its object with ``related_name="statusregels"``
    and narrows ``status`` to its choices.
    """

    status = models.CharField(max_length=30)
    actie = models.CharField(max_length=30)
    door = models.ForeignKey(Medewerker, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        abstract = True
        ordering = ["op", "pk"]

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError("Statusregels zijn alleen aan te vullen, niet te wijzigen.")
        super().save(*args, **kwargs)


def status_zetten(
    obj: models.Model, *, werkstroom: Werkstroom, actie: str, door, toelichting: str = "", **extra
) -> StatusRegel:
    """Apply one transition of ``werkstroom`` to ``obj`` and append its status row.

    The caller saves ``obj``; the row is written now, so both land in the caller's transaction.
    """
    obj.status = werkstroom.volgende_status(actie, obj.status)
    regels = obj.statusregels
    lengte = regels.model._meta.get_field("toelichting").max_length
    return regels.create(status=obj.status, actie=actie, door=door, toelichting=toelichting[:lengte], **extra)


def vergrendeld(model: type[M], pk: int) -> M:
    """The row, locked for this transaction: two people acting at once are serialised."""
    return model.objects.select_for_update().get(pk=pk)
