"""Documents: load articles from files and batches, with their source and provenance.

Folders are read recursively in sorted order; they yield the files with a supported extension,
except hidden files and folders (".*") and READMEs (README.*).
A file named explicitly must have a supported extension.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from claimcheck.errors import ClaimcheckError
from claimcheck.records import Document

MAX_FILE_BYTES = 20_000_000
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
BATCH_SUFFIXES = (".jsonl", ".json", ".csv", ".parquet")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + BATCH_SUFFIXES
METADATA_KEYS = ("id", "source", "title", "published", "url")


def load_documents(
    paths: Sequence[str],
    source: str | None = None,
    published: str | None = None,
    skipped: list[str] | None = None,
) -> list[Document]:
    """The documents in these files and folders. Every bad file is named: with `skipped` (a list), each bad
    file's one-line error is appended to it and the rest are loaded; without, one error lists them all."""
    from claimcheck import progress

    documents: list[Document] = []
    errors: list[str] = []
    for path in progress.track(_expand(paths, errors), "loading", unit="file"):
        suffix = path.suffix.lower()
        try:
            if suffix in TEXT_SUFFIXES:
                documents.append(_load_text(path, source, published))
            elif suffix in HTML_SUFFIXES:
                documents.append(_load_html(path, source, published))
            else:
                documents.extend(_load_batch(path, source, published))
        except ClaimcheckError as error:
            errors.append(str(error))
    if errors and skipped is None:
        hint = (
            f"\n{len(errors)} bad files: fix them, or ingest the rest with --skip-bad"
            if len(errors) > 1
            else ""
        )
        raise ClaimcheckError("\n".join(errors) + hint)
    if skipped is not None:
        skipped.extend(errors)
    return documents


# --- files -------------------------------------------------------------------------------------


def _expand(paths: Sequence[str], errors: list[str]) -> list[Path]:
    files, seen = [], set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                (
                    p
                    for p in path.rglob("*")
                    if p.is_file() and _is_article(p.relative_to(path))
                ),
                key=lambda p: p.as_posix(),
            )
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                errors.append(
                    f"{path.as_posix()}: unsupported file type {path.suffix or '(none)'!r}; "
                    f"expected one of {', '.join(SUPPORTED_SUFFIXES)}"
                )
                continue
            found = [path]
        else:
            raise ClaimcheckError(f"{path.as_posix()}: no such file or folder")
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    return files


def _is_article(relative: Path) -> bool:
    name = relative.name.lower()
    return (
        relative.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in relative.parts)
        and not name.startswith("readme.")
    )


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ClaimcheckError(
            f"{path.as_posix()}: {size / 1e6:.1f} MB is over the "
            f"{MAX_FILE_BYTES // 1_000_000} MB limit per file; split it"
        )
    data = path.read_bytes()
    if not data.strip():
        raise ClaimcheckError(f"{path.as_posix()}: empty file")
    return data


def _read_text(path: Path) -> str:
    data = _read_bytes(path)
    if b"\x00" in data:
        raise ClaimcheckError(
            f"{path.as_posix()}: binary file (contains NUL bytes); expected UTF-8 text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ClaimcheckError(
            f"{path.as_posix()}: not UTF-8 text (invalid byte 0x{data[error.start]:02x} "
            f"at offset {error.start}); convert it to UTF-8"
        ) from None


def _make(
    path: Path,
    text: str,
    meta: dict,
    source: str | None,
    published: str | None,
    record_line: int | None = None,
    origins: tuple[tuple[int, int], ...] | None = None,
) -> Document:
    name = path.as_posix()
    default_id = f"{name}#{record_line}" if record_line is not None else name
    return Document(
        id=_clean(meta.get("id")) or default_id,
        source=source or _clean(meta.get("source")) or path.stem,
        text=text,
        path=name,
        title=_clean(meta.get("title")),
        url=_clean(meta.get("url")),
        published=normalize_date(meta.get("published")) or normalize_date(published),
        record_line=record_line,
        origins=origins,
    )


def _clean(value) -> str | None:
    """A metadata value as a stripped string; None for missing, empty or NaN (from csv)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


# --- plain text and markdown -------------------------------------------------------------------

_FRONT_MATTER = re.compile(
    r"---[ \t]*\r?\n((?:[ \t]*(?:#.*|[\w-]+[ \t]*:.*)?\r?\n)*?)---[ \t]*(?:\r?\n|$)"
)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def front_matter(text: str) -> tuple[dict, int]:
    """Metadata from a leading `---` block of `key: value` lines, and the offset where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    meta = {}
    for line in match.group(1).splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() in METADATA_KEYS:
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, match.end()


