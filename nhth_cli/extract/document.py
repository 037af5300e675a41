"""Given a file's bytes, the document's text: PDF text layer or decoded text."""

from __future__ import annotations

from .text import decode_text, looks_like_pdf


def document_text(data: bytes) -> str:
    """Pages are separated by form feeds; a PDF is recognised by its content, not its name."""
    if looks_like_pdf(data):
        from .pdf import pdf_to_text  # PDFium loads only when a PDF is met

        return pdf_to_text(data)
    return decode_text(data)
