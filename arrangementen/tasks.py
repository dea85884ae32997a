"""Jobs of arrangementen: thin tasks that call a service; idempotent."""

from celery import shared_task

from . import services


@shared_task(name="arrangementen.tasks.effectmeting_uitvoeren")
def effectmeting_uitvoeren() -> int:
    """Daily (Celery beat, 02:00): measure maatwerk after closed casussen. Running twice adds nothing."""
    return services.effectmetingen_uitvoeren()
