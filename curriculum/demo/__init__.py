"""Demo curriculum: the site tree in English and French. (Content is filled in by load().)"""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from curriculum.models import CataloguePage, HomePage


@transaction.atomic
def load() -> str:
    en, _ = Locale.objects.get_or_create(language_code="en")
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=en).first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Cascade", slug="cascade", locale=en))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                            site_name="Cascade")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.depth == 2 and old_root.specific_class is Page:
            old_root.delete()
    if not CataloguePage.objects.filter(locale=en).exists():
        home.add_child(instance=CataloguePage(title="Courses", slug="courses", locale=en))
    return "site tree ready"
