"""Celery tasks of the arrangementen: thin and idempotent (a second run finds nothing left to do)."""

from celery import shared_task

from .services.voorzieningen import voorzieningen_einde_melden


@shared_task(name="arrangementen.tasks.voorzieningen_einde_melden", acks_late=True)
def voorzieningen_einde_melden_taak() -> int:
    """Daily (Celery beat, 07:00): a bericht per granted voorziening ending within 4 weeks, once."""
    return voorzieningen_einde_melden()
