"""Celery tasks of the monitor: thin, idempotent, taking an id and calling a service."""

from celery import shared_task

from . import effectmeting, services


@shared_task(name="monitor.tasks.monitor_bouwen", acks_late=True, reject_on_worker_lost=True)
def monitor_bouwen(rapport_id: int) -> dict:
    """Build one requested report. Running it twice (a redelivered message) yields one report."""
    return services.rapport_bouwen(rapport_id=rapport_id)


@shared_task(name="monitor.tasks.kwartaalmonitor_vorig_kwartaal", acks_late=True)
def kwartaalmonitor_vorig_kwartaal() -> dict:
    """Celery beat, on the first day of each quarter: last quarter's monitor, and a notice."""
    rapport = services.vorig_kwartaal_bouwen()
    return {"rapport": str(rapport.uuid), "versie": rapport.versie, "status": rapport.status}


# The beat schedule row was written by migration arrangementen/0003_effectmeting_dagelijks under the
# task's old name; keeping that name here means the schedule keeps working without a data migration.
@shared_task(name="arrangementen.tasks.effectmeting_uitvoeren")
def effectmeting_uitvoeren() -> int:
    """Daily (Celery beat, 02:00): measure maatwerk after closed casussen. Running twice adds nothing."""
    return effectmeting.effectmetingen_uitvoeren()


@shared_task(name="monitor.tasks.feiten_verversen")
def feiten_verversen(altijd: bool = False) -> dict:
    """Celery beat, every minute: the live facts while someone works (monitor/verversen.py)."""
    from . import verversen

    return verversen.feiten_verversen(altijd=altijd)
