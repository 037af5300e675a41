"""PDF text extraction (placeholder until issue 4 lands)."""

from __future__ import annotations

from ..errors import InputError


def pdf_to_text(data: bytes) -> str:
    raise InputError("PDF input is not supported yet")
