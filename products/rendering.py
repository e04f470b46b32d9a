"""From a product's document to safe HTML, for the page and the PDF alike.

User text is Markdown. It is rendered with `markdown` and then sanitised with nh3 down to a
small set of tags: raw HTML typed into the Markdown (a <script>, an <img onerror>, a
javascript: link) never reaches a page or a PDF. Nothing here is marked safe unsanitised.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import markdown
import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from products.content import REFERENCE_KINDS

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "blockquote",
    "code",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Headings inside a product's text sit under the section's own heading (h2).
_HEADING = re.compile(r"<(/?)h([1-6])>")


def _demote(match: re.Match) -> str:
    level = 3 if int(match[2]) <= 3 else 4
    return f"<{match[1]}h{level}>"


def sanitise(html: str) -> SafeString:
    """Keep only the allowed tags and attributes; scripts and styles lose their content too."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # nh3 has just sanitised it


def markdown_html(text: str) -> SafeString:
    """Markdown as sanitised HTML. A line break in the text is a line break on the page."""
    if not text or not text.strip():
        return mark_safe("")
    html = markdown.markdown(text, extensions=["sane_lists", "nl2br"], output_format="html")
    return sanitise(_HEADING.sub(_demote, html))


_LIST_ITEM = re.compile(r"<li>")
_BLOCK_END = re.compile(r"</(?:p|h3|h4|li|blockquote|ul|ol)>|<br\s*/?>")


def markdown_text(text: str) -> str:
    """What a reader sees of the Markdown, as plain lines: for the diff and the search, so
    neither shows markup, nor anything the sanitiser removed."""
    rendered = _LIST_ITEM.sub("\n- ", str(markdown_html(text)))
    rendered = _BLOCK_END.sub("\n", rendered)
    lines = (" ".join(line.split()) for line in html.unescape(strip_tags(rendered)).split("\n"))
    return "\n".join(line for line in lines if line)


def safe_url(url: str) -> str:
    """The URL if it is an http(s) link, else nothing: never a javascript: or data: link."""
    return url if re.match(r"^https?://[^\s]+$", url or "", re.IGNORECASE) else ""


@dataclass
class RenderedSection:
    title: str
    kind: str
    html: SafeString = field(default_factory=lambda: mark_safe(""))
    columns: list[str] = field(default_factory=list)
    rows: list[list[SafeString]] = field(default_factory=list)


@dataclass
class RenderedDocument:
    kind: str
    to: str = ""
    purpose: SafeString = field(default_factory=lambda: mark_safe(""))
    legal_basis: SafeString = field(default_factory=lambda: mark_safe(""))
    sections: list[RenderedSection] = field(default_factory=list)
    tools: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    fields: list[dict] = field(default_factory=list)


def _cell(text: str) -> SafeString:
    return markdown_html(text) if text else mark_safe("")


def render_document(kind: str, content: dict) -> RenderedDocument:
    document = RenderedDocument(
        kind=kind,
        to=content.get("to", ""),
        purpose=markdown_html(content.get("purpose", "")),
        legal_basis=markdown_html(content.get("legal_basis", "")),
        tools=list(content.get("tools", [])),
        fields=list(content.get("fields", [])),
    )
    for section in content.get("sections", []):
        if section["kind"] == "table":
            document.sections.append(
                RenderedSection(
                    title=section["title"],
                    kind="table",
                    columns=section["columns"],
                    rows=[[_cell(cell) for cell in row] for row in section["rows"]],
                )
            )
        else:
            document.sections.append(
                RenderedSection(
                    title=section["title"], kind="text", html=markdown_html(section["text"])
                )
            )
    groups: dict[str, dict] = {}
    for reference in content.get("references", []):
        group = groups.setdefault(
            reference["kind"], {"label": REFERENCE_KINDS[reference["kind"]], "items": []}
        )
        group["items"].append({"title": reference["title"], "url": safe_url(reference["url"])})
    document.references = [groups[kind] for kind in REFERENCE_KINDS if kind in groups]
    return document


def join_cells_text(cells: list[str]) -> str:
    return " | ".join(markdown_text(cell).replace("\n", " ") for cell in cells)


def section_lines(section: dict) -> list[str]:
    """A section as the lines the diff compares: a table as its column line and one line per
    row, text as its lines."""
    if section["kind"] == "table":
        return [
            _("Kolonner: %(columns)s") % {"columns": " | ".join(section["columns"])},
            *(join_cells_text(row) for row in section["rows"]),
        ]
    return markdown_text(section["text"]).splitlines()


def document_text(title: str, content: dict) -> str:
    """Everything a reader sees in the document, as one string, for the search."""
    lines = [title, content.get("to", "")]
    lines += [markdown_text(content.get(part, "")) for part in ("purpose", "legal_basis")]
    for section in content.get("sections", []):
        lines.extend([section["title"], *section_lines(section)])
    for tool in content.get("tools", []):
        lines.append(f"{tool['number']} {tool['title']}")
    for reference in content.get("references", []):
        lines.append(reference["title"])
    for item in content.get("fields", []):
        lines.extend([item["label"], *item["guidance"]])
    return "\n".join(line for line in lines if line)
