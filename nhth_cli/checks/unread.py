"""unread_numbers: numbers a document prints as data that no row holds (SPEC.md, Validation).

The accounting itself (accounting.unread_numbers) runs where the document is parsed, on its
text; this check turns what it found into findings. Rows read back from a file carry no text,
so there the check cannot run and is not listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import UnreadNumber
from .report import FileSummary, Finding


def unread_finding(f: FileSummary, n: UnreadNumber) -> Finding:
    where = f"line {n.line}" + (f" (page {n.page})" if n.page else "")
    if n.kind == "too_many":
        return Finding(
            "unread_numbers", "fail", f.source, f.jurisdiction, f.year, None, None, n.text,
            f"{where}: {n.context}", n.line,
        )  # fmt: skip
    what = "a malformed number" if n.kind == "malformed" else "a number"
    return Finding(
        "unread_numbers", "fail", f.source, f.jurisdiction, f.year, None, None, n.text,
        f"{where} prints {what}, {n.text!r}, that no row holds: {n.context!r}", n.line,
    )  # fmt: skip


def unread_numbers(files: Sequence[FileSummary]) -> list[Finding]:
    """A failure per number no row holds; a pass per parsed file whose numbers are all held."""
    out: list[Finding] = []
    for f in files:
        if not f.text_read or f.status != "parsed":
            continue  # rows read back from a file: the text is not at hand
        if not f.unread:
            out.append(
                Finding(
                    "unread_numbers",
                    "pass",
                    f.source,
                    f.jurisdiction,
                    f.year,
                    None,
                    0,
                    0,
                    "every number printed as data is held by a row or is a known non-row",
                )
            )
            continue
        out.extend(unread_finding(f, n) for n in f.unread)
    return out
