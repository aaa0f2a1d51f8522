"""The curriculum page tree: home → catalogue → course → module, one tree per language."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ModuleStreamBlock


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["curriculum.CataloguePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogues"] = CataloguePage.objects.child_of(self).live().public()
        courses = services.learner_courses(user=request.user, locale=self.locale)
        progress = services.courses_progress(user=request.user, courses=courses)
        context["my_courses"] = [(course, progress[course.pk]) for course in courses]
        return context


class CataloguePage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["curriculum.HomePage"]
    subpage_types = ["curriculum.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = list(
            CoursePage.objects.child_of(self).live().public().select_related("cover_image")
        )
        progress = services.courses_progress(user=request.user, courses=courses)
        context["courses"] = [(course, progress[course.pk]) for course in courses]
        return context


class CoursePage(Page):
    code = models.SlugField(
        _("course code"), max_length=40,
        help_text=_("Short code shared by every translation of the course, e.g. 'nrm'."),
    )
    summary = models.TextField(_("summary"))
    audience = models.TextField(_("audience"), blank=True)
    learning_objectives = RichTextField(
        _("learning objectives"), blank=True, features=["ul", "ol", "bold", "italic"]
    )
    duration_hours = models.PositiveSmallIntegerField(_("duration (hours)"), default=0)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("cover image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    completion_min_attendance = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"), default=80,
        help_text=_("Share of cohort days a trainee must attend to complete the course."),
    )
    completion_requires_post_test = models.BooleanField(
        _("requires a passed post-test"), default=True
    )
    completion_requires_modules = models.BooleanField(
        _("requires every module completed"), default=False,
        help_text=_("The trainee must have marked every published module of the course as "
                    "completed."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("code"),
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("learning_objectives"),
        FieldPanel("duration_hours"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("completion_min_attendance"),
             FieldPanel("completion_requires_post_test"),
             FieldPanel("completion_requires_modules")],
            heading=_("Completion rule"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.FilterField("code"),
    ]
    parent_page_types = ["curriculum.CataloguePage"]
    subpage_types = ["curriculum.ModulePage"]

    class Meta:
        verbose_name = _("course")

    def modules(self):
        return ModulePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(self.modules())
        progress = services.course_progress(user=request.user, course=self)
        context["progress"] = progress
        context["module_rows"] = [
            (module, module.translation_key in progress.completed_keys) for module in modules
        ]
        context["next_module"] = next(
            (module for module, done in context["module_rows"] if not done),
            modules[0] if modules else None,
        )
        return context


class ModulePage(Page):
    introduction = models.TextField(_("introduction"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    body = StreamField(ModuleStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["curriculum.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("module")

    @property
    def course(self) -> CoursePage:
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = getattr(request, "user", None) or AnonymousUser()
        context["show_facilitator_notes"] = services.can_see_facilitator_notes(
            user=user, is_preview=getattr(request, "is_preview", False)
        )
        course = self.get_parent().specific if self.depth else None
        siblings = list(course.modules()) if isinstance(course, CoursePage) else []
        position = next((i for i, m in enumerate(siblings) if m.pk == self.pk), None)
        context["course"] = course
        context["previous_module"] = siblings[position - 1] if position else None
        context["next_module"] = (
            siblings[position + 1]
            if position is not None and position + 1 < len(siblings) else None
        )
        context["is_complete"] = services.module_is_complete(user=user, module=self)
        return context


class ModuleCompletion(models.Model):
    """A trainee finished a module. Keyed by the module's translation key, so finishing the
    French page also counts for the English one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module_key = models.UUIDField(default=uuid.uuid4, db_index=True)
    module = models.ForeignKey(
        ModulePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="one_completion_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.user} completed {self.module_key}"


# Last, because services imports the page models above: the pages' methods call it at run time.
from . import services  # noqa: E402
