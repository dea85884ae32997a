"""Celery tasks of the kernel: thin and idempotent (a second run finds nothing left to do)."""

from celery import shared_task

from . import toegangsketen


@shared_task(name="skt.tasks.toegangslog_verzegelen")
def toegangslog_verzegelen() -> int:
    """Every minute (Celery beat): seal the access-log rows written since the last run."""
    return toegangsketen.toegangslog_verzegelen()


@shared_task(name="skt.tasks.toegangslog_bewaartermijn", acks_late=True)
def toegangslog_bewaartermijn() -> int:
    """Nightly (Celery beat, 03:30): cut off the access log's rows past the profile's period."""
    afkapping = toegangsketen.toegangslog_bewaartermijn_toepassen()
    return afkapping.aantal if afkapping else 0
