"""Lay out a pseudonymised genogram as a simple diagram. Pure: no I/O.

Generations come from "parent" relations (forælder til, mor til, far til); everyone else
shares the generation of the person they are related to. Each generation is a row.

The drawing is capped at core.limits.LINES relations (the form's limit; a genogram stored
before the limit, or imported, may hold more): the layout's work grows with the relations
times the people, and the page says what was left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core import limits

PARENT_WORDS = (
    "forælder til",
    "mor til",
    "far til",
    "forældre til",
    "plejemor til",
    "plejefar til",
    "parent of",
)
BOX_WIDTH, BOX_HEIGHT, GAP_X, GAP_Y, MARGIN = 120, 40, 40, 70, 20


@dataclass(frozen=True)
class Node:
    name: str
    x: int
    y: int


@dataclass(frozen=True)
class Edge:
    a: Node
    b: Node
    label: str
    parental: bool

    @property
    def label_x(self) -> int:
        return (self.a.x + self.b.x) // 2

    @property
    def label_y(self) -> int:
        return (self.a.y + self.b.y) // 2 - 4


@dataclass(frozen=True)
class Layout:
    nodes: list[Node]
    edges: list[Edge]
    width: int
    height: int
    # The relations drawn and listed, and how many beyond the cap were left out.
    relations: list[dict] = field(default_factory=list)
    left_out: int = 0

    @property
    def box_width(self) -> int:
        return BOX_WIDTH

    @property
    def box_height(self) -> int:
        return BOX_HEIGHT


def is_parental(relation: str) -> bool:
    relation = relation.lower()
    return any(word in relation for word in PARENT_WORDS)


def layout(relations: list[dict]) -> Layout | None:
    left_out = max(len(relations) - limits.LINES, 0)
    relations = relations[: limits.LINES]
    names: list[str] = []
    for item in relations:
        for name in (item.get("a"), item.get("b")):
            if name and name not in names:
                names.append(name)
    if not names:
        return None
    level = dict.fromkeys(names, 0)
    # A chain of n people settles in at most n rounds; more means a cycle, which we ignore.
    for _round in range(len(names)):
        changed = False
        for item in relations:
            a, b = item.get("a"), item.get("b")
            if not (a and b):
                continue
            wanted = level[a] + 1 if is_parental(item.get("relation", "")) else level[a]
            if level[b] < wanted:
                level[b] = wanted
                changed = True
        if not changed:
            break
    rows: dict[int, list[str]] = {}
    for name in names:
        rows.setdefault(level[name], []).append(name)
    widest = max(len(row) for row in rows.values())
    width = MARGIN * 2 + widest * BOX_WIDTH + (widest - 1) * GAP_X
    nodes: dict[str, Node] = {}
    for depth, row in sorted(rows.items()):
        row_width = len(row) * BOX_WIDTH + (len(row) - 1) * GAP_X
        start = (width - row_width) // 2
        for index, name in enumerate(row):
            nodes[name] = Node(
                name,
                start + index * (BOX_WIDTH + GAP_X) + BOX_WIDTH // 2,
                MARGIN + depth * (BOX_HEIGHT + GAP_Y) + BOX_HEIGHT // 2,
            )
    edges = [
        Edge(nodes[item["a"]], nodes[item["b"]], item["relation"], is_parental(item["relation"]))
        for item in relations
        if item.get("a") and item.get("b")
    ]
    height = MARGIN * 2 + len(rows) * BOX_HEIGHT + (len(rows) - 1) * GAP_Y
    return Layout(list(nodes.values()), edges, width, height, relations, left_out)
