"""Sources: find documents under files and folders, read and decode them, reject what is bad.

Nothing here raises for a bad document: every problem becomes a Reject with a one-line reason,
and the rest of the input goes on.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from extractors.document import SourceFields
from flows.html import html_to_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
JSONL_LINES_PER_ITEM = 500


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


def discover(sources: list[str], jsonl_lines_per_item: int = JSONL_LINES_PER_ITEM) -> tuple[list[WorkItem], list[Reject]]:
    """Every document-bearing file under the sources, in a stable order."""
    items: list[WorkItem] = []
    rejects: list[Reject] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
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
        rejects.append(Reject(str(path), "unreadable file", f"{type(error).__name__}: {error}"))
        return []
    last_line = line - 1 if ends_with_newline else line  # a last line without its newline counts
    if last_line >= start_line:
        items.append(WorkItem(str(path), "jsonl", start_line, last_line, start_offset))
    return items or [WorkItem(str(path), "jsonl", 1, 0)]


# --- decoding --------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _looks_binary(data: bytes) -> str | None:
    head = data[:8]
    signatures = {b"\x89PNG": "PNG image", b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive", b"\xff\xd8\xff": "JPEG image",
                  b"GIF8": "GIF image", b"\x7fELF": "executable", b"\x1f\x8b": "gzip archive"}
    for magic, what in signatures.items():
        if head.startswith(magic):
            return what
    return None


def _cjk_score(text: str) -> float:
    """How much a decoding reads like Chinese text: common Han characters and plain ASCII count,
    control characters and private-use characters count against."""
    good = bad = 0
    for ch in text[:20000]:
        code = ord(ch)
        if 0x4E00 <= code <= 0x9FFF or ch in "，。、；：？！“”‘’（）《》【】—…·":
            good += 2
        elif code < 0x80:
            good += 1 if (ch.isprintable() or ch in "\n\r\t") else -5
        elif 0xE000 <= code <= 0xF8FF or 0x3400 <= code <= 0x4DBF or code >= 0x20000:
            bad += 3  # private use and rare extension blocks: a wrong guess
        elif ch == "\ufffd":
            bad += 10
    return good - bad


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) for UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK, Big5.

    Raises UnicodeDecodeError when no supported encoding reads the bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for encoding in ("gb18030", "big5hkscs", "cp950"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_score(text), encoding, text))
    if not candidates:
        raise UnicodeDecodeError("utf-8/gb18030/big5", data[:16], 0, min(len(data), 16), "no supported encoding decodes these bytes")
    score, encoding, text = max(candidates, key=lambda c: c[0])
    return text, {"big5hkscs": "big5", "cp950": "big5"}.get(encoding, encoding)


# --- reading ---------------------------------------------------------------------------------


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    for candidate in (text, text.replace("/", "-")):
        try:
            stamp = datetime.fromisoformat(candidate)
            return stamp.replace(tzinfo=None) if stamp.tzinfo is None else stamp.astimezone().replace(tzinfo=None)
        except ValueError:
            continue
    return None


def _read_bytes(path: str, max_bytes: int) -> bytes | Reject:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return Reject(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)")
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as error:
        return Reject(path, "unreadable file", f"{type(error).__name__}: {error.strerror or error}")


def _decode_checked(path: str, data: bytes) -> tuple[str, str] | Reject:
    if not data.strip():
        return Reject(path, "empty file")
    binary = _looks_binary(data)
    if binary:
        return Reject(path, f"binary file ({binary}), not text")
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError:
        return Reject(path, "undecodable bytes: not UTF-8, UTF-16, GB18030 or Big5")
    if "\x00" in text:
        return Reject(path, "binary file (NUL bytes), not text")
    if not text.strip():
        return Reject(path, "empty file")
    return text, encoding


def read_item(item: WorkItem, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Reject]:
    """The documents in one work item, or a Reject for each that cannot be read."""
    if item.kind == "unsupported":
        yield Reject(item.path, f"unsupported file type {Path(item.path).suffix or '(none)'}; expected .txt, .md, .html or .jsonl")
        return
    if item.kind == "jsonl":
        yield from _read_jsonl(item, max_bytes)
        return
    data = _read_bytes(item.path, max_bytes)
    if isinstance(data, Reject):
        yield data
        return
    decoded = _decode_checked(item.path, data)
    if isinstance(decoded, Reject):
        yield decoded
        return
    text, encoding = decoded
    title = None
    if item.kind == "html":
        text, title = html_to_text(text)
        if not text.strip():
            yield Reject(item.path, "HTML page with no main text")
            return
    yield RawDocument(text, SourceFields(source_uri=item.path, title=title, encoding=encoding))


def _read_jsonl(item: WorkItem, max_bytes: int) -> Iterator[RawDocument | Reject]:
    try:
        fh = open(item.path, "rb")
    except OSError as error:
        yield Reject(item.path, "unreadable file", f"{type(error).__name__}: {error.strerror or error}")
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
            uri = f"{item.path}#L{number}"
            if len(line) > max_bytes:
                yield Reject(uri, f"record too large ({len(line):,} bytes; the limit is {max_bytes:,})")
                continue
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                yield Reject(uri, "broken JSONL line", str(error).splitlines()[0][:200])
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Reject(uri, "JSONL record without a string 'text' field")
                continue
            if not record["text"].strip():
                yield Reject(uri, "JSONL record with empty text")
                continue
            if "\x00" in record["text"]:
                yield Reject(uri, "JSONL record with NUL bytes in its text")
                continue
            if record.get("id") not in (None, ""):
                uri = f"{item.path}#{record['id']}"

            def field(name: str) -> str | None:
                value = record.get(name)
                return value.strip() or None if isinstance(value, str) else None

            yield RawDocument(
                record["text"],
                SourceFields(
                    source_uri=uri,
                    title=field("title"),
                    url=field("url"),
                    published_at=_parse_time(record.get("published_at")),
                    source_name=field("source_name"),
                    author=field("author"),
                    encoding="utf-8",
                ),
            )
