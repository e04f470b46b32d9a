"""The bar charts' geometry: pure functions, no database."""

import pytest

from learnings.overview.chart import (
    axis_ticks,
    bar_chart,
    horizontal_bar_chart,
    nice_step,
    wrap_label,
)


@pytest.mark.parametrize(
    ("maximum", "axis_max", "ticks"),
    [
        (0, 1, [0, 1]),
        (1, 1, [0, 1]),
        (3, 3, [0, 1, 2, 3]),
        (5, 5, [0, 1, 2, 3, 4, 5]),
        (7, 8, [0, 2, 4, 6, 8]),
        (10, 10, [0, 2, 4, 6, 8, 10]),
        (23, 25, [0, 5, 10, 15, 20, 25]),
        (100, 100, [0, 20, 40, 60, 80, 100]),
        (101, 150, [0, 50, 100, 150]),
    ],
)
def test_axis_ticks_are_round_numbers_from_zero_up_to_the_maximum(maximum, axis_max, ticks):
    assert axis_ticks(maximum) == (axis_max, ticks)
    assert nice_step(maximum) == ticks[1]


def test_zero_data_draws_flat_bars_on_an_axis_from_0_to_1():
    chart = bar_chart([("jan. 2026", 0), ("feb. 2026", 0)], title="Tom")
    assert chart.is_empty
    assert chart.total == 0
    assert chart.axis_max == 1
    assert [tick.value for tick in chart.ticks] == [0, 1]
    for bar in chart.bars:
        assert bar.height == 0
        assert bar.y == chart.plot_bottom


def test_no_series_at_all_gives_no_bars():
    chart = bar_chart([], title="Ingen")
    assert chart.bars == ()
    assert chart.is_empty
    assert horizontal_bar_chart([], title="Ingen").bars == ()


def test_one_month_fills_the_plot_and_is_centred():
    chart = bar_chart([("jan. 2026", 4)], title="Én måned")
    (bar,) = chart.bars
    assert bar.height == chart.plot_height
    assert bar.y == chart.plot_top
    assert bar.x + bar.width / 2 == pytest.approx(chart.plot_left + chart.plot_width / 2)
    assert bar.label_x == pytest.approx(chart.plot_left + chart.plot_width / 2)


def test_bars_scale_to_the_axis_maximum_and_stay_inside_the_plot():
    series = [(f"m{index}", value) for index, value in enumerate([0, 3, 7, 12, 5])]
    chart = bar_chart(series, title="Skala")
    assert chart.axis_max == 15
    heights = {bar.label: bar.height for bar in chart.bars}
    assert heights["m3"] == pytest.approx(chart.plot_height * 12 / 15, abs=0.01)
    assert heights["m1"] == pytest.approx(chart.plot_height * 3 / 15, abs=0.01)
    previous_right = chart.plot_left
    for bar in chart.bars:
        assert bar.x >= previous_right
        assert bar.x + bar.width <= chart.plot_right
        assert bar.y + bar.height == pytest.approx(chart.plot_bottom, abs=0.01)
        assert bar.y >= chart.plot_top
        assert bar.value_y < bar.y
        previous_right = bar.x + bar.width
    assert chart.ticks[0].position == chart.plot_bottom
    assert chart.ticks[-1].position == chart.plot_top


def test_labels_and_values_are_kept_and_month_labels_break_onto_two_lines():
    months = [(f"sept. {2020 + index}", index) for index in range(12)]
    chart = bar_chart(months, title="Måneder")
    assert [bar.label for bar in chart.bars] == [label for label, _value in months]
    assert [bar.value for bar in chart.bars] == list(range(12))
    assert chart.bars[0].label_lines == ("sept.", "2020")
    wide = bar_chart([("jan. 2026", 1)], title="Bred")
    assert wide.bars[0].label_lines == ("jan. 2026",)


def test_negative_values_are_drawn_as_zero():
    (bar,) = bar_chart([("x", -3)], title="Negativ").bars
    assert bar.value == 0
    assert bar.height == 0


def test_wrap_label():
    assert wrap_label("samarbejde med jobkonsulenter", max_chars=12) == (
        "samarbejde",
        "med",
        "jobkonsulenter",
    )
    assert wrap_label("jan. 2026", max_chars=20) == ("jan. 2026",)
    assert wrap_label("", max_chars=5) == ("",)


def test_horizontal_chart_grows_with_the_rows_and_writes_labels_in_full():
    series = [("samarbejde med jobkonsulenter", 9), ("sygedagpenge", 3), ("dokumentation", 0)]
    chart = horizontal_bar_chart(series, title="Temaer", row_height=40)
    assert chart.horizontal
    assert chart.plot_height == 120
    assert chart.height >= chart.plot_bottom + chart.font_size
    first, second, third = chart.bars
    assert first.label_lines == ("samarbejde med jobkonsulenter",)
    assert chart.axis_max == 10
    assert first.width == pytest.approx(chart.plot_width * 9 / 10, abs=0.01)
    assert second.width == pytest.approx(chart.plot_width * 3 / 10, abs=0.01)
    assert third.width == 0
    assert first.x == second.x == chart.plot_left
    assert first.y < second.y < third.y
    assert first.label_y < first.y
    assert first.value_x > first.x + first.width
    assert chart.ticks[0].position == chart.plot_left
    assert chart.ticks[-1].position == pytest.approx(chart.plot_right)
    assert chart.view_box == f"0 0 {chart.width} {chart.height}"
