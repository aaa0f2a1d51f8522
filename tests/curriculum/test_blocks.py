"""How content blocks render on the trainee site."""

import io

import pytest
from PIL import Image as PILImage

from django.core.cache import cache
from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.images.models import Image

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def make_image(title: str = "Workshop", size: tuple[int, int] = (2000, 1200)) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (30, 90, 150)).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


def test_figure_uses_phone_sized_renditions_and_alt_text(client, site_tree):
    module = site_tree["modules"][0]
    module.body = [("figure", {"image": make_image(), "alt_text": "Participants in a circle",
                               "caption": "Bamako workshop"})]
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    assert 'alt="Participants in a circle"' in html
    assert "width-360" in html and "width-720" in html
    assert "width-2000" not in html and 'sizes="(max-width: 48rem) 100vw, 720px"' in html
    assert "<figcaption>Bamako workshop</figcaption>" in html


def test_catalogue_card_uses_a_small_cover_rendition(client, site_tree):
    course = site_tree["course"]
    course.cover_image = make_image("Cover")
    course.save_revision().publish()
    client.force_login(UserFactory())
    html = client.get(site_tree["catalogue"].url).content.decode()
    assert 'width="480"' in html and 'height="288"' in html  # 2000x1200 kept at 5:3
    assert ".webp" in html


def test_catalogue_cover_keeps_the_images_aspect(client, site_tree):
    """A 960x360 banner with its title written across it is not cropped to 16:9."""
    course = site_tree["course"]
    cache.clear()  # renditions are cached by image id, which the previous test's rollback reuses
    course.cover_image = make_image("Banner", size=(960, 360))
    course.save_revision().publish()
    html = client.get(site_tree["catalogue"].url).content.decode()
    assert 'width="480"' in html and 'height="180"' in html


def test_saving_a_module_with_a_video_never_asks_the_video_site(client, site_tree,
                                                                monkeypatch):
    """The office's link to the video site is down: the facilitator's save still succeeds."""
    from wagtail.embeds.exceptions import EmbedNotFoundException
    from wagtail.embeds.finders.oembed import OEmbedFinder
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    def unreachable(*args, **kwargs):
        raise EmbedNotFoundException("network unreachable")

    monkeypatch.setattr(OEmbedFinder, "find_embed", unreachable)
    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", unreachable)
    module = site_tree["modules"][0]
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])

    def save(video_url: str):
        data = nested_form_data({
            "title": module.title, "slug": module.slug, "introduction": module.introduction,
            "duration_minutes": 30, "comments": inline_formset([]),
            "body": streamfield([("video", {"video": video_url, "title": "Referral in practice",
                                            "transcript": "Steps of a referral."})]),
        })
        data["action-publish"] = "1"
        return client.post(url, data)

    response = save("https://www.youtube.com/watch?v=XiCrniLQGYc")
    assert response.status_code == 302, response.context["form"].errors
    module.refresh_from_db()
    video = module.body[0].value["video"]
    assert video.url == "https://www.youtube.com/watch?v=XiCrniLQGYc"
    client.logout()
    page = client.get(module.url).content.decode()
    assert 'href="https://www.youtube.com/watch?v=XiCrniLQGYc"' in page
    # The address's form is still checked.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert save("not a web address").status_code == 200
    assert save("javascript:alert(1)").status_code == 200


def test_key_message_and_case_study_render(client, site_tree):
    module = site_tree["modules"][1]
    module.body = [
        ("key_message", {"heading": "Remember", "message": "<p>Consent comes first.</p>"}),
        ("case_study", {"title": "Aminata in Gao", "situation": "<p>She arrives alone.</p>",
                        "questions": ["Who do you call first?"]}),
    ]
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    assert "Consent comes first." in html and 'role="note"' in html
    assert "Aminata in Gao" in html and "Who do you call first?" in html


@pytest.mark.parametrize("name", ["video", "key_message", "case_study", "group_activity"])
def test_block_previews_render_without_notes_or_network(name, monkeypatch):
    from curriculum.blocks import ModuleStreamBlock

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", lambda *a, **k: 1 / 0)
    block = ModuleStreamBlock().child_blocks[name]
    html = block.render(block.get_preview_value(), context={})
    assert html.strip()
    assert "Give each group a different commune" not in html
