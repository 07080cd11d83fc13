"""Sources: find documents under files and folders, read and decode them, reject what is bad.

Nothing here raises for a bad document: every problem becomes a Reject with a one-line reason,
and the rest of the input goes on.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from extractors.document import SourceFields
from flows.decoding import UndecodableError, decode
from flows.html import html_to_page

__all__ = ["DEFAULT_MAX_BYTES", "RawDocument", "Reject", "WorkItem", "decode", "discover", "read_item"]

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
JSONL_LINES_PER_ITEM = 500
_SNIFF_BYTES = 16


@dataclass(frozen=True, slots=True)
class WorkItem:
    """A unit of reading: one file, or a range of lines of a JSONL file."""

    path: str
    kind: str  # text | html | jsonl | unsupported
    first_line: int = 1
    last_line: int | None = None
    offset: int = 0  # byte offset of first_line, so a reader seeks instead of re-reading the file

    @property
    def weight(self) -> int:
        """Documents this item holds at most (lines for JSONL), for sizing batches."""
        if self.kind == "jsonl":
            return max(0, (self.last_line if self.last_line is not None else self.first_line) - self.first_line + 1)
        return 1


@dataclass(frozen=True, slots=True)
class Reject:
    source_uri: str
    reason: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    text: str
    source: SourceFields


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "unsupported"


def _visible_entries(folder: Path) -> list[Path]:
    """Everything under a folder except folders and hidden entries; broken links and unreadable
    files included, so that each becomes a reject instead of vanishing."""
    return sorted(
        p for p in folder.rglob("*")
        if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def bytes_at_least(sources: list[str], floor: int) -> bool:
    """Whether the sources hold at least `floor` bytes of files (stops counting there): a
    cheap look, before discovery, at whether a run is big enough to need a worker pool."""
    total = 0
    for source in sources:
        path = Path(source)
        try:
            files = (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                total += file.stat().st_size
                if total >= floor:
                    return True
        except OSError:
            continue  # discovery will say what is wrong with it
    return False


def discover(sources: list[str], jsonl_lines_per_item: int = JSONL_LINES_PER_ITEM) -> tuple[list[WorkItem], list[Reject]]:
    """Every document-bearing file under the sources, in a stable order."""
    items: list[WorkItem] = []
    rejects: list[Reject] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = _visible_entries(path)
        elif path.exists() or path.is_symlink():
            files = [path]
        else:
            rejects.append(Reject(str(path), "no such file or folder"))
            continue
        for file in files:
            kind = _kind(file)
            if kind == "jsonl":
                items.extend(_jsonl_items(file, jsonl_lines_per_item, rejects))
            else:
                items.append(WorkItem(str(file), kind))
    return items, rejects


def _jsonl_items(path: Path, per_item: int, rejects: list[Reject]) -> list[WorkItem]:
    """Cut a JSONL file into items of `per_item` lines, each with the byte offset of its first
    line. Counts newlines block by block: the file is streamed once, never held in memory."""
    problem = _not_a_readable_file(str(path))
    if problem is not None:
        rejects.append(problem)
        return []
    items: list[WorkItem] = []
    line = 1  # number of the line that starts at `position`
    start_line, start_offset = 1, 0
    position = 0
    ends_with_newline = True
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                cursor = 0
                while (newline := block.find(b"\n", cursor)) != -1:
                    cursor = newline + 1
                    line += 1
                    if line - start_line == per_item:
                        items.append(WorkItem(str(path), "jsonl", start_line, line - 1, start_offset))
                        start_line, start_offset = line, position + cursor
                position += len(block)
                ends_with_newline = block.endswith(b"\n")
    except OSError as error:
        rejects.append(_unreadable(str(path), error))
        return []
    if position == 0:
        rejects.append(Reject(str(path), "empty file"))
        return []
    last_line = line - 1 if ends_with_newline else line  # a last line without its newline counts
    if last_line >= start_line:
        items.append(WorkItem(str(path), "jsonl", start_line, last_line, start_offset))
    return items


# --- checks ----------------------------------------------------------------------------------

_SIGNATURES = {
    b"\x89PNG": "PNG image", b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive", b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image", b"\x7fELF": "executable", b"\x1f\x8b": "gzip archive", b"BZh": "bzip2 archive",
    b"\xfd7zXZ\x00": "xz archive", b"7z\xbc\xaf": "7z archive", b"RIFF": "RIFF media file", b"\xd0\xcf\x11\xe0": "MS Office document",
    b"SQLite format 3": "SQLite database", b"\x00\x00\x01\x00": "icon",
}


def _signature(head: bytes) -> str | None:
    for magic, what in _SIGNATURES.items():
        if head.startswith(magic):
            return what
    return None


def _unreadable(uri: str, error: OSError) -> Reject:
    return Reject(uri, f"unreadable file: {error.strerror or type(error).__name__}", f"{type(error).__name__}: {error}")


def _not_a_readable_file(path: str) -> Reject | None:
    """Broken links, devices and pipes are rejected before anything opens them (a pipe would
    block the run)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if os.path.islink(path):
            return Reject(path, "unreadable file: broken symbolic link", f"{type(error).__name__}: {error}")
        return _unreadable(path, error)
    if not stat.S_ISREG(mode):
        return Reject(path, "not a regular file (a device, pipe or socket)")
    return None


