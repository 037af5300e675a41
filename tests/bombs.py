"""PDFs built byte by byte for the fault tests: decompression bombs, and pages that do not
decode. No PDF library: each is a handful of objects and a cross-reference table."""

from __future__ import annotations

import zlib
from collections.abc import Sequence


def pdf_with_streams(contents: Sequence[bytes], *, flate: bool = True) -> bytes:
    """A PDF with one page per content stream (Helvetica as F1), compressed with FlateDecode
    unless `flate` is off; a content stream given as `None`-like b"" is an empty page."""
    objects: list[bytes] = []
    n = len(contents)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    font = 3 + 2 * n
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, content in enumerate(contents):
        page = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>"
        )
        objects.append(page.encode())
        data = zlib.compress(content, 9) if flate else content
        head = f"<< /Length {len(data)}{' /Filter /FlateDecode' if flate else ''} >>"
        objects.append(head.encode() + b"\nstream\n" + data + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def text_page(lines: Sequence[str], size: int = 10) -> bytes:
    """A content stream printing lines of text, top down."""
    ops = [b"BT", f"/F1 {size} Tf".encode(), b"72 740 Td", f"{size + 4} TL".encode()]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*".encode("latin-1", "replace"))
    ops.append(b"ET")
    return b"\n".join(ops)


def bomb(megabytes: int) -> bytes:
    """A one-page PDF whose content stream is `megabytes` MB of text-showing operators,
    compressed with FlateDecode to a few kilobytes (about 1,000:1)."""
    unit = b"(x) Tj\n"
    body = b"BT /F1 1 Tf 10 10 Td\n" + unit * (megabytes * 1024 * 1024 // len(unit)) + b"ET\n"
    return pdf_with_streams([body])
