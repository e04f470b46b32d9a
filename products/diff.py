"""What changed between two versions of a product, part by part and line by line.

The documents are compared as the text a reader sees (Markdown rendered and sanitised, then
as plain lines; tables as "a | b" rows), so the diff reads like the document and never shows
markup or anything the sanitiser removed. Sections and referral fields are matched by their
title; a section that was renamed in place shows its old and new heading.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from products.rendering import markdown_text, section_lines

CONTEXT = 2

SAME, ADDED, REMOVED, SKIPPED = "same", "added", "removed", "skipped"
UNCHANGED, CHANGED, NEW, DELETED = "unchanged", "changed", "added", "removed"


@dataclass
class DiffLine:
    kind: str
    text: str = ""
    count: int = 0  # for SKIPPED: how many unchanged lines are left out
    # For a line changed into another: (changed, text) pieces, the changed words marked.
    segments: list[tuple[bool, str]] = field(default_factory=list)


_WORDS = re.compile(r"\S+|\s+")


def _word_segments(old: str, new: str) -> tuple[list, list]:
    """The two versions of a changed line with the words that differ marked."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    old_segments: list[tuple[bool, str]] = []
    new_segments: list[tuple[bool, str]] = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        changed = tag != "equal"
        if a1 < a2:
            old_segments.append((changed, "".join(a[a1:a2])))
        if b1 < b2:
            new_segments.append((changed, "".join(b[b1:b2])))
    return _coalesce(old_segments), _coalesce(new_segments)


