"""The nhth benchmark: `nhth convert` end to end against its floors and its peer, in one run.

    python bench/run.py                  # the sizes of issue 6 (takes about 15 minutes)
    python bench/run.py --quick          # a smoke run on small sets (under a minute)
    python bench/run.py --only text,startup --repeats 5

Workloads (each measured in a fresh `bench/measure.py` wrapper process, repeats interleaved, the
median reported): `nhth convert` on generated text reports vs reading the same files and scanning
them with one compiled regex; `nhth convert` on 1,000 vs 10,000 text reports (time per report,
peak RSS); `nhth convert` on generated PDFs vs bare pypdfium2 text extraction and vs pdfplumber's
`extract_text`; `nhth --help` vs `python -c "import typer, rich.console"`, and which heavy
modules `nhth --help` and a text-only `nhth convert` import. Prints a table and writes
everything as JSON to bench/results/latest.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
PY = sys.executable
HEAVY = ("pandas", "pyarrow", "pypdfium2", "pdfplumber", "numpy", "nhth_cli.parse")

sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (bench/generate.py: the sets, made by tests/builder.py)

NHTH: list[str] = []  # --nhth: another nhth command to measure (e.g. a patched copy)


def nhth_command() -> list[str]:
    if NHTH:
        return list(NHTH)
    script = Path(PY).parent / "nhth"
    return [str(script)] if script.exists() else [PY, "-m", "nhth_cli"]


# -- data sets ---------------------------------------------------------------------------------


@dataclass
class DataSet:
    kind: str  # text or pdf
    n: int
    path: Path
    rows: int = 0
    pages: int = 0
    duplicates: int = 0  # reports repeating a (jurisdiction, year) already in the set


# What makes the sets: a change to any of them makes them again.
GENERATOR = (HERE / "generate.py", REPO / "tests" / "builder.py", REPO / "tests" / "renditions.py")


def _generator_version() -> str:
    digest = hashlib.sha256()
    for path in GENERATOR:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def dataset(kind: str, n: int, root: Path) -> DataSet:
    """The generated set of n reports, reused while its generator (GENERATOR) is unchanged."""
    path = root / f"{kind}-{n}"
    manifest = path / ".manifest.json"  # hidden: nhth and the floors skip it
    version = _generator_version()
    if manifest.exists():
        meta = json.loads(manifest.read_text())
        if meta.get("generator") == version:
            return DataSet(kind, n, path, meta["rows"], meta["pages"], meta["duplicates"])
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    start = time.perf_counter()
    made = (generate.generate_text if kind == "text" else generate.generate_pdf)(path, n)
    ds = DataSet(
        kind,
        n,
        path,
        sum(m.rows for m in made),
        sum(m.pages for m in made),
        sum(m.duplicate for m in made),
    )
    meta = {"generator": version, "rows": ds.rows, "pages": ds.pages, "duplicates": ds.duplicates}
    manifest.write_text(json.dumps(meta))
    print(
        f"  generated {n} {kind} reports ({ds.pages} pages) in "
        f"{time.perf_counter() - start:.1f} s: {path}"
    )
    return ds


# -- measuring ---------------------------------------------------------------------------------


@dataclass
class Workload:
    name: str
    command: list[str]
    reports: int = 0
    pages: int = 0
    check: Callable[[dict[str, Any]], dict[str, Any]] | None = None  # what the run produced
    runs: list[dict[str, Any]] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(r[key] for r in self.runs) if self.runs else float("nan")

    def summary(self) -> dict[str, Any]:
        wall = self.median("wall_s")
        return {
            "name": self.name,
            "command": self.command,
            "reports": self.reports,
            "pages": self.pages,
            "runs": len(self.runs),
            "wall_s": wall,
            "wall_s_all": [r["wall_s"] for r in self.runs],
            "cpu_s": self.median("cpu_s"),
            "peak_rss_mb": max((r["peak_rss_mb"] for r in self.runs), default=float("nan")),
            "tree_rss_mb": max((r["tree_rss_mb"] for r in self.runs), default=float("nan")),
            "reports_per_s": self.reports / wall if self.reports and wall else None,
            "pages_per_s": self.pages / wall if self.pages and wall else None,
            "returncodes": sorted({r["returncode"] for r in self.runs}),
            "output": self.runs[-1].get("output") if self.runs else None,
        }


def measure(command: Sequence[str]) -> dict[str, Any]:
    wrapper = [PY, str(HERE / "measure.py"), "--", *command]
    done = subprocess.run(wrapper, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def interleave(workloads: Sequence[Workload], repeats: int, warmup: bool) -> None:
    """A, B, C, A, B, C, ...: slow drifts of the machine hit every workload alike."""
    if warmup:
        for w in workloads:
            measure(w.command)
    for r in range(repeats):
        for w in workloads:
            run = measure(w.command)
            if w.check is not None:
                run["output"] = w.check(run)
            w.runs.append(run)
            rc = run["returncode"]
            said = (run["stderr_tail"].strip() or run["stdout_tail"].strip())[-200:]
            note = f" (exit {rc}: {said.splitlines()[-1] if said else ''})" if rc else ""
            print(
                f"  [{r + 1}/{repeats}] {w.name}: {run['wall_s']:.3f} s, "
                f"{run['peak_rss_mb']:.0f} MB{note}",
                flush=True,
            )


def nhth_convert(ds: DataSet, out_dir: Path, label: str) -> Workload:
    """`nhth convert DIR out.parquet`, checked against the rows the generator made."""
    out = out_dir / f"{label}.parquet"

    def check(run: dict[str, Any]) -> dict[str, Any]:
        summary_file = out.with_suffix(".validation.json")
        try:
            summary = json.loads(summary_file.read_text())["summary"]
        except (OSError, ValueError, KeyError):
            return {"ok": False, "problem": f"no summary in {summary_file}"}
        problems = []
        if summary.get("rows") != ds.rows:
            problems.append(f"{summary.get('rows')} rows, the generator made {ds.rows}")
        if summary.get("parsed") != ds.n:
            problems.append(f"{summary.get('parsed')} of {ds.n} reports parsed")
        if summary.get("failed", 0) > ds.duplicates:
            problems.append(f"{summary.get('failed')} checks failed")
        return {"ok": not problems, "problem": "; ".join(problems) or None, "summary": summary}

    return Workload(
        label, [*nhth_command(), "convert", str(ds.path), str(out)], ds.n, ds.pages, check
    )


def floor(kind: str, ds: DataSet, label: str, limit: int | None = None) -> Workload:
    n = min(limit, ds.n) if limit else ds.n
    pages = round(ds.pages * n / ds.n) if ds.n else 0

    def check(run: dict[str, Any]) -> dict[str, Any]:
        try:
            out: dict[str, Any] = json.loads(run["stdout_tail"].strip().splitlines()[-1])
        except (ValueError, IndexError):
            return {"ok": False, "problem": "no output"}
        out["ok"] = out.get("files") == n
        if kind != "text" and out.get("pages"):
            w.pages = out["pages"]
        return out

    command = [PY, str(HERE / "floors.py"), kind, str(ds.path)]
    if limit:
        command += ["--limit", str(limit)]
    w = Workload(label, command, n, pages, check)
    return w


def imports_of(command: Sequence[str]) -> dict[str, Any]:
    """Which heavy modules a command imports (`-X importtime`), and their cumulative cost."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}  # works through wrappers like env
    done = subprocess.run(list(command), capture_output=True, text=True, env=env)
    found: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line.split("|")
        if len(parts) < 3:
            continue
        name = parts[2].rstrip()
        top = name.strip()
        for heavy in HEAVY:
            if top == heavy:
                found[heavy] = int(parts[1].strip()) / 1e6  # cumulative, seconds
    return {"heavy": sorted(found), "seconds": found, "returncode": done.returncode}


