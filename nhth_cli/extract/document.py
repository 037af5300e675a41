"""Given a file's bytes, the document's text: PDF text layer, HTML page's text or decoded text."""

from __future__ import annotations

from dataclasses import dataclass

from .html import looks_like_html
from .text import decode_text, looks_like_pdf


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text, and what extraction could not read of it."""

    text: str
    # PDF pages (1-based) that gave no text between pages that did, or drew nothing (content
    # that did not decode); None for a text file.
    empty_pages: tuple[int, ...] | None = None


def read_document(
    data: bytes, max_page_chars: int | None = None, max_text_chars: int | None = None
) -> Document:
    """Pages are separated by form feeds; a PDF is recognised by its content, not its name.
    A PDF page or file over its limit of text is an InputError."""
    if looks_like_pdf(data):
        from .pdf import MAX_PAGE_CHARS, MAX_TEXT_CHARS, pdf_pages  # PDFium loads only here

        text, empty = pdf_pages(
            data,
            MAX_PAGE_CHARS if max_page_chars is None else max_page_chars,
            MAX_TEXT_CHARS if max_text_chars is None else max_text_chars,
        )
        return Document(text, empty)
    if looks_like_html(data):
        from .html import html_to_text  # the HTML parser loads only when a page is met

        return Document(html_to_text(decode_text(data)))
    return Document(decode_text(data))
