"""Wagtail admin screens for GIFT import and export of the question bank."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import selectors
from ..forms import GiftExportForm, GiftImportForm
from ..gift import GiftError, write_gift
from ..gift.importer import gift_import
from ..models import Question


class _BankPermissionMixin:
    permission = "quizzes.add_question"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GiftImportView(_BankPermissionMixin, WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Import questions (GIFT)")
    header_icon = "upload"
    template_name = "quizzes/admin/gift_import.html"
    form_class = GiftImportForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            live = self.request.user.has_perm("quizzes.publish_question")
            created = gift_import(source=data["file"], root=data["category"],
                                  language=data["language"], quiz=data["quiz"], live=live)
        except GiftError as exc:
            for line, message in exc.errors:
                form.add_error(None, _("Line %(line)d: %(message)s")
                               % {"line": line, "message": message})
            form.add_error(None, _("Nothing was imported."))
            return self.form_invalid(form)
        if live:
            messages.success(self.request, _("%(count)d questions imported.")
                             % {"count": len(created)})
        else:
            messages.success(self.request, _(
                "%(count)d questions imported as drafts: attempts draw them once a curriculum "
                "editor has published them.") % {"count": len(created)})
        return redirect("wagtailsnippets_quizzes_question:list")


class GiftExportView(_BankPermissionMixin, WagtailAdminTemplateMixin, FormView):
    permission = "quizzes.view_question"
    page_title = gettext_lazy("Export questions (GIFT)")
    header_icon = "download"
    template_name = "quizzes/admin/gift_export.html"
    form_class = GiftExportForm

    def form_valid(self, form):
        data = form.cleaned_data
        questions = Question.objects.select_related("category").prefetch_related("answers")
        name = "questions"
        if data["quiz"]:
            questions, name = questions.filter(quizzes=data["quiz"]), data["quiz"].slug
        if data["category"]:
            ids = selectors.category_ids_with_descendants(category=data["category"])
            questions, name = questions.filter(category__in=ids), slugify(data["category"])
        text = write_gift(questions.order_by("category_id", "pk"), language=data["language"])
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.gift.txt"'
        return response

