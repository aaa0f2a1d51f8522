"""StreamField blocks for curriculum modules.

Facilitator notes are part of the content model but never rendered on the trainee site:
`GroupActivityBlock` renders them only when the template context says `show_facilitator_notes`.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"), max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Image")
        description = _("An image with a caption and alternative text")


class VideoURLBlock(EmbedBlock):
    """A video address checked by its form only. Wagtail's EmbedBlock asks the video site for
    the embed while validating, so a save failed ("Cannot find an embed for this URL") whenever
    the office's link to YouTube was down and the facilitator lost the edit. The page renders a
    plain "Watch the video" link; the value is still an EmbedValue, so an embed can be fetched
    later, outside a save."""

    def clean(self, value):
        url = value.url if isinstance(value, EmbedValue) else value
        if url and urlsplit(url).scheme not in ("http", "https"):
            raise ValidationError(_("Enter a web address starting with https:// or http://."))
        return blocks.URLBlock.clean(self, value)


class VideoBlock(blocks.StructBlock):
    video = VideoURLBlock(label=_("video URL"), help_text=_("YouTube or Vimeo address"))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    transcript = blocks.TextBlock(label=_("transcript or summary"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        preview_value = {
            "video": "https://www.youtube.com/watch?v=example", "title": _("Referral in practice"),
            "transcript": _("A social worker walks through the steps of a referral."),
        }
        description = _("An embedded video, loaded only when the trainee asks for it")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("handout", _("Handout")),
            ("facilitator_guide", _("Facilitator guide")),
            ("form", _("Form or template")),
            ("reading", _("Further reading")),
        ],
        default="handout",
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/download_block.html"
        label = _("Download")
        description = _("A handout, guide or form to download")


class KeyMessageBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120, default=_("Key message"))
    message = blocks.RichTextBlock(label=_("message"), features=["bold", "italic", "ul", "link"])

    class Meta:
        icon = "pick"
        template = "blocks/key_message_block.html"
        label = _("Key message")
        preview_value = {
            "heading": _("Key message"),
            "message": _("<p>Do no harm: ask for consent before sharing any information.</p>"),
        }
        description = _("A highlighted message trainees must remember")


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    situation = blocks.RichTextBlock(label=_("situation"), features=RICH_FEATURES)
    questions = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("discussion questions"))

    class Meta:
        icon = "user"
        template = "blocks/case_study_block.html"
        label = _("Case study")
        preview_value = {
            "title": _("A young woman arrives at the bus station"),
            "situation": _("<p>She has no money and no phone, and does not know anyone.</p>"),
            "questions": [_("What are her immediate needs?"), _("Whom do you refer her to?")],
        }
        description = _("A realistic situation with questions to discuss")


class GroupActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    duration_minutes = blocks.IntegerBlock(label=_("duration (minutes)"), min_value=5, default=30)
    instructions = blocks.RichTextBlock(label=_("instructions for trainees"),
                                        features=RICH_FEATURES)
    facilitator_notes = blocks.RichTextBlock(
        label=_("facilitator-only notes"), features=RICH_FEATURES, required=False,
        help_text=_("Never shown to trainees."),
    )

    class Meta:
        icon = "group"
        template = "blocks/group_activity_block.html"
        label = _("Group activity")
        preview_value = {
            "title": _("Map the services in your commune"), "duration_minutes": 30,
            "instructions": _("<p>In groups of five, list the services a migrant can reach.</p>"),
            "facilitator_notes": _("<p>Give each group a different commune.</p>"),
        }
        description = _("An exercise in groups, with notes only facilitators see")


class ModuleStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_FEATURES, template="blocks/paragraph_block.html",
        icon="pilcrow",
    )
    figure = FigureBlock()
    video = VideoBlock()
    download = DownloadBlock()
    key_message = KeyMessageBlock()
    case_study = CaseStudyBlock()
    group_activity = GroupActivityBlock()
