"""Organisations as partners write them: "drds", "D.R.D.S.", "Direction Regionale du
Developpement Social" and "Direction régionale du développement social (DRDS)" are one.

A name matches when, ignoring case, accents, spaces and punctuation, it equals an
organisation's name, its acronym or the initials of its name, or a "Name (ACRONYM)" of them.
A key shared by two organisations matches neither: it is only suggested. Names that match
nothing are new organisations, proposed for creation in the preview with close spellings as
suggestions.
"""

import difflib
import re

from django.utils.translation import gettext as _

from lms.organisations.models import Organisation

from .reading import fold

# Small words left out of initials ("Direction régionale du développement social" → DRDS).
STOPWORDS = {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "for", "l", "la", "le",
             "les", "of", "pour", "the", "and", "sur"}
PARENTHESES = re.compile(r"\(([^)]*)\)")


def compact(text: str) -> str:
    """Lower case, no accents, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def initials(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(name))
    return "".join(word[0] for word in words if word not in STOPWORDS)


def _keys_of_text(text: str) -> set[str]:
    keys = {compact(text), compact(PARENTHESES.sub(" ", text))}
    keys.update(compact(inside) for inside in PARENTHESES.findall(text))
    return {key for key in keys if key}


def organisation_key(text: str) -> str:
    """One key per spelling, to group a file's rows naming the same new organisation."""
    return compact(text)


class OrganisationMatcher:
    def __init__(self, organisations=None):
        self.organisations = list(organisations if organisations is not None
                                  else Organisation.objects.all())
        self.exact: dict[str, Organisation | None] = {}
        for organisation in self.organisations:
            keys = {compact(organisation.name), compact(organisation.acronym or "")}
            if len(initials(organisation.name)) >= 2:
                keys.add(initials(organisation.name))
            for key in keys - {""}:
                if self.exact.get(key, organisation) is not organisation:
                    self.exact[key] = None  # two organisations share it: suggest, never pick
                else:
                    self.exact[key] = organisation

    def match(self, text: str) -> Organisation | None:
        for key in _keys_of_text(text):
            if self.exact.get(key):
                return self.exact[key]
        return None

    def suggest(self, text: str, limit: int = 3,
                among: set[int] | None = None) -> list[Organisation]:
        """Existing organisations that look like `text`, closest first (only those whose id
        is in `among`, when given: the ones the importer may use)."""
        keys = _keys_of_text(text)
        scored = []
        for organisation in self.organisations:
            if among is not None and organisation.pk not in among:
                continue
            candidates = {compact(organisation.name), compact(organisation.acronym or ""),
                          initials(organisation.name)} - {""}
            score = max(difflib.SequenceMatcher(None, key, candidate).ratio()
                        for key in keys for candidate in candidates) if keys else 0
            if score >= 0.75:
                scored.append((score, organisation.name, organisation))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [organisation for _score, _name, organisation in scored[:limit]]


def _refuse(preview, new, message: str) -> None:
    for row in preview.rows:
        if organisation_key(row.cleaned.get("organisation_new") or "") == new.key:
            row.errors.append(message)


def organisations_settle(preview, *, cohort, choices: dict, usable: set[int],
                         regions: dict) -> int:
    """Create the preview's new organisations or map them to an existing one as chosen:
    choices[key] is {"use": organisation id} or {"create": kind, "region": region id}
    (default: the cohort's region). The choices were posted, so anything may come: an
    organisation outside `usable` (another region's, or none at all) or a region outside
    `regions` is a row error on every row naming it, and nothing is created. Returns how
    many organisations were made."""
    settled: dict[str, Organisation | None] = {}
    for new in preview.new_organisations:
        choice = choices.get(new.key) or {}
        if choice.get("use") is not None:
            settled[new.key] = Organisation.objects.filter(pk=choice["use"],
                                                           pk__in=usable).first()
            if settled[new.key] is None:
                _refuse(preview, new, _(
                    "The organisation picked for “%(name)s” is not one you may use (it "
                    "belongs to another region): pick one of those offered, or create it.")
                    % {"name": new.name})
        elif choice.get("region") is not None and choice["region"] not in regions:
            _refuse(preview, new, _("The region picked for the new organisation “%(name)s” "
                                    "is not one you may use.") % {"name": new.name})
    if not preview.ok:
        return 0
    created = 0
    for new in preview.new_organisations:
        if settled.get(new.key) is None:
            choice = choices.get(new.key) or {}
            kind = choice.get("create")
            if kind not in Organisation.Kind.values:
                kind = Organisation.Kind.NON_GOVERNMENTAL
            region = regions.get(choice.get("region"), cohort.region)
            settled[new.key], made = Organisation.objects.get_or_create(
                name=new.name, defaults={"kind": kind, "region": region})
            created += made
    for row in preview.rows:
        if row.cleaned.get("organisation_new"):
            row.cleaned["organisation"] = settled[organisation_key(row.cleaned["organisation_new"])]
    return created