# -- the scenarios -----------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    value: float | None
    limit: float
    kind: str  # "max" (value <= limit) or "min" (value >= limit)
    unit: str = "x"
    note: str = ""

    @property
    def ok(self) -> bool | None:
        if self.value is None:
            return None
        return self.value <= self.limit if self.kind == "max" else self.value >= self.limit


def run(args: argparse.Namespace) -> dict[str, Any]:
    data = Path(args.data)
    work = RESULTS / "work"
    work.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(",")) if args.only else {"text", "scale", "pdf", "startup"}
    workloads: dict[str, Workload] = {}
    targets: list[Target] = []
    extra: dict[str, Any] = {}
    warm = not args.no_warmup

    if "startup" in only:
        print("start-up")
        help_ = Workload("start-up: nhth --help", [*nhth_command(), "--help"])
        base = Workload(
            "start-up: python -c 'import typer, rich.console'",
            [PY, "-c", "import typer, rich.console"],
        )
        interleave([help_, base], args.startup_repeats, warm)
        workloads.update({"startup_nhth": help_, "startup_base": base})
        help_imports = imports_of([*nhth_command(), "--help"])
        extra["help_imports"] = help_imports
        targets.append(
            Target(
                "start-up: nhth --help / import typer, rich.console",
                help_.median("wall_s") / base.median("wall_s"),
                1.5,
                "max",
            )
        )
        targets.append(
            Target(
                "start-up: heavy modules imported by nhth --help",
                float(len([h for h in help_imports["heavy"] if h != "nhth_cli.parse"])),
                0,
                "max",
                "",
                ", ".join(help_imports["heavy"]) or "none",
            )
        )

    if "text" in only:
        print("text")
        ds = dataset("text", args.text_n, data)
        nhth = nhth_convert(ds, work, f"text-{ds.n}")
        base = floor("text", ds, "text: floor (read + one regex)")
        nhth.name = f"text: nhth convert ({ds.n:,} reports)"
        interleave([nhth, base], args.repeats, warm)
        workloads.update({"text_nhth": nhth, "text_floor": base})
        targets.append(
            Target(
                "text: nhth / read+regex floor",
                nhth.median("wall_s") / base.median("wall_s"),
                2.5,
                "max",
            )
        )
        small = dataset("text", min(56, args.text_n), data)
        convert_imports = imports_of(
            [*nhth_command(), "convert", str(small.path), str(work / "imports.parquet")]
        )
        extra["text_convert_imports"] = convert_imports

    if "scale" in only:
        print("scaling")
        small_n, big_n = args.scale_n
        small, big = dataset("text", small_n, data), dataset("text", big_n, data)
        a = nhth_convert(small, work, f"scale-{small_n}")
        b = nhth_convert(big, work, f"scale-{big_n}")
        a.name = f"scale: nhth convert ({small_n:,} reports)"
        b.name = f"scale: nhth convert ({big_n:,} reports)"
        interleave([a, b], args.scale_repeats, False)
        workloads.update({"scale_small": a, "scale_big": b})
        per_a, per_b = a.median("wall_s") / small_n, b.median("wall_s") / big_n
        targets.append(
            Target(
                f"scaling: time per report at {big_n:,} / at {small_n:,}",
                per_b / per_a,
                1.25,
                "max",
            )
        )
        targets.append(
            Target(
                f"scaling: peak RSS at {big_n:,} reports",
                b.summary()["peak_rss_mb"],
                300,
                "max",
                " MB",
                f"largest process; whole tree {b.summary()['tree_rss_mb']:.0f} MB",
            )
        )
        if big.duplicates:
            extra["scale_note"] = (
                f"{big.duplicates} of the {big_n:,} reports repeat a (jurisdiction, year) "
                f"({generate.PER_ROUND:,} unique), so "
                "duplicate_report checks fail there by design"
            )

    if "pdf" in only:
        print("pdf")
        ds = dataset("pdf", args.pdf_n, data)
        nhth = nhth_convert(ds, work, f"pdf-{ds.n}")
        nhth.name = f"pdf: nhth convert ({ds.n:,} PDFs, {ds.pages:,} pages)"
        base = floor("pdfium", ds, "pdf: floor (bare pypdfium2 text)")
        peer_n = args.peer_n if args.peer_n is not None else ds.n
        peer = floor("pdfplumber", ds, "pdf: peer (pdfplumber extract_text)", peer_n)
        group = [nhth, base] + ([peer] if peer_n else [])
        interleave(group, args.repeats, warm)
        workloads.update({"pdf_nhth": nhth, "pdf_floor": base})
        targets.append(
            Target(
                "pdf: nhth / bare pypdfium2 floor",
                nhth.median("wall_s") / base.median("wall_s"),
                1.5,
                "max",
            )
        )
        if peer_n:
            workloads["pdf_peer"] = peer
            per_page_nhth = nhth.median("wall_s") / ds.pages
            per_page_peer = peer.median("wall_s") / max(peer.pages, 1)
            targets.append(
                Target(
                    "pdf: pdfplumber time per page / nhth time per page",
                    per_page_peer / per_page_nhth,
                    10,
                    "min",
                )
            )

    return {
        "machine": machine(),
        "config": {k: v for k, v in vars(args).items()},
        "workloads": {k: w.summary() for k, w in workloads.items()},
        "targets": [asdict(t) | {"ok": t.ok} for t in targets],
        "extra": extra,
    }


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = float("nan")
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "nhth_cli"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    from importlib.metadata import PackageNotFoundError, version

    def v(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit + ("+dirty" if dirty else ""),
        "versions": {p: v(p) for p in ("nhth-cli", "pyarrow", "pypdfium2", "pdfplumber", "typer")},
    }


