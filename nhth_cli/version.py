"""The version of nhth (its own module: any module may import it without the package's API)."""

__version__ = "0.1.0"
