"""What a layout declares: its kind, its tables, how it recognises a document and parses it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..records import ParsedReport


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One table of a layout, and the facts the checks need about it."""

    id: str
    heading: str
    reports: tuple[str, ...]
    cumulative: bool
    description: str
    labels: tuple[str, ...] = ()  # known row labels, used to rejoin labels that wrap
    # The quantity (Layout.quantities) whose total the table's percents are shares of when the
    # table prints no Total of its own; a non-cumulative table with a base is a share table.
    base: str | None = None
    # (table, category) of the summary figure this table's rows break down (sum_to_summary).
    sums_to: tuple[str, str] | None = None
    # Percents are shares of a total the document does not print (share_consistent).
    implied_total: bool = False
    # The layout always prints this table's Total row (complete_table).
    printed_total: bool = False
    # The layout always prints every one of `labels`, withheld or not (complete_table).
    fixed_rows: bool = False
    # The only top-level rows of a nested table (besides Total); every other row sits under one
    # of them (complete_table).
    parents: tuple[str, ...] = ()
    # Of those, the ones the layout always breaks down (Sex into its venues).
    broken_down: tuple[str, ...] = ()
    # (category, table): the layout prints this row of this table whenever the report has that
    # other table (the substantive calls sentence whenever there is a caller type table).
    printed_with: tuple[tuple[str, str], ...] = ()
    # The layout prints this table in every report (complete_table): the state profile's
    # venue sections, which say "all ... reported fewer than three times" when they have none.
    always_printed: bool = False
    # (label, parent): the group each of these labels is printed under (the state profile's
    # Citizenship, Gender and Age): one read under another is in the wrong cell.
    parent_of: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A total a report prints in several places: (table, category), most trusted first."""

    name: str
    places: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """A kind of document: recognise(text) scores how much the text looks like it (0 to 1);
    parse(text, file_stem) reads it (raising NotAReportError when it cannot)."""

    kind: str
    description: str
    tables: tuple[TableSpec, ...]
    recognise: Callable[[str], float]
    parse: Callable[[str, str], ParsedReport]
    quantities: tuple[Quantity, ...] = ()
    # Each row names its own jurisdiction (the national table): one report of the whole
    # country, whatever jurisdictions its rows name.
    national: bool = False
