from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from curriculum import views as curriculum_views
from lms.core import static_views
from lms.core import views as core_views
from lms.fieldsync import views as fieldsync_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", static_views.favicon, name="favicon"),
    path("sw.js", fieldsync_views.service_worker, name="service_worker"),
    path("bench/bare", core_views.bare, name="bench_bare"),
    path("", core_views.root_redirect, name="root"),
    path("", include("lms.certificates.public_urls")),
    path("api/", include("lms.reporting.api_urls")),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("lms.accounts.urls")),
    path("quizzes/", include("lms.quizzes.urls")),
    path("cohorts/", include("lms.cohorts.urls")),
    path("certificates/", include("lms.certificates.urls")),
    path("follow-ups/", include("lms.followups.urls")),
    path("evaluations/", include("lms.evaluations.urls")),
    path("dashboard/", include("lms.reporting.urls")),
    path("", include("lms.fieldsync.urls")),
    path("", include("curriculum.urls")),
    # Wagtail's URLs, its page view replaced by the same view reading the cached routes.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, curriculum_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG:  # development only: imported here so production never loads them
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = staticfiles_urlpatterns() + static(
        settings.MEDIA_URL, document_root=settings.MEDIA_ROOT
    ) + urlpatterns
