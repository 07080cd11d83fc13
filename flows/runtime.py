"""Prefect settings for a project-owned, offline, quiet embedded run. Import before prefect."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_home() -> Path:
    """.zhfacts/ in the source checkout when running from one, else ~/.zhfacts."""
    if (PROJECT_ROOT / "pyproject.toml").exists() and os.access(PROJECT_ROOT, os.W_OK):
        return PROJECT_ROOT / ".zhfacts"
    return Path.home() / ".zhfacts"


def configure(verbose: bool = False) -> None:
    """Point Prefect at a folder we own and keep it off the network and quiet."""
    home = Path(os.environ.get("ZHFACTS_HOME", default_home()))
    os.environ.setdefault("PREFECT_HOME", str(home / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
    os.environ.setdefault("PREFECT_CLI_COLORS", "false")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
