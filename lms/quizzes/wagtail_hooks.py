"""Quiz building in the Wagtail admin: question bank, quizzes (with preview), GIFT, marking."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import QuizAdminForm
from .models import Category, Question, Quiz
from .views.admin import GiftExportView, GiftImportView


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["__str__", "name_fr"]
    search_fields = ["name_en", "name_fr"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["__str__", "kind", "category"]
    list_filter = ["kind", "category"]
    search_fields = ["title", "text_en", "text_fr"]
    copy_view_enabled = True


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes")
    list_display = ["__str__", "course", "purpose"]
    list_filter = ["purpose", "live", "course"]
    search_fields = ["title_en", "title_fr", "slug"]
    edit_handler = ObjectList(Quiz.panels, base_form_class=QuizAdminForm)


class QuizzesGroup(SnippetViewSetGroup):
    items = (QuizViewSet, QuestionViewSet, CategoryViewSet)
    menu_icon = "tasks"
    menu_label = _("Quizzes")
    menu_name = "quizzes"


register_snippet(QuizzesGroup)


@hooks.register("register_admin_urls")
def register_gift_urls():
    return [
        path("quizzes/gift/import/", GiftImportView.as_view(), name="quizzes_gift_import"),
        path("quizzes/gift/export/", GiftExportView.as_view(), name="quizzes_gift_export"),
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_gift_menu_item():
    return _PermissionMenuItem(_("Import questions (GIFT)"), reverse("quizzes_gift_import"),
                               icon_name="upload", order=310,
                               permission="quizzes.add_question")


@hooks.register("register_admin_menu_item")
def register_marking_menu_item():
    return _PermissionMenuItem(_("Mark essays"), reverse("quizzes:marking_list"),
                               icon_name="edit", order=320, permission="quizzes.mark_sitting")
