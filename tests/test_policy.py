"""The editorial policy: which figures disagree, and that a passage quoted twice has one origin."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from build_scripts.policy import Figure, disagree
from build_scripts.validate import validate

MINI = Path(__file__).parent / "fixtures" / "mini"


def fig(value: float, qualifier: str, origin: str = "b", period: str | None = None, subject: str = "china") -> Figure:
    return Figure(f"{origin}-{value}", origin, subject, period, value, qualifier)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (fig(61, "exactly", "a"), fig(60, "more-than"), False),  # 61 is more than 60
        (fig(61, "exactly", "a"), fig(70, "about"), True),  # about 70 reaches down to 66.5
        (fig(60, "more-than", "a"), fig(70, "about"), False),
        (fig(66.67, "more-than", "a"), fig(70, "about"), False),
        (fig(60, "exactly", "a"), fig(60, "more-than"), True),  # 'more than 60' excludes 60 itself
        (fig(60, "exactly", "a"), fig(60, "at-least"), False),
        (fig(145, "up-to", "a"), fig(100, "exactly"), False),
        (fig(83.7, "exactly", "a", "2024"), fig(70, "exactly", "b", "2020/2023"), False),  # different periods
        (fig(83.7, "exactly", "a"), fig(70, "exactly", "b", "2020/2023"), True),  # no period: may be any
        (fig(61, "exactly", "a"), fig(70, "exactly", "a"), False),  # one origin cannot disagree with itself
        (fig(61, "exactly", "a", subject="x"), fig(70, "exactly", subject="y"), False),
    ],
)
def test_figures_disagree_only_when_their_words_cannot_both_hold(a: Figure, b: Figure, expected: bool) -> None:
    assert disagree(a, b) is expected
    assert disagree(b, a) is expected


def test_one_passage_credited_two_ways_is_reported_on_both_facts(tmp_path: Path) -> None:
    root = tmp_path / "facts"
    shutil.copytree(MINI, root)
    fact = (root / "facts" / "ministry-licences-2025-04-04.yaml").read_text(encoding="utf-8")
    twin = fact.replace("id: ministry-licences-2025-04-04", "id: ministry-licences-twin").replace(
        "    locator: paragraph 3\n", "    locator: paragraph 3\n    attributed_to:\n      - name: The ministry\n        entity: widget-ministry\n"
    )
    (root / "facts" / "ministry-licences-twin.yaml").write_text(twin, encoding="utf-8")
    _, diags = validate(root, dt.date(2026, 11, 24))
    conflicts = {d.path for d in diags if d.rule == "attribution-conflict"}
    assert conflicts == {"facts/facts/ministry-licences-2025-04-04.yaml", "facts/facts/ministry-licences-twin.yaml"}


def test_a_figure_another_origin_confirms_is_corroborated_and_one_it_contradicts_is_not() -> None:
    from build_scripts.policy import corroborated

    blog, iea, ft = fig(90, "more-than", "blog"), fig(92, "exactly", "iea", "2023"), fig(80, "exactly", "ft")
    assert corroborated([blog, iea, ft]) == {blog.fact, iea.fact}


def test_figures_confirm_each_other_across_periods_that_meet_but_not_across_ones_that_do_not() -> None:
    from build_scripts.policy import corroborated

    blog = fig(145, "up-to", "blog", "2025", subject="us")
    guancha = fig(145, "exactly", "guancha", "2025-04/2025-05", subject="us")
    later = fig(145, "exactly", "other", "2026", subject="us")
    assert corroborated([blog, guancha]) == {blog.fact, guancha.fact}
    assert corroborated([guancha, later]) == set()