def _coalesce(segments: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    """Join runs of changed words, including the spaces between them."""
    marked = [
        (
            True
            if not changed
            and not text.strip()
            and 0 < index < len(segments) - 1
            and segments[index - 1][0]
            and segments[index + 1][0]
            else changed,
            text,
        )
        for index, (changed, text) in enumerate(segments)
    ]
    joined: list[tuple[bool, str]] = []
    for changed, text in marked:
        if joined and joined[-1][0] == changed:
            joined[-1] = (changed, joined[-1][1] + text)
        else:
            joined.append((changed, text))
    return joined


def _changed_lines(old: tuple[str, ...], new: tuple[str, ...]) -> list[DiffLine]:
    removed = [DiffLine(REMOVED, text) for text in old]
    added = [DiffLine(ADDED, text) for text in new]
    for before, after in zip(removed, added, strict=False):
        ratio = difflib.SequenceMatcher(a=before.text, b=after.text, autojunk=False).ratio()
        if ratio >= 0.5:
            before.segments, after.segments = _word_segments(before.text, after.text)
    return removed + added


@dataclass
class PartDiff:
    label: str
    status: str
    lines: list[DiffLine] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(1 for line in self.lines if line.kind == ADDED)

    @property
    def removed(self) -> int:
        return sum(1 for line in self.lines if line.kind == REMOVED)


@dataclass(frozen=True)
class _Part:
    key: tuple
    label: str
    lines: tuple[str, ...]


def _parts(title: str, content: dict) -> list[_Part]:
    parts = [_Part(("title",), _("Titel"), (title,))]
    if "to" in content:
        parts.append(_Part(("to",), _("Til"), (content["to"],) if content["to"] else ()))
    if "purpose" in content:
        parts.append(
            _Part(("purpose",), _("Formål"), tuple(markdown_text(content["purpose"]).splitlines()))
        )
    if "legal_basis" in content:
        parts.append(
            _Part(
                ("legal_basis",),
                _("Lovgrundlag"),
                tuple(markdown_text(content["legal_basis"]).splitlines()),
            )
        )
    seen: dict[str, int] = {}
    for section in content.get("sections", []):
        occurrence = seen[section["title"]] = seen.get(section["title"], 0) + 1
        parts.append(
            _Part(
                ("section", section["title"], occurrence),
                _("Afsnit: %(title)s") % {"title": section["title"]},
                (
                    _("Overskrift: %(title)s") % {"title": section["title"]},
                    *section_lines(section),
                ),
            )
        )
    if "tools" in content:
        parts.append(
            _Part(
                ("tools",),
                _("Arbejdsredskaber"),
                tuple(" | ".join([tool["number"], tool["title"]]) for tool in content["tools"]),
            )
        )
    if "references" in content:
        parts.append(
            _Part(
                ("references",),
                _("Relevant materiale"),
                tuple(
                    " | ".join([item["title"], item["url"]] if item["url"] else [item["title"]])
                    for item in content["references"]
                ),
            )
        )
    seen = {}
    for item in content.get("fields", []):
        occurrence = seen[item["label"]] = seen.get(item["label"], 0) + 1
        parts.append(
            _Part(
                ("field", item["label"], occurrence),
                _("Felt: %(label)s") % {"label": item["label"]},
                (
                    _("Felt: %(label)s") % {"label": item["label"]},
                    *(f"- {question}" for question in item["guidance"]),
                ),
            )
        )
    return parts


def diff_lines(old: tuple[str, ...], new: tuple[str, ...]) -> list[DiffLine]:
    """The new text with removed and added lines marked; long unchanged runs left out."""
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (tag, a1, a2, b1, b2) in enumerate(opcodes):
        if tag == "equal":
            same = list(new[b1:b2])
            head = same[:CONTEXT] if index > 0 else []
            tail = same[-CONTEXT:] if index < len(opcodes) - 1 else []
            if len(same) <= len(head) + len(tail) + 1:
                lines.extend(DiffLine(SAME, text) for text in same)
                continue
            lines.extend(DiffLine(SAME, text) for text in head)
            lines.append(DiffLine(SKIPPED, count=len(same) - len(head) - len(tail)))
            lines.extend(DiffLine(SAME, text) for text in tail)
            continue
        lines.extend(_changed_lines(old[a1:a2], new[b1:b2]))
    return lines


def _compare(old: _Part, new: _Part, label: str) -> PartDiff:
    if old.lines == new.lines:
        return PartDiff(label, UNCHANGED)
    return PartDiff(label, CHANGED, diff_lines(old.lines, new.lines))


@dataclass
class DocumentDiff:
    parts: list[PartDiff]

    @property
    def changed_parts(self) -> list[PartDiff]:
        return [part for part in self.parts if part.status != UNCHANGED]

    @property
    def unchanged_labels(self) -> list[str]:
        return [part.label for part in self.parts if part.status == UNCHANGED]

    @property
    def has_changes(self) -> bool:
        return bool(self.changed_parts)


def diff_documents(*, old_title: str, old: dict, new_title: str, new: dict) -> DocumentDiff:
    """Every part of the newer document (and the removed ones where they stood) with its
    changes."""
    old_parts, new_parts = _parts(old_title, old), _parts(new_title, new)
    matcher = difflib.SequenceMatcher(
        a=[part.key for part in old_parts], b=[part.key for part in new_parts], autojunk=False
    )
    result: list[PartDiff] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for old_part, new_part in zip(old_parts[a1:a2], new_parts[b1:b2], strict=True):
                result.append(_compare(old_part, new_part, new_part.label))
            continue
        if tag == "replace" and a2 - a1 == b2 - b1:
            # Renamed in place: compare them, the heading line shows the new name.
            for old_part, new_part in zip(old_parts[a1:a2], new_parts[b1:b2], strict=True):
                result.append(_compare(old_part, new_part, new_part.label))
            continue
        for part in old_parts[a1:a2]:
            result.append(
                PartDiff(part.label, DELETED, [DiffLine(REMOVED, text) for text in part.lines])
            )
        for part in new_parts[b1:b2]:
            result.append(
                PartDiff(part.label, NEW, [DiffLine(ADDED, text) for text in part.lines])
            )
    return DocumentDiff(result)
