"""Progress of a run as it loads batches: a rich bar with docs/s on a terminal, nothing otherwise.

The flow reports to whatever reporter is installed here; the CLI installs the bar for
`zhfacts run` when stderr is a terminal. Served runs (subprocesses, no terminal) log instead.
"""

from __future__ import annotations

import sys
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text


class Reporter(Protocol):
    def start(self, total_docs: int, batches: int) -> None: ...
    def advance(self, docs: int, facts: int) -> None: ...
    def stop(self) -> None: ...


class NullReporter:
    def start(self, total_docs: int, batches: int) -> None:
        pass

    def advance(self, docs: int, facts: int) -> None:
        pass

    def stop(self) -> None:
        pass


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} docs/s" if speed else "– docs/s")


class RichReporter:
    """A bar on stderr: documents done of those discovered, docs/s, facts, elapsed and ETA."""

    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("[bold]extract+load"),
            BarColumn(),
            TextColumn("{task.completed:,.0f}/{task.total:,.0f} docs"),
            _RateColumn(),
            TextColumn("{task.fields[facts]:,} facts"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=True,
            speed_estimate_period=60,
        )
        self._task = None

    def start(self, total_docs: int, batches: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task("run", total=max(total_docs, 1), facts=0)

    def advance(self, docs: int, facts: int) -> None:
        if self._task is not None:
            current = self._progress.tasks[0].fields["facts"]
            self._progress.update(self._task, advance=docs, facts=current + facts)

    def stop(self) -> None:
        self._progress.stop()


_reporter: Reporter = NullReporter()


def install(reporter: Reporter) -> None:
    global _reporter
    _reporter = reporter


def current() -> Reporter:
    return _reporter


def terminal_reporter() -> Reporter:
    """The rich bar when stderr is a terminal, else nothing (logs and CI output stay clean)."""
    return RichReporter() if sys.stderr.isatty() else NullReporter()
