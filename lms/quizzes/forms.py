from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from lms.cohorts.models import Cohort
from lms.core.i18n import pick

from . import bank_cache
from .models import Category, Question, Quiz
from .rich import render
from .services import question_allows_several, questions_leaking

TRUE_FALSE_CHOICES = [("true", _("True")), ("false", _("False"))]


class _AnswerField(BoundField):
    """An answer field whose widget, while the form is unbound (the question page), is
    rendered once per question, language and change of the bank (`bank_cache`): its HTML
    depends on nothing else. A form sent back (errors, choices kept) renders as usual."""

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        if (self.form.is_bound or self.form.question.pk is None or widget is not None or attrs
                or only_initial):
            return super().as_widget(widget, attrs, only_initial)
        return bank_cache.answer_widget(self.form.question.pk, self.html_name,
                                        get_language() or "",
                                        super().as_widget)


class AnswerForm(forms.Form):
    """One question's answer widget. Lists the options only: which ones are right never
    reaches the browser before the quiz settings allow it. Plain HTML controls, no script:
    radio buttons, checkboxes, a text box or one drop-down per item to match."""

    bound_field_class = _AnswerField

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        if question.is_essay:
            self.fields["essay"] = forms.CharField(
                label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 8}),
                max_length=20000)
        elif question.is_true_false:
            self.fields["boolean"] = forms.ChoiceField(
                label=_("Your answer"), choices=TRUE_FALSE_CHOICES, widget=forms.RadioSelect)
        elif question.is_short_answer or question.is_numerical:
            self._typed_field(question)
        elif question.is_matching:
            self._matching_fields(question)
        else:
            choices = [(str(a.pk), render(pick(a, "text"), question.text_format, inline=True))
                       for a in question.answers.all()]
            if question_allows_several(question):
                self.fields["choice"] = forms.MultipleChoiceField(
                    label=_("Choose every right answer"), choices=choices,
                    widget=forms.CheckboxSelectMultiple)
            else:
                self.fields["choice"] = forms.ChoiceField(
                    label=_("Choose one answer"), choices=choices, widget=forms.RadioSelect)

    def _typed_field(self, question: Question) -> None:
        attrs = {"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
        if question.is_numerical:
            # A text box, not type=number: French keyboards type a decimal comma.
            attrs["inputmode"] = "decimal"
            label = _("Your answer (a number)")
        else:
            label = _("Your answer")
        self.fields["response"] = forms.CharField(
            label=label, max_length=1000, widget=forms.TextInput(attrs=attrs))

    def _matching_fields(self, question: Question) -> None:
        options = sorted({(a.match_en, pick(a, "match")) for a in question.answers.all()},
                         key=lambda pair: pair[1].casefold())
        choices = [("", _("Choose…")), *options]
        for answer in question.answers.all():
            if answer.text_en.strip():
                self.fields[f"match_{answer.pk}"] = forms.ChoiceField(
                    label=render(pick(answer, "text"), question.text_format, inline=True),
                    choices=choices)

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        if self.question.is_essay:
            return {"essay_text": data["essay"]}
        if self.question.is_true_false:
            return {"boolean": data["boolean"] == "true"}
        if "response" in data:
            return {"response_text": data["response"]}
        if self.question.is_matching:
            return {"pairs": {name.removeprefix("match_"): value for name, value in data.items()
                              if name.startswith("match_")}}
        choice = data["choice"]
        return {"choice_ids": [int(c) for c in (choice if isinstance(choice, list) else [choice])]}


class MarkingFilterForm(forms.Form):
    quiz = forms.ModelChoiceField(label=_("Quiz"), queryset=Quiz.objects.none(), required=False)
    trainee = forms.CharField(label=_("Trainee (name or username)"), required=False,
                              max_length=100)
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none(),
                                    required=False)
    pending = forms.BooleanField(label=_("Only attempts with essays to mark"), required=False,
                                 initial=True)

    def __init__(self, *args, quizzes, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = quizzes
        self.fields["cohort"].queryset = cohorts


class EssayMarkForm(forms.Form):
    """A mark out of the question's points (the service checks the upper bound) and a
    comment for the trainee."""
    answer = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.DecimalField(label=_("Mark"), min_value=0, max_digits=5, decimal_places=2)
    comment = forms.CharField(label=_("Comment for the trainee"), required=False,
                              max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class GiftImportForm(forms.Form):
    file = forms.FileField(label=_("GIFT file (.txt or .gift, UTF-8)"))
    language = forms.ChoiceField(label=_("Language of the file"),
                                 choices=[("en", _("English")), ("fr", _("French"))])
    category = forms.ModelChoiceField(
        label=_("Import into category"), queryset=Category.objects.all(), required=False,
        help_text=_("Optional. The file's $CATEGORY lines create sub-categories below it."))
    quiz = forms.ModelChoiceField(label=_("Add the questions to quiz"),
                                  queryset=Quiz.objects.all(), required=False)

    MAX_BYTES = 2 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None


class GiftExportForm(forms.Form):
    quiz = forms.ModelChoiceField(label=_("Questions of quiz"), queryset=Quiz.objects.all(),
                                  required=False)
    category = forms.ModelChoiceField(label=_("Or of category (with sub-categories)"),
                                      queryset=Category.objects.all(), required=False)
    language = forms.ChoiceField(label=_("Language"),
                                 choices=[("en", _("English")), ("fr", _("French"))])


class QuizAdminForm(WagtailAdminModelForm):
    """The Wagtail admin's quiz form (see wagtail_hooks.QuizViewSet)."""

    def clean(self):
        cleaned = super().clean()
        questions = list(cleaned.get("questions") or [])
        if not cleaned.get("exam_paper") and any(q.kind == "essay" for q in questions):
            self.add_error("exam_paper", gettext(
                "A quiz with essay questions must keep exam papers, so that markers can "
                "find them."))
        module, course = cleaned.get("module"), cleaned.get("course")
        if module and course and not module.is_descendant_of(course):
            self.add_error("module", gettext("Choose a module of the selected course."))
        leaking = questions_leaking(
            purpose=cleaned.get("purpose") or "", show_answers=bool(cleaned.get("show_answers")),
            questions=questions, quiz_pk=self.instance.pk)
        if leaking:
            names = "; ".join(str(q) for q in leaking[:5])
            if cleaned.get("purpose") == Quiz.Purpose.POST_TEST:
                message = gettext(
                    "These questions sit in a quiz that shows its right answers, so trainees "
                    "could learn them before the post-test: %(questions)s. Remove them here, "
                    "or stop that quiz from showing answers.")
            else:
                message = gettext(
                    "These questions sit in a post-test: a quiz that shows the right answers "
                    "would give them away in advance: %(questions)s. Remove them, or untick "
                    "\"show the right answers\".")
            self.add_error("questions", message % {"questions": names})
        return cleaned
