"""The `nhth` command: parse options, call one library function, render the result.

Heavy imports (pandas, pyarrow, PDFium, rich tables, the parsers) happen inside the commands, so
that `nhth --help` stays fast.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from .errors import NhthError
from .version import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from .discover import InputFile
    from .inspect import Inspection
    from .records import Settings

PROG = "nhth"


class _Group(TyperGroup):
    """Usage errors as one line, `nhth: error: ...`, instead of usage text and a hint."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.TyperException as exc:  # typer's usage and other errors (its public base)
            ctx: typer.Context | None = getattr(exc, "ctx", None)  # a usage error has one
            message = exc.format_message()
            if ctx is not None and message == ctx.get_help():  # a bare `nhth`: the help
                typer.echo(message, err=True, color=ctx.color)
                sys.exit(exc.exit_code)
            if hasattr(exc, "ctx"):
                where = f"; see '{ctx.command_path} --help'" if ctx is not None else ""
                message = " ".join(message.split()).rstrip(".") + where
            typer.echo(f"{PROG}: error: {message}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo(f"{PROG}: aborted", err=True)
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


app = typer.Typer(
    name=PROG,
    cls=_Group,
    help="Convert National Human Trafficking Hotline state reports into tidy, validated data.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class PartitionBy(enum.StrEnum):
    year = "year"
    jurisdiction = "jurisdiction"


DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show tracebacks for errors instead of one line.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


def _complete_formats() -> list[str]:
    return ["parquet", "csv", "jsonl"]


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Convert National Human Trafficking Hotline state reports into tidy, validated data."""


def _shown(message: str) -> str:
    """A message that names a file whose name is not UTF-8: its bytes shown as `\\xNN`."""
    from .discover import shown_name

    return shown_name(message)


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"{PROG}: error: {_shown(message)}", err=True)
    raise typer.Exit(code)


def _flush_stdout() -> None:
    """Flush stdout now, so that a write error is reported here, as one line."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _pipe_closed()
    except OSError as exc:
        with contextlib.suppress(OSError, ValueError):  # nothing more can reach it
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _fail(f"-: cannot be written: {exc.strerror or exc}")
    except ValueError:
        pass  # stdout closed


def _pipe_closed() -> NoReturn:
    """The reader of stdout went away (`nhth convert ... - | head`): end quietly, as a program
    killed by SIGPIPE does (status 141), without Python's complaint at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(128 + 13)


def _is_terminal(stream: IO[str]) -> bool:
    return stream.isatty()


def _console(stderr: bool) -> Console:
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False, soft_wrap=True)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 120  # a file or a pipe: wide enough that tables do not fold
    return console


@contextlib.contextmanager
def _handled(debug: bool) -> Iterator[None]:
    """Expected errors as one line and exit 2; a bug as one line too, unless --debug."""
    try:
        yield
        _flush_stdout()
    except typer.Exit:
        _flush_stdout()
        raise
    except KeyboardInterrupt:
        raise
    except BrokenPipeError:
        _pipe_closed()
    except NhthError as exc:
        _fail(str(exc))
    except OSError as exc:  # writing to stdout or stderr (a full device): no file named
        if debug:
            raise
        _fail(f"{exc.filename or '-'}: cannot be written: {exc.strerror or exc}")
    except Exception as exc:
        if debug:
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); rerun with --debug")


def _stdin_files(exclude: Sequence[str | os.PathLike[str]], follow_links: bool) -> list[InputFile]:
    """Paths read from stdin, one a line; each named file's source is the path as given."""
    import posixpath

    from .discover import InputFile, discover, shown_name

    if sys.stdin is None or sys.stdin.isatty():
        _fail(
            "-: expected paths on stdin, one a line "
            "(find reports -name '*.pdf' | nhth convert - out.parquet)"
        )
    raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    names = [os.fsdecode(line) for line in raw.splitlines() if line.strip()]
    if not names:
        _fail("-: no paths on stdin")
    files: list[InputFile] = []
    seen: set[str] = set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        folder = Path(name).is_dir()
        for found in discover([name], exclude=exclude, follow_links=follow_links):
            source = posixpath.join(shown_name(name), found.source) if folder else shown_name(name)
            files.append(InputFile(found.path, source, found.skipped))
    return files


@app.command()
def convert(
    input: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            allow_dash=True,
            help="Folder (walked recursively) or file of reports; - reads paths from stdin.",
        ),
    ],
    output: Annotated[
        Path,
        typer.Argument(
            metavar="OUTPUT",
            allow_dash=True,
            help="Output file (.parquet, .csv, .jsonl), a dataset folder with --partition-by, "
            "or - for stdout.",
        ),
    ],
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            autocompletion=_complete_formats,
            help="parquet, csv or jsonl (default: from OUTPUT's suffix; csv for -).",
        ),
    ] = None,
    partition_by: Annotated[
        PartitionBy | None,
        typer.Option(
            "--partition-by",
            help="Write a Hive-partitioned Parquet dataset folder, one folder per value.",
        ),
    ] = None,
    datapackage: Annotated[
        bool,
        typer.Option(
            "--datapackage",
            help="Also write datapackage.json (Frictionless Table Schema) beside OUTPUT.",
        ),
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Processes to use; 0 means one per CPU.")
    ] = 0,
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Largest input file read, in MB.")
    ] = 200,
    file_timeout: Annotated[
        float,
        typer.Option("--file-timeout", min=0, help="Seconds one file may take; 0 for no limit."),
    ] = 60,
    memory_limit: Annotated[
        int,
        typer.Option(
            "--memory-limit",
            min=0,
            help="Memory one worker process may use for a file, in MB; 0 for no limit.",
        ),
    ] = 512,
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links", help="Follow symbolic links that lead out of the input folder."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing but errors: no summary, no bar.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every file and every check.")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Convert reports into one long table of rows.

    Writes OUTPUT and, beside it, OUTPUT.validation.json (the checks); prints a summary.
    Exit status 0 all good, 1 written but a check failed or a file could not be read, 2 bad
    usage or nothing usable.
    """
    with _handled(debug):
        # Arrow's default allocator keeps freed memory for reuse; with the rows held as many
        # small batches that costs about 50 MB of peak RSS at 10,000 reports.
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
        from . import write as w
        from .discover import discover
        from .pipeline import convert_files
        from .pipeline import validate as run_validate
        from .records import Settings
        from .render import progress_bar, render_summary

        source, out = str(input), str(output)
        by = partition_by.value if partition_by is not None else None
        if quiet and verbose:
            _fail("--quiet and --verbose exclude each other")
        fmt = w.format_for(out, format or ("parquet" if by else None))
        w.check_output(out, fmt, by, datapackage)
        settings = Settings(
            jobs=jobs or os.cpu_count() or 1,
            max_bytes=max_size * 1024 * 1024,
            follow_links=follow_links,
            file_timeout=file_timeout,
            memory_limit=memory_limit * 1024 * 1024,
            keep_cells=False,  # rows only as Arrow batches: memory stays small
            isolate=True,  # worker processes even for --jobs 1: the limits hold
            debug=debug,
        )
        exclude: list[str | os.PathLike[str]] = []
        if out != "-":  # a rerun into the input folder must not read its own outputs
            exclude = [out, *w.output_paths(out, datapackage)]
        if source == "-":
            files = _stdin_files(exclude, settings.follow_links)
        else:
            files = discover([source], exclude=exclude, follow_links=settings.follow_links)
        if not files:
            _fail(f"{source}: no files found")

        err = _console(stderr=True)
        bar = not quiet and len(files) > 1 and _is_terminal(sys.stderr)
        with progress_bar(err, len(files)) if bar else contextlib.nullcontext(None) as tick:
            result = convert_files(files, settings, progress=tick)
        report = run_validate(result)
        console = err if out == "-" else _console(stderr=False)
        s = report.summary()
        if report.rows == 0:
            if not quiet:
                render_summary(console, report, verbose=verbose)
            _fail(
                f"{source}: no rows read from {s['files']} files "
                f"({s['skipped']} skipped, {s['errors']} errors); nothing written",
                report.exit_code,
            )
        rows = result.sink if result.sink is not None else result.to_arrow()
        w.write_outputs(rows, report, out, fmt, partition_by=by, datapackage=datapackage)
        if not quiet:
            render_summary(console, report, verbose=verbose)
        elif report.exit_code:
            where = "" if out == "-" else f"; see {w.summary_path(out)}"
            typer.echo(
                _shown(
                    f"{PROG}: {s['failed']} checks failed, {s['errors']} files could not be read"
                    f"{where}"
                ),
                err=True,
            )
        raise typer.Exit(report.exit_code)


@app.command()
def validate(
    path: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="A converted .parquet/.csv file, or reports to check."),
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the summary JSON instead of the human summary.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every file and every check.")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Run the checks on converted rows or on reports.

    The exit status says if they passed: 0 passed, 1 a check failed, 2 nothing usable.
    """
    with _handled(debug):
        from .pipeline import convert as run_convert
        from .pipeline import validate as run_validate
        from .read import read_rows
        from .records import Settings
        from .render import render_summary

        if not path.exists():
            _fail(f"{path}: no such file or folder")
        if path.is_file() and path.suffix.lower() in (".parquet", ".pq", ".csv"):
            report = run_validate(read_rows(path))
        else:
            settings = Settings(
                jobs=os.cpu_count() or 1, keep_cells=False, isolate=True, debug=debug
            )
            report = run_validate(run_convert(path, settings))
        if json_out:
            report.write_json(sys.stdout.buffer)  # a piece at a time
            sys.stdout.buffer.flush()
        else:
            render_summary(_console(stderr=False), report, verbose=verbose)
        raise typer.Exit(report.exit_code)


