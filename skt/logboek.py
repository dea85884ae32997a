"""Logging filters: keep the server log readable."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied


class WeigeringOpEenRegel(logging.Filter):
    """A PermissionDenied is a refusal the rights modules meant (and the access log holds): Django logs
    it with the exception attached, which prints a full traceback for every 403. Keep the one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied):
            # The reason stays out: it is in the access log, and may name what was asked for.
            record.exc_info = None
            record.exc_text = None
        return True
