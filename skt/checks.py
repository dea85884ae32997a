from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def demo_niet_in_productie(app_configs, **kwargs):
    if settings.SKT_DEMO:
        return [
            Error(
                "SKT_DEMO staat aan: zet het nooit aan in productie (geen tweede factor, geen HTTPS).",
                id="skt.E001",
            )
        ]
    return []
