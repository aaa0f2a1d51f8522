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


class CachedPrivacyPage(Page):
    """Page privacy as resolved with the cached route (`page_cache.prepare_route`): Wagtail's
    privacy check then reads no table. Elsewhere (admin, previews) Wagtail's own query."""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        cached = getattr(self, "_cached_view_restrictions", None)
        return super().get_view_restrictions() if cached is None else cached


class HomePage(CachedPrivacyPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["curriculum.CataloguePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogues"] = page_cache.family(request, self.path,
                                                  child_model=CataloguePage).children
        courses = services.learner_courses(user=request.user, locale=self.locale)
        progress = services.courses_progress(user=request.user, courses=courses)
        context["my_courses"] = [(course, progress[course.pk]) for course in courses]
        return context


class CataloguePage(CachedPrivacyPage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["curriculum.HomePage"]
    subpage_types = ["curriculum.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses, keys_by_course = page_cache.cached(request, "catalogue", (self.pk,),
                                                    self._courses_and_module_keys)
        progress = services.progress_from_keys(user=request.user, keys_by_course=keys_by_course)
        context["courses"] = [(course, progress[course.pk]) for course in courses]
        context["pages_generation"] = page_cache.generation(request)
        return context

    def _courses_and_module_keys(self) -> tuple[list, dict]:
        courses = list(
            CoursePage.objects.child_of(self).live().public().select_related("cover_image")
        )
        return courses, services.module_keys_by_course(courses=courses)


class CoursePage(CachedPrivacyPage):
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
        family = page_cache.family(request, self.path, child_model=ModulePage)
        modules = family.children
        keys = frozenset(module.translation_key for module in modules)
        progress = services.progress_from_keys(user=request.user,
                                               keys_by_course={self.pk: keys})[self.pk]
        urls = page_cache.page_urls(request, family, child_model=ModulePage)
        context["catalogue"] = family.parent
        context["catalogue_page_url"] = (page_cache.url(request, urls, family.parent)
                                         if family.parent else "")
        context["progress"] = progress
        # (module, done, its URL): the URLs come from the cache, not from a `{% pageurl %}`
        # per link (a reverse each)
        context["module_rows"] = [
            (module, module.translation_key in progress.completed_keys,
             page_cache.url(request, urls, module))
            for module in modules
        ]
        context["next_module"], context["next_module_url"] = next(
            ((module, url) for module, done, url in context["module_rows"] if not done),
            (modules[0], context["module_rows"][0][2]) if modules else (None, ""),
        )
        # What of the overview is the reader's own (its cache key): signed in, modules done.
        context["progress_key"] = (
            "in:" + ".".join(str(module.pk) for module, done, _url in context["module_rows"]
                             if done)
            if request.user.is_authenticated else "out")
        context["pages_generation"] = page_cache.generation(request)
        return context


class ModulePage(CachedPrivacyPage):
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
        family = page_cache.family(request, self.path[: -self.steplen], child_model=ModulePage)
        course = family.page
        if course is not None and course.specific_class is not CoursePage:
            course = None
        siblings = family.children if course is not None else []
        position = next((i for i, m in enumerate(siblings) if m.pk == self.pk), None)
        context["course"] = course
        context["previous_module"] = siblings[position - 1] if position else None
        context["next_module"] = (
            siblings[position + 1]
            if position is not None and position + 1 < len(siblings) else None
        )
        context["is_complete"] = services.module_is_complete(user=user, module=self)
        context["pages_generation"] = page_cache.generation(request)
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
from . import page_cache, services  # noqa: E402
