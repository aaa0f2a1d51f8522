"""Builders for curriculum tests: French translations and module bodies."""

import json

from wagtail.models import Locale, Page

from curriculum.models import ModulePage

NOTES = "Split the room into four groups of five."


def body_with_activity(*, notes: str = NOTES) -> str:
    return json.dumps([
        {"type": "paragraph", "value": "<p>Referral starts with listening.</p>"},
        {"type": "group_activity", "value": {
            "title": "Map the services", "duration_minutes": 30,
            "instructions": "<p>List the services in your commune.</p>",
            "facilitator_notes": f"<p>{notes}</p>",
        }},
        {"type": "video", "value": {
            "video": "https://www.youtube.com/watch?v=abc123", "title": "Referral in practice",
            "transcript": "A social worker explains the referral steps.",
        }},
    ])


def translate(page: Page, *, title: str, slug: str | None = None, live: bool = True) -> Page:
    """French copy of `page` (its parent must already be translated), published if `live`."""
    fr = Locale.objects.get(language_code="fr")
    translation = page.specific.copy_for_translation(fr)
    translation.title = title
    translation.slug = slug or translation.slug
    revision = translation.save_revision()
    if live:
        revision.publish()
    return translation.specific_class.objects.get(pk=translation.pk)


def translate_tree(tree: dict) -> dict:
    """French home, catalogue, course and modules for a `build_site_tree()` tree."""
    home = translate(tree["home"], title="Accueil")
    catalogue = translate(tree["catalogue"], title="Formations", slug="formations")
    course = translate(tree["course"], title="Mécanisme national de référencement",
                       slug="mnr")
    modules = [translate(module, title=f"Module {i} (fr)")
               for i, module in enumerate(tree["modules"], start=1)]
    return {"home": home, "catalogue": catalogue, "course": course, "modules": modules}


def add_module(course, *, title: str, live: bool = True, **fields) -> ModulePage:
    module = course.add_child(instance=ModulePage(title=title, live=live, **fields))
    return module
