import pytest
from django.core.exceptions import ValidationError

from products import content as doc


def test_cells_are_split_on_bars_with_an_escape_and_optional_outer_bars():
    assert doc.split_cells("a | b | c") == ["a", "b", "c"]
    assert doc.split_cells("| a | b |") == ["a", "b"]
    assert doc.split_cells(r"a \| b | c") == ["a | b", "c"]
    assert doc.split_cells(doc.join_cells(["x | y", "z"])) == ["x | y", "z"]


def test_rows_must_have_as_many_cells_as_there_are_columns():
    assert doc.parse_rows("a | b\n\nc | d\n", 2) == [["a", "b"], ["c", "d"]]
    with pytest.raises(ValidationError) as error:
        doc.parse_rows("a | b\nc | d | e", 2)
    assert "Linje 2 har 3 celler, men tabellen har 2 kolonner" in error.value.messages[0]


def test_columns_are_required_for_a_table():
    assert doc.parse_columns("Anvendes til | Mål") == ["Anvendes til", "Mål"]
    with pytest.raises(ValidationError, match="kolonneoverskrifter"):
        doc.parse_columns("  ")
    with pytest.raises(ValidationError):
        doc.parse_columns("a | | c")


def test_tools_round_trip():
    tools = doc.parse_tools("DOK-114 | Plan for optrapning\nVejledning uden nummer\n")
    assert tools == [
        {"number": "DOK-114", "title": "Plan for optrapning"},
        {"number": "", "title": "Vejledning uden nummer"},
    ]
    assert doc.parse_tools(doc.tools_text(tools)) == tools
    with pytest.raises(ValidationError, match="Linje 1"):
        doc.parse_tools("a | b | c")


def test_references_take_a_kind_a_title_and_an_optional_link():
    references = doc.parse_references(
        "Lovguide | Tilbud om virksomhedspraktik\n"
        "skrivelser | Styrelsens side | https://example.dk/side\n"
        "Principafgørelse | Ingen relevante"
    )
    assert references == [
        {"kind": "law_guide", "title": "Tilbud om virksomhedspraktik", "url": ""},
        {"kind": "letter", "title": "Styrelsens side", "url": "https://example.dk/side"},
        {"kind": "principle_decision", "title": "Ingen relevante", "url": ""},
    ]
    assert doc.parse_references(doc.references_text(references)) == references
    with pytest.raises(ValidationError, match="typen skal være en af"):
        doc.parse_references("Roman | Noget")
    with pytest.raises(ValidationError, match="https://"):
        doc.parse_references("Andet | Farligt | javascript:alert(1)")


def test_referral_fields_are_labels_with_guidance_lines_under_them():
    fields = doc.parse_fields(
        "Dato\n\nSkånehensyn\n- Fx nedsat tid?\n* Pauser?\n\nFormål\n- Hvad skal praktikken vise?"
    )
    assert fields == [
        {"label": "Dato", "guidance": []},
        {"label": "Skånehensyn", "guidance": ["Fx nedsat tid?", "Pauser?"]},
        {"label": "Formål", "guidance": ["Hvad skal praktikken vise?"]},
    ]
    assert doc.parse_fields(doc.fields_text(fields)) == fields
    with pytest.raises(ValidationError, match="Linje 1"):
        doc.parse_fields("- et spørgsmål uden felt")


def test_normalise_pads_table_rows_and_drops_unknown_parts():
    document = doc.normalise(
        "guideline",
        {
            "sections": [{"title": "T", "kind": "table", "columns": ["a", "b"], "rows": [["1"]]}],
            "fields": [{"label": "Ikke i en handlingsanvisning"}],
            "references": [{"kind": "ukendt", "title": "X"}],
        },
    )
    assert document["sections"][0]["rows"] == [["1", ""]]
    assert "fields" not in document
    assert document["references"] == [{"kind": "other", "title": "X", "url": ""}]
