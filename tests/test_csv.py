"""The one CSV writer: numbers stay numbers, formula-leading text is inert, and every published CSV uses it."""
from __future__ import annotations

import csv
import io

import pytest

from build_scripts.render import csvwrite
from build_scripts.render.data import csv_table


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("value, written", [(-1.7, "-1.7"), (70, "70"), (70.0, "70"), (0.35, "0.35"), (-3, "-3"), (1e-7, "1e-07")])
def test_numbers_are_written_as_numbers_even_when_negative(value: float, written: str) -> None:
    assert _cells(csvwrite.write(["v"], [[value]]))[1] == [written]


@pytest.mark.parametrize("text", [
    "=HYPERLINK(\"https://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
    "   =1+1", "  -1+1", " @x", "\u00a0=1", "-1.7%", "- dashes lead this line",
])
def test_text_a_spreadsheet_would_run_is_guarded(text: str) -> None:
    assert _cells(csvwrite.write(["v"], [[text]]))[1] == ["'" + text]


@pytest.mark.parametrize("text", ["Reuters", "70%", "2025-05", "-1.7", "0", "a = b", "email@example.org", ""])
def test_harmless_text_is_written_as_it_is(text: str) -> None:
    assert _cells(csvwrite.write(["v"], [[text]]))[1] == [text]


def test_a_list_is_joined_and_guarded_as_one_cell() -> None:
    assert _cells(csvwrite.write(["v"], [[["=evil()", "b"]]]))[1] == ["'=evil(); b"]
    assert _cells(csvwrite.write(["v"], [[["a", "=b"]]]))[1] == ["a; =b"]


def test_infinite_numbers_are_refused_rather_than_written_as_text() -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        csvwrite.write(["v"], [[float("inf")]])


def test_data_export_keeps_a_negative_value_a_number_and_guards_a_hostile_publisher() -> None:
    facts = csv_table("facts", [{"id": "x", "kind": "statistic", "statistic": {"metric": "m", "value": -1.7, "unit": "percent", "qualifier": "exactly", "subject": "s"}, "citations": []}])
    row = dict(zip(*_cells(facts), strict=True))
    assert row["value"] == "-1.7"
    sources = csv_table("sources", [{"id": "s", "publisher": "=HYPERLINK(\"https://evil.example\")", "snapshot": {"file": "s.txt", "sha256": "0" * 64}}])
    assert dict(zip(*_cells(sources), strict=True))["publisher"].startswith("'=")


def test_chart_csv_goes_through_the_same_writer() -> None:
    from build_scripts.charts.base import Chart

    chart = Chart("c", "t", "d", "cap", ["Source", "Value"], [["=evil()", "-1.7%"]], ["f"], {}, {}, csv_columns=["Source", "Number"], csv_rows=[["=evil()", -1.7]])
    assert _cells(chart.csv())[1] == ["'=evil()", "-1.7"]
    plain = Chart("c", "t", "d", "cap", ["Source", "Value"], [["@x", 3]], ["f"], {}, {})
    assert _cells(plain.csv())[1] == ["'@x", "3"]
