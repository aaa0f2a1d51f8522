from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

# What a person who signed in with a one-time code may still open before choosing a password.
ALLOWED_VIEWS = {"accounts:password_choose", "accounts:logout", "set_language",
                 "javascript-catalog"}


class PasswordChoiceMiddleware:
    """Someone who signed in with a one-time access code chooses their own password before
    anything else (the code stopped working at that sign-in)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is None or match.view_name not in ALLOWED_VIEWS:
                return redirect("accounts:password_choose")
        return self.get_response(request)
