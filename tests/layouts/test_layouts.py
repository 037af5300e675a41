"""The layout registry: each kind one module; the vocabulary and the checks read its tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from nhth_cli.checks.frame import Source, prepare
from nhth_cli.layouts import LAYOUTS, THRESHOLD, best_layout, quantities, scores, table_spec
from nhth_cli.parse import parse_document
from nhth_cli.records import Cell
from nhth_cli.tables import TABLES
from tests.conftest import SAMPLES, seed_path
from tests.web_forms import NATIONAL, TEXAS


def test_every_layout_is_one_record_with_its_tables() -> None:
    kinds = [layout.kind for layout in LAYOUTS]
    assert kinds == ["hotline_report", "state_profile", "web_statistics", "web_state_table"]
    for layout in LAYOUTS:
        ids = [t.id for t in layout.tables]
        assert len(ids) == len(set(ids)), layout.kind
        assert all(t.reports == (layout.kind,) for t in layout.tables)
        names = {q.name for q in layout.quantities}
        for t in layout.tables:
            assert t.base is None or t.base in names, t.id
            if t.sums_to is not None:
                assert table_spec(layout.kind, t.sums_to[0]) is not None, t.id
        for q in layout.quantities:
            assert all(table_spec(layout.kind, t) is not None for t, _ in q.places)


def test_the_vocabulary_is_the_union_of_the_layouts_tables() -> None:
    assert tuple(t for layout in LAYOUTS for t in layout.tables) == TABLES


def _documents() -> list[tuple[Path, str | None]]:
    return [
        (SAMPLES / "connecticut-2016-hotline.txt", "hotline_report"),
        (SAMPLES / "us-virgin-islands-2016-hotline.txt", "hotline_report"),
        (SAMPLES / "us-virgin-islands-2012-2016-profile.txt", "state_profile"),
        (TEXAS["text"], "web_statistics"),
        (NATIONAL["text"], "web_state_table"),
        (SAMPLES / "README-not-a-report.txt", None),
    ]


@pytest.mark.parametrize(("path", "kind"), _documents(), ids=lambda v: getattr(v, "name", v))
def test_the_best_score_picks_the_layout(path: Path, kind: str | None) -> None:
    text = path.read_text(encoding="utf-8")
    found = scores(text)
    assert all(0.0 <= s <= 1.0 for s, _ in found)
    layout = best_layout(text)
    assert (layout.kind if layout else None) == kind
    if kind is not None:  # the others stay clearly below the winner
        others = [s for s, lay in found if lay.kind != kind]
        assert max(others) < THRESHOLD


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_news_articles_score_below_the_threshold(prefix: str) -> None:
    text = seed_path(prefix).read_text(encoding="utf-8-sig")
    assert best_layout(text) is None
    with pytest.raises(Exception, match="not"):
        parse_document(text, "news")


def test_the_checks_take_table_facts_from_the_registry() -> None:
    def cell(table: str, category: str, count: int, pct: float | None = None) -> Cell:
        return Cell(table, category, count, pct, False, 1, None)

    hotline = prepare(
        Source("s", "Connecticut", 2016, "hotline_report"),
        [cell("summary", "Cases", 50), cell("victim_demographics_sex", "Adults", 10, 20.0)],
    )
    assert hotline.groups["victim_demographics_sex"].role == "share"
    assert hotline.groups["victim_demographics_sex"].base == 50
    web = prepare(
        Source("s", "Texas", 2023, "web_statistics"),
        [cell("summary", "Signals", 3), cell("ways_found", "Other", 3)],
    )
    assert web.groups["ways_found"].sums_to == ("summary", "Signals")
    assert web.groups["summary"].role == "plain"
    table = prepare(
        Source("s", "United States", 2024, "web_state_table"), [cell("summary", "x", 1)]
    )
    assert table.groups["summary"].implied_total
    assert [q.name for q in quantities("hotline_report")] == ["cases", "substantive calls"]
    assert quantities("web_statistics") == ()
