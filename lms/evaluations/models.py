"""Reaction evaluation (Kirkpatrick level 1): question sets kept in the admin, the answers
trainees give at the end of a cohort, and a receipt that says only "has answered".

Anonymity by design: an anonymous `Response` holds no link to the person. The `Receipt` (one
per enrollment, which makes "once" hold) and the `Response` are separate rows that share
nothing: both have random UUID keys (no sequence to line them up), the receipt has no time
at all and the response only the day, so neither ids nor timestamps put them back together.
"""

import uuid

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from lms.core.i18n import BilingualMixin

LIKERT_MIN, LIKERT_MAX = 1, 5


class Likert(models.IntegerChoices):
    STRONGLY_DISAGREE = 1, _("Strongly disagree")
    DISAGREE = 2, _("Disagree")
    NEUTRAL = 3, _("Neither agree nor disagree")
    AGREE = 4, _("Agree")
    STRONGLY_AGREE = 5, _("Strongly agree")


class QuestionSet(BilingualMixin, ClusterableModel):
    """The questions of a reaction form. Cohorts use the default set unless one is chosen."""

    name_en = models.CharField(_("name (English)"), max_length=150)
    name_fr = models.CharField(_("name (French)"), max_length=150, blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    is_default = models.BooleanField(
        _("default set"), default=False,
        help_text=_("Used by every cohort that has not chosen another set. Only one set is "
                    "the default; only national staff change it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")]),
        FieldPanel("intro_en"), FieldPanel("intro_fr"), FieldPanel("is_default"),
        InlinePanel("items", label=_("Questions"), min_num=1),
    ]

    class Meta:
        ordering = ["-is_default", "name_en"]
        verbose_name = _("reaction question set")
        verbose_name_plural = _("reaction question sets")
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=models.Q(is_default=True),
                                    name="one_default_question_set"),
        ]

    def __str__(self) -> str:
        return self.tr("name")


class Item(BilingualMixin, Orderable):
    """One question: a Likert statement (1 to 5, agree or not) or an open question."""

    class Kind(models.TextChoices):
        LIKERT = "likert", _("Agreement scale (1 to 5)")
        OPEN = "open", _("Open question")

    class Topic(models.TextChoices):
        CONTENT = "content", _("Content")
        FACILITATION = "facilitation", _("Facilitation")
        RELEVANCE = "relevance", _("Relevance to their work")
        VENUE = "venue", _("Venue and logistics")
        OVERALL = "overall", _("Overall")
        APPLY = "apply", _("What they will apply")
        MISSING = "missing", _("What was missing")
        OTHER = "other", _("Other")

    question_set = ParentalKey(QuestionSet, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.LIKERT)
    topic = models.CharField(
        _("topic"), max_length=20, choices=Topic.choices, default=Topic.OTHER,
        help_text=_("Results of every set roll up by topic."),
    )
    text_en = models.CharField(_("question (English)"), max_length=300)
    text_fr = models.CharField(_("question (French)"), max_length=300, blank=True)
    required = models.BooleanField(
        _("answer required"), default=True,
        help_text=_("Agreement questions are usually required, open questions optional."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("topic"), FieldPanel("required")]),
        FieldPanel("text_en"), FieldPanel("text_fr"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.tr("text")

    @property
    def is_likert(self) -> bool:
        return self.kind == self.Kind.LIKERT


class CohortQuestionSet(models.Model):
    """The set a cohort uses when it is not the default one."""

    cohort = models.OneToOneField("cohorts.Cohort", on_delete=models.CASCADE,
                                  related_name="reaction_set")
    question_set = models.ForeignKey(QuestionSet, verbose_name=_("question set"),
                                     on_delete=models.PROTECT, related_name="cohorts")
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("cohort's question set")
        verbose_name_plural = _("cohorts' question sets")

    def __str__(self) -> str:
        return f"{self.cohort}: {self.question_set}"


class Receipt(models.Model):
    """"This enrollment has answered": nothing else. No time, a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enrollment = models.OneToOneField("cohorts.Enrollment", on_delete=models.CASCADE,
                                      related_name="reaction_receipt")

    class Meta:
        verbose_name = _("reaction receipt")
        verbose_name_plural = _("reaction receipts")

    def __str__(self) -> str:
        return str(self.enrollment)


class Response(models.Model):
    """One filled form. `trainee` is set only when the trainee chose to sign it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    cohort = models.ForeignKey("cohorts.Cohort", verbose_name=_("cohort"),
                               on_delete=models.CASCADE, related_name="reaction_responses")
    question_set = models.ForeignKey(QuestionSet, on_delete=models.PROTECT,
                                     related_name="responses")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="reaction_responses",
    )
    submitted_on = models.DateField(_("answered on"))  # the day only, never the time
    score = models.DecimalField(
        _("score (1 to 5)"), max_digits=4, decimal_places=2, null=True, blank=True,
        help_text=_("The mean of its agreement answers."),
    )

    class Meta:
        ordering = ["id"]  # random: the order says nothing about who answered when
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        indexes = [models.Index(fields=["cohort", "score"], name="reaction_cohort_score")]

    def __str__(self) -> str:
        return f"{self.cohort} ({self.submitted_on})"

    @property
    def is_anonymous(self) -> bool:
        return self.trainee_id is None


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField(_("agreement"), choices=Likert.choices, null=True,
                                             blank=True)
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="one_answer_per_item"),
        ]
        indexes = [models.Index(fields=["item", "value"], name="reaction_answer_item_value")]

    def __str__(self) -> str:
        return f"{self.item}: {self.value or self.text[:40]}"
