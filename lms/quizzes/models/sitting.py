"""Attempts: one Sitting per attempt, one SittingAnswer per answered question."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bank import Question
from .quiz import Quiz


class Sitting(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("trainee"),
                             on_delete=models.CASCADE, related_name="sittings")
    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.PROTECT,
                             related_name="sittings")
    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohort"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="sittings",
    )
    # Copied from the quiz when the attempt starts, so the database can enforce it.
    single_attempt = models.BooleanField(default=False)
    question_ids = models.JSONField(default=list)
    # The quiz's settings when the attempt started, so that it is graded with them whatever
    # is published since: the pass mark and the answer key of each drawn question
    # ({question id: {"kind", "right": [option ids] or true/false, "points"}}). Empty for
    # attempts started before snapshots existed: those use the live quiz.
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), null=True, blank=True)
    answers_at_end = models.BooleanField(null=True, blank=True)
    all_or_nothing = models.BooleanField(null=True, blank=True)
    key = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    score_percent = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2,
                                        null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)
    needs_marking = models.BooleanField(_("essays to mark"), default=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        permissions = [("mark_sitting", _("Can mark essay answers and see trainees' papers"))]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz"], condition=Q(single_attempt=True),
                                    name="quiz_single_attempt_once"),
            models.UniqueConstraint(fields=["user", "quiz"],
                                    condition=Q(completed_at__isnull=True),
                                    name="quiz_one_open_sitting"),
        ]
        indexes = [
            models.Index(fields=["user", "completed_at"]),
            # The knowledge gain's per-enrollment score lookup (a trainee's sittings of one
            # quiz): without it PostgreSQL may AND the user and quiz indexes, reading every
            # sitting of the quiz for each enrollment (40x slower at 10,000 trainees).
            models.Index(fields=["user", "quiz", "completed_at"],
                         name="sitting_user_quiz_completed"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.quiz}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def effective_pass_mark(self) -> int:
        return self.quiz.pass_mark if self.pass_mark is None else self.pass_mark

    @property
    def shows_answer_after_each(self) -> bool:
        at_end = self.quiz.answers_at_end if self.answers_at_end is None else self.answers_at_end
        return not at_end


class SittingAnswer(models.Model):
    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    choice_ids = models.JSONField(default=list, blank=True)
    boolean = models.BooleanField(null=True, blank=True)
    essay_text = models.TextField(blank=True)
    # What was typed for a short-answer or numerical question.
    response_text = models.TextField(blank=True)
    # Matching: {answer (left side) id: the right side chosen}.
    pairs = models.JSONField(default=dict, blank=True)
    # None while an essay waits for a marker; true only when fully right.
    is_correct = models.BooleanField(null=True)
    # Share of the question's mark earned, 0 to 1 (partial credit); None awaiting a marker.
    credit = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    # An essay's mark out of the question's points (partial marks), and the marker's comment
    # for the trainee.
    score = models.DecimalField(_("mark"), max_digits=5, decimal_places=2, null=True,
                                blank=True)
    comment = models.TextField(_("comment for the trainee"), blank=True)
    answered_at = models.DateTimeField(default=timezone.now)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("answer given")
        verbose_name_plural = _("answers given")
        constraints = [
            models.UniqueConstraint(fields=["sitting", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.sitting_id}/{self.question_id}"
