"""unparsed_lines: lines of a report that look like table rows but went into no table.

It needs the document's text, so it runs on converted reports, not on rows read back from a file.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import LooseLine
from .report import FileSummary, Finding


def loose_line_finding(f: FileSummary, loose: LooseLine) -> Finding:
    where = f"line {loose.line}" + (f" (page {loose.page})" if loose.page else "")
    return Finding(
        "unparsed_lines", "warn", f.source, f.jurisdiction, f.year, None, None, loose.text,
        f"{where} looks like a table row but was read into no table: {loose.text!r}",
        loose.line,
    )  # fmt: skip


def parsed_clean(f: FileSummary) -> Finding:
    return Finding(
        "unparsed_lines", "pass", f.source, f.jurisdiction, f.year, None, 0, 0,
        "every line that looks like a table row was read into a table",
    )  # fmt: skip


def unparsed_lines(files: Sequence[FileSummary]) -> list[Finding]:
    """A warning per loose line; a pass per parsed file that has none."""
    out: list[Finding] = []
    for f in files:
        if not f.text_read:
            continue  # rows read back from a file: the text is not at hand
        if f.loose_lines:
            out.extend(loose_line_finding(f, loose) for loose in f.loose_lines)
        elif f.status == "parsed":
            out.append(parsed_clean(f))
    return out