# -- report ------------------------------------------------------------------------------------


def _fmt(x: float | None, digits: int = 2) -> str:
    if x is None or x != x:
        return "-"
    return f"{x:,.{digits}f}"


def print_report(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(150, shutil.get_terminal_size().columns))
    m = result["machine"]
    console.print(
        f"\n[bold]nhth benchmark[/] {m['date']}: {m['cpus']} CPUs ({m['cpu']}), "
        f"{m['memory_gb']} GB, Python {m['python']}, commit {m['commit']}"
    )
    table = Table(title="Workloads (median of the runs)", title_justify="left")
    for col in (
        "workload",
        "runs",
        "wall s",
        "CPU s",
        "reports/s",
        "pages/s",
        "peak RSS MB",
        "tree RSS MB",
        "exit",
        "output",
    ):
        table.add_column(col, justify="left" if col in ("workload", "output") else "right")
    for w in result["workloads"].values():
        out = w.get("output") or {}
        status = "" if not out else ("ok" if out.get("ok") else f"[red]{out.get('problem')}[/]")
        table.add_row(
            w["name"],
            str(w["runs"]),
            _fmt(w["wall_s"], 3),
            _fmt(w["cpu_s"], 2),
            _fmt(w["reports_per_s"], 0),
            _fmt(w["pages_per_s"], 0),
            _fmt(w["peak_rss_mb"], 0),
            _fmt(w["tree_rss_mb"], 0),
            ",".join(map(str, w["returncodes"])),
            status,
        )
    console.print(table)
    targets = Table(title="Targets (issue 6)", title_justify="left")
    for col in ("target", "measured", "limit", "met"):
        targets.add_column(col, justify="left" if col == "target" else "right")
    for t in result["targets"]:
        sign = "<=" if t["kind"] == "max" else ">="
        met = {True: "[green]yes[/]", False: "[red]no[/]", None: "-"}[t["ok"]]
        value = _fmt(t["value"], 2 if t["unit"] else 0) + t["unit"]
        if t["note"]:
            value += f" ({t['note']})"
        targets.add_row(t["name"], value, f"{sign} {t['limit']:g}{t['unit']}", met)
    console.print(targets)
    for key, label in (
        ("help_imports", "nhth --help imports"),
        ("text_convert_imports", "text-only nhth convert imports"),
    ):
        info = result["extra"].get(key)
        if info:
            heavy = ", ".join(f"{k} ({v:.2f} s)" for k, v in sorted(info["seconds"].items()))
            console.print(f"{label}: {heavy or 'no heavy modules'}")
    if "scale_note" in result["extra"]:
        console.print(f"note: {result['extra']['scale_note']}")