def _load_text(path: Path, source: str | None, published: str | None) -> Document:
    text = _read_text(path)
    meta, body_start = front_matter(text)
    text = text[: body_start + article_end(text[body_start:])]
    if not text[body_start:].strip():
        raise ClaimcheckError(
            f"{path.as_posix()}: no article text (empty or only boilerplate)"
        )
    if "title" not in meta and path.suffix.lower() == ".md":
        heading = _MD_HEADING.search(text, body_start)
        meta["title"] = heading.group(1) if heading else None
    return _make(path, text, meta, source, published)


# --- boilerplate -------------------------------------------------------------------------------

_BOILERPLATE = re.compile(r"""(?ix)^[\W_]*(?:
      recent\s+(?:random\s+)?posts?
    | related(?:\s+(?:articles?|posts?|stories|content|coverage|news|reading))?(?:\s*:.*)?
    | (?:you\s+(?:may|might)\s+also\s+like|more\s+from|trending(?:\s+now)?|most\s+(?:read|popular)|editor'?s\s+picks?).*
    | share\s+(?:this|on|via)\b.* | share
    | subscribe\b.* | sign\s+up\b.*newsletter.* | follow\s+us\b.* | newsletter
    | advertisement | sponsored(?:\s+content)? | ad | promoted
    | .*all\s+rights\s+reserved.* | (?:©|\(c\)|copyright\s+(?:©|\(c\)|\d{4})).*
    | read\s+(?:more|next|also)\b.* | continue\s+reading\b.* | click\s+here\b.* | see\s+also\b.*
    | .*\b(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b.* | .*\buse\s+of\s+cookies\b.*
    | .*\b(?:accept|allow|manage|reject|decline)\s+(?:all\s+)?cookies\b.*
    | .*\bcookies?\s+(?:policy|settings|preferences|notice|consent)\b.*
    | (?:tags?|filed\s+under|categor(?:y|ies)|topics?)\s*:.*
    | (?:previous|next)\s+(?:post|article|story)\b.*
    | (?:leave\s+a\s+(?:comment|reply)|comments?(?:\s*\(\d+\))?|print|email|tweet|back\s+to\s+top)
)[\W_]*$""")
_TAIL_MARKER = re.compile(
    r"(?i)^\W*(?:recent\s+(?:random\s+)?posts?|read\s+more|"
    r"related(?:\s+(?:articles?|posts?|stories|coverage|content|reading|news))?|"
    r"more\s+from\b.*|you\s+(?:may|might)\s+also\s+like)\s*:?\s*$"
)
_TAIL_MAX_LINES = 5


def is_boilerplate(line: str) -> bool:
    """Scraped page furniture: "Recent Random Post:", "Share this article", cookie notices, ..."""
    line = line.strip()
    return bool(line) and len(line) < 300 and bool(_BOILERPLATE.match(line))


