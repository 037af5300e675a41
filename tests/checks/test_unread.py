"""unread_numbers (nhth_cli/checks/unread.py): a number no row holds fails, with its line."""

from __future__ import annotations

from nhth_cli.pipeline import validate
from tests.helpers_checks import convert_texts, replace_once


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
