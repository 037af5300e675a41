"""layouts/base: what each registered layout declares of its tables holds together, and holds
for the reports the layouts read."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from nhth_cli.layouts import (
    BY_KIND,
    LAYOUTS,
    Layout,
    Quantity,
    TableSpec,
    is_national,
    quantities,
    table_spec,
    tables_of,
)
from nhth_cli.normalize.labels import clean_label
from nhth_cli.parse import parse_document
from nhth_cli.records import Cell
from tests.conftest import SAMPLES
from tests.web_forms import TEXAS

_IDS = [layout.kind for layout in LAYOUTS]


@pytest.fixture(params=LAYOUTS, ids=_IDS)
def layout(request: pytest.FixtureRequest) -> Layout:
    found: Layout = request.param
    return found


def test_kinds_are_unique_and_looked_up_by_kind() -> None:
    assert len(set(_IDS)) == len(_IDS)
    assert list(BY_KIND) == _IDS
    assert all(BY_KIND[layout.kind] is layout for layout in LAYOUTS)
    assert tables_of("no_such_kind") == () and quantities("no_such_kind") == ()
    assert table_spec("no_such_kind", "summary") is None
    assert not is_national("no_such_kind")


def test_every_layout_says_what_it_is(layout: Layout) -> None:
    assert layout.kind.isidentifier() and layout.kind == layout.kind.lower()
    assert layout.description.strip() and layout.tables
    assert callable(layout.recognise) and callable(layout.parse)
    assert tables_of(layout.kind) == layout.tables
    assert quantities(layout.kind) == layout.quantities
    assert is_national(layout.kind) == layout.national
    assert [t.id for t in layout.tables if table_spec(layout.kind, t.id) is t] == [
        t.id for t in layout.tables
    ]


def test_table_ids_and_headings_are_unique_and_snake_case(layout: Layout) -> None:
    ids = [t.id for t in layout.tables]
    assert len(ids) == len(set(ids))
    assert all(i.isidentifier() and i == i.lower() for i in ids)
    headings = [t.heading for t in layout.tables]
    assert all(h.strip() for h in headings) and len(headings) == len(set(headings))
    assert all(t.description.strip() for t in layout.tables)
    assert all(t.reports == (layout.kind,) for t in layout.tables)


def test_labels_are_unique_and_as_the_rows_print_them(layout: Layout) -> None:
    for t in layout.tables:
        assert len(t.labels) == len(set(t.labels)), t.id
        assert all(clean_label(label) == label for label in t.labels), t.id
        assert "Total" not in t.labels, t.id  # the printed total is no known label


def test_bases_and_quantities_name_what_the_layout_has(layout: Layout) -> None:
    names = [q.name for q in layout.quantities]
    assert len(names) == len(set(names))
    for t in layout.tables:
        assert t.base is None or t.base in names, t.id
    for q in layout.quantities:
        assert len(q.places) >= 2, q.name  # a quantity is printed in several places
        assert len(set(q.places)) == len(q.places), q.name
        for table, category in q.places:
            spec = table_spec(layout.kind, table)
            assert spec is not None, (q.name, table)
            assert category == "Total" or not spec.labels or category in spec.labels
            if category == "Total":
                assert spec.printed_total, (q.name, table)


def test_sums_to_points_at_a_summary_table_of_the_same_layout(layout: Layout) -> None:
    for t in layout.tables:
        if t.sums_to is None:
            continue
        table, category = t.sums_to
        target = table_spec(layout.kind, table)
        assert target is not None and target is not t, t.id
        assert target.sums_to is None, t.id  # no chains
        assert category and (not target.labels or category in target.labels), t.id
        assert not t.cumulative and not t.printed_total, t.id  # a breakdown, not a total


def test_nesting_is_declared_within_the_tables_labels(layout: Layout) -> None:
    for t in layout.tables:
        assert set(t.parents) <= set(t.labels), t.id
        assert set(t.broken_down) <= set(t.parents), t.id
        if t.fixed_rows:
            assert t.labels, t.id
        if t.printed_total:
            assert t.cumulative, t.id
        for category, other in t.printed_with:
            assert table_spec(layout.kind, other) is not None, (t.id, other)
            assert category, t.id


def test_implied_totals_only_in_national_layouts() -> None:
    for layout in LAYOUTS:
        implied = [t.id for t in layout.tables if t.implied_total]
        assert bool(implied) == layout.national, layout.kind
    assert [layout.kind for layout in LAYOUTS if layout.national] == ["web_state_table"]


def test_the_declarations_are_frozen() -> None:
    spec = LAYOUTS[0].tables[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.id = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        LAYOUTS[0].kind = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Quantity("q", ()).name = "r"  # type: ignore[misc]
    assert TableSpec("t", "T", ("k",), False, "d") == TableSpec("t", "T", ("k",), False, "d")


# What the declarations promise, against the reports the layouts read.
_REPORTS = [
    SAMPLES / "connecticut-2016-hotline.txt",
    SAMPLES / "us-virgin-islands-2016-hotline.txt",
    SAMPLES / "us-virgin-islands-2012-2016-profile.txt",
    TEXAS["text"],
]


def _cells(path: Path) -> tuple[str, list[Cell]]:
    report = parse_document(path.read_text(encoding="utf-8"), path.stem)
    return report.report, list(report.cells)


@pytest.mark.parametrize("path", _REPORTS, ids=lambda p: p.name)
def test_each_reports_rows_are_in_their_declared_tables(path: Path) -> None:
    kind, cells = _cells(path)
    for cell in cells:
        spec = table_spec(kind, cell.table)
        assert spec is not None, cell.table
        if spec.labels and not cell.is_total:
            assert cell.category in spec.labels, (cell.table, cell.category)
        if cell.parent is not None and spec.parents:
            assert cell.parent in spec.parents, (cell.table, cell.parent)
        if cell.is_total:
            assert spec.printed_total and cell.category == "Total", cell.table
        if spec.printed_total:  # a table that always prints its Total prints it
            assert any(c.is_total for c in cells if c.table == cell.table), cell.table
        if spec.parents and not cell.is_total and cell.parent is None:
            assert cell.category in spec.parents, (cell.table, cell.category)


def test_connecticut_prints_the_fixed_rows_the_breakdowns_and_printed_with() -> None:
    kind, cells = _cells(SAMPLES / "connecticut-2016-hotline.txt")
    by_table: dict[str, list[Cell]] = {}
    for cell in cells:
        by_table.setdefault(cell.table, []).append(cell)
    for spec in tables_of(kind):
        if spec.fixed_rows:  # every label, in the declared order
            assert [c.category for c in by_table[spec.id]] == list(spec.labels), spec.id
        for parent in spec.broken_down:
            assert any(c.parent == parent for c in by_table[spec.id]), (spec.id, parent)
        for category, other in spec.printed_with:
            if other in by_table:
                assert any(c.category == category for c in by_table[spec.id]), category
    for q in quantities(kind):  # every place a quantity is printed gives the same figure
        figures = {
            c.count
            for table, category in q.places
            for c in by_table.get(table, [])
            if c.category == category
        }
        assert len(figures) == 1, (q.name, figures)
