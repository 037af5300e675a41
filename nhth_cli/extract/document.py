"""Given a file's bytes, the document's text: PDF text layer or decoded text."""

from __future__ import annotations

from dataclasses import dataclass

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
    return Document(decode_text(data))


def document_text(data: bytes) -> str:
    """Pages are separated by form feeds; a PDF is recognised by its content, not its name."""
    return read_document(data).text
