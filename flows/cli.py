"""`zhfacts`: a thin command line over the library (flows, warehouse)."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import time
import uuid
import warnings
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_DB = "warehouse/facts.duckdb"
PRESTART_BYTES = 1_000_000  # input from which `run` starts its workers before Prefect (~500 documents: two batches)
DEFAULT_SOURCE = "seeds"

EXAMPLES = {
    "run": "example:\n  zhfacts run --source seeds --source ~/news/2023.jsonl --db warehouse/facts.duckdb",
    "serve": 'example:\n  zhfacts serve --cron "*/30 * * * *" --source ~/news --db warehouse/facts.duckdb',
    "query": 'example:\n  zhfacts query "SELECT company, amount_usd FROM funding_rounds ORDER BY amount_usd DESC LIMIT 5"',
    "export": "example:\n  zhfacts export --out exports/ --format parquet",
    "eval": "example:\n  zhfacts eval --gold tests/gold/seeds.json --db warehouse/facts.duckdb --verbose",
}


def _fail(message: str, code: int = 1) -> int:
    print(f"zhfacts: {' '.join(message.split())}", file=sys.stderr)  # one line, never wrapped
    return code


def _print_summary(summary, seconds: float, counts: dict[str, int]) -> None:
    """`counts`: rows per table, read before the run let go of the database (another run may
    take the write lock at once, and then the file cannot be opened, even to read)."""
    from warehouse.db import ALL_TABLES

    console = Console(soft_wrap=True)  # one line per fact, however narrow the terminal or pipe
    for run_id in summary.interrupted_runs:
        console.print(f"note: run {run_id} was interrupted (status 'interrupted' in runs); this run loaded what it had not",
                      highlight=False)
    table = Table(title=f"zhfacts run {summary.run_id} → {summary.db}", title_justify="left")
    table.add_column("table")
    table.add_column("rows in warehouse", justify="right")
    table.add_column("loaded this run", justify="right")
    loaded = dict(summary.facts_by_table, documents=summary.docs_loaded, rejects=summary.docs_rejected)
    for name in ALL_TABLES:
        table.add_row(name, f"{counts[name]:,}", f"{loaded[name]:,}" if name in loaded else "")
    console.print(table)
    removed = f", {summary.docs_removed} removed (source edited)" if summary.docs_removed else ""
    console.print(
        f"documents: {summary.docs_seen} seen, {summary.docs_loaded} loaded, {summary.docs_unchanged} unchanged, "
        f"{summary.docs_rejected} rejected{removed} · {summary.facts_loaded:,} facts · {seconds:.1f} s",
        highlight=False,
    )
    if summary.batches:
        console.print(f"extraction: {summary.batches} batches on {summary.task_runner}, "
                      f"{len(summary.workers)} process(es) extracted", highlight=False)
    for reject in summary.rejects[:10]:
        console.print(f"  rejected {reject.source_uri}: {reject.reason}", markup=False, highlight=False)
    if summary.docs_rejected > 10:
        console.print(f"  … and {summary.docs_rejected - 10} more (SELECT * FROM rejects)", highlight=False)


def _run_options(args: argparse.Namespace) -> dict:
    """Flow parameters shared by `run` and `serve`. Paths stay as given: they become the
    documents' source_uri, and served runs work in the directory serve was started from."""
    return dict(
        sources=[str(s) for s in (args.source or [DEFAULT_SOURCE])],
        db=str(args.db),
        batch_size=args.batch_size,
        max_bytes=args.max_bytes,
        wait_seconds=args.wait,
        task_runner=args.task_runner,
        workers=args.workers,
        dask_address=args.dask_address,
    )


