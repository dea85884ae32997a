"""Form helpers shared by every template: where an error in the summary links to."""

from django import template

register = template.Library()


@register.filter
def foutdoel(veld) -> str:
    """The id the error summary links to: the input itself, or the first option of a group.

    A radio or checkbox group has no single input; the link lands on its first option so the
    browser moves focus into the group (the group's own wrapper cannot take focus).
    """
    if veld.use_fieldset:
        subwidgets = veld.subwidgets
        if subwidgets:
            return subwidgets[0].id_for_label or veld.auto_id
        return veld.auto_id
    return veld.id_for_label or veld.auto_id
