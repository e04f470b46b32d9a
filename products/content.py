"""The content of a product: one structured JSON document per draft and per published version.

    {
      "to": "plain text",                       # work procedures: "Til"
      "purpose": "Markdown",                    # "Formål"
      "legal_basis": "Markdown",                # guidelines: "Lovgrundlag"
      "sections": [                             # guidelines and work procedures
        {"title": "...", "kind": "text", "text": "Markdown"},
        {"title": "...", "kind": "table", "columns": ["..."], "rows": [["...", "..."]]},
      ],
      "tools": [{"number": "...", "title": "..."}],                  # guidelines
      "references": [{"kind": "law_guide", "title": "...", "url": ""}],  # guidelines
      "fields": [{"label": "...", "guidance": ["..."]}],             # referral form templates
    }

Tables, tools, references and referral fields are edited as plain text, one item a line with
cells separated by "|" (see the parse_* functions), so the editor works without JavaScript.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from products.models import ProductKind

PARTS = {
    ProductKind.GUIDELINE: ("purpose", "legal_basis", "sections", "tools", "references"),
    ProductKind.REFERRAL_FORM: ("purpose", "fields"),
    ProductKind.WORK_PROCEDURE: ("to", "purpose", "sections"),
}
TEXT_PARTS = ("to", "purpose", "legal_basis")

REFERENCE_KINDS = {
    "letter": gettext_lazy("Skrivelse"),
    "law_guide": gettext_lazy("Lovguide"),
    "guidance": gettext_lazy("Vejledning"),
    "principle_decision": gettext_lazy("Principafgørelse"),
    "other": gettext_lazy("Andet"),
}
# Danish words accepted for each kind of reference, besides the (translated) label.
_REFERENCE_ALIASES = {
    "letter": ("skrivelse", "skrivelser", "link", "links"),
    "law_guide": ("lovguide", "lovguides", "lov"),
    "guidance": ("vejledning", "vejledninger"),
    "principle_decision": ("principafgørelse", "principafgørelser", "afgørelse"),
    "other": ("andet", "andre"),
}

_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
_GUIDANCE_BULLET = re.compile(r"^[-*\u2022]\s+")
_url = URLValidator(schemes=["http", "https"])


def _text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _line(value: Any) -> str:
    return " ".join(_text(value).split())


def _section(value: Any) -> dict | None:
    if not isinstance(value, dict):
        return None
    title = _line(value.get("title"))
    if value.get("kind") == "table":
        columns = [_line(column) for column in value.get("columns") or []]
        rows = [
            [_line(cell) for cell in row]
            for row in value.get("rows") or []
            if isinstance(row, list | tuple)
        ]
        width = len(columns)
        rows = [(row + [""] * width)[:width] for row in rows]
        return {"title": title, "kind": "table", "columns": columns, "rows": rows}
    return {"title": title, "kind": "text", "text": _text(value.get("text"))}


def normalise(kind: str, content: Any) -> dict:
    """The document for the kind, with exactly its parts, every value of the right type."""
    content = content if isinstance(content, dict) else {}
    document: dict[str, Any] = {}
    for part in PARTS[ProductKind(kind)]:
        value = content.get(part)
        if part == "to":
            document[part] = _line(value)
        elif part in TEXT_PARTS:
            document[part] = _text(value)
        elif part == "sections":
            sections = [_section(item) for item in value or []]
            document[part] = [section for section in sections if section is not None]
        elif part == "tools":
            document[part] = [
                {"number": _line(item.get("number")), "title": _line(item.get("title"))}
                for item in value or []
                if isinstance(item, dict)
            ]
        elif part == "references":
            document[part] = [
                {
                    "kind": item.get("kind") if item.get("kind") in REFERENCE_KINDS else "other",
                    "title": _line(item.get("title")),
                    "url": _line(item.get("url")),
                }
                for item in value or []
                if isinstance(item, dict)
            ]
        elif part == "fields":
            document[part] = [
                {
                    "label": _line(item.get("label")),
                    "guidance": [_line(line) for line in item.get("guidance") or [] if line],
                }
                for item in value or []
                if isinstance(item, dict)
            ]
    return document


# The line formats of the editor.


def split_cells(line: str) -> list[str]:
    """ "a | b | c" as ["a", "b", "c"]; "\\|" is a literal bar; outer bars are optional."""
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SEPARATOR.split(stripped)]


def join_cells(cells: list[str]) -> str:
    return " | ".join(cell.replace("|", "\\|") for cell in cells)


def _lines(text: str) -> list[tuple[int, str]]:
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]


def parse_columns(text: str) -> list[str]:
    columns = split_cells(text) if text.strip() else []
    if not columns or not all(columns):
        raise ValidationError(
            _("Skriv tabellens kolonneoverskrifter adskilt af |, fx »Anvendelse | Mål«.")
        )
    return columns


def parse_rows(text: str, width: int) -> list[list[str]]:
    """One row a line, cells separated by "|", exactly `width` cells in every row."""
    rows = []
    errors = []
    for number, line in _lines(text):
        cells = split_cells(line)
        if len(cells) != width:
            errors.append(
                ValidationError(
                    _(
                        "Linje %(number)s har %(cells)s celler, men tabellen har %(width)s "
                        "kolonner. Adskil cellerne med |, og skriv \\| for en lodret streg i "
                        "teksten."
                    ),
                    params={"number": number, "cells": len(cells), "width": width},
                )
            )
        rows.append(cells)
    if errors:
        raise ValidationError(errors)
    return rows


def rows_text(rows: list[list[str]]) -> str:
    return "\n".join(join_cells(row) for row in rows)


def parse_tools(text: str) -> list[dict]:
    """ "Dokumentnummer | titel", one a line; a line without "|" is a title alone."""
    tools = []
    for number, line in _lines(text):
        cells = split_cells(line)
        if len(cells) == 1:
            cells = ["", cells[0]]
        if len(cells) != 2 or not cells[1]:
            raise ValidationError(
                _(
                    "Linje %(number)s: skriv »dokumentnummer | titel«, "
                    "fx »DOK-114 | Plan for optrapning af arbejdstid«."
                ),
                params={"number": number},
            )
        tools.append({"number": cells[0], "title": cells[1]})
    return tools


def tools_text(tools: list[dict]) -> str:
    return "\n".join(
        join_cells([tool["number"], tool["title"]]) if tool["number"] else tool["title"]
        for tool in tools
    )


def _reference_kind(word: str) -> str | None:
    wanted = word.strip().casefold()
    for key, label in REFERENCE_KINDS.items():
        if wanted in {key, str(label).casefold(), *_REFERENCE_ALIASES[key]}:
            return key
    return None


def parse_references(text: str) -> list[dict]:
    """ "Type | titel | link", one a line; the link is optional."""
    references = []
    kinds = ", ".join(str(label).lower() for label in REFERENCE_KINDS.values())
    for number, line in _lines(text):
        cells = split_cells(line)
        if len(cells) not in (2, 3) or not cells[1]:
            raise ValidationError(
                _(
                    "Linje %(number)s: skriv »type | titel | link«, hvor linket er valgfrit, "
                    "fx »Lovguide | Tilbud om virksomhedspraktik«."
                ),
                params={"number": number},
            )
        kind = _reference_kind(cells[0])
        if kind is None:
            raise ValidationError(
                _("Linje %(number)s: typen skal være en af: %(kinds)s."),
                params={"number": number, "kinds": kinds},
            )
        url = cells[2] if len(cells) == 3 else ""
        if url:
            try:
                _url(url)
            except ValidationError:
                raise ValidationError(
                    _("Linje %(number)s: linket skal begynde med https:// eller http://."),
                    params={"number": number},
                ) from None
        references.append({"kind": kind, "title": cells[1], "url": url})
    return references


def references_text(references: list[dict]) -> str:
    return "\n".join(
        join_cells(
            [str(REFERENCE_KINDS[item["kind"]]), item["title"]]
            + ([item["url"]] if item["url"] else [])
        )
        for item in references
    )


def parse_fields(text: str) -> list[dict]:
    """A line is a field's label; the lines under it starting with "- " are its guidance."""
    fields: list[dict] = []
    for number, line in _lines(text):
        bullet = _GUIDANCE_BULLET.match(line)
        if bullet is None:
            fields.append({"label": line, "guidance": []})
        elif not fields:
            raise ValidationError(
                _("Linje %(number)s: skriv feltets navn på linjen før dets vejledende spørgsmål."),
                params={"number": number},
            )
        else:
            fields[-1]["guidance"].append(line[bullet.end() :].strip())
    return fields


def fields_text(fields: list[dict]) -> str:
    return "\n\n".join(
        "\n".join([field["label"], *(f"- {question}" for question in field["guidance"])])
        for field in fields
    )


def part_count(value: Any) -> int:
    """How many pieces a document lays out: every non-empty line of text and every table cell.
    Laying out costs by the piece more than by the character (a table of one-letter cells is
    slow), so core.limits.PRODUCT_PARTS bounds these too."""
    if isinstance(value, str):
        return sum(1 for line in value.splitlines() if line.strip())
    if isinstance(value, dict):
        return sum(part_count(item) for item in value.values())
    if isinstance(value, list | tuple):
        return sum(part_count(item) for item in value)
    return 0


def text_size(value: Any) -> int:
    """How many characters of text a document holds, in all its parts."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(text_size(item) for item in value.values())
    if isinstance(value, list | tuple):
        return sum(text_size(item) for item in value)
    return 0
