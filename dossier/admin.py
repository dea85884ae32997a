"""Noodbeheer (superuser only): the deletion record, read-only, next to the product's own page."""

from django.contrib import admin

from .models import Bewaarrun, Bewaartelling


class BewaartellingInline(admin.TabularInline):
    model = Bewaartelling
    extra = 0
    can_delete = False
    readonly_fields = ("regel", "tabel", "aantal")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Bewaarrun)
class BewaarrunAdmin(admin.ModelAdmin):
    list_display = ("gestart_op", "aanleiding", "peildatum", "status", "inwoners", "overgeslagen")
    list_filter = ("aanleiding", "status")
    readonly_fields = [f.name for f in Bewaarrun._meta.fields]
    inlines = [BewaartellingInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
