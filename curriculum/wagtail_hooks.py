"""The curriculum's review in the Wagtail admin: a new catalogue is moderated at once, and the
review's names show in the editor's language."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.admin import action_menu as page_menu
from wagtail.admin.ui.components import Component
from wagtail.snippets import action_menu as snippet_menu

from .models import CataloguePage
from .workflow import TASK_NAME, WORKFLOW_NAME, ensure_curriculum_workflow


def names_translated(text: str) -> str:
    """`text` with the review's stored (English) names in the active language."""
    for name in (WORKFLOW_NAME, TASK_NAME):
        text = text.replace(name, gettext(name))
    return text


class _TranslatedLabel:
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = names_translated(str(context.get("label", "")))
        return context


class PageSubmitMenuItem(_TranslatedLabel, page_menu.SubmitForModerationMenuItem):
    """"Submit to Curriculum review", "Resubmit to …" in the editor's language."""


class SnippetSubmitMenuItem(_TranslatedLabel, snippet_menu.SubmitForModerationMenuItem):
    pass


def _translate_submit(menu_items: list, original: type, replacement: type) -> None:
    for index, item in enumerate(menu_items):
        if type(item) is original:
            menu_items[index] = replacement(order=item.order)


@hooks.register("construct_page_action_menu")
def translate_page_submit(menu_items, request, context) -> None:
    _translate_submit(menu_items, page_menu.SubmitForModerationMenuItem, PageSubmitMenuItem)


@hooks.register("construct_snippet_action_menu")
def translate_snippet_submit(menu_items, request, context) -> None:
    _translate_submit(menu_items, snippet_menu.SubmitForModerationMenuItem,
                      SnippetSubmitMenuItem)


class _TranslatedPanel(Component):
    """A dashboard panel ("Awaiting your review", "Your pages in a workflow") whose rendering
    shows the review's stored (English) names in the reader's language."""

    def __init__(self, panel) -> None:
        self.panel = panel
        self.name = getattr(panel, "name", "")
        self.order = getattr(panel, "order", 0)

    @property
    def media(self):
        return self.panel.media

    def render_html(self, parent_context=None) -> str:
        return mark_safe(names_translated(self.panel.render_html(parent_context)))


@hooks.register("construct_homepage_panels")
def translate_review_names_in_panels(request, panels: list) -> None:
    panels[:] = [_TranslatedPanel(panel) for panel in panels]


@hooks.register("after_create_page")
def moderate_new_catalogue(request, page) -> None:
    """A catalogue created in the admin gets the groups' page permissions and the review, as
    the data migration gave the catalogues that existed then."""
    if isinstance(page.specific, CataloguePage):
        ensure_curriculum_workflow()
