"""Tells the service worker which pages to keep for offline reading: a trainee's course and
module pages, "My learning" and the field roster. Every other page is fetched from the network
only (quizzes above all: a cached quiz form must never be answered offline)."""

from django.http import HttpRequest, HttpResponseBase

from curriculum.models import CoursePage, ModulePage

HEADER = "X-Cascade-Offline"
OFFLINE_VIEWS = {"curriculum:my_learning", "fieldsync:field_roster"}


class OfflinePagesMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in OFFLINE_VIEWS and response.status_code == 200:
            response.headers[HEADER] = "keep"
        return response

    def process_template_response(self, request: HttpRequest, response):
        page = (response.context_data or {}).get("page")
        if isinstance(page, CoursePage | ModulePage) and not getattr(request, "is_preview",
                                                                      False):
            response.headers[HEADER] = "keep"
        return response
