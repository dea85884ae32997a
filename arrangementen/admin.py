"""Beheer: the maatwerk categories are configuration a gemeente may extend; plans are case content."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import MaatwerkCategorie


@admin.register(MaatwerkCategorie)
class MaatwerkCategorieAdmin(SimpleHistoryAdmin):
    list_display = ["code", "label", "wet", "actief"]
    list_filter = ["wet", "actief"]
    search_fields = ["code", "label"]
    ordering = ["wet", "code"]

    def has_delete_permission(self, request, obj=None):
        # A category in use stays for the plans that name it; switch it off instead.
        return False
