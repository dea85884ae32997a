"""Keyset pagination for lists that grow without bound (the access log, a dossier's history).

Django's Paginator counts the whole set and skips with OFFSET: both cost the whole table at a
million rows. Here a page is "the next N rows after this one" on an index that matches the order,
so every page costs the same, and nothing is counted. The cursor is the sort key of the last row
shown, signed so that it cannot be used to inject a filter value.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core import signing
from django.db.models import Q, QuerySet

SALT = "skt.paginering"


def _waarde_naar_json(waarde):
    if isinstance(waarde, dt.datetime):
        return {"dt": waarde.isoformat()}
    if isinstance(waarde, dt.date):
        return {"d": waarde.isoformat()}
    return waarde


def _waarde_uit_json(waarde):
    if isinstance(waarde, dict):
        if "dt" in waarde:
            return dt.datetime.fromisoformat(waarde["dt"])
        if "d" in waarde:
            return dt.date.fromisoformat(waarde["d"])
    return waarde


def _na(sleutel: tuple[str, ...], waarden: list) -> Q:
    """Rows after (a, b, …) in the order of sleutel: (a after x) or (a = x and b after y) or …"""
    voorwaarde = Q(pk__in=[])
    gelijk = Q()
    for veld, waarde in zip(sleutel, waarden, strict=True):
        naam = veld.lstrip("-")
        richting = "lt" if veld.startswith("-") else "gt"
        voorwaarde |= gelijk & Q(**{f"{naam}__{richting}": waarde})
        gelijk &= Q(**{naam: waarde})
    return voorwaarde


@dataclass
class KeysetPagina:
    object_list: list
    has_next: bool
    volgende: str = ""
    is_eerste: bool = True
    parameters: dict = field(default_factory=dict)
    # includes/paginering.html shows "Nieuwste / Oudere" for a keyset page, page numbers otherwise.
    is_keyset = True

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def volgende_url(self) -> str:
        return "?" + urlencode({**self.parameters, "na": self.volgende})

    @property
    def eerste_url(self) -> str:
        return "?" + urlencode(self.parameters) if self.parameters else "?"


def keyset_pagina(
    qs: QuerySet, request, *, sleutel: tuple[str, ...] = ("-tijdstip", "-pk"), per_pagina: int = 50
) -> KeysetPagina:
    """One page of qs in the order of sleutel (the last field must be unique), after the cursor in
    request.GET['na']; a cursor that does not verify starts at the first page."""
    qs = qs.order_by(*sleutel)
    cursor = request.GET.get("na", "")
    is_eerste = True
    if cursor:
        try:
            waarden = [_waarde_uit_json(w) for w in json.loads(signing.loads(cursor, salt=SALT))]
            qs = qs.filter(_na(sleutel, waarden))
            is_eerste = False
        except (signing.BadSignature, ValueError, TypeError):
            pass
    rijen = list(qs[: per_pagina + 1])
    has_next = len(rijen) > per_pagina
    rijen = rijen[:per_pagina]
    volgende = ""
    if has_next:
        laatste = rijen[-1]
        waarden = [_waarde_naar_json(getattr(laatste, veld.lstrip("-"))) for veld in sleutel]
        volgende = signing.dumps(json.dumps(waarden), salt=SALT)
    parameters = {k: v for k, v in request.GET.items() if k not in ("na", "pagina")}
    return KeysetPagina(rijen, has_next, volgende, is_eerste, parameters)
