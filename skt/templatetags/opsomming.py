"""Lists in Dutch prose: "Elst, Zetten en Heteren", not "Elst, Zetten, Heteren"."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def opsomming(items) -> str:
    """Join names the Dutch way: commas, and "en" before the last one."""
    namen = [str(i) for i in items]
    if len(namen) <= 1:
        return "".join(namen)
    return _("%(eerste)s en %(laatste)s") % {"eerste": ", ".join(namen[:-1]), "laatste": namen[-1]}
