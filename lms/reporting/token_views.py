"""National staff's own API tokens: create (the key is shown once, on the page that created
it, never in a message or a redirect), list and revoke."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import services
from .models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("What the token is for"), max_length=100,
                           help_text=gettext_lazy("e.g. “DHIS2 monthly import”"))


def _allowed(request: HttpRequest) -> None:
    if not services.api_token_may_manage(user=request.user):
        raise PermissionDenied


@never_cache
@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    new_key = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, new_key = services.api_token_create_for(actor=request.user,
                                                        name=form.cleaned_data["name"])
        form = TokenForm()
    return render(request, "reporting/api_tokens.html", {
        "form": form, "new_key": new_key,
        "tokens": ApiToken.objects.filter(owner=request.user),
    })


@require_POST
@login_required
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    _allowed(request)
    token = get_object_or_404(ApiToken, pk=pk, owner=request.user)
    services.api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("Token “%(name)s” revoked: it no longer opens the API.")
                     % {"name": token.name})
    return redirect("reporting:api_tokens")
