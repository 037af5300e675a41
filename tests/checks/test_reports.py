"""Checks across tables and files (nhth_cli/checks/reports.py): cross_table_total and
duplicate_report."""

from __future__ import annotations

from nhth_cli.pipeline import validate
from tests.helpers_checks import MUTATIONS, connecticut_text, convert_texts, failing, replace_once


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
