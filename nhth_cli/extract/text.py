"""Text bytes to str: BOMs, UTF-8, Windows-1252 and Latin-1, line endings."""

from __future__ import annotations

import codecs

from ..errors import NotAReportError

# Control bytes that never occur in a text report (tab, newlines and form feed do).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_SNIFF = 65536


def _windows_1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    # Five bytes are undefined in Windows-1252; Latin-1 maps every byte.
    return "".join(_byte_char(b) for b in bad), exc.end


def _byte_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


_ERRORS = "nhth-windows-1252"
codecs.register_error(_ERRORS, _windows_1252_bytes)


def looks_like_pdf(data: bytes) -> bool:
    """PDFs are recognised by content: `%PDF-` within the first KiB (junk may precede it)."""
    return b"%PDF-" in data[:1024]


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    return controls / len(head) > 0.05


def decode_text(data: bytes) -> str:
    """Given the bytes of a text rendition, its text with `\\n` line ends (form feeds kept)."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        if _looks_binary(data):
            raise NotAReportError("binary data, not text")  # skipped, as SPEC.md says
        # Each byte that is not UTF-8 is read as Windows-1252: a Windows-1252 file decodes as
        # such, and a UTF-8 file with a few bad bytes keeps its UTF-8 characters.
        text = data.decode("utf-8", errors=_ERRORS)
    # NUL bytes scattered in otherwise good text carry nothing; drop them.
    text = text.replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")
