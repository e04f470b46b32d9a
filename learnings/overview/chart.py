"""Bar charts drawn on the server as SVG: pure geometry, no I/O and no JavaScript.

The functions here only compute where things go in a fixed coordinate system (the SVG viewBox);
the template draws the rectangles and texts. Every chart is also shown as a table, so the
numbers never depend on seeing the picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Average glyph width relative to the font size, for a sans-serif face. Used only to decide
# where to break an axis label; a little too wide is better than overlapping labels.
CHAR_WIDTH = 0.6


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    # Where the value is written: just above (vertical) or after (horizontal) the bar.
    value_x: float
    value_y: float
    # Where the label is written, and the label broken into lines that fit under the bar.
    label_x: float
    label_y: float
    label_lines: tuple[str, ...]


@dataclass(frozen=True)
class Tick:
    value: int
    # The tick's position on the value axis: y for a vertical chart, x for a horizontal one.
    position: float


@dataclass(frozen=True)
class BarChart:
    title: str
    horizontal: bool
    width: int
    height: int
    # The plotting area inside the margins.
    plot_left: float
    plot_top: float
    plot_width: float
    plot_height: float
    axis_max: int
    ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    font_size: int

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)

    @property
    def is_empty(self) -> bool:
        return self.total == 0

    @property
    def plot_right(self) -> float:
        return self.plot_left + self.plot_width

    @property
    def plot_bottom(self) -> float:
        return self.plot_top + self.plot_height

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def tick_label_x(self) -> float:
        """Where tick labels are written: left of the plot (vertical), at the tick
        (horizontal, where the template uses each tick's position instead)."""
        return self.plot_left - 6

    @property
    def tick_label_y(self) -> float:
        """Below the plot, for a horizontal chart's value axis."""
        return self.plot_bottom + self.font_size + 4


def nice_step(maximum: int, *, target_ticks: int = 5) -> int:
    """A step of 1, 2 or 5 times a power of ten giving at most about `target_ticks` steps."""
    if maximum <= 0:
        return 1
    raw = maximum / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        if step >= raw:
            return max(1, int(step))
    return int(10 * magnitude)  # pragma: no cover (the loop always returns)


def axis_ticks(maximum: int, *, target_ticks: int = 5) -> tuple[int, list[int]]:
    """The axis' top (a whole number of steps, at least 1) and the tick values from zero."""
    step = nice_step(maximum, target_ticks=target_ticks)
    axis_max = max(step, math.ceil(max(maximum, 0) / step) * step)
    return axis_max, list(range(0, axis_max + 1, step))


def wrap_label(label: str, *, max_chars: int) -> tuple[str, ...]:
    """Break a label at spaces into lines of at most `max_chars` (a long word stays whole)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def _round(value: float) -> float:
    return round(value, 2)


def bar_chart(
    series: list[tuple[str, int]],
    *,
    title: str,
    width: int = 720,
    height: int = 280,
    font_size: int = 12,
) -> BarChart:
    """Vertical bars, one per (label, value), left to right; labels under the bars."""
    left, right, top = 44.0, 12.0, 24.0
    bottom = font_size * 2 * 1.25 + 14
    plot_width = width - left - right
    plot_height = height - top - bottom
    axis_max, tick_values = axis_ticks(max((value for _label, value in series), default=0))
    slot = plot_width / len(series) if series else plot_width
    bar_width = slot * 0.7
    max_chars = max(1, int(slot / (font_size * CHAR_WIDTH)))
    bars = []
    for index, (label, value) in enumerate(series):
        value = max(0, int(value))
        bar_height = plot_height * value / axis_max
        x = left + index * slot + (slot - bar_width) / 2
        y = top + plot_height - bar_height
        centre = left + index * slot + slot / 2
        bars.append(
            Bar(
                label=label,
                value=value,
                x=_round(x),
                y=_round(y),
                width=_round(bar_width),
                height=_round(bar_height),
                value_x=_round(centre),
                value_y=_round(y - 4),
                label_x=_round(centre),
                label_y=_round(top + plot_height + font_size + 4),
                label_lines=wrap_label(label, max_chars=max_chars),
            )
        )
    ticks = tuple(
        Tick(value=value, position=_round(top + plot_height - plot_height * value / axis_max))
        for value in tick_values
    )
    return BarChart(
        title=title,
        horizontal=False,
        width=width,
        height=height,
        plot_left=left,
        plot_top=top,
        plot_width=plot_width,
        plot_height=plot_height,
        axis_max=axis_max,
        ticks=ticks,
        bars=tuple(bars),
        font_size=font_size,
    )


def horizontal_bar_chart(
    series: list[tuple[str, int]],
    *,
    title: str,
    width: int = 720,
    row_height: int = 44,
    font_size: int = 13,
) -> BarChart:
    """Horizontal bars, one per (label, value), top to bottom; each label above its bar, so
    long names (a team's themes) are written in full."""
    left, right, top = 8.0, 48.0, 8.0
    bottom = font_size + 14.0
    plot_width = width - left - right
    plot_height = row_height * len(series)
    height = math.ceil(top + plot_height + bottom)
    axis_max, tick_values = axis_ticks(max((value for _label, value in series), default=0))
    bar_thickness = row_height * 0.4
    bars = []
    for index, (label, value) in enumerate(series):
        value = max(0, int(value))
        row_top = top + index * row_height
        bar_width = plot_width * value / axis_max
        y = row_top + font_size + 6
        bars.append(
            Bar(
                label=label,
                value=value,
                x=_round(left),
                y=_round(y),
                width=_round(bar_width),
                height=_round(bar_thickness),
                value_x=_round(left + bar_width + 6),
                value_y=_round(y + bar_thickness / 2 + font_size * 0.35),
                label_x=_round(left + 4),
                label_y=_round(row_top + font_size + 2),
                label_lines=(label,),
            )
        )
    ticks = tuple(
        Tick(value=value, position=_round(left + plot_width * value / axis_max))
        for value in tick_values
    )
    return BarChart(
        title=title,
        horizontal=True,
        width=width,
        height=height,
        plot_left=left,
        plot_top=top,
        plot_width=plot_width,
        plot_height=plot_height,
        axis_max=axis_max,
        ticks=ticks,
        bars=tuple(bars),
        font_size=font_size,
    )