def _inspect_work(item: InputFile, settings: Settings) -> tuple[Inspection, ...]:
    from .inspect import inspect_reports

    return inspect_reports(item.path, settings)


def _inspect_lost(item: InputFile, reason: str) -> tuple[Inspection, ...]:
    from .inspect import from_result
    from .records import FileResult

    return (from_result(FileResult(item.source, None, "error", reason)),)


def _inspect_bounded(file: Path, debug: bool) -> tuple[Inspection, ...]:
    """`inspect_reports` in a worker process, within the time and memory limits of
    `convert`."""
    from dataclasses import replace

    from .discover import InputFile, shown_name
    from .errors import UsageError
    from .records import Settings
    from .workers import run

    if not file.exists():
        raise UsageError(f"{file}: no such file")
    if file.is_dir():
        raise UsageError(f"{file}: is a folder; inspect reads one file")
    found: list[tuple[Inspection, ...]] = []
    settings = Settings(isolate=True, debug=debug)
    item = InputFile(file, os.fspath(file))
    run([item], settings, 1, _inspect_work, _inspect_lost, lambda _, r: found.append(r))
    return tuple(replace(insp, source=shown_name(insp.source)) for insp in found[0])


@app.command("inspect")
def inspect_command(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="One report (PDF or text) to look into.")
    ],
    json_out: JsonOption = False,
    debug: DebugOption = False,
) -> None:
    """Show what nhth reads from one document.

    Kind, jurisdiction, year, period, each table with its rows, warnings, and the lines that
    look like table rows but were not read; for a file of several reports (a merged PDF), each
    report in turn (with --json, a list of them). Exit status 0 when every report was parsed, 1
    when the document was skipped or could not be read.
    """
    with _handled(debug):
        import json

        from .render import render_inspection

        found = _inspect_bounded(file, debug)
        if json_out:
            data = [insp.to_dict() for insp in found]
            shown = data[0] if len(data) == 1 else data
            typer.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        else:
            console = _console(stderr=False)
            for n, insp in enumerate(found, 1):
                if len(found) > 1:
                    console.rule(f"report {n} of {len(found)}")
                render_inspection(console, insp)
        raise typer.Exit(0 if all(insp.status == "parsed" for insp in found) else 1)


@app.command("tables")
def tables_command(json_out: JsonOption = False) -> None:
    """List the table vocabulary.

    Each table id with its printed heading, the report kinds it occurs in, and whether its rows
    add up to a total (cumulative).
    """
    from .tables import TABLES

    if json_out:
        import json
        from dataclasses import asdict

        typer.echo(json.dumps([asdict(t) for t in TABLES], indent=2, ensure_ascii=False))
        return
    from .render import render_tables

    render_tables(_console(stderr=False), TABLES)


def main() -> None:
    """The `nhth` command. Its commands never use NumPy, which pyarrow (16 and later) imports
    only when it can: about 0.1 s of every run that reads or writes Arrow. The command's process
    blocks that import (a None in sys.modules makes `import numpy` fail); `nhth_cli.convert()`
    called from Python, where pandas may be wanted next, does not."""
    sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]
    app(prog_name=PROG)
