from products.content import normalise
from products.diff import (
    ADDED,
    CHANGED,
    DELETED,
    NEW,
    REMOVED,
    SKIPPED,
    UNCHANGED,
    diff_documents,
    diff_lines,
)
from products.models import ProductKind

OLD = normalise(
    ProductKind.WORK_PROCEDURE,
    {
        "to": "Team Syd",
        "purpose": "Fælles praksis for møderne.",
        "sections": [
            {"title": "Tid og sted", "kind": "text", "text": "Torsdag kl. 12.45 i lokale 3."},
            {"title": "Forberedelse", "kind": "text", "text": "Dagsorden dagen før."},
            {"title": "Styring", "kind": "text", "text": "Koordinatoren styrer."},
        ],
    },
)


def _by_label(diff):
    return {part.label: part for part in diff.parts}


def test_unchanged_documents_have_no_changes():
    diff = diff_documents(old_title="A", old=OLD, new_title="A", new=OLD)
    assert not diff.has_changes
    assert diff.unchanged_labels[0] == "Titel"


def test_changed_added_and_removed_sections_are_marked_line_by_line():
    new = normalise(
        ProductKind.WORK_PROCEDURE,
        {
            **OLD,
            "sections": [
                {"title": "Tid og sted", "kind": "text", "text": "Torsdag kl. 13.00 i lokale 5."},
                {"title": "Styring", "kind": "text", "text": "Koordinatoren styrer."},
                {"title": "Roller", "kind": "text", "text": "Observatøren giver feedback."},
            ],
        },
    )
    diff = diff_documents(old_title="A", old=OLD, new_title="A", new=new)
    parts = _by_label(diff)
    time = parts["Afsnit: Tid og sted"]
    assert time.status == CHANGED
    assert [(line.kind, line.text) for line in time.lines if line.kind != "same"] == [
        (REMOVED, "Torsdag kl. 12.45 i lokale 3."),
        (ADDED, "Torsdag kl. 13.00 i lokale 5."),
    ]
    assert parts["Afsnit: Forberedelse"].status == DELETED
    assert parts["Afsnit: Forberedelse"].lines[-1].text == "Dagsorden dagen før."
    assert parts["Afsnit: Roller"].status == NEW
    assert parts["Afsnit: Styring"].status == UNCHANGED
    assert parts["Til"].status == UNCHANGED
    assert [part.label for part in diff.changed_parts] == [
        "Afsnit: Tid og sted",
        "Afsnit: Forberedelse",
        "Afsnit: Roller",
    ]


def test_a_renamed_section_in_place_shows_the_heading_change():
    new = {**OLD, "sections": [{**OLD["sections"][0], "title": "Tid, sted og deltagere"}]}
    new["sections"] += OLD["sections"][1:]
    diff = diff_documents(old_title="A", old=OLD, new_title="A", new=new)
    part = _by_label(diff)["Afsnit: Tid, sted og deltagere"]
    assert part.status == CHANGED
    assert (REMOVED, "Overskrift: Tid og sted") in [(line.kind, line.text) for line in part.lines]


def test_tables_are_compared_row_by_row_and_markdown_as_text():
    old = normalise(
        ProductKind.GUIDELINE,
        {
            "purpose": "Et **fælles** grundlag.",
            "sections": [
                {
                    "title": "Anvendelse",
                    "kind": "table",
                    "columns": ["Til", "Mål"],
                    "rows": [["Afklaring", "Arbejdsevne"], ["Optræning", "Timer"]],
                }
            ],
        },
    )
    new = normalise(
        ProductKind.GUIDELINE,
        {
            **old,
            "purpose": "Et **fælles** grundlag.<script>alert(1)</script>",
            "sections": [
                {
                    **old["sections"][0],
                    "rows": [["Afklaring", "Arbejdsevnen"], ["Optræning", "Timer"]],
                }
            ],
        },
    )
    diff = diff_documents(old_title="A", old=old, new_title="A", new=new)
    parts = _by_label(diff)
    assert parts["Formål"].status == UNCHANGED  # the script is not part of what readers see
    changed = [(line.kind, line.text) for line in parts["Afsnit: Anvendelse"].lines]
    assert (REMOVED, "Afklaring | Arbejdsevne") in changed
    assert (ADDED, "Afklaring | Arbejdsevnen") in changed


def test_long_unchanged_runs_are_left_out_with_a_count():
    old = tuple(f"linje {number}" for number in range(20))
    new = (*old[:10], "ny linje", *old[10:])
    lines = diff_lines(old, new)
    assert lines[0].kind == SKIPPED and lines[0].count == 10 - 2
    assert [line.text for line in lines if line.kind == ADDED] == ["ny linje"]
    assert lines[-1].kind == SKIPPED


def test_the_changed_words_of_a_changed_line_are_marked():
    lines = diff_lines(
        ("Psykologen deltager sidste torsdag i ulige uger.",),
        ("Psykologen deltager hver torsdag.",),
    )
    removed, added = lines
    assert (removed.kind, added.kind) == (REMOVED, ADDED)
    marked = "".join(text for changed, text in removed.segments if changed)
    assert "sidste" in marked and "ulige" in marked and "Psykologen" not in marked
    assert "".join(text for _changed, text in added.segments) == added.text
    assert (True, "hver torsdag.") in added.segments
    assert (False, "Psykologen deltager ") in added.segments
