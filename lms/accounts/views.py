from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.utils import translation


class LoginView(auth_views.LoginView):
    """Django's login, which then continues in the language the person chose in their profile
    (unless they were sent here from a given page)."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        language = getattr(self.request.user, "language", "") or translation.get_language()
        with translation.override(language):
            return resolve_url(settings.LOGIN_REDIRECT_URL)

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        language = form.get_user().language
        if language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE, secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response
