"""The question bank: categories (with sub-categories), questions and their answer options."""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from lms.core.i18n import BilingualMixin

from ..admin_forms import QuestionAdminForm
from ..validators import validate_question_image


class Category(BilingualMixin, models.Model):
    name_en = models.CharField(_("name (English)"), max_length=150)
    name_fr = models.CharField(_("name (French)"), max_length=150, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent category"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="children",
    )

    panels = [FieldPanel("name_en"), FieldPanel("name_fr"), FieldPanel("parent")]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")

    def __str__(self) -> str:
        return " / ".join(self.path_names())

    def path_names(self) -> list[str]:
        names, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            names.append(node.name_en)
            node = node.parent
        return list(reversed(names))


class Question(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, BilingualMixin,
               ClusterableModel):
    """Reviewed like quizzes: the row is the live version; attempts draw live questions."""

    class Kind(models.TextChoices):
        MULTIPLE_CHOICE = "mc", _("Multiple choice")
        TRUE_FALSE = "tf", _("True / false")
        ESSAY = "essay", _("Essay")
        SHORT_ANSWER = "short", _("Short answer")
        NUMERICAL = "num", _("Numerical")
        MATCHING = "match", _("Matching")

    class Format(models.TextChoices):
        PLAIN = "plain", _("Plain text")
        HTML = "html", _("HTML")
        MARKDOWN = "markdown", _("Markdown")

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(_("type"), max_length=8, choices=Kind.choices,
                            default=Kind.MULTIPLE_CHOICE)
    title = models.TextField(
        _("short title"), blank=True,
        help_text=_("For lists and GIFT files; the question text is used when empty."),
    )
    text_en = models.TextField(_("question (English)"))
    text_fr = models.TextField(_("question (French)"), blank=True)
    text_format = models.CharField(
        _("text format"), max_length=8, choices=Format.choices, default=Format.PLAIN,
        help_text=_("HTML is cleaned of anything but safe formatting before it is shown."),
    )
    explanation_en = models.TextField(
        _("explanation (English)"), blank=True,
        help_text=_("Shown with the result, once the settings of the quiz allow it."),
    )
    explanation_fr = models.TextField(_("explanation (French)"), blank=True)
    image = models.ImageField(
        _("image"), upload_to="quizzes/questions/", blank=True,
        validators=[validate_question_image],
        help_text=_("Optional. JPEG, PNG, GIF or WebP, at most 2 MB and 4000 pixels a side."),
    )
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("What the question is worth in the score. Essays are marked out of it "
                    "(partial marks)."),
    )
    true_false_answer = models.BooleanField(
        _("correct answer (true/false questions)"), null=True, blank=True,
    )
    # Moodle's `{T#feedback if wrong#feedback if right}`, shown with the result like an
    # answer's feedback (once the quiz lets the trainee see the right answer).
    feedback_right_en = models.TextField(
        _("feedback to a right answer (true/false, English)"), blank=True)
    feedback_right_fr = models.TextField(
        _("feedback to a right answer (true/false, French)"), blank=True)
    feedback_wrong_en = models.TextField(
        _("feedback to a wrong answer (true/false, English)"), blank=True)
    feedback_wrong_fr = models.TextField(
        _("feedback to a wrong answer (true/false, French)"), blank=True)
    accents_optional = models.BooleanField(
        _("accents optional (short answer)"), default=True,
        help_text=_("Accept “ecole” for “école”. Case never matters."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="question")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type",
        object_id_field="object_id", related_query_name="question", for_concrete_model=False)

    base_form_class = QuestionAdminForm
    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("kind"), FieldPanel("points")]),
        FieldPanel("title"),
        MultiFieldPanel([FieldPanel("text_en"), FieldPanel("text_fr")], heading=_("Question")),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("text_format"), FieldPanel("true_false_answer"),
                       FieldPanel("accents_optional")]),
        MultiFieldPanel([FieldRowPanel([FieldPanel("feedback_right_en"),
                                        FieldPanel("feedback_right_fr")]),
                         FieldRowPanel([FieldPanel("feedback_wrong_en"),
                                        FieldPanel("feedback_wrong_fr")])],
                        heading=_("True/false feedback")),
        InlinePanel("answers", heading=_("Answers (multiple choice, short answer, numerical, "
                                         "matching)"), label=_("Answer")),
        MultiFieldPanel([FieldPanel("explanation_en"), FieldPanel("explanation_fr")],
                        heading=_("Explanation")),
    ]

    class Meta:
        ordering = ["category__name_en", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    @property
    def is_multiple_choice(self) -> bool:
        return self.kind == self.Kind.MULTIPLE_CHOICE

    @property
    def is_true_false(self) -> bool:
        return self.kind == self.Kind.TRUE_FALSE

    @property
    def is_essay(self) -> bool:
        return self.kind == self.Kind.ESSAY

    @property
    def is_short_answer(self) -> bool:
        return self.kind == self.Kind.SHORT_ANSWER

    @property
    def is_numerical(self) -> bool:
        return self.kind == self.Kind.NUMERICAL

    @property
    def is_matching(self) -> bool:
        return self.kind == self.Kind.MATCHING

    @property
    def has_options(self) -> bool:
        """Answered by choosing among the answers shown (multiple choice, missing word)."""
        return self.kind == self.Kind.MULTIPLE_CHOICE

    def __str__(self) -> str:
        return self.title or Truncator(self.text_en).chars(80)

    @property
    def revisions(self):
        return self._revisions


class Answer(BilingualMixin, Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="answers")
    # Blank for a matching question's distractor (`= -> Police station`) or a number's answer.
    text_en = models.TextField(_("answer (English)"), blank=True)
    text_fr = models.TextField(_("answer (French)"), blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)
    weight = models.DecimalField(
        _("weight (%)"), max_digits=8, decimal_places=5, null=True, blank=True,
        help_text=_("Share of the question's mark this answer earns, from -100 to 100 (partial "
                    "credit). Empty: 100 when correct, otherwise 0."),
    )
    match_en = models.TextField(_("matches (English, matching questions)"), blank=True)
    match_fr = models.TextField(_("matches (French)"), blank=True)
    number = models.FloatField(_("value (numerical questions)"), null=True, blank=True)
    tolerance = models.FloatField(_("tolerance (±)"), default=0)
    feedback_en = models.TextField(
        _("feedback (English)"), blank=True,
        help_text=_("Shown with the result to those who gave this answer."))
    feedback_fr = models.TextField(_("feedback (French)"), blank=True)

    panels = [
        FieldPanel("text_en"), FieldPanel("text_fr"),
        FieldRowPanel([FieldPanel("is_correct"), FieldPanel("weight")]),
        FieldRowPanel([FieldPanel("match_en"), FieldPanel("match_fr")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("tolerance")]),
        FieldPanel("feedback_en"), FieldPanel("feedback_fr"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return self.text_en

    @property
    def percent(self):
        """The weight in force: the stored one, else 100 for a correct answer and 0."""
        if self.weight is not None:
            return self.weight
        return 100 if self.is_correct else 0
