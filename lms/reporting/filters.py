"""The dashboard's filters: one GET form whose query string is the shareable state of a page."""

import datetime
from dataclasses import asdict, dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from curriculum.selectors import course_titles_by_code
from lms.cohorts.models import CASCADE_MAX_LEVEL
from lms.cohorts.selectors import regions_visible_to
from lms.organisations.models import Organisation


@dataclass(frozen=True)
class Filters:
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    region: str | None = None  # Region.slug
    course: str | None = None  # CoursePage.code, shared by the translations of a course
    org_kind: str | None = None
    level: int | None = None

    def as_query(self) -> dict[str, str]:
        """Non-empty filters as strings: for URLs, JSON (exports) and templates."""
        return {
            key: value.isoformat() if isinstance(value, datetime.date) else str(value)
            for key, value in asdict(self).items()
            if value not in (None, "")
        }

    @classmethod
    def from_query(cls, data: dict) -> "Filters":
        """Trusted input only (what `as_query` stored); user input goes through the form."""
        values = {}
        for key in ("date_from", "date_to"):
            if data.get(key):
                values[key] = datetime.date.fromisoformat(data[key])
        for key in ("region", "course", "org_kind"):
            if data.get(key):
                values[key] = data[key]
        if data.get("level"):
            values["level"] = int(data["level"])
        return cls(**values)


class FilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Cohorts starting on or after this day."),
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Cohorts starting on or before this day."),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    course = forms.ChoiceField(label=_("Course"), required=False)
    org_kind = forms.ChoiceField(
        label=_("Organisation type"), required=False,
        choices=[("", _("All types")), *Organisation.Kind.choices],
    )
    level = forms.TypedChoiceField(
        label=_("Cascade level"), required=False, coerce=int, empty_value=None,
        choices=[("", _("All levels"))] + [(n, str(n)) for n in range(1, CASCADE_MAX_LEVEL + 1)],
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # One query for the choices and the page's map and region table (`self.regions`).
        self.regions = list(regions_visible_to(user).order_by("name")
                            .values("name", "slug", "iso_code"))
        self.fields["region"].choices = [("", _("All my regions")), *[
            (region["slug"], region["name"]) for region in self.regions]]
        self.course_titles = titles = course_titles_by_code()  # the page reuses them
        self.fields["course"].choices = [("", _("All courses")), *sorted(
            titles.items(), key=lambda item: item[1])]

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period is before its start."))
        return cleaned

    def filters(self) -> Filters:
        """The valid part of the submitted filters (an invalid field is shown and ignored)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        data = self.cleaned_data
        return Filters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            region=data.get("region") or None,
            course=data.get("course") or None,
            org_kind=data.get("org_kind") or None,
            level=data.get("level"),
        )


def filter_form(*, user, data) -> tuple[FilterForm, Filters]:
    form = FilterForm(data or None, user=user)
    return form, form.filters() if data else Filters()
