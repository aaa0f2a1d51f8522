"""Facilitator material: documents only the facilitating roles may download.

Wagtail serves documents at `/documents/<id>/<file name>` to anyone who knows the address; a
collection's privacy setting (a `CollectionViewRestriction`) is checked on every download
(wagtail.documents' `before_serve_document` hook). Documents placed in the "Facilitator
material" collection therefore need a signed-in member of a group that reads the facilitators'
notes (Facilitators, Curriculum editors, Administrators; superusers always). Anyone else is
sent to the log-in page. `ensure_facilitator_material()` is idempotent: a data migration runs
it (so `migrate` alone gives the private collection), and so does the demo loader.
"""

from django.apps import apps as global_apps
from django.db import transaction
from django.utils.translation import gettext_noop

from lms.accounts import roles

# Stored in English, like the groups' names.
COLLECTION_NAME = gettext_noop("Facilitator material")
# The roles that read the facilitators' notes (roles.READ_FACILITATOR_NOTES) may download.
ALLOWED_GROUPS = [name for name, perms in roles.ROLE_PERMISSIONS.items()
                  if roles.READ_FACILITATOR_NOTES in perms]
GROUPS_RESTRICTION = "groups"  # wagtail.models.BaseViewRestriction.GROUPS

_STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node alphabet
_STEP_LENGTH = 4


def _path_step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(_STEP_ALPHABET))
        digits = _STEP_ALPHABET[remainder] + digits
    return digits.rjust(_STEP_LENGTH, "0")


def _child_collection(apps, *, parent, name: str):
    """The child collection called `name`, created if missing. Plain managers only (treebeard's
    methods do not exist on a migration's historical models), so the path is computed here."""
    collection_model = apps.get_model("wagtailcore", "Collection")
    children = collection_model.objects.filter(path__startswith=parent.path,
                                               depth=parent.depth + 1)
    existing = children.filter(name=name).first()
    if existing is not None:
        return existing
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-_STEP_LENGTH:], len(_STEP_ALPHABET)) + 1 if last else 1
    collection = collection_model.objects.create(
        name=name, path=parent.path + _path_step(number), depth=parent.depth + 1, numchild=0)
    collection_model.objects.filter(pk=parent.pk).update(
        numchild=children.count())
    return collection


@transaction.atomic
def ensure_facilitator_material(*, apps=global_apps):
    """Create (or repair) the "Facilitator material" collection and its group-only privacy.
    `apps` is a migration's historical registry when the data migration calls it."""
    collection_model = apps.get_model("wagtailcore", "Collection")
    root = collection_model.objects.get(depth=1)
    collection = _child_collection(apps, parent=root, name=COLLECTION_NAME)
    restriction_model = apps.get_model("wagtailcore", "CollectionViewRestriction")
    restriction = restriction_model.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = restriction_model.objects.create(
            collection=collection, restriction_type=GROUPS_RESTRICTION)
    elif restriction.restriction_type != GROUPS_RESTRICTION:
        restriction.restriction_type = GROUPS_RESTRICTION
        restriction.password = ""
        restriction.save(update_fields=["restriction_type", "password"])
    group_model = apps.get_model("auth", "Group")
    groups = [group_model.objects.get_or_create(name=name)[0] for name in ALLOWED_GROUPS]
    restriction.groups.add(*groups)
    return collection

