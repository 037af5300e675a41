"""unreadable_pages: a PDF's pages that gave no text where text was expected.

PDFium gives an empty page for a content stream it cannot decode (a damaged FlateDecode
stream) and says nothing: without this check such a report would be valid with the rows of
its other pages only. A page without text between pages with text, or one that draws nothing
at all, fails the file. It needs the extraction, so it runs on converted files, not on rows
read back from a file.
"""

from __future__ import annotations

from .report import FileSummary, Finding


def unreadable_pages(f: FileSummary, empty: tuple[int, ...] | None) -> list[Finding]:
    """A failure naming the empty pages, or a pass for a PDF whose pages all gave text; nothing
    for a file that is no PDF (`empty` None)."""
    if empty is None:
        return []
    if not empty:
        return [
            Finding(
                "unreadable_pages", "pass", f.source, f.jurisdiction, f.year, None, 0, 0,
                "every page between the first and the last page with text gave text",
            )
        ]  # fmt: skip
    shown = ", ".join(map(str, empty[:20])) + (", ..." if len(empty) > 20 else "")
    word = "page" if len(empty) == 1 else "pages"
    return [
        Finding(
            "unreadable_pages", "fail", f.source, f.jurisdiction, f.year, None, 0, len(empty),
            f"PDF {word} {shown} gave no text (content PDFium could not decode, or an empty "
            "page between pages with text): the rows printed there are missing",
        )
    ]  # fmt: skip
