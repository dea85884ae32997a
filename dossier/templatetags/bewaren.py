"""The coordinator's link from the dossier to bewaren en verwijderen, without touching the dossier view."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from dossier import rechten

register = template.Library()


@register.simple_tag(takes_context=True)
def bewaren_link(context, inwoner):
    request = context.get("request")
    if request is None or not rechten.mag_bewaarplicht_beheren(request.user):
        return ""
    return format_html(
        '<p class="utrecht-paragraph"><a class="utrecht-link" href="{}">Bewaren en verwijderen</a> '
        "(bewaarplicht, verzoek tot verwijdering)</p>",
        reverse("bewaarplicht", kwargs={"uuid": inwoner.uuid}),
    )
