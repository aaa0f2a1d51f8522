"""Roster import: check every row, show a preview, then write all of it or nothing.

People are matched to existing accounts by `people.people_match` (the one matcher of every
enrolment path): by phone number, or, for rows without a phone, by first name + last name +
organisation (accents and case ignored), and only ever to plain trainees inside the importing
person's scope; a row that matches anyone else is an error that does not say who. A matched
person is enrolled as they are (their profile is not overwritten); a new person gets an
account whose username is their phone number (digits) or, without one, their name, and no
usable password until a coordinator gives them a log-in slip: no e-mail address is required.

Partners' own words are accepted: an organisation that matches none (see organisations.py) is
created in the cohort's region when the import is confirmed (or mapped to an existing one the
person picked in the preview), and a function outside the list is "other", its text kept.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.accounts import roles
from lms.regions.models import Region

from .. import figures, selectors
from .. import people as people_services
from ..models import Cohort, Enrollment
from ..selectors import organisations_usable_by, regions_usable_by
from .demographics import clean_demographics
from .organisations import OrganisationMatcher, organisation_key, organisations_settle
from .reading import COLUMNS, DEMOGRAPHIC_COLUMNS, RawRow, column_label, fold

User = get_user_model()
# "22376123456" is what Excel leaves of "+22376123456" typed into a number cell.
PHONE_RE = re.compile(r"^(?:\+223|00223|223)?(\d{8})$")
# What a formula cell holds when its formula is broken: never a name or a phone.
EXCEL_ERRORS = {"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!",
                "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#BUSY!"}

SEX_VALUES = {"f": "F", "female": "F", "femme": "F", "feminin": "F", "m": "M", "male": "M",
              "h": "M", "homme": "M", "masculin": "M"}

# Common spellings on French rosters, whatever the translation catalogue says.
FUNCTION_ALIASES = {
    "technicien": "technician", "technicienne": "technician",
    "prestataire": "service_provider", "prestataire de services": "service_provider",
    "travailleur social": "social_worker", "travailleuse sociale": "social_worker",
    "assistant social": "social_worker", "assistante sociale": "social_worker",
    "agent de sante": "health_worker", "psychologue": "psychologist",
    "leader communautaire": "community_leader", "chef communautaire": "community_leader",
    "charge de programme": "programme_officer", "chargee de programme": "programme_officer",
    "autre": "other",
}


class RosterRejected(Exception):
    def __init__(self, preview: "RosterPreview"):
        super().__init__("the roster has errors")
        self.preview = preview


@dataclass
class RosterRow:
    number: int
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    cleaned: dict = field(default_factory=dict)
    person: object | None = None  # an existing User this row matched

    @property
    def is_new_person(self) -> bool:
        return self.person is None


@dataclass
class NewOrganisation:
    """An organisation named in the file that matches none: created on confirmation, or
    mapped to an existing one the person picks among the suggestions."""

    key: str
    name: str
    rows: list[int] = field(default_factory=list)
    suggestions: list = field(default_factory=list)


@dataclass
class RosterPreview:
    rows: list[RosterRow]
    file_errors: list[str] = field(default_factory=list)
    created: int = 0  # accounts created by the import (set once written)
    new_organisations: list[NewOrganisation] = field(default_factory=list)
    organisations_created: int = 0
    usable: set[int] = field(default_factory=set)  # organisations the importer may pick
    new_regions: list = field(default_factory=list)  # where they may create new ones

    @property
    def ok(self) -> bool:
        return not self.file_errors and not any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[RosterRow]:
        return [row for row in self.rows if row.errors]

    @property
    def new_people(self) -> int:
        return sum(1 for row in self.rows if row.is_new_person)


def normalise_phone(raw: str) -> str | None:
    """'+223 76 12 34 56', '0022376123456' or '76123456' → '+22376123456'; None if invalid."""
    compact = re.sub(r"[\s.\-()/]", "", raw)
    match = PHONE_RE.match(compact)
    return f"+223{match.group(1)}" if match else None


def _choice_lookup(choices) -> dict[str, str]:
    """Map codes and labels (English and French) of a TextChoices to its code."""
    lookup = dict(FUNCTION_ALIASES)
    for code, label in choices:
        lookup[fold(code)] = code
        lookup[fold(code.replace("_", " "))] = code
        for language in ("en", "fr"):
            with translation.override(language):
                lookup[fold(str(label))] = code
    return lookup


def _lookups(*, cohort: Cohort, by) -> dict:
    regions = {}
    for region in Region.objects.all():
        for key in (region.name, region.slug, region.iso_code):
            regions[fold(key)] = region
    usable = set(organisations_usable_by(by, cohort=cohort).values_list("pk", flat=True))
    return {"regions": regions, "organisations": OrganisationMatcher(),
            "functions": _choice_lookup(User.Function.choices), "usable": usable,
            "new_regions": list(regions_usable_by(by, cohort=cohort).order_by("name"))}


def _clean_row(row: RosterRow, lookups: dict) -> None:
    values, cleaned, errors = row.values, row.cleaned, row.errors
    for name in COLUMNS:
        if values[name].upper() in EXCEL_ERRORS:
            errors.append(_("Column “%(column)s” holds a broken formula (%(value)s): type the "
                            "value itself.") % {"column": column_label(name),
                                                "value": values[name]})
            values[name] = ""
    cleaned["first_name"] = " ".join(values["first_name"].split())
    cleaned["last_name"] = " ".join(values["last_name"].split())
    if not cleaned["first_name"] or not cleaned["last_name"]:
        errors.append(_("First name and last name are required."))
    region = lookups["regions"].get(fold(values["region"]))
    if region is None:
        errors.append(_("Unknown region “%(value)s”.") % {"value": values["region"]}
                      if values["region"] else _("Region is required."))
    cleaned["region"] = region
    cleaned["sex"] = ""
    if values["sex"]:
        cleaned["sex"] = SEX_VALUES.get(fold(values["sex"]), "")
        if not cleaned["sex"]:
            errors.append(_("Sex must be F or M, not “%(value)s”.") % {"value": values["sex"]})
    cleaned["function"], cleaned["function_other"] = "", ""
    if values["function"]:
        cleaned["function"] = lookups["functions"].get(fold(values["function"]), "")
        if not cleaned["function"]:  # "other", as written
            cleaned["function"] = User.Function.OTHER
            cleaned["function_other"] = " ".join(values["function"].split())[:100]
    cleaned["organisation"], cleaned["organisation_new"] = None, ""
    if values["organisation"]:
        cleaned["organisation"] = lookups["organisations"].match(values["organisation"])
        if cleaned["organisation"] is None:
            cleaned["organisation_new"] = " ".join(values["organisation"].split())[:200]
    cleaned["phone"] = ""
    if values["phone"]:
        cleaned["phone"] = normalise_phone(values["phone"]) or ""
        if not cleaned["phone"]:
            errors.append(_("Bad phone number “%(value)s”: expected +223 and 8 digits.")
                          % {"value": values["phone"]})
    cleaned["email"] = values["email"].lower()
    if cleaned["email"]:
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            errors.append(_("Bad e-mail address “%(value)s”.") % {"value": values["email"]})
    clean_demographics(values, cleaned, errors)


def _identity(cleaned: dict) -> tuple:
    if cleaned["phone"]:
        return ("phone", cleaned["phone"])
    organisation = cleaned["organisation"]
    return ("name", fold(cleaned["first_name"]), fold(cleaned["last_name"]),
            organisation.pk if organisation else
            organisation_key(cleaned["organisation_new"]) or None)


def _match_existing(rows: list[RosterRow], *, by) -> None:
    checked = [row for row in rows if not row.errors]
    matches = people_services.people_match(by=by, identities=[row.cleaned for row in checked])
    for row, match in zip(checked, matches, strict=True):
        row.person = match.person
        if match.refused:
            row.errors.append(_("This person matches an existing account that you may not "
                                "enrol (a staff account, or someone outside your cohorts and "
                                "regions). Check the name, phone and organisation, or ask a "
                                "national coordinator."))
        elif match.phone_clash:
            row.errors.append(_("This phone number is already registered to another "
                                "person."))


def roster_check(*, cohort: Cohort, raw_rows: list[RawRow], by) -> RosterPreview:
    """Validate every row (no writes) as `by` imports them. Errors name the row number the
    spreadsheet shows."""
    if by is not None and not selectors.may_run_session(by, cohort):
        raise PermissionDenied
    lookups = _lookups(cohort=cohort, by=by)
    rows = [RosterRow(number=raw.number, values=dict(raw.values)) for raw in raw_rows]
    seen: dict[tuple, int] = {}
    regions = people_services.enrol_region_ids(by) if by is not None else None
    for row in rows:
        _clean_row(row, lookups)
        if row.errors:
            continue
        if regions is not None and row.cleaned["region"].pk not in regions:
            row.errors.append(_("As a trainer, you enrol people of your own region only."))
            continue
        key = _identity(row.cleaned)
        if key in seen:
            row.errors.append(_("Same person as row %(row)s.") % {"row": seen[key]})
        else:
            seen[key] = row.number
    _match_existing(rows, by=by)
    enrolled = set(Enrollment.objects.filter(
        cohort=cohort, trainee__in=[row.person for row in rows if row.person]
    ).values_list("trainee_id", flat=True))
    for row in rows:
        if row.person and row.person.pk in enrolled:
            row.errors.append(_("Already enrolled in this cohort."))
    preview = RosterPreview(rows=rows, new_organisations=_new_organisations(rows, lookups),
                            usable=lookups["usable"], new_regions=lookups["new_regions"])
    taken = cohort.enrollments.active().count()
    if taken + len(rows) > cohort.capacity:
        preview.file_errors.append(
            ngettext(
                "Too many trainees for this cohort: it holds %(capacity)s, %(taken)s are "
                "already enrolled and the file adds %(adding)s. Remove %(excess)s row, or "
                "raise the cohort's capacity first.",
                "Too many trainees for this cohort: it holds %(capacity)s, %(taken)s are "
                "already enrolled and the file adds %(adding)s. Remove %(excess)s rows, or "
                "raise the cohort's capacity first.", taken + len(rows) - cohort.capacity) % {
                "capacity": cohort.capacity, "taken": taken, "adding": len(rows),
                "excess": taken + len(rows) - cohort.capacity}
        )
    return preview


def _new_organisations(rows: list[RosterRow], lookups: dict) -> list[NewOrganisation]:
    found: dict[str, NewOrganisation] = {}
    for row in rows:
        name = row.cleaned.get("organisation_new")
        if name:
            key = organisation_key(name)
            found.setdefault(key, NewOrganisation(key=key, name=name)).rows.append(row.number)
    for new in found.values():
        new.suggestions = lookups["organisations"].suggest(new.name, among=lookups["usable"])
    return sorted(found.values(), key=lambda new: fold(new.name))


def _username_base(cleaned: dict) -> str:
    if cleaned["phone"]:
        return cleaned["phone"].lstrip("+")
    parts = [slugify(cleaned["first_name"]), slugify(cleaned["last_name"])]
    return ".".join(part for part in parts if part).replace("-", ".")[:100] or "trainee"


def _username_for(cleaned: dict, taken: set[str]) -> str:
    base = _username_base(cleaned)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}.{n}"
    taken.add(candidate)
    return candidate


def roster_import(*, cohort: Cohort, raw_rows: list[RawRow], by,
                  organisations: dict | None = None) -> RosterPreview:
    """Check again (as `by` imports) and write everything in one transaction, or raise
    RosterRejected. `organisations` holds the preview's answers for new organisations (see
    `organisations_settle`); without one, a new organisation is created."""
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=cohort.pk).first()
        preview = roster_check(cohort=cohort, raw_rows=raw_rows, by=by)
        if not preview.ok:
            raise RosterRejected(preview)
        preview.organisations_created = organisations_settle(
            preview, cohort=cohort, choices=organisations or {}, usable=preview.usable,
            regions={region.pk: region for region in preview.new_regions})
        if not preview.ok:  # an organisation picked outside the importer's scope
            raise RosterRejected(preview)
        new_rows = [row for row in preview.rows if row.is_new_person]
        taken: set[str] = set()
        bases = sorted({_username_base(row.cleaned) for row in new_rows})
        for start in range(0, len(bases), 200):
            condition = Q()
            for base in bases[start:start + 200]:
                condition |= Q(username__startswith=base)
            taken.update(User.objects.filter(condition).values_list("username", flat=True))
        unusable = make_password(None)
        people = [
            User(username=_username_for(row.cleaned, taken), password=unusable,
                 first_name=row.cleaned["first_name"], last_name=row.cleaned["last_name"],
                 email=row.cleaned["email"], sex=row.cleaned["sex"],
                 function=row.cleaned["function"], function_other=row.cleaned["function_other"],
                 organisation=row.cleaned["organisation"],
                 region=row.cleaned["region"], phone=row.cleaned["phone"], language="fr",
                 **{name: row.cleaned[name] for name in DEMOGRAPHIC_COLUMNS})
            for row in new_rows
        ]
        created = User.objects.bulk_create(people)
        preview.created = len(created)
        for row, person in zip(new_rows, created, strict=True):
            row.person = person
        _add_to_trainees_group(created)
        Enrollment.objects.bulk_create(
            [Enrollment(cohort=cohort, trainee=row.person) for row in preview.rows]
        )
        figures.cohorts_changed(cohort_ids=[cohort.pk],
                                trainee_ids=[row.person.pk for row in preview.rows])
    return preview


def _add_to_trainees_group(people: list) -> None:
    group, _created = Group.objects.get_or_create(name=roles.TRAINEE)
    through = User.groups.through
    through.objects.bulk_create(
        [through(user_id=person.pk, group_id=group.pk) for person in people],
        ignore_conflicts=True,
    )