def markdown(result: dict[str, Any]) -> str:
    """The run as Markdown: the machine, the workloads and the targets."""
    m = result["machine"]
    out = [
        f"Measured {m['date'][:10]} on {m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB RAM, "
        f"{m['platform']}, Python {m['python']}, nhth commit {m['commit']}; median of "
        f"{result['config']['repeats']} interleaved runs (`python bench/run.py`).",
        "",
        "| workload | wall s | CPU s | reports/s | pages/s | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for w in result["workloads"].values():
        out.append(
            f"| {w['name']} | {_fmt(w['wall_s'], 3)} | {_fmt(w['cpu_s'], 2)} | "
            f"{_fmt(w['reports_per_s'], 0)} | {_fmt(w['pages_per_s'], 0)} | "
            f"{_fmt(w['peak_rss_mb'], 0)} |"
        )
    out += ["", "| target | measured | limit | met |", "|---|---:|---:|---|"]
    for t in result["targets"]:
        sign = "<=" if t["kind"] == "max" else ">="
        value = _fmt(t["value"], 2 if t["unit"] else 0) + t["unit"]
        if t["note"]:
            value += f" ({t['note']})"
        met = {True: "yes", False: "**no**", None: "-"}[t["ok"]]
        out.append(f"| {t['name']} | {value} | {sign} {t['limit']:g}{t['unit']} | {met} |")
    return "\n".join(out) + "\n"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--text-n", type=int, default=1120, help="text reports (56 x 20 years)")
    p.add_argument(
        "--scale-n",
        type=lambda s: tuple(int(x) for x in s.split(",")),
        default=(1000, 10000),
        help="the two sizes of the scaling runs: SMALL,BIG",
    )
    p.add_argument("--pdf-n", type=int, default=300, help="report PDFs (6-7 pages each)")
    p.add_argument(
        "--peer-n",
        type=int,
        default=None,
        help="PDFs pdfplumber reads (default all; 0 skips the peer)",
    )
    p.add_argument("--repeats", type=int, default=3, help="runs of each workload (median)")
    p.add_argument("--scale-repeats", type=int, default=None, help="default: --repeats")
    p.add_argument("--startup-repeats", type=int, default=11)
    p.add_argument("--only", help="comma-separated: text,scale,pdf,startup")
    p.add_argument("--no-warmup", action="store_true", help="skip the untimed first runs")
    p.add_argument("--data", default=str(RESULTS / "data"), help="where generated sets live")
    p.add_argument(
        "--nhth",
        help="the nhth command to measure, e.g. 'env PYTHONPATH=/tmp/copy python -m "
        "nhth_cli' (default: the nhth beside this Python)",
    )
    p.add_argument("--out", default=str(RESULTS / "latest.json"))
    p.add_argument("--markdown", help="also write the tables as Markdown to this file")
    p.add_argument("--render", help="measure nothing: print (and --markdown) this JSON result")
    p.add_argument("--quick", action="store_true", help="a smoke run: small sets, one run each")
    args = p.parse_args(argv)
    if args.quick:
        args.text_n, args.scale_n, args.pdf_n = 112, (100, 400), 12
        args.peer_n = 3 if args.peer_n is None else args.peer_n
        args.repeats, args.startup_repeats = 1, 3
    if args.scale_repeats is None:
        args.scale_repeats = args.repeats
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.nhth:
        NHTH[:] = shlex.split(args.nhth)
    if args.render:
        result = json.loads(Path(args.render).read_text())
    else:
        result = run(args)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")
    print_report(result)
    if args.markdown:
        Path(args.markdown).write_text(markdown(result))
        print(f"markdown: {args.markdown}")
    if not args.render:
        print(f"\nwritten: {args.out}")


if __name__ == "__main__":
    main()
