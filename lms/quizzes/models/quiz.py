"""A quiz: settings, purpose (pre-test, post-test, practice, retention re-test) and the questions
it draws from."""

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from lms.core.i18n import BilingualMixin

from .bank import Question


class Quiz(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, BilingualMixin,
           PreviewableMixin, ClusterableModel):
    """Changes go through the "Curriculum review" workflow, like course pages: the row is the
    live (published) version, which trainees see; drafts live in revisions (Wagtail's
    snippet drafts, revisions, locking and workflows)."""

    class Purpose(models.TextChoices):
        PRE_TEST = "pre_test", _("Pre-test")
        POST_TEST = "post_test", _("Post-test")
        PRACTICE = "practice", _("Practice")
        # Sat about 6 months after the course (the follow-up), compared with the post-test.
        RETENTION = "retention", _("Retention re-test")

    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    course = models.ForeignKey(
        "curriculum.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT,
        related_name="quizzes", help_text=_("The English course page."),
    )
    module = models.ForeignKey(
        "curriculum.ModulePage", verbose_name=_("module"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="quizzes",
    )
    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose.choices,
                               default=Purpose.PRACTICE)
    questions = ParentalManyToManyField(Question, verbose_name=_("questions"), blank=True,
                                        related_name="quizzes")
    random_order = models.BooleanField(_("random question order"), default=False)
    max_questions = models.PositiveSmallIntegerField(
        _("maximum questions per attempt"), null=True, blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions at random from the quiz's questions."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    single_attempt = models.BooleanField(_("single attempt"), default=False)
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Optional. How many attempts a trainee may make in all."),
    )
    retake_wait_hours = models.PositiveSmallIntegerField(
        _("wait before a retake (hours)"), null=True, blank=True,
        help_text=_("Optional. Time between the end of an attempt and the next one."),
    )
    show_answers = models.BooleanField(
        _("show the right answers"), default=True,
        help_text=_("Show trainees the right answers and explanations. A quiz that shows them "
                    "may not contain a question of a post-test, and a post-test shows its own "
                    "only once the trainee has no attempt left or the quiz has closed."),
    )
    closes_at = models.DateTimeField(
        _("closes at"), null=True, blank=True,
        help_text=_("Optional. No attempt starts after this time; a post-test's right answers "
                    "are shown from then on."),
    )
    all_or_nothing = models.BooleanField(
        _("all or nothing"), default=False,
        help_text=_("A question scores only when fully right: no partial credit for weighted "
                    "answers, partly right matchings or close numbers."),
    )
    answers_at_end = models.BooleanField(
        _("show correct answers only at the end"), default=True,
        help_text=_("Otherwise the correct answer is shown after each question."),
    )
    exam_paper = models.BooleanField(
        _("exam paper"), default=True,
        help_text=_("List finished attempts as papers on the marking page. Required for "
                    "quizzes with essay questions."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    success_text_en = models.TextField(_("success text (English)"), blank=True)
    success_text_fr = models.TextField(_("success text (French)"), blank=True)
    fail_text_en = models.TextField(_("fail text (English)"), blank=True)
    fail_text_fr = models.TextField(_("fail text (French)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="quiz")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type",
        object_id_field="object_id", related_query_name="quiz", for_concrete_model=False)

    panels = [
        MultiFieldPanel([FieldPanel("title_en"), FieldPanel("title_fr"), FieldPanel("slug")],
                        heading=_("Title")),
        MultiFieldPanel([FieldPanel("description_en"), FieldPanel("description_fr")],
                        heading=_("Description")),
        FieldRowPanel([FieldPanel("course"), FieldPanel("module"), FieldPanel("purpose")]),
        FieldPanel("questions", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("random_order"), FieldPanel("max_questions")]),
            FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("time_limit_minutes")]),
            FieldRowPanel([FieldPanel("single_attempt"), FieldPanel("max_attempts"),
                           FieldPanel("retake_wait_hours"), FieldPanel("closes_at")]),
            FieldRowPanel([FieldPanel("show_answers"), FieldPanel("answers_at_end"),
                           FieldPanel("exam_paper")]),
            FieldPanel("all_or_nothing"),
        ], heading=_("Settings")),
        MultiFieldPanel([FieldPanel("success_text_en"), FieldPanel("success_text_fr"),
                         FieldPanel("fail_text_en"), FieldPanel("fail_text_fr")],
                        heading=_("Result texts")),
    ]

    class Meta:
        ordering = ["course__path", "purpose", "title_en"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        indexes = [models.Index(fields=["course", "purpose"])]

    def __str__(self) -> str:
        return self.title_en

    @property
    def revisions(self):
        return self._revisions

    def is_closed(self, now) -> bool:
        return self.closes_at is not None and now >= self.closes_at

    def get_preview_template(self, request, mode_name):
        return "quizzes/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["quiz"] = self
        context["questions"] = list(self.questions.all())
        return context
