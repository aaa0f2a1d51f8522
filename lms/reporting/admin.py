from django.contrib import admin, messages
from django.utils.translation import gettext as _

from .models import ApiToken, Export
from .services import api_token_create


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Creating a token here shows its key once, in a message; only a hash is kept."""

    list_display = ["name", "owner", "prefix", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    fields = ["name", "owner", "revoked", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    raw_id_fields = ["owner"]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        token, key = api_token_create(owner=obj.owner, name=obj.name)
        obj.pk, obj.prefix, obj.key_hash = token.pk, token.prefix, token.key_hash
        obj.created_at = token.created_at
        messages.warning(request, _("New API token (copy it now, it will not be shown again): "
                                    "%(key)s") % {"key": key})


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = ["table", "format", "owner", "status", "progress", "row_count", "created_at"]
    list_filter = ["status", "table", "format"]
    readonly_fields = [f.name for f in Export._meta.fields]