def article_end(text: str) -> int:
    """Offset where the article ends: trailing blank and boilerplate lines are cut off, and so is a
    short tail after a marker such as "Recent Random Post:" or "Related:"."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    end = len(lines)
    content_after = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if _TAIL_MARKER.match(line) and content_after <= _TAIL_MAX_LINES:
            end = index
        elif line and not is_boilerplate(line):
            content_after += 1
        if content_after > _TAIL_MAX_LINES:
            break
    while end > 0 and (not lines[end - 1].strip() or is_boilerplate(lines[end - 1])):
        end -= 1
    return offsets[end - 1] + len(lines[end - 1].rstrip("\r\n")) if end else 0


# --- html --------------------------------------------------------------------------------------

_SKIPPED_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "svg",
    "iframe",
    "button",
    "figcaption",
    "select",
    "h1",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "hr",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "figure",
    "body",
    "address",
}
_VOID_TAGS = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
    "param",
}


class _ArticleParser(HTMLParser):
    """Collects the visible text of <body>, <main> and each <article>, plus title and metadata."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.body, self.main, self.articles = [], [], []
        self.open = []  # stack of open containers: "main" or an index into self.articles
        self.skipping = []  # stack of skipped tags we are inside
        self.meta = {}
        self.h1, self.title = [], []
        self.in_h1 = self.in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = {key.lower(): (value or "") for key, value in attrs}
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            field = {
                "og:site_name": "source",
                "article:published_time": "published",
                "og:url": "url",
                "og:title": "og_title",
            }.get(key)
            if field and field not in self.meta:
                self.meta[field] = attributes.get("content")
        elif tag == "link" and attributes.get("rel", "").lower() == "canonical":
            self.meta.setdefault("url", attributes.get("href"))
        if tag == "h1" and not self.h1:
            self.in_h1 = True
        self.in_title = self.in_title or tag == "title"
        if tag in _VOID_TAGS:
            self._emit("\n" if tag in _BLOCK_TAGS else " ")
            return
        if tag in _SKIPPED_TAGS:
            self.skipping.append(tag)
        elif tag == "main":
            self.open.append("main")
        elif tag == "article":
            self.articles.append([])
            self.open.append(len(self.articles) - 1)
        if tag in _BLOCK_TAGS:
            self._emit("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self._emit("\n")
        if tag == "h1":
            self.in_h1 = False
        if tag == "title":
            self.in_title = False
        if tag in _SKIPPED_TAGS and tag in self.skipping:
            del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag) :]
        elif tag in ("main", "article"):
            wanted = (
                (lambda c: c == "main") if tag == "main" else (lambda c: c != "main")
            )
            for index in range(len(self.open) - 1, -1, -1):
                if wanted(self.open[index]):
                    del self.open[index]
                    break

    def handle_data(self, data):
        if self.in_h1:
            self.h1.append(data)
        if self.in_title:
            self.title.append(data)
        if not self.skipping and not self.in_title:
            self._emit(data)

    def _emit(self, text):
        if self.skipping or self.in_title:
            return
        part = (text, *self.getpos())
        self.body.append(part)
        for container in self.open:
            (self.main if container == "main" else self.articles[container]).append(
                part
            )

    def text(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The article's text, a line per block, and where each line starts in the file (line, column)."""
        articles = [_tidy(parts) for parts in self.articles]
        best = max(articles, key=lambda article: len(article[0]), default=("", ()))
        return next(
            (found for found in (best, _tidy(self.main)) if found[0]), None
        ) or _tidy(self.body)


def _tidy(parts: list[tuple[str, int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Whitespace-collapsed lines without the empty ones, each with the 1-based file position it starts at."""
    raw_lines: list[tuple[list[str], tuple[int, int] | None]] = [([], None)]
    for text, line, column in parts:
        for index, piece in enumerate(text.split("\n")):
            if index:
                raw_lines.append(([], None))
                line, column = line + 1, 0
            pieces, origin = raw_lines[-1]
            if origin is None and piece.strip():
                raw_lines[-1] = (
                    pieces,
                    (line, column + len(piece) - len(piece.lstrip()) + 1),
                )
            pieces.append(piece)
            column += len(piece)
    kept = [  # a line with text has a position: its first non-blank piece set it
        (text, origin)
        for pieces, origin in raw_lines
        if (text := _one_line(pieces)) and origin is not None
    ]
    return "\n".join(text for text, _ in kept), tuple(origin for _, origin in kept)


def _one_line(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def _load_html(path: Path, source: str | None, published: str | None) -> Document:
    parser = _ArticleParser()
    parser.feed(_read_text(path))
    parser.close()
    text, origins = parser.text()
    text = text[: article_end(text)]
    if not text.strip():
        raise ClaimcheckError(
            f"{path.as_posix()}: no article text (empty or only boilerplate)"
        )
    meta = dict(parser.meta)
    meta["title"] = (
        _one_line(parser.h1) or meta.get("og_title") or _one_line(parser.title)
    )
    return _make(path, text, meta, source, published, origins=origins)


# --- batches -----------------------------------------------------------------------------------


def _load_batch(
    path: Path, source: str | None, published: str | None
) -> list[Document]:
    suffix = path.suffix.lower()
    name = path.as_posix()
    if suffix == ".parquet":
        data = _read_bytes(path)
        if not (data.startswith(b"PAR1") and data.endswith(b"PAR1")):
            raise ClaimcheckError(f"{name}: not a Parquet file")
        records = _read_with_datasets("parquet", path)
        lines = list(range(1, len(records) + 1))
    else:  # read once, by hand: each record with the line it starts on
        text = _read_text(path)
        if suffix == ".jsonl":
            numbered = read_jsonl(name, text)
        elif suffix == ".json":
            numbered = list(enumerate(_json_records(name, text), 1))
        else:
            numbered = _csv_records(name, text)
        lines = [line for line, _ in numbered]
        records = [record for _, record in numbered]
    if not records:
        raise ClaimcheckError(f"{name}: no records")
    documents = []
    for record, line in zip(records, lines, strict=True):
        where = f"{name} {'line' if suffix in ('.jsonl', '.csv') else 'record'} {line}"
        value = record.get("text")
        if isinstance(value, float) and math.isnan(value):
            value = None
        if value is None:
            raise ClaimcheckError(f"{where}: record has no 'text' field")
        if not isinstance(value, str):
            raise ClaimcheckError(
                f"{where}: 'text' must be a string, not {type(value).__name__}"
            )
        article = value[: article_end(value)]
        if not article.strip():
            raise ClaimcheckError(f"{where}: record has empty text")
        documents.append(
            _make(path, article, record, source, published, record_line=line)
        )
    return documents


def read_jsonl(name: str, text: str) -> list[tuple[int, dict]]:
    """(line number, record) for each JSON object line; a malformed line is an error naming it."""
    records = []
    for number, line in enumerate(
        text.split("\n"), 1
    ):  # not splitlines: JSON strings may hold U+2028
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ClaimcheckError(
                f"{name} line {number}: malformed JSON ({error.msg} at column {error.colno})"
            ) from None
        if not isinstance(record, dict):
            raise ClaimcheckError(
                f"{name} line {number}: expected a JSON object, not {type(record).__name__}"
            )
        records.append((number, record))
    return records


def _json_records(name: str, text: str) -> list[dict]:
    """The records of a top-level list or of {"documents": [...]}."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ClaimcheckError(
            f"{name} line {error.lineno}: malformed JSON ({error.msg} at column {error.colno})"
        ) from None
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        records = data["documents"]
    elif isinstance(data, list):
        records = data
    else:
        raise ClaimcheckError(
            f'{name}: expected a list of records or {{"documents": [...]}}'
        )
    for index, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise ClaimcheckError(
                f"{name} record {index}: expected a JSON object, not {type(record).__name__}"
            )
    return records


def _csv_records(name: str, text: str) -> list[tuple[int, dict]]:
    """(line where the row starts, row by column name) for each data row (rows may span lines in quotes)."""
    csv.field_size_limit(
        max(csv.field_size_limit(), MAX_FILE_BYTES)
    )  # a field may fill a file
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
        if "text" not in header:
            raise ClaimcheckError(f"{name}: no 'text' column in the header")
        records, previous_end = [], reader.line_num
        for row in reader:
            if row:  # a blank line is no record
                if len(row) > len(header):
                    raise ClaimcheckError(
                        f"{name} line {previous_end + 1}: {len(row)} fields, "
                        f"the header has {len(header)}"
                    )
                records.append((previous_end + 1, dict(zip(header, row, strict=False))))
            previous_end = reader.line_num
    except csv.Error as error:
        raise ClaimcheckError(
            f"{name} line {reader.line_num}: malformed CSV ({error})"
        ) from None
    return records


def _read_with_datasets(kind: str, path: Path) -> list[dict]:
    """The records of a binary batch (Parquet), read with `datasets`."""
    import datasets

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    with tempfile.TemporaryDirectory(prefix="claimcheck-datasets-") as cache:
        # datasets reads data_files as glob patterns and fsspec URLs ("[a].jsonl" would load "a.jsonl", "a::b"
        # fails): it is given a link to exactly this file, under a plain name
        literal = Path(cache) / f"batch{path.suffix.lower()}"
        try:
            literal.symlink_to(path.resolve())
        except OSError:
            shutil.copyfile(path, literal)
        try:
            dataset = datasets.load_dataset(
                kind, data_files=str(literal), split="train", cache_dir=cache
            )
            return dataset.to_list()
        except Exception as error:  # datasets/pyarrow raise many types: one line
            message = (
                str(error).strip().splitlines()[0]
                if str(error).strip()
                else type(error).__name__
            )
            raise ClaimcheckError(
                f"{path.as_posix()}: cannot read {kind} batch ({message})"
            ) from None


# --- dates -------------------------------------------------------------------------------------

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%a, %d %b %Y %H:%M:%S %z",
    "%a, %d %b %Y %H:%M:%S %Z",
)
_ISO_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")


def normalize_date(value) -> str | None:
    """YYYY-MM-DD when the value parses as a date; the stripped text otherwise."""
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    text = _clean(value)
    if text is None:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return text
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).strftime("%Y-%m-%d")
        except ValueError:
            pass
    return text
