"""The `nhth` command: parse options, call one library function, render the result.

Heavy imports (pandas, pyarrow, PDFium, the parsers) happen inside the commands.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__

app = typer.Typer(
    name="nhth",
    help="Convert National Human Trafficking Hotline state reports into tidy, validated data.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show tracebacks for errors instead of one line.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nhth {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Convert National Human Trafficking Hotline state reports into tidy, validated data."""


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"nhth: error: {message}", err=True)
    raise typer.Exit(code)


def _console(stderr: bool):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


@app.command()
def convert(
    input: Annotated[str, typer.Argument(help="Folder (walked recursively) or file of reports.")],
    output: Annotated[
        str, typer.Argument(help="Output file (.parquet, .csv, .jsonl) or - for stdout.")
    ],
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="parquet, csv or jsonl (default: from OUTPUT)."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Processes to use; 0 means one per CPU.")
    ] = 0,
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Largest input file read, in MB.")
    ] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every check.")] = False,
    debug: DebugOption = False,
) -> None:
    """Convert reports to one long table, and write OUTPUT.validation.json beside it."""
    if debug:
        os.environ["NHTH_DEBUG"] = "1"
    try:
        from .checks import validate
        from .errors import NhthError
        from .pipeline import convert as run_convert
        from .records import Settings
        from .render import render_summary
        from .write import check_writable, format_for, summary_path, write_bytes, write_table

        try:
            fmt = format_for(output, format)
            if output != "-":
                check_writable(Path(output))
            settings = Settings(jobs=jobs or os.cpu_count() or 1, max_bytes=max_size * 1024 * 1024)
            exclude: list[str | Path] = [] if output == "-" else [output, summary_path(output)]
            result = run_convert(input, settings, exclude=exclude)
            report = validate(result)
            if report.rows == 0 and not result.files:
                _fail(f"{input}: no files found")
            write_table(result.to_arrow(), output, fmt)
            if output != "-":
                write_bytes(report.to_json(), summary_path(output))
        except NhthError as exc:
            _fail(str(exc))
        if not quiet:
            render_summary(_console(stderr=output == "-"), report, verbose=verbose)
        raise typer.Exit(report.exit_code)
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as exc:
        if debug:
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); rerun with --debug")


@app.command()
def validate(
    path: Annotated[
        str, typer.Argument(help="A converted .parquet/.csv file, or reports to check.")
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the summary JSON instead of the human summary.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every check.")] = False,
    debug: DebugOption = False,
) -> None:
    """Run the checks on converted rows or on reports; the exit status says if they passed."""
    if debug:
        os.environ["NHTH_DEBUG"] = "1"
    try:
        from .checks import validate as run_validate
        from .errors import NhthError
        from .pipeline import convert as run_convert
        from .read import read_rows
        from .render import render_summary

        try:
            target = Path(path)
            if not target.exists():
                _fail(f"{path}: no such file or folder")
            if target.is_file() and target.suffix.lower() in (".parquet", ".pq", ".csv"):
                report = run_validate(read_rows(target))
            else:
                report = run_validate(run_convert(path))
        except NhthError as exc:
            _fail(str(exc))
        if json_out:
            sys.stdout.buffer.write(report.to_json())
        else:
            render_summary(_console(stderr=False), report, verbose=verbose)
        raise typer.Exit(report.exit_code)
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as exc:
        if debug:
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); rerun with --debug")


def main() -> None:
    app()
