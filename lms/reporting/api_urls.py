"""Read-only JSON API for monitoring-and-evaluation systems, mounted at /api/ (namespace "api")."""

from functools import wraps

from .api import api

app_name = "api"


def _no_language_redirect(view):
    """LocaleMiddleware turns any 404 outside i18n_patterns into a redirect to /<lang>/...
    (Wagtail's catch-all makes every such path look valid). API clients must get the 404:
    the response middleware reads `request.urlconf`, so point it at this module, which has no
    i18n patterns."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.urlconf = __name__
        return view(request, *args, **kwargs)

    return wrapped


urlpatterns = api.urls[0]
for pattern in urlpatterns:
    pattern.callback = _no_language_redirect(pattern.callback)