def _read_bytes(path: str, max_bytes: int) -> bytes | Reject:
    problem = _not_a_readable_file(path)
    if problem is not None:
        return problem
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return Reject(path, f"file too large: {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as error:
        return _unreadable(path, error)


def _decode_checked(uri: str, data: bytes) -> tuple[str, str] | Reject:
    if not data.strip():
        return Reject(uri, "empty file")
    binary = _signature(data[:_SNIFF_BYTES])
    if binary:
        return Reject(uri, f"binary file ({binary}), not text")
    try:
        text, encoding = decode(data)
    except UndecodableError as error:
        if b"\x00" in data:
            return Reject(uri, "binary file (NUL bytes), not text")
        return Reject(uri, "undecodable bytes: not UTF-8, UTF-16, GB18030 or Big5", str(error))
    if "\x00" in text:
        return Reject(uri, "binary file (NUL bytes), not text")
    if not text.strip():
        return Reject(uri, "empty file")
    return text, encoding


# --- reading ---------------------------------------------------------------------------------


def _parse_time(value: object) -> datetime | None:
    """A JSONL timestamp as the wall-clock time it states (an offset is dropped, not converted:
    the machine's time zone must not change the data)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    for candidate in (text, text.replace("/", "-")):
        try:
            return datetime.fromisoformat(candidate).replace(tzinfo=None)
        except ValueError:
            continue
    return None


def read_item(item: WorkItem, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Reject]:
    """The documents in one work item, or a Reject for each that cannot be read."""
    if item.kind == "jsonl":
        yield from _read_jsonl(item, max_bytes)
        return
    data = _read_bytes(item.path, max_bytes)
    if isinstance(data, Reject):
        yield data
        return
    if item.kind == "unsupported":
        binary = _signature(data[:_SNIFF_BYTES])
        if binary:
            yield Reject(item.path, f"binary file ({binary}), not text")
        else:
            suffix = Path(item.path).suffix or "(none)"
            yield Reject(item.path, f"unsupported file type {suffix}; expected .txt, .md, .html, .htm or .jsonl")
        return
    decoded = _decode_checked(item.path, data)
    if isinstance(decoded, Reject):
        yield decoded
        return
    text, encoding = decoded
    if item.kind == "html":
        page = html_to_page(text)
        if not page.text.strip():
            yield Reject(item.path, "HTML page with no main text")
            return
        yield RawDocument(
            page.text,
            SourceFields(source_uri=item.path, title=page.title, published_at=page.published_at,
                         source_name=page.site_name, encoding=encoding),
        )
        return
    yield RawDocument(text, SourceFields(source_uri=item.path, encoding=encoding))


def _field(record: dict, name: str) -> str | None:
    value = record.get(name)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return (value.strip() or None) if isinstance(value, str) else None


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _jsonl_record(uri: str, line: bytes, max_bytes: int) -> dict | Reject:
    if len(line) > max_bytes:
        return Reject(uri, f"record too large: {len(line):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
    try:
        text, _ = decode(line)
        record = json.loads(text)
    except UndecodableError as error:
        return Reject(uri, "broken JSONL line: undecodable bytes", str(error))
    except json.JSONDecodeError as error:
        return Reject(uri, "broken JSONL line: not valid JSON", str(error).splitlines()[0][:200])
    if not isinstance(record, dict):
        return Reject(uri, f"broken JSONL line: a JSON {type(record).__name__}, not an object")
    if _ESCAPED_SURROGATE.search(text):
        # JSON may escape half of a pair ("\ud83d" cut from an emoji); no encoder takes it.
        record = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in record.items()}
    body = record.get("text")
    if not isinstance(body, str):
        return Reject(uri, "JSONL record without a string 'text' field")
    if not body.strip():
        return Reject(uri, "JSONL record with empty text")
    if "\x00" in body:
        return Reject(uri, "JSONL record with NUL characters in its text")
    return record


def _read_jsonl(item: WorkItem, max_bytes: int) -> Iterator[RawDocument | Reject]:
    problem = _not_a_readable_file(item.path)
    if problem is not None:
        yield problem
        return
    try:
        fh = open(item.path, "rb")
    except OSError as error:
        yield _unreadable(item.path, error)
        return
    with fh:
        first = 1
        if item.offset:
            fh.seek(item.offset)
            first = item.first_line
        for number, line in enumerate(fh, start=first):
            if number < item.first_line:
                continue
            if item.last_line is not None and number > item.last_line:
                break
            if not line.strip():
                continue
            record = _jsonl_record(f"{item.path}#L{number}", line, max_bytes)
            if isinstance(record, Reject):
                yield record
                continue
            record_id = _field(record, "id")
            yield RawDocument(
                record["text"],
                SourceFields(
                    source_uri=f"{item.path}#{record_id}" if record_id else f"{item.path}#L{number}",
                    title=_field(record, "title"),
                    url=_field(record, "url"),
                    published_at=_parse_time(record.get("published_at")),
                    source_name=_field(record, "source_name"),
                    author=_field(record, "author"),
                    encoding="utf-8",
                ),
            )
