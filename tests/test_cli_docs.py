"""Every command has --help with an example, and the README documents every command."""

from __future__ import annotations

import pytest

from conftest import ROOT
from flows.cli import EXAMPLES, build_parser

COMMANDS = sorted(EXAMPLES)


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_every_command_has_an_example():
    assert sorted(_subparsers()) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out and f"zhfacts {command}" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_command(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"zhfacts {command}" in readme


def test_readme_starts_with_the_two_setup_commands():
    lines = [line.strip() for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.strip()]
    commands = [line for line in lines[:12] if line.startswith("make ")]
    assert commands[:2] == ["make run", "make test"]


def test_example_queries_run_on_an_empty_warehouse(tmp_path):
    from warehouse.db import connect_writer
    from warehouse.query import run_query

    db = tmp_path / "empty.duckdb"
    connect_writer(db).close()
    queries = sorted((ROOT / "warehouse" / "queries").glob("*.sql"))
    assert queries
    for path in queries:
        run_query(db, path.read_text(encoding="utf-8"))
