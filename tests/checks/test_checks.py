"""The validation checks (SPEC.md, Validation): real reports pass, each mutation fails one check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest

from nhth_cli.pipeline import convert, validate
from nhth_cli.read import read_rows
from tests.conftest import loads_module
from tests.helpers_checks import (
    SAMPLES,
    SEEDS,
    connecticut_text,
    convert_texts,
    failing,
    replace_once,
    row,
    rows_table,
    set_cell,
    status_of,
    with_value,
)

ARITHMETIC = {"total_sum", "pct_sum", "pct_matches_count", "children_sum", "cross_table_total"}


@pytest.fixture(params=["seed", "sample"])
def ct_form(request: pytest.FixtureRequest) -> str:
    """The Connecticut text, in each form present (tab-separated seed, layout sample)."""
    return connecticut_text(request.param)


# -- real reports ---------------------------------------------------------------------------


def test_seeds_validate_clean() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    report = validate(convert(SEEDS))
    assert report.valid and report.exit_code == 0
    assert [f for f in report.findings if f.status != "pass"] == []
    ran = {(f.check, f.table) for f in report.findings if f.jurisdiction == "Connecticut"}
    for table in ("caller_type", "how_caller_found_hotline", "primary_reason", "venue_industry"):
        for check in ("total_sum", "pct_sum", "pct_matches_count", "cross_table_total"):
            assert (check, table) in ran
    assert ("children_sum", "venue_industry") in ran
    for table in ("victim_demographics_labor", "victim_demographics_sex"):
        assert {("pct_matches_count", table), ("count_within_total", table)} <= ran
        assert ("total_sum", table) not in ran and ("pct_sum", table) not in ran


def test_connecticut_form_validates_clean(ct_form: str) -> None:
    report = validate(convert_texts({"ct.txt": ct_form}))
    assert failing(report) == set()
    checks = {f.check for f in report.findings}
    assert checks >= ARITHMETIC | {"suppressed_bounds", "count_within_total", "unread_numbers"}
    assert {f.status for f in report.findings} == {"pass"}


def test_state_profile_gets_only_bounds_checks() -> None:
    text = SAMPLES / "us-virgin-islands-2012-2016-profile.txt"
    if not text.is_file():
        pytest.skip("the state profile sample is not present")
    report = validate(convert_texts({"vi.txt": text.read_text(encoding="utf-8")}))
    by_table = {(f.check, f.table) for f in report.findings if f.table is not None}
    assert {check for check, _ in by_table} == {"suppressed_bounds"}
    assert report.valid


def test_findings_name_where_and_what(ct_form: str) -> None:
    report = validate(convert_texts({"ct.txt": ct_form}))
    for f in report.findings:
        assert (f.source, f.jurisdiction, f.year) == ("ct.txt", "Connecticut", 2016)
        assert f.message
    row_checks = [
        f for f in report.findings if f.check not in ("duplicate_report", "unread_numbers")
    ]
    assert all(f.table for f in row_checks)


# -- one mutation per check -----------------------------------------------------------------

Mutation = Callable[[str], str]

MUTATIONS: dict[str, tuple[Mutation, set[tuple[str, str]]]] = {
    # A count and its percent changed together (9 = 4.5% of 199): only the sum is off.
    "total_sum": (
        lambda t: set_cell(t, "CALLER TYPE", "Student", count="9", pct="4.5%"),
        {("total_sum", "caller_type")},
    ),
    # Percents that add up to 110: that row's percent cannot match its count either.
    "pct_sum": (
        lambda t: set_cell(t, "HOW CALLER FOUND", "Unknown", pct="87.9%"),
        {
            ("pct_sum", "how_caller_found_hotline"),
            ("pct_matches_count", "how_caller_found_hotline"),
        },
    ),
    "pct_matches_count": (
        lambda t: set_cell(t, "CALLER TYPE", "Student", pct="4.1%"),
        {("pct_matches_count", "caller_type")},
    ),
    "pct_matches_count_nested": (
        lambda t: set_cell(t, "VENUE/INDUSTRY", "Hotel/Motel-Based", pct="11.2%"),
        {("pct_matches_count", "venue_industry")},
    ),
    "pct_matches_count_demographics": (
        lambda t: set_cell(t, "(LABOR TRAFFICKING CASES)", "Adults", pct="15.8%"),
        {("pct_matches_count", "victim_demographics_labor")},
    ),
    # 7 = 13.0% of 54 is a consistent row, but Sex's venues now add up to 44, not 43.
    "children_sum": (
        lambda t: set_cell(t, "VENUE/INDUSTRY", "Hotel/Motel-Based", count="7", pct="13.0%"),
        {("children_sum", "venue_industry")},
    ),
    "count_within_total": (
        lambda t: set_cell(t, "(SEX TRAFFICKING CASES)", "Females", count="60", pct="111.1%"),
        {("count_within_total", "victim_demographics_sex")},
    ),
    "cross_table_total_cases": (
        lambda t: replace_once(t, r"a total of 54 unique", "a total of 55 unique"),
        {("cross_table_total", "summary")},
    ),
    "cross_table_total_calls": (
        lambda t: replace_once(t, r"(Received from Connecticut: \**)199", r"\g<1>198"),
        {("cross_table_total", "summary")},
    ),
    # The venue table's Total disagrees with the two other case totals and its own rows.
    "cross_table_total_table": (
        lambda t: set_cell(t, "VENUE/INDUSTRY", "TOTAL", count="55"),
        {("cross_table_total", "venue_industry"), ("total_sum", "venue_industry")}
        | {("pct_matches_count", "venue_industry")},
    ),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutation_fails_its_check(ct_form: str, name: str) -> None:
    mutate, expected = MUTATIONS[name]
    mutated = mutate(ct_form)
    assert mutated != ct_form
    report = validate(convert_texts({"ct.txt": mutated}))
    assert failing(report) == expected
    assert report.exit_code == 1 and not report.valid


def test_total_sum_failure_says_expected_and_actual(ct_form: str) -> None:
    mutated = MUTATIONS["total_sum"][0](ct_form)
    report = validate(convert_texts({"ct.txt": mutated}))
    (f,) = [f for f in report.findings if f.status == "fail"]
    assert (f.check, f.table, f.expected, f.actual) == ("total_sum", "caller_type", 199, 200)
    assert "199" in f.message and "200" in f.message


def test_pct_failure_names_the_category_and_line(ct_form: str) -> None:
    mutated = MUTATIONS["pct_matches_count"][0](ct_form)
    report = validate(convert_texts({"ct.txt": mutated}))
    (f,) = [f for f in report.findings if f.status == "fail"]
    assert "'Student'" in f.message
    assert f.actual == 4.1 and f.expected == round(800 / 199, 2)
    assert f.line is not None and "Student" in mutated.split("\n")[f.line - 1]


def test_cross_table_blames_the_odd_one_out(ct_form: str) -> None:
    mutated = MUTATIONS["cross_table_total_cases"][0](ct_form)
    report = validate(convert_texts({"ct.txt": mutated}))
    cross = {
        f.table: f
        for f in report.findings
        if f.check == "cross_table_total" and "cases" in f.message
    }
    assert {t: f.status for t, f in cross.items()} == {
        "summary": "fail", "primary_reason": "pass", "venue_industry": "pass"
    }  # fmt: skip
    assert (cross["summary"].expected, cross["summary"].actual) == (54, 55)


def test_suppressed_bounds_fails_on_bad_bounds(ct_form: str) -> None:
    table = convert_texts({"ct.txt": ct_form}).to_arrow()
    bad = with_value(table, "victim_demographics_labor", "Minors", "count_max", 3)
    report = validate(bad)
    assert failing(report) == {("suppressed_bounds", "victim_demographics_labor")}
    (f,) = [f for f in report.findings if f.status == "fail"]
    assert "'Minors'" in f.message and f.actual == "0..3"


def test_suppressed_bounds_fails_on_count_without_flag(ct_form: str) -> None:
    table = convert_texts({"ct.txt": ct_form}).to_arrow()
    report = validate(with_value(table, "caller_type", "Student", "count", None))
    assert failing(report) == {("suppressed_bounds", "caller_type")}


def test_suppressed_bounds_fails_on_suppressed_row_with_count(ct_form: str) -> None:
    table = convert_texts({"ct.txt": ct_form}).to_arrow()
    report = validate(with_value(table, "victim_demographics_sex", "Males", "count", 1))
    assert failing(report) == {("suppressed_bounds", "victim_demographics_sex")}


def test_duplicate_report_warns_on_identical_copies(ct_form: str) -> None:
    report = validate(convert_texts({"a/ct.txt": ct_form, "b/ct.txt": ct_form}))
    dup = [f for f in report.findings if f.check == "duplicate_report"]
    assert [(f.status, f.source, f.expected) for f in dup] == [("warn", "b/ct.txt", "a/ct.txt")]
    assert failing(report) == set() and report.valid


def test_duplicate_report_fails_on_different_copies(ct_form: str) -> None:
    other = replace_once(ct_form, r"\b24 Emails", "25 Emails")  # signals are in no sum
    report = validate(convert_texts({"a/ct.txt": ct_form, "b/ct.txt": other}))
    assert failing(report) == {("duplicate_report", None)}
    (f,) = [f for f in report.findings if f.status == "fail"]
    assert "Emails" in f.message and "24" in f.message and "25" in f.message


def test_duplicate_report_across_forms_is_a_warning() -> None:
    seed, sample = connecticut_text("seed"), connecticut_text("sample")
    report = validate(convert_texts({"ct.txt": seed, "ct-layout.txt": sample}))
    assert [f.status for f in report.findings if f.check == "duplicate_report"] == ["warn"]
    assert report.valid


def test_a_row_no_table_reads_fails_unread_numbers_with_its_line(ct_form: str) -> None:
    text = replace_once(
        ct_form,
        r"HUMAN TRAFFICKING CASE DATA\n",
        "HUMAN TRAFFICKING CASE DATA\n\nWebchat Contacts 12 6.0%\n",
    )
    report = validate(convert_texts({"ct.txt": text}))
    failed = [f for f in report.findings if f.status == "fail"]
    assert [(f.check, f.actual) for f in failed] == [
        ("unread_numbers", "12"),
        ("unread_numbers", "6.0%"),
    ]
    for f in failed:
        assert f.line is not None
        assert text.split("\n")[f.line - 1] == "Webchat Contacts 12 6.0%"
        assert f"line {f.line}" in f.message
    assert not report.valid and report.exit_code == 1  # a number in no row fails the report


# -- rounding edges -------------------------------------------------------------------------


def _two_rows(count: int, base: int, pct: float) -> Any:
    """A cumulative table: `count` printed as `pct`, the rest exactly, and the Total."""
    rest = base - count
    return rows_table(
        [
            row("caller_type", "A", count, pct),
            row("caller_type", "B", rest, round(100 * rest / base, 1)),
            row("caller_type", "Total", base, 100.0),
        ]
    )


@pytest.mark.parametrize(
    ("count", "base", "pct", "ok"),
    [
        (1, 400, 0.2, True),  # 0.25 printed 0.2: off by exactly 0.05
        (1, 400, 0.3, True),
        (1, 400, 0.1, False),
        (3, 16, 18.7, True),  # 18.75
        (3, 16, 18.8, True),
        (3, 16, 18.6, False),
        (3, 16, 18.9, False),
        (3, 17, 17.6, True),  # 17.647
        (3, 17, 17.7, False),  # off by 0.053
        (1, 399, 0.3, True),  # 0.2506
        (1, 399, 0.2, False),  # off by 0.0506
        (7, 2000, 0.4, True),  # 0.35: in floats 0.4 is more than 0.35 + 0.05 (the slack)
        (41, 2000, 2.1, True),  # 2.05, the same
        (49, 2000, 2.4, True),  # 2.45: 2.4 is less than 2.45 - 0.05 in floats
    ],
)
def test_pct_matches_count_rounding_edge(count: int, base: int, pct: float, ok: bool) -> None:
    report = validate(_two_rows(count, base, pct))
    assert status_of(report, "pct_matches_count", "caller_type") == {"pass" if ok else "fail"}
    failed = [f for f in report.findings if f.status == "fail" and f.check == "pct_matches_count"]
    assert [f.message.split(":")[0] for f in failed] == ([] if ok else ["'A'"])  # not row B


@pytest.mark.parametrize(
    ("pcts", "ok"),
    [
        ((49.9, 50.0), True),  # |99.9 - 100| = 0.1 = 0.05 × 2
        ((50.0, 50.1), True),
        ((49.8, 50.0), False),
        ((33.3, 33.3, 33.3), True),  # 99.9
        ((33.4, 33.4, 33.35), False),  # two decimals printed: the tolerance is 0.005 a row
        ((33.3, 33.3, 33.4), True),
        ((33.2, 33.3, 33.3), False),  # 99.8: 0.2 from 100, more than 0.15
    ],
)
def test_pct_sum_tolerance_is_half_a_decimal_per_row(pcts: tuple[float, ...], ok: bool) -> None:
    rows = [row("primary_reason", f"R{i}", 1, p) for i, p in enumerate(pcts)]
    report = validate(rows_table([*rows, row("primary_reason", "Total", len(pcts), 100.0)]))
    assert status_of(report, "pct_sum", "primary_reason") == {"pass" if ok else "fail"}


def test_whole_percents_get_a_half_point_tolerance() -> None:
    # A report printing "33%" and "67%": 33.33 and 66.67 are within 0.5 of them.
    table = rows_table(
        [
            row("caller_type", "A", 1, 33.0),
            row("caller_type", "B", 2, 67.0),
            row("caller_type", "Total", 3, 100.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "pct_matches_count", "caller_type") == {"pass"}
    assert status_of(report, "pct_sum", "caller_type") == {"pass"}
    wrong = validate(with_value(table, "caller_type", "A", "pct", 34.0))
    assert status_of(wrong, "pct_matches_count", "caller_type") == {"fail"}


def test_precision_is_the_reports_not_the_tables() -> None:
    # 33.0 in a report printing one decimal elsewhere is 33.0 to one decimal: off by 0.33.
    table = rows_table(
        [
            row("caller_type", "A", 1, 33.0),
            row("caller_type", "B", 2, 67.0),
            row("caller_type", "Total", 3, 100.0),
            row("primary_reason", "C", 1, 12.5),
            row("primary_reason", "D", 7, 87.5),
            row("primary_reason", "Total", 8, 100.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "pct_matches_count", "caller_type") == {"fail"}
    assert status_of(report, "pct_matches_count", "primary_reason") == {"pass"}


# -- suppressed rows inside sums ------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "ok"), [(10, True), (11, True), (12, True), (9, False), (13, False)]
)
def test_suppressed_row_enters_total_sum_with_bounds(total: int, ok: bool) -> None:
    table = rows_table(
        [
            row("caller_type", "A", 10),
            row("caller_type", "B", None),
            row("caller_type", "Total", total),
        ]
    )
    report = validate(table)
    assert status_of(report, "total_sum", "caller_type") == {"pass" if ok else "fail"}
    (f,) = [f for f in report.findings if f.check == "total_sum"]
    assert f.actual == "10..12" and f.expected == total


@pytest.mark.parametrize(("parent", "ok"), [(12, True), (10, True), (13, False), (9, False)])
def test_suppressed_child_enters_children_sum_with_bounds(parent: int, ok: bool) -> None:
    table = rows_table(
        [
            row("venue_industry", "Sex", parent),
            row("venue_industry", "Hotel", 10, parent="Sex"),
            row("venue_industry", "Street", None, parent="Sex"),
            row("venue_industry", "Labor", 3),
            row("venue_industry", "Total", parent + 3),
        ]
    )
    report = validate(table)
    assert status_of(report, "children_sum", "venue_industry") == {"pass" if ok else "fail"}
    assert status_of(report, "total_sum", "venue_industry") == {"pass"}


def test_children_without_their_parent_row_fail() -> None:
    table = rows_table(
        [
            row("venue_industry", "Labor", 3),
            row("venue_industry", "Hotel", 3, parent="Sex"),
            row("venue_industry", "Total", 3),
        ]
    )
    report = validate(table)
    assert failing(report) == {("children_sum", "venue_industry")}


@pytest.mark.parametrize(("printed", "ok"), [(83.3, True), (70.0, False)])
def test_suppressed_row_without_pct_enters_pct_sum_with_bounds(printed: float, ok: bool) -> None:
    # 10 of 12 is 83.3%; the withheld row is 0..16.7% of 12, so the sum can reach 100.
    table = rows_table(
        [
            row("caller_type", "A", 10, printed),
            row("caller_type", "B", None),
            row("caller_type", "Total", 12, 100.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "pct_sum", "caller_type") == {"pass" if ok else "fail"}


def test_count_within_total_fails_only_when_the_lower_bound_exceeds() -> None:
    # One case: "Fewer than Three" (0..2) can still be at most 1.
    table = rows_table(
        [
            row("summary", "Cases", 1),
            row("victim_demographics_sex", "Adults", 1, 100.0),
            row("victim_demographics_sex", "Minors", None),
            row("victim_demographics_sex", "Females", 2, 200.0),
        ]
    )
    report = validate(table)
    assert failing(report) == {("count_within_total", "victim_demographics_sex")}
    (f,) = [f for f in report.findings if f.status == "fail" and f.check == "count_within_total"]
    assert "'Females'" in f.message and (f.expected, f.actual) == (1, 2)


# -- table kinds ----------------------------------------------------------------------------


def test_unknown_table_with_total_is_cumulative() -> None:
    rows = [row("mystery", "A", 2, 50.0), row("mystery", "B", 2, 50.0)]
    assert status_of(
        validate(rows_table([*rows, row("mystery", "Total", 4, 100.0)])), "total_sum", "mystery"
    ) == {"pass"}
    assert status_of(
        validate(rows_table([*rows, row("mystery", "Total", 5, 100.0)])), "total_sum", "mystery"
    ) == {"fail"}
    report = validate(rows_table(rows))
    assert {f.check for f in report.findings if f.table == "mystery"} == {"suppressed_bounds"}


def test_known_table_without_total_warns_and_uses_the_reports_total() -> None:
    table = rows_table(
        [
            row("summary", "Substantive Calls", 4),
            row("caller_type", "A", 1, 25.0),
            row("caller_type", "B", 3, 80.0),
        ]
    )
    report = validate(table)
    assert status_of(report, "total_sum", "caller_type") == {"warn"}
    assert failing(report) == {("pct_matches_count", "caller_type"), ("pct_sum", "caller_type")}


def test_demographics_without_any_case_total_warn() -> None:
    report = validate(rows_table([row("victim_demographics_labor", "Adults", 3, 10.0)]))
    assert status_of(report, "pct_matches_count", "victim_demographics_labor") == {"warn"}
    assert status_of(report, "count_within_total", "victim_demographics_labor") == {"warn"}
    assert failing(report) == set()  # but complete_table: eight of its rows are not there


def _case_tables(summary: int, reasons: int, venues: int, adults: int, pct: float) -> Any:
    return rows_table(
        [
            row("summary", "Cases", summary),
            row("primary_reason", "X", reasons, 100.0),
            row("primary_reason", "Total", reasons, 100.0),
            row("venue_industry", "Sex", venues, 100.0),
            row("venue_industry", "Total", venues, 100.0),
            row("victim_demographics_sex", "Adults", adults, pct),
        ]
    )


def test_demographics_use_the_case_total_most_places_print() -> None:
    report = validate(_case_tables(20, 20, 10, 5, 25.0))  # 5 of 20, not of the venue's 10
    assert status_of(report, "pct_matches_count", "victim_demographics_sex") == {"pass"}
    assert failing(report) == {("cross_table_total", "venue_industry")}


def test_demographics_use_the_venue_total_on_a_tie() -> None:
    table = _case_tables(20, 20, 10, 5, 50.0)
    table = table.filter(pc.not_equal(table["table"], "primary_reason"))
    report = validate(table)  # summary 20, venues 10: the venue table's Total is trusted
    assert status_of(report, "pct_matches_count", "victim_demographics_sex") == {"pass"}
    assert failing(report) == {("cross_table_total", "summary")}


# -- from converted files -------------------------------------------------------------------


def _comparable(report: Any) -> list[dict[str, Any]]:
    return [asdict(f) for f in report.findings if f.check != "unread_numbers"]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_validate_from_file_equals_validate_from_folder(
    tmp_path: Path, ct_form: str, suffix: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ct.txt").write_text(ct_form, encoding="utf-8")
    (folder / "bad.txt").write_text(MUTATIONS["children_sum"][0](ct_form), encoding="utf-8")
    (folder / "news.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    result = convert(folder)
    out = tmp_path / f"rows{suffix}"
    if suffix == ".parquet":
        pq.write_table(result.to_arrow(), out)
    else:
        pcsv.write_csv(result.to_arrow(), out)
    from_folder, from_file = validate(result), validate(read_rows(out))
    assert _comparable(from_file) == _comparable(from_folder)
    assert any(f["status"] == "fail" for f in _comparable(from_file))
    unread = [f for f in from_folder.findings if f.check == "unread_numbers"]
    assert [f.status for f in unread] == ["pass"] * 2  # only the text knows its numbers
    assert not any(f.check == "unread_numbers" for f in from_file.findings)
    assert from_file.exit_code == from_folder.exit_code == 1


def test_rows_read_back_give_a_file_entry_per_source() -> None:
    a = rows_table([row("summary", "Cases", 3), row("signals", "Emails", 2)], source="a.txt")
    b = rows_table([row("summary", "Cases", 1)], source="b.txt", jurisdiction="Guam")
    files = validate(pa.concat_tables([b, a])).files
    assert [(f.source, f.status, f.rows, f.jurisdiction, f.year, f.text_read) for f in files] == [
        ("a.txt", "parsed", 2, "Connecticut", 2016, False),
        ("b.txt", "parsed", 1, "Guam", 2016, False),
    ]


def test_empty_table_has_no_findings_and_exit_2() -> None:
    report = validate(rows_table([]))
    assert report.findings == () and report.exit_code == 2


def test_the_command_imports_no_pandas() -> None:
    """pyarrow's pa.array imports pandas only when NumPy is importable; the command blocks
    NumPy (cli.main), so converting and validating never pay for pandas."""
    code = (
        "import sys\n"
        f"sys.argv = ['nhth', 'validate', {str(SAMPLES)!r}, '--json']\n"
        "from nhth_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
    )
    assert not loads_module(code, "pandas")


def test_rows_read_back_in_any_order_and_slices_give_the_same_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nhth_cli.checks import checks

    table = convert(SAMPLES).to_arrow()
    expected = validate(table)
    # Sources interleaved row by row (each source's rows keep their order), read 7 at a time.
    sources = table["source"].to_pylist()
    positions: dict[str, list[int]] = {}
    for i, s in enumerate(sources):
        positions.setdefault(s, []).append(i)
    lists = list(positions.values())
    interleaved = [p[k] for k in range(max(map(len, lists))) for p in lists if k < len(p)]
    assert interleaved != sorted(interleaved)
    monkeypatch.setattr(checks, "SLICE_ROWS", 7)
    got = validate(table.take(pa.array(interleaved)))
    assert got.to_json() == expected.to_json()
    assert len(got.findings) > 20 and got.files == expected.files
