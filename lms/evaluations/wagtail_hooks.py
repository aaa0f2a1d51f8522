"""The reaction question sets in the Wagtail admin (menu "Reaction forms"), saved through
`services.question_set_save` like every other path."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
)

from lms.cohorts.wagtail_admin.scoped import ServiceFormMixin

from . import services
from .models import QuestionSet


class _ServiceSave(ServiceFormMixin):
    def service_save(self):
        return services.question_set_save(question_set=self.form.save(commit=False),
                                          by=self.request.user)


class QuestionSetCreateView(_ServiceSave, CreateView):
    pass


class QuestionSetEditView(_ServiceSave, EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        question_set = QuestionSet.objects.filter(pk=kwargs.get("pk")).first()
        if question_set and not services.may_change_question_set(
                question_set=question_set, by=request.user):
            raise PermissionDenied


class QuestionSetDeleteView(DeleteView):
    """Answers keep their questions: a set answered, chosen or default is never deleted."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        question_set = QuestionSet.objects.filter(pk=kwargs.get("pk")).first()
        if question_set and not services.question_set_deletable(
                question_set=question_set, by=request.user):
            raise PermissionDenied


class QuestionSetViewSet(SnippetViewSet):
    model = QuestionSet
    icon = "form"
    menu_label = _("Reaction forms")
    menu_order = 260
    add_to_admin_menu = True
    add_view_class = QuestionSetCreateView
    edit_view_class = QuestionSetEditView
    delete_view_class = QuestionSetDeleteView
    list_display = ["__str__", "is_default"]
    search_fields = ["name_en", "name_fr"]
    copy_view_enabled = True


register_snippet(QuestionSetViewSet)
