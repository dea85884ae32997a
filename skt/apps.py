from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _rollen_na_migratie(**kwargs):
    # Role groups follow the permissions that migrations create; not business logic.
    from .rechten import rollen_inrichten

    rollen_inrichten()


class SktConfig(AppConfig):
    name = "skt"
    verbose_name = "Registratie (gedeeld)"

    def ready(self):
        from . import checks  # noqa: F401

        post_migrate.connect(_rollen_na_migratie, dispatch_uid="skt_rollen_inrichten")
        # Every refused password in the access log; after axes's receiver, which sets the lockout.
        from django.contrib.auth.signals import user_login_failed

        from .inlogpogingen import inlogpoging_vastleggen

        user_login_failed.connect(inlogpoging_vastleggen, dispatch_uid="skt_inlogpoging_vastleggen")
