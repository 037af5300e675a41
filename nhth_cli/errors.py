"""One exception family; every message is a sentence a user can act on."""

from __future__ import annotations


class NhthError(Exception):
    """Base of every error nhth raises on purpose."""


class UsageError(NhthError):
    """Bad options or a missing input: the CLI exits 2."""


class InputError(NhthError):
    """One input file cannot be read or decoded; other files go on."""


class NotAReportError(NhthError):
    """The document holds no hotline statistics; it is skipped, not an error.

    `kind` names the report kind when the document was recognised as one but still could not
    be read (no jurisdiction, no period)."""

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind


class OutputError(NhthError):
    """The output cannot be written: the CLI exits 2 and leaves old outputs untouched."""