def cmd_run(args: argparse.Namespace) -> int:
    from flows import runtime

    runtime.configure(verbose=args.verbose)
    from warehouse.db import ALL_TABLES, WarehouseBusy, WarehouseError, connect_writer

    options = _run_options(args)
    from flows import sources

    started = time.perf_counter()
    try:
        # Take the write lock before starting Prefect: a second run on the same file fails (or
        # waits, with --wait) at once instead of after the server's start-up. The flow's own
        # connection shares this process's database instance, so it does not conflict.
        guard = connect_writer(options["db"], wait_seconds=args.wait)
    except (WarehouseBusy, WarehouseError) as error:
        return _fail(str(error))
    from flows import batch

    if options["task_runner"] == "process" and sources.bytes_at_least(options["sources"], PRESTART_BYTES):
        # Enough input for several batches: the extraction workers import, warm up and begin on
        # the first batches while Prefect's API starts, instead of after it (the flow takes the
        # workers and their work over: flows.batch.start_head).
        workers = options["workers"] or batch.default_workers()
        batch.prestart_pool(workers)
        from extractors.context import ruleset_version
        from warehouse import loader

        version = ruleset_version()
        try:
            batch.start_head(options["sources"], options["batch_size"], options["max_bytes"], workers, uuid.uuid4().hex[:12],
                             version, loader.column_names(guard), loader.known_inputs(guard, version))
        except Exception:  # noqa: BLE001 - a head start is only a head start: the flow discovers and reports
            pass
    try:
        with runtime.embedded_server():
            from flows import progress
            from flows.pipeline import run_flow

            if not args.verbose:
                progress.install(progress.terminal_reporter())
            summary = run_flow(**options)
        counts = {name: guard.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in ALL_TABLES}
    except (WarehouseBusy, WarehouseError, runtime.ServerError) as error:
        return _fail(str(error))
    finally:
        batch.discard_prestarted_pool()
        guard.close()
    _print_summary(summary, time.perf_counter() - started, counts)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import signal

    from flows import runtime

    runtime.configure(verbose=args.verbose)

    def stop(signum, frame):  # SIGTERM stops like Ctrl-C: the runner, then the server
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    # Ctrl-C (SIGINT) stops serve even when it was started from a background job, which a
    # non-interactive shell starts with SIGINT ignored (`zhfacts serve … &` in a script): Python
    # only installs its KeyboardInterrupt handler where the parent left SIGINT alone.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # Once serving, Prefect's runner takes SIGTERM over: its handler calls the async Runner.stop
    # without awaiting it (Prefect 3.8: a RuntimeWarning, nothing else) and exits with
    # SystemExit(0), which the `with` below turns into a clean stop of the server.
    warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited", category=RuntimeWarning)
    options = _run_options(args)
    schedule = f"cron '{args.cron}'" if args.cron else f"every {args.interval:g} s"
    try:
        with runtime.prefect_server(args.host, args.port) as server:
            from prefect.deployments.runner import EntrypointType

            from flows.pipeline import run_flow

            started = "started" if server.owned else "using"
            print(f"zhfacts: {started} the Prefect server at {server.api_url} (UI: {server.ui_url})", flush=True)
            print(f"zhfacts: serving deployment zhfacts-run/{args.name} on {schedule}; "
                  f"sources {', '.join(options['sources'])} → {options['db']}; Ctrl-C stops", flush=True)
            try:
                run_flow.serve(
                    name=args.name,
                    cron=args.cron,
                    interval=args.interval,
                    parameters=options,
                    limit=1,  # one run at a time: a slow run delays the next tick instead of racing it
                    pause_on_shutdown=True,
                    print_starting_message=False,
                    entrypoint_type=EntrypointType.MODULE_PATH,
                )
            except ValueError as error:  # an invalid cron expression, for one
                return _fail(f"cannot serve: {str(error).splitlines()[0]}")
    except runtime.ServerError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        pass
    except SystemExit as exit_:  # SIGTERM, through Prefect's runner (see above)
        if exit_.code not in (0, None):
            raise
    print("zhfacts: stopped", flush=True)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from warehouse.db import WarehouseBusy, WarehouseError
    from warehouse.query import QueryError, run_query, to_csv, to_json

    try:
        columns, rows = run_query(args.db, args.sql)
    except (QueryError, WarehouseError, WarehouseBusy) as error:
        return _fail(str(error))
    if args.format == "csv":
        sys.stdout.write(to_csv(columns, rows))
    elif args.format == "json":
        sys.stdout.write(to_json(columns, rows) + "\n")
    else:
        table = Table(show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
        Console(stderr=True).print(f"{len(rows)} row(s)", highlight=False)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from warehouse.db import WarehouseBusy, WarehouseError
    from warehouse.export import export

    try:
        written = export(args.db, args.out, args.format)
    except (WarehouseError, WarehouseBusy) as error:
        return _fail(str(error))
    for table, path in written.items():
        print(f"{table:<18} {path}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from warehouse.db import WarehouseBusy, WarehouseError
    from warehouse.evaluate import evaluate, format_report, report_json

    try:
        report = evaluate(args.gold, args.db)
    except (WarehouseError, WarehouseBusy, ValueError, FileNotFoundError) as error:
        return _fail(str(error).splitlines()[0])
    print(report_json(report) if args.json else format_report(report, verbose=args.verbose))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhfacts",
        description="Facts from Chinese AI-industry news into DuckDB: funding rounds, valuations, model counts, dates, quotes.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands: run, serve, query, export, eval. `zhfacts COMMAND --help` shows an example for each.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=EXAMPLES[name],
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--db", default=DEFAULT_DB, type=Path, help=f"DuckDB file (default {DEFAULT_DB})")
        return p

    def run_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--source", action="append", type=Path, help="file or folder to read (repeatable; default seeds/)")
        p.add_argument("--batch-size", type=int, default=None,
                       help="documents per extraction task (default: at least 250, and at most 400 tasks a run)")
        p.add_argument("--max-bytes", type=int, default=20 * 1024 * 1024, help="reject files larger than this (default 20 MB)")
        p.add_argument("--task-runner", choices=("process", "thread", "dask"), default="process",
                       help="where extraction runs: a process pool on this machine (default), threads, or Dask")
        p.add_argument("--workers", type=int, default=None,
                       help="extraction processes (default: the CPU cores; for dask, the local cluster's workers)")
        p.add_argument("--dask-address", default=None, metavar="tcp://HOST:8786",
                       help="with --task-runner dask: a running Dask scheduler (default: start a local cluster)")

    run = command("run", "Read every document under the sources, clean, extract and load into the DuckDB file.")
    run_options(run)
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait this long for another run to release the database")
    run.add_argument("--verbose", action="store_true", help="show Prefect's logs (instead of the progress bar)")
    run.set_defaults(handler=cmd_run)

    serve = command("serve", "Run the pipeline on a schedule: a local Prefect server (UI on localhost) and a deployment.")
    schedule = serve.add_mutually_exclusive_group(required=True)
    schedule.add_argument("--cron", metavar="EXPR", help='cron schedule, e.g. "*/30 * * * *" (every 30 minutes)')
    schedule.add_argument("--interval", type=float, metavar="SECONDS", help="run every SECONDS instead of on a cron")
    run_options(serve)
    serve.add_argument("--wait", type=float, default=600.0, metavar="SECONDS",
                       help="how long a scheduled run waits for another run to release the database (default 600)")
    serve.add_argument("--host", default="127.0.0.1", help="address the Prefect server listens on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=4200, help="port of the Prefect server and its UI (default 4200)")
    serve.add_argument("--name", default="scheduled", help="deployment name shown in the UI (default: scheduled)")
    serve.add_argument("--verbose", action="store_true", help="show Prefect's logs")
    serve.set_defaults(handler=cmd_serve)

    query = command("query", "Run SQL against the warehouse on a read-only connection.")
    query.add_argument("sql", help="the SQL statement")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.set_defaults(handler=cmd_query)

    exp = command("export", "Write every table to DIR/<table>.csv or DIR/<table>.parquet.")
    exp.add_argument("--out", required=True, type=Path, help="output folder")
    exp.add_argument("--format", choices=("csv", "parquet"), default="csv")
    exp.set_defaults(handler=cmd_export)

    ev = command("eval", "Precision, recall and F1 per fact kind against a gold file (fact-gold/1).")
    ev.add_argument("--gold", required=True, type=Path, help="gold file, e.g. tests/gold/seeds.json")
    ev.add_argument("--verbose", action="store_true", help="list every miss and every extra")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.set_defaults(handler=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


_exit_status = 1


def _exit_without_teardown() -> None:
    """The last exit handler: every other one has run (Prefect's log and event flushes), and
    connections and files are closed; what the interpreter's teardown would do next only frees
    memory, and took ~1 s after a run (Prefect's server app)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_exit_status)


def entry() -> None:
    """The `zhfacts` command: main(), exiting as it says, without the interpreter's teardown."""
    global _exit_status
    atexit.register(_exit_without_teardown)  # registered first, so it runs after every other handler
    try:
        _exit_status = main()
    except SystemExit as stop:  # --help, argparse errors: Python prints the message, we keep the code
        _exit_status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        raise
    except KeyboardInterrupt:
        _exit_status = 130
        raise
    sys.exit(_exit_status)


if __name__ == "__main__":  # pragma: no cover
    entry()
