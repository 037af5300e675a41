"""Given a file's bytes, the document's text: PDF text layer, HTML page's text or decoded text."""

from __future__ import annotations

from .html import looks_like_html
from .text import decode_text, looks_like_pdf


def document_text(data: bytes) -> str:
    """Pages are separated by form feeds; a PDF is recognised by its content, not its name."""
    if looks_like_pdf(data):
        from .pdf import pdf_to_text  # PDFium loads only when a PDF is met

        return pdf_to_text(data)
    if looks_like_html(data):
        from .html import html_to_text  # the HTML parser loads only when a page is met

        return html_to_text(decode_text(data))
    return decode_text(data)
