"""suppressed_bounds (nhth_cli/checks/bounds.py): a row's count, flag and bounds agree."""

from __future__ import annotations

from nhth_cli.pipeline import validate
from tests.helpers_checks import convert_texts, failing, with_value


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
