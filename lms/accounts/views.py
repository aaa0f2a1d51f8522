from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import translation
from django.utils.translation import gettext as _

from . import roles, services


def landing_url(user) -> str:
    """Where a person lands after signing in: national staff on the dashboard, coordinators and
    facilitators on their cohorts, trainees on "My learning"."""
    if user.has_perm(roles.SEE_ALL_REGIONS) and user.has_perm(roles.VIEW_DASHBOARD):
        return resolve_url("reporting:dashboard")
    if user.has_perm(roles.COORDINATE_REGIONS) or user.has_perm(roles.FACILITATE_COHORTS):
        return resolve_url("cohorts:list")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class LoginView(auth_views.LoginView):
    """Django's login, which then continues in the language the person chose in their profile
    (unless they were sent here from a given page), on the page their role starts from."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        language = getattr(self.request.user, "language", "") or translation.get_language()
        with translation.override(language):
            return landing_url(self.request.user)

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        person = form.get_user()
        language = person.language
        if person.must_change_password:  # signed in with a one-time code: it is used up
            services.access_code_consume(person=person)
            update_session_auth_hash(self.request, person)
            with translation.override(language if language in dict(settings.LANGUAGES)
                                      else translation.get_language()):
                response = redirect("accounts:password_choose")
        if language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE, secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response


@login_required
def password_choose(request: HttpRequest) -> HttpResponse:
    """First sign-in with a one-time code: the person chooses their own password."""
    if not request.user.must_change_password:
        return redirect(landing_url(request.user))
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_chosen(person=request.user,
                                 password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Your password is saved. Use it from now on."))
        return redirect(landing_url(request.user))
    return render(request, "registration/password_choose.html", {"form": form})
