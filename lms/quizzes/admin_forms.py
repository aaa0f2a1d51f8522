"""Wagtail admin form for questions: checks the answer options as a whole.

The quiz form, which asks the rules in services, is `forms.QuizAdminForm`."""

import posixpath

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminModelForm


def _earns(option: dict) -> bool:
    weight = option.get("weight")
    return weight > 0 if weight is not None else bool(option.get("is_correct"))


class _ServedImage:
    """What the file input shows as "Currently": the image through the view that checks who
    asks (the file is private: its storage URL is not served, or is a signed S3 URL)."""

    def __init__(self, name: str, url: str):
        self.name, self.url = name, url

    def __str__(self) -> str:
        return posixpath.basename(self.name)


class QuestionImageInput(forms.ClearableFileInput):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        instance = getattr(value, "instance", None)
        if self.is_initial(value) and instance is not None and instance.pk:
            context["widget"]["value"] = _ServedImage(value.name, reverse(
                "quizzes:question_image", kwargs={"pk": instance.pk}))
        return context


class QuestionAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "image" in self.fields:
            self.fields["image"].widget = QuestionImageInput(
                attrs=self.fields["image"].widget.attrs)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        formset = self.formsets.get("answers")
        options = []
        if formset is not None and formset.is_valid():
            options = [f.cleaned_data for f in formset.forms
                       if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")]
        if any(o.get("weight") is not None and not -100 <= o["weight"] <= 100 for o in options):
            raise ValidationError(_("Answer weights go from -100 to 100 (%)."))
        if kind in {"mc", "short"} and any(not (o.get("text_en") or "").strip() for o in options):
            raise ValidationError(_("Each answer needs its text."))
        if kind == "mc":
            if len(options) < 2:
                raise ValidationError(_("A multiple-choice question needs at least two options."))
            if not any(_earns(o) for o in options):
                raise ValidationError(_("Mark at least one option as correct."))
        elif kind == "tf" and cleaned.get("true_false_answer") is None:
            self.add_error("true_false_answer", _("Choose whether the statement is true."))
        elif kind in {"tf", "essay"} and options:
            raise ValidationError(_("True/false and essay questions have no answer options."))
        elif kind in {"short", "num"} and not any(_earns(o) for o in options):
            raise ValidationError(_("Give at least one accepted answer (correct, or with a "
                                    "positive weight)."))
        elif kind == "num" and any(o.get("number") is None for o in options):
            raise ValidationError(_("Each answer of a numerical question needs its value."))
        elif kind == "match" and sum(1 for o in options
                                     if o.get("text_en") and o.get("match_en")) < 2:
            raise ValidationError(_("A matching question needs at least two pairs (an answer "
                                    "and what it matches)."))
        return cleaned
