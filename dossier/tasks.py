"""Celery tasks of the top layer: thin, idempotent (a second run finds nothing left to remove)."""

from celery import shared_task

from . import bewaartermijnen


@shared_task(name="dossier.tasks.bewaartermijnen_toepassen", acks_late=True)
def bewaartermijnen_toepassen() -> dict:
    """Nightly (Celery beat, 03:00): remove every dossier whose retention period has passed."""
    run = bewaartermijnen.bewaartermijnen_toepassen()
    return {"run": str(run.uuid), "inwoners": run.inwoners, "overgeslagen": run.overgeslagen}
