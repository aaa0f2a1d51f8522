"""The trainee's reaction form, built from the cohort's question set (checked again by
`services.response_submit`, which every path goes through)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Likert, QuestionSet
from .services import field_name


class ReactionForm(forms.Form):
    anonymous = forms.BooleanField(
        label=_("Answer anonymously"), required=False,
        help_text=_("Your name is then kept nowhere with your answers: nobody, not even the "
                    "administrators, can tell which answers are yours."),
    )

    def __init__(self, *args, question_set: QuestionSet, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(question_set.items.all())
        fields = {}
        for item in self.items:
            if item.is_likert:
                fields[field_name(item)] = forms.TypedChoiceField(
                    label=item.tr("text"), choices=Likert.choices, coerce=int,
                    widget=forms.RadioSelect, required=item.required,
                    error_messages={"required": _("Choose an answer.")})
            else:
                fields[field_name(item)] = forms.CharField(
                    label=item.tr("text"), required=item.required, max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    error_messages={"required": _("Please write an answer.")})
        anonymous = self.fields.pop("anonymous")
        self.fields.update(fields)
        self.fields["anonymous"] = anonymous

    def question_fields(self):
        for item in self.items:
            yield item, self[field_name(item)]

    def answers(self) -> dict:
        return {field_name(item): self.cleaned_data.get(field_name(item))
                for item in self.items}


class QuestionSetChoiceForm(forms.Form):
    question_set = forms.ModelChoiceField(
        label=_("Question set"), queryset=QuestionSet.objects.all(), required=False,
        empty_label=_("The default set"))
