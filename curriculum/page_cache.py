"""Published pages, worked out once per publication and shared by every web process.

A page request used to walk the tree (one query per path level), read the page privacy of
every ancestor, look the site and locale up and list the course's modules, for content that
only changes when an editor publishes. Those answers now live in the configured Django cache
(Redis in production, `lms.core.cache.ResilientRedisCache`, so every web process agrees)
under keys that carry a *generation*: one token, stored in the same cache, replaced whenever
the published tree may have changed — a page published, unpublished, moved, renamed or
deleted, a page's privacy, a site, a locale, an image or a document changed (`invalidate`,
connected to Wagtail's and Django's signals in `connect_invalidation`). How a generation
works (replaced now and on commit, shared by every process): `lms/core/generations.py`.
"""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import get_language

from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.url_routing import RouteResult

from lms.core.generations import Generation

PAGES = Generation("pages")
GENERATION_KEY = PAGES.key
# Page.save_revision() and locking write only these: drafts and locks change nothing a reader
# of the published site sees, so such a save keeps the generation.
DRAFT_ONLY_FIELDS = frozenset({
    "comments", "latest_revision_created_at", "draft_title", "latest_revision",
    "has_unpublished_changes", "locked", "locked_at", "locked_by",
})
generation = PAGES.token
invalidate = PAGES.invalidate
cached = PAGES.cached


# --- Routing: a path to a page id and its privacy, once per generation -------------------

@dataclass(frozen=True)
class CachedRoute:
    page_id: int
    content_type_id: int
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    restrictions: tuple = ()  # PageViewRestriction objects with their groups prefetched
    # The live page itself, as stored in its row when resolved: every save of a page that is
    # not a draft's bookkeeping replaces the generation, so this is the row as it is now.
    page: Page | None = None


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's site lookup (one query per request), once per host and generation."""
    if not hasattr(request, "_wagtail_site"):
        host = request._get_raw_host()
        request._wagtail_site = cached(request, "site", (host, request.get_port()),
                                       lambda: Site._find_for_request(request))
    return request._wagtail_site


def _resolve(request: HttpRequest, path: str) -> CachedRoute | None:
    result = Page.route_for_request(request, path)  # Wagtail's own walk down the tree
    if result is None:
        return None
    page, args, kwargs = result
    restrictions = tuple(page.get_view_restrictions().prefetch_related("groups"))
    # A fresh copy: the routed one carries its ancestors (treebeard's parent cache).
    stored = type(page).objects.filter(pk=page.pk).first()
    return CachedRoute(page_id=page.pk, content_type_id=page.content_type_id,
                       args=tuple(args), kwargs=dict(kwargs), restrictions=restrictions,
                       page=stored)


def prepare_route(request: HttpRequest, path: str) -> None:
    """Fill Wagtail's per-request memos (`request._wagtail_site`,
    `request._wagtail_route_for_request`) from the cache, so `wagtail.views.serve` finds the
    page (kept with its route: no query) and checks the cached privacy. Paths that lead
    nowhere are not cached (anyone can invent them); Wagtail answers those 404 itself."""
    site = site_for_request(request)
    if site is None:
        return
    route = cached(request, "route", (site.pk, get_language(), path),
                   lambda: _resolve(request, path))
    if route is None or hasattr(request, "_wagtail_route_for_request"):
        return  # not found, or just resolved by Wagtail itself in _resolve
    page = route.page
    if page is None:  # an entry without its page: read it
        model = ContentType.objects.get_for_id(route.content_type_id).model_class()
        page = model.objects.filter(pk=route.page_id, live=True).first() if model else None
    if page is None:  # changed behind the signals' back (raw SQL): let Wagtail resolve it
        return
    page._cached_view_restrictions = list(route.restrictions)
    request._wagtail_route_for_request = RouteResult(page, list(route.args), route.kwargs)


# --- What the curriculum pages show around their content -------------------------------

@dataclass(frozen=True)
class Family:
    """A page, its parent and its live public children (plain `Page` objects: title, URL)."""

    page: Page | None
    parent: Page | None
    children: list


def family(request: HttpRequest | None, path: str, *, child_model: type | None = None) -> Family:
    def compute() -> Family:
        page = Page.objects.filter(path=path).first()
        parent_path = path[: -Page.steplen]
        parent = Page.objects.filter(path=parent_path).first() if parent_path else None
        if page is None:
            return Family(None, parent, [])
        children = Page.objects.child_of(page).live().public().order_by("path")
        if child_model is not None:
            children = children.type(child_model)
        return Family(page, parent, list(children))

    label = child_model._meta.label_lower if child_model else "any"
    return cached(request, "family", (path, label), compute)


def page_urls(request: HttpRequest, family: Family, *,
              child_model: type | None = None) -> dict[int, str]:
    """Page id → URL of `family`'s parent and children, as `{% pageurl %}` gives it to this
    request (relative on the request's site), worked out once per publication, site and
    language instead of one `reverse` per link on every request. Look pages up with `url`."""
    def compute() -> dict[int, str]:
        pages = [family.parent, *family.children] if family.parent else family.children
        return {page.pk: page.get_url(request) for page in pages}

    site = site_for_request(request)
    label = child_model._meta.label_lower if child_model else "any"
    path = family.page.path if family.page is not None else ""
    return cached(request, "page-urls", (site.pk if site else 0, get_language(), path, label),
                  compute)


def url(request: HttpRequest, urls: dict[int, str], page: Page) -> str:
    """`page`'s URL from `page_urls`, or worked out now if it is not there."""
    found = urls.get(page.pk)
    return page.get_url(request) if found is None else found


def connect_invalidation() -> None:
    """Called once from `CurriculumConfig.ready()`. Senders are named model by model, so
    models without a receiver keep Django's fast deletes."""
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(invalidate, dispatch_uid=f"pages-cache-{id(signal)}")
    for model in get_page_models():
        post_save.connect(_page_saved, sender=model, dispatch_uid=f"pages-cache-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"pages-cache-del-{model}")
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (PageViewRestriction, Site, Locale, get_image_model(), get_document_model()):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"pages-cache-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"pages-cache-del-{model}")
    m2m_changed.connect(invalidate, sender=PageViewRestriction.groups.through,
                        dispatch_uid="pages-cache-restriction-groups")


def _page_saved(sender: type, instance: Page, update_fields=None, **kwargs: Any) -> None:
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    invalidate()
