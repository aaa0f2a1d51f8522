from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from curriculum.models import CoursePage
from curriculum.selectors import titles_in_language
from lms.accounts import roles
from lms.accounts.demographics import BIRTH_YEAR_MIN, WG_QUESTIONS, Difficulty
from lms.organisations.models import Organisation
from lms.regions.models import Region

from .importers import COLUMNS
from .models import Attendance, Cohort

User = get_user_model()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DatesInOrderMixin:
    """A cohort's or a session's end date is not before its start date."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return cleaned


class CohortForm(DatesInOrderMixin, forms.ModelForm):
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitators"), queryset=User.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("When a facilitator was trained in a training-of-trainers cohort, this "
                    "cohort is placed downstream of it in the cascade."),
    )

    class Meta:
        model = Cohort
        fields = ["name", "code", "course", "region", "venue", "start_date", "end_date", "hours",
                  "capacity", "language", "status", "is_training_of_trainers"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, user, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        self.fields["code"].help_text = _("Leave empty to derive it from the name.")
        courses = CoursePage.objects.filter(locale__language_code="en").order_by("title")
        self.fields["course"].queryset = courses
        titles = titles_in_language(courses)  # the English pages, named in the reader's language
        self.fields["course"].label_from_instance = lambda page: titles.get(page.pk, page.title)
        self.fields["region"].queryset = regions
        may_facilitate = roles.users_with_perm(roles.FACILITATE_COHORTS, is_active=None,
                                               include_superusers=False)
        people = User.objects.filter(
            Q(pk__in=may_facilitate.values("pk")) | Q(trainer_records__isnull=False)
        )
        if self.instance.pk:
            people = people | User.objects.filter(facilitated_cohorts=self.instance)
            self.fields["facilitators"].initial = list(self.instance.facilitators.all())
        self.fields["facilitators"].queryset = people.distinct().order_by(
            "last_name", "first_name")

    def clean_code(self) -> str:
        code = self.cleaned_data.get("code") or slugify(self.cleaned_data.get("name", ""))[:70]
        base, n = code or "cohort", 1
        clash = Cohort.objects.exclude(pk=self.instance.pk)
        if self.cleaned_data.get("code"):
            if clash.filter(code=code).exists():
                raise forms.ValidationError(_("Another cohort already uses this code."))
            return code
        while clash.filter(code=code).exists():
            n += 1
            code = f"{base}-{n}"
        return code


class AttendanceDayForm(forms.Form):
    """One radio group (present / absent / excused) per trainee for one day."""

    def __init__(self, *args, enrollments, recorded: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.enrollments = list(enrollments)
        for enrollment in self.enrollments:
            self.fields[f"e{enrollment.pk}"] = forms.ChoiceField(
                label=enrollment.trainee.display_name, choices=Attendance.Status.choices,
                widget=forms.RadioSelect, required=False,
                initial=recorded.get(enrollment.pk),
            )

    def rows(self):
        for enrollment in self.enrollments:
            yield enrollment, self[f"e{enrollment.pk}"]

    def statuses(self, *, all_present: bool = False) -> dict[int, str]:
        result = {}
        for enrollment in self.enrollments:
            value = self.cleaned_data.get(f"e{enrollment.pk}")
            if not value and all_present:
                value = Attendance.Status.PRESENT
            if value:
                result[enrollment.pk] = value
        return result


class DayPickerForm(forms.Form):
    date = forms.DateField(label=_("Day"), widget=DateInput())


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roster file (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt,.tsv"}),
    )


class PersonForm(forms.Form):
    """Enrol one person; checked by the same rules as a roster row."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *User.Sex.choices],
                            required=False)
    function = forms.ChoiceField(label=_("Function"),
                                 choices=[("", "—"), *User.Function.choices], required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"),
                                          queryset=Organisation.objects.all(), required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all())
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False,
                            help_text=_("+223 and 8 digits"))
    email = forms.CharField(label=_("E-mail (optional)"), max_length=254, required=False)
    birth_year = forms.IntegerField(label=_("Year of birth (optional)"), required=False,
                                    min_value=BIRTH_YEAR_MIN, max_value=2100)

    def __init__(self, *args, regions: set[int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for field, _label, question in WG_QUESTIONS:  # optional: the Washington Group set
            self.fields[field] = forms.TypedChoiceField(
                label=question, required=False, coerce=int, empty_value=None,
                choices=[("", _("Not asked")), *Difficulty.choices])
        if regions is not None:  # a trainer enrols the people of their own region only
            self.fields["region"].queryset = Region.objects.filter(pk__in=regions)

    def as_row_values(self) -> dict[str, str]:
        values = {name: str(self.cleaned_data.get(name) or "") for name in COLUMNS}
        if self.cleaned_data.get("organisation"):
            values["organisation"] = self.cleaned_data["organisation"].name
        if self.cleaned_data.get("region"):
            values["region"] = self.cleaned_data["region"].name
        return values


class SessionForm(DatesInOrderMixin, forms.Form):
    """A recorded trainer's new session: its region is the trainer's own."""

    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    start_date = forms.DateField(label=_("First day"), widget=DateInput())
    end_date = forms.DateField(label=_("Last day"), widget=DateInput())
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False,
                            help_text=_("e.g. the town hall's meeting room"))
    commune = forms.CharField(label=_("Commune"), max_length=120)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500, initial=30)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        courses = CoursePage.objects.live().filter(locale__language_code="en").order_by("title")
        self.fields["course"].queryset = courses
        titles = titles_in_language(courses)
        self.fields["course"].label_from_instance = lambda page: titles.get(page.pk, page.title)


class SessionCloseForm(forms.Form):
    evidence = forms.FileField(
        label=_("Photo or scan of the signed attendance sheet"), required=False,
        help_text=_("A photo (JPEG, PNG, WebP) or a PDF, 10 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )


class SessionReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the trainer"), required=False, widget=forms.Textarea(
            attrs={"rows": 3}),
        help_text=_("Required when you send the session back: say what to fix."))
