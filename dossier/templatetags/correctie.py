"""The dossier's links to correcting, the household and merging, and the merge notice, without touching
the dossier view."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from skt import rechten

from ..models import Samenvoeging

register = template.Library()


@register.simple_tag(takes_context=True)
def correctie_links(context, inwoner):
    request = context.get("request")
    if request is None:
        return ""
    user = request.user
    # The dossier's fetch (get_inwoner_voor) already decided the betrokkenheid: no query per link.
    toegang = context.get("t")
    if not isinstance(toegang, rechten.InwonerToegang):
        toegang = None
    links = []
    if rechten.mag_inwoner_corrigeren(user, inwoner, toegang=toegang):
        links.append((reverse("inwoner_wijzigen", kwargs={"uuid": inwoner.uuid}), "Gegevens wijzigen"))
    if rechten.mag_huishouden_samenstellen(user, [inwoner], toegang=toegang):
        tekst = "Lid toevoegen aan het huishouden" if inwoner.huishouden_id else "Huishouden maken"
        links.append((reverse("huishouden_maken", kwargs={"uuid": inwoner.uuid}), tekst))
    if rechten.mag_samenvoegen_met(user, inwoner, toegang=toegang):
        links.append(
            (f"{reverse('samenvoegen')}?a={inwoner.uuid}", "Samenvoegen met een dubbele registratie")
        )
    samengevoegd = list(
        Samenvoeging.objects.filter(overlevende=inwoner).select_related("door", "vervallen").order_by("op")
    )
    uit = format_html_join(
        "",
        '<p class="utrecht-paragraph skt-samengevoegd">Samengevoegd op {} door {}: de registratie van {} '
        "is opgegaan in dit dossier.</p>",
        ((f"{s.op:%d-%m-%Y}", str(s.door), s.vervallen.naam) for s in samengevoegd),
    )
    if links:
        uit += format_html(
            '<p class="utrecht-paragraph">{}</p>',
            format_html_join(" · ", '<a class="utrecht-link" href="{}">{}</a>', links),
        )
    return uit
