"""Reading input files: bytes from disk, then text from PDF or text bytes."""

from __future__ import annotations

from .text import decode_text, looks_like_pdf

__all__ = ["decode_text", "looks_like_pdf"]
