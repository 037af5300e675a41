"""web_state_table: the national page's table of signals and cases by state."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from nhth_cli import convert
from nhth_cli.normalize.jurisdictions import CODES, match_name
from nhth_cli.parse import parse_document
from tests.conftest import SAMPLES
from tests.web_forms import NATIONAL, REAL_TABLE, data, rows


def real_table() -> list[dict[str, str]]:
    if not REAL_TABLE.exists():
        pytest.skip("../shared/corpus/real is not present")
    with REAL_TABLE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_name_in_the_2024_table_is_canonical() -> None:
    table = real_table()
    found = {row["State"]: match_name(row["State"]) for row in table}
    assert all(j is not None for j in found.values()), found
    codes = [j.code for j in found.values() if j is not None]
    assert len(codes) == len(set(codes)) == len(table) == 55
    assert set(codes) == set(CODES) - {"US", "AS"}  # 50 states, DC, 4 territories
    mp = found["Northern Marianas Islands"]
    assert mp is not None and (mp.name, mp.code) == ("Northern Mariana Islands", "MP")
    for name, j in found.items():
        if name != "Northern Marianas Islands":
            assert j is not None and j.name == name  # the page spells the others canonically


@pytest.mark.parametrize("form", sorted(NATIONAL))
def test_each_form_gives_one_row_per_state_and_measure(form: str) -> None:
    table = real_table()
    got = rows(NATIONAL[form])
    assert len(got) == 2 * len(table) == 110
    expected = []
    for row in table:
        j = match_name(row["State"])
        assert j is not None
        expected.append((j.name, j.code, "Signals", int(row["Signals received"]),
                         float(row["% of total signals"].rstrip("%"))))  # fmt: skip
        expected.append((j.name, j.code, "Cases", int(row["Cases identified"]),
                         float(row["% of total cases"].rstrip("%"))))  # fmt: skip
    assert [
        (r["jurisdiction"], r["jurisdiction_code"], r["category"], r["count"], r["pct"])
        for r in got
    ] == expected
    assert {(r["table"], r["report"], r["year"]) for r in got} == {
        ("summary", "web_state_table", 2024)
    }


def test_the_forms_and_the_real_csv_give_identical_rows() -> None:
    forms = [data(p) for p in NATIONAL.values()]
    if REAL_TABLE.exists():
        forms.append(data(REAL_TABLE))
    assert all(f == forms[0] for f in forms)


def test_the_document_is_national_and_each_row_carries_its_state() -> None:
    report = parse_document(NATIONAL["text"].read_text(encoding="utf-8"), "x")
    assert (report.jurisdiction.name, report.jurisdiction.code) == ("United States", "US")
    assert all(c.jurisdiction is not None for c in report.cells)
    result = convert(NATIONAL["text"]).files[0]
    assert (result.status, result.report.report if result.report else None) == (
        "parsed", "web_state_table",
    )  # fmt: skip


def test_cells_one_to_a_line_are_read_too() -> None:
    text = "Signals and cases by State in 2023\nState\nSignals received\n" + "\n".join(
        ["Maine", "88", "0.27%", "41", "0.34%", "Guam", "0", "0.00%", "0", "0.00%"]
    )
    report = parse_document(text, "x")
    assert [(c.jurisdiction.code if c.jurisdiction else None, c.category, c.count, c.line)
            for c in report.cells] == [
        ("ME", "Signals", 88, 5), ("ME", "Cases", 41, 7),
        ("GU", "Signals", 0, 10), ("GU", "Cases", 0, 12),
    ]  # fmt: skip
    assert report.period.year == 2023


def test_the_year_comes_from_the_file_name_when_the_heading_is_missing() -> None:
    text = "State,Signals received,% of total signals,Cases identified,% of total cases\n"
    text += "Ohio,671,2.08%,334,2.78%\n"
    assert parse_document(text, "statistics_2022_by_state").period.year == 2022
    with pytest.raises(Exception, match="no year"):
        parse_document(text, "statistics_by_state")


def test_a_row_that_is_no_state_is_a_warning_not_a_row() -> None:
    text = (
        "Signals and cases by State in 2024\nAtlantis,5,0.02%,1,0.01%\nOhio,671,2.08%,334,2.78%\n"
    )
    report = parse_document(text, "x")
    assert {c.jurisdiction.code for c in report.cells if c.jurisdiction} == {"OH"}
    assert any("Atlantis" in w for w in report.warnings)
    assert [ll.text for ll in report.loose_lines] == ["Atlantis"]


def test_rows_sort_among_other_files_by_their_own_state(tmp_path: Path) -> None:
    for name in ("connecticut-2016-hotline.txt", "us-2024-signals-cases-by-state.html"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    got = convert(tmp_path).to_arrow().to_pylist()
    keys = [(r["jurisdiction"], r["year"], r["report"], r["source"]) for r in got]
    assert keys == sorted(keys)
    ct = [k for k in dict.fromkeys(keys) if k[0] == "Connecticut"]
    assert [k[1] for k in ct] == [2016, 2024]


def test_withheld_counts_are_suppressed_rows() -> None:
    text = "Signals and cases by State in 2024\nOhio\t<3\t0.00%\tFewer than 3\t0.01%\n"
    cells = parse_document(text, "x").cells
    assert [(c.category, c.count, c.suppressed, c.count_max) for c in cells] == [
        ("Signals", None, True, 2), ("Cases", None, True, 2),
    ]  # fmt: skip


def test_the_table_wins_over_national_blocks_shaped_like_a_state_page() -> None:
    national = (
        "Signals Received in 2024\n32,309\nsignals were received by the Hotline in 2024.\n"
        "Signal Types\nHotline Call\n20,000\nCases Identified in 2024\n"
    )
    text = national + NATIONAL["text"].read_text(encoding="utf-8")
    report = parse_document(text, "x")
    assert report.report == "web_state_table"
    assert len(report.cells) == 110


def test_a_name_wrapped_in_its_cell_is_joined() -> None:
    text = (
        "Signals and cases by State in 2024\nState Signals received % of total signals\n"
        "District of\nColumbia 135 0.42% 55 0.46%\nNorthern Marianas 0 0.00% 0 0.00%\nIslands\n"
        "Ohio 671 2.08% 334 2.78%\n"
    )
    report = parse_document(text, "x")
    assert [c.jurisdiction.code for c in report.cells if c.jurisdiction] == [
        "DC", "DC", "MP", "MP", "OH", "OH",
    ]  # fmt: skip
    assert not report.warnings


def _validated(text: str) -> tuple[bool, set[str]]:
    from nhth_cli.pipeline import validate
    from tests.helpers_checks import convert_texts

    report = validate(convert_texts({"us-2024.txt": text}))
    return report.valid, {f.message for f in report.findings if f.status == "fail"}


def test_a_state_lost_from_the_table_fails_naming_it() -> None:
    """Bug (found 2026-12-05): the table without its Ohio line validated, two rows short."""
    text = NATIONAL["text"].read_text(encoding="utf-8")
    lines = [t for t in text.split("\n") if not t.startswith("Ohio")]
    assert len(lines) < len(text.split("\n"))
    valid, failed = _validated("\n".join(lines))
    assert not valid
    assert "rows this table always prints were not read: Ohio" in failed


def test_a_state_printed_twice_is_read_once_and_fails() -> None:
    """Bug (found 2026-12-05): a state's line printed twice gave its rows twice, valid."""
    text = NATIONAL["text"].read_text(encoding="utf-8")
    (ohio,) = [t for t in text.split("\n") if t.startswith("Ohio")]
    twice = text.replace(ohio, f"{ohio}\n{ohio}")
    report = parse_document(twice, "x")
    assert sum(1 for c in report.cells if c.jurisdiction and c.jurisdiction.code == "OH") == 2
    assert any("Ohio again" in w for w in report.warnings)
    valid, failed = _validated(twice)
    assert not valid and any("that no row holds" in m for m in failed)


def test_the_whole_table_lists_every_jurisdiction_it_always_lists() -> None:
    report = parse_document(NATIONAL["text"].read_text(encoding="utf-8"), "x")
    assert report.missing == ()
