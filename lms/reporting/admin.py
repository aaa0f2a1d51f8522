from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ApiToken, Export
from .services import api_token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created on their owner's page (Dashboard → API tokens), where the key is
    shown once; never here, where it would travel in the messages cookie. Revoking goes
    through the service."""

    list_display = ["name", "owner", "prefix", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    fields = ["name", "owner", "revoked", "prefix", "created_at", "last_used_at"]
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Revoke the selected tokens"), permissions=["revoke"])
    def revoke(self, request, queryset) -> None:
        tokens = list(queryset.filter(revoked=False))
        for token in tokens:
            api_token_revoke(token=token, actor=request.user)
        self.message_user(request, ngettext("%(count)d token revoked.",
                                            "%(count)d tokens revoked.", len(tokens))
                          % {"count": len(tokens)}, messages.SUCCESS)

    def has_revoke_permission(self, request) -> bool:
        return request.user.is_superuser


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = ["table", "format", "owner", "status", "progress", "row_count", "created_at"]
    list_filter = ["status", "table", "format"]
    readonly_fields = [f.name for f in Export._meta.fields]
