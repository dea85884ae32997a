"""The navigation, per role. Apps add their items here so the menu fits every role."""

from dataclasses import dataclass

from django.urls import reverse

from skt import rechten
from skt.models import Rol

ALLE_ROLLEN = tuple(Rol.values)


@dataclass(frozen=True)
class Item:
    label: str
    url_naam: str
    rollen: tuple[str, ...]


ITEMS: list[Item] = [
    Item("Mijn werk", "mijn_werk", ALLE_ROLLEN),
    Item("Poort", "poort:wachtrij", (Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT)),
    Item("Nieuwe vraag", "poort:zoeken", (Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT)),
    Item("Inwoner registreren", "inwoner_nieuw", (Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD)),
    Item(
        "Teamwachtrij",
        "meldingen:wachtrij",
        (Rol.BEROEPSKRACHT, Rol.COORDINATOR, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD),
    ),
    Item("Achterstand", "meldingen:achterstand", (Rol.COORDINATOR,)),
    Item("Signalen", "meldingen:signalen", (Rol.BEROEPSKRACHT, Rol.COORDINATOR)),
    Item("Mijn casussen", "casussen:mijn", (Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER)),
    Item("Caseload", "casussen:team", (Rol.BEROEPSKRACHT, Rol.COORDINATOR)),
    Item("Adviesvragen", "casussen:adviesvragen", (Rol.COORDINATOR,)),
    Item("Herverdelen", "herverdelen", (Rol.COORDINATOR,)),
    Item("Rechtenwijzigingen", "beheer:rechtenwijzigingen", (Rol.COORDINATOR,)),
    Item("Werkvoorraad", "arrangementen:werkvoorraad", (Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD)),
    Item("Wacht op beoordeling", "arrangementen:wachtrij", (Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD)),
    Item(
        "Arrangementen",
        "arrangementen:overzicht",
        (Rol.BEROEPSKRACHT, Rol.COORDINATOR, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD),
    ),
    Item("Termijnen", "arrangementen:termijnen", (Rol.COORDINATOR, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD)),
    Item("Evaluaties", "arrangementen:evaluaties", (Rol.BEROEPSKRACHT, Rol.COORDINATOR)),
    Item(
        "Berichten",
        "arrangementen:berichten",
        (Rol.BEROEPSKRACHT, Rol.COORDINATOR, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD),
    ),
    Item(
        "Mijn inwoners",
        "inwoners",
        (Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER, Rol.COORDINATOR, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD),
    ),
    Item("Monitor", "monitor:dashboard", (Rol.COORDINATOR, Rol.BELEID)),
    Item("Toegangslog", "toegangslog", (Rol.COORDINATOR,)),
    Item("Noodtoegang", "noodtoegang_beoordelen", (Rol.COORDINATOR,)),
    Item("Noodtoegang (audit)", "noodtoegang_audit", (Rol.BEHEERDER,)),
    Item("Verwijderingen", "verwijderingen", (Rol.COORDINATOR, Rol.BEHEERDER)),
    Item("Beheer", "beheer:index", (Rol.BEHEERDER,)),
]


def menu_voor(user, huidig_pad: str) -> list[dict]:
    if not user.is_authenticated:
        return []
    menu = []
    for item in ITEMS:
        if rechten.mag_menu_item_zien(user, item):
            url = reverse(item.url_naam)
            actief = huidig_pad == url if item.url_naam == "mijn_werk" else huidig_pad.startswith(url)
            menu.append({"label": item.label, "url": url, "actief": actief})
    return menu
