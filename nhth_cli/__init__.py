"""nhth: National Human Trafficking Hotline reports to tidy, validated data.

Everything the `nhth` command does is callable from Python::

    import nhth_cli
    result = nhth_cli.convert("reports/")
    table = result.to_arrow()
    report = nhth_cli.validate(result)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .pipeline import ConversionResult, convert, validate

__all__ = ["ConversionResult", "__version__", "convert", "validate"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `nhth --help` does not import the parsers.
    if name in ("convert", "ConversionResult", "validate"):
        from . import pipeline as module

        return getattr(module, name)
    raise AttributeError(name)
