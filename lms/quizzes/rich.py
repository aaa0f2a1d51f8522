"""Question text as its author wrote it: plain text, HTML (Moodle's editor) or Markdown.

HTML, whether written or made from Markdown, goes through nh3's allow-list (the maintained
Rust `ammonia` sanitiser): formatting survives, scripts, styles, event handlers and foreign
embeds do not. Nothing reaches a page raw.
"""

import re

import markdown
import nh3

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TAGS = {"a", "b", "blockquote", "br", "code", "em", "h3", "h4", "h5", "h6", "hr", "i", "li",
        "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th",
        "thead", "tr", "u", "ul"}
ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"},
              "th": {"colspan", "rowspan"}}
SINGLE_PARAGRAPH = re.compile(r"^\s*<p>(.*?)</p>\s*$", re.DOTALL)


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def render(text: str, text_format: str, *, inline: bool = False) -> SafeString:
    """`text` as safe HTML. `inline` (answer labels) drops a lone wrapping paragraph."""
    if text_format == "html":
        html = sanitize(text)
    elif text_format == "markdown":
        html = sanitize(markdown.markdown(text))
    else:
        html = escape(text.replace("\r\n", "\n")).replace("\n", "<br>")
    if inline:
        lone = SINGLE_PARAGRAPH.match(html)
        if lone and "<p>" not in lone.group(1):
            html = lone.group(1)
    return mark_safe(html)  # escaped or sanitised above
