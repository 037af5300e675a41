"""nhth: National Human Trafficking Hotline reports to tidy, validated data.

Everything the `nhth` command does is callable from Python::

    import nhth_cli
    result = nhth_cli.convert("reports/")
    table = result.to_arrow()
    report = nhth_cli.validate(result)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .checks import validate
    from .pipeline import ConversionResult, convert

__all__ = ["ConversionResult", "__version__", "convert", "validate"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `nhth --help` does not import the parsers.
    if name in ("convert", "ConversionResult"):
        from . import pipeline as module

        return getattr(module, name)
    if name == "validate":
        from .checks import validate

        return validate
    raise AttributeError(name)
