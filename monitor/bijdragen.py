"""What the monitor adds to pages of other layers (registered in apps.py; see skt/registers.py)."""

from __future__ import annotations

from django.urls import reverse

from . import rechten as monitor_rechten


def werkblokken(user) -> list[dict]:
    """'Mijn werk': the way to the dashboard and the raad's report."""
    if not monitor_rechten.mag_monitor_zien(user):
        return []
    return [
        {
            "template": "skt/_werkblok.html",
            "titel": "Kwartaalmonitor",
            "regels": [],
            "actie": ("Dashboard en rapport voor de raad", reverse("monitor:dashboard")),
        }
    ]
