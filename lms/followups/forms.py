from django import forms
from django.utils.translation import gettext_lazy as _

from lms.regions.models import Region

from .models import FollowUp, Practice
from .rules import State

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AnswerForm(forms.Form):
    """The questionnaire, for the trainee (on their phone) and for a coordinator recording a
    phone call (`record=True` adds how the answers were given)."""

    channel = forms.ChoiceField(label=_("How were the answers given?"), choices=[
        (value, label) for value, label in FollowUp.Channel.choices
        if value != FollowUp.Channel.SELF], widget=forms.RadioSelect)
    practices = forms.ModelMultipleChoiceField(
        label=_("Which of these practices have you applied since the training?"),
        queryset=Practice.objects.none(), required=False, widget=forms.CheckboxSelectMultiple)
    other_practice = forms.CharField(label=_("Another practice (optional)"), max_length=300,
                                     required=False)
    trained_others = forms.TypedChoiceField(
        label=_("Have you trained other people since?"), choices=YES_NO,
        coerce=lambda value: value == "yes", widget=forms.RadioSelect)
    people_trained = forms.IntegerField(label=_("How many people? (optional)"),
                                        required=False, min_value=1, max_value=10000)
    obstacles = forms.CharField(
        label=_("What made it hard to apply what you learned? (optional)"), required=False,
        max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, record: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not record:
            del self.fields["channel"]
        self.fields["practices"].queryset = Practice.objects.filter(active=True)
        self.fields["practices"].label_from_instance = lambda practice: practice.label

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("trained_others") is False and cleaned.get("people_trained"):
            self.add_error("people_trained", _(
                "Leave this empty when the person has not trained anyone."))
        return cleaned


class VisitForm(forms.Form):
    visited_on = forms.DateField(label=_("Visit date"), widget=DateInput())
    rating = forms.TypedChoiceField(
        label=_("Supervisor's rating"), coerce=int, widget=forms.RadioSelect,
        choices=[(n, str(n)) for n in range(1, 6)],
        help_text=_("1 (practices not applied) to 5 (applied fully and well)."))
    observations = forms.CharField(label=_("Observations"), required=False, max_length=4000,
                                   widget=forms.Textarea(attrs={"rows": 4}))


class ListFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("", _("Due and overdue")), (State.DUE, _("Due")), (State.OVERDUE, _("Overdue")),
        (State.DONE, _("Done")), (State.UPCOMING, _("Upcoming"))])
    months = forms.TypedChoiceField(label=_("Follow-up"), required=False, coerce=int,
                                    empty_value=None,
                                    choices=[("", _("3 and 6 months")),
                                             *FollowUp.Milestone.choices])
    region = forms.ModelChoiceField(label=_("Region"), required=False, to_field_name="slug",
                                    queryset=Region.objects.none(),
                                    empty_label=_("All my regions"))

    def __init__(self, *args, regions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
