"""Reference names: canonical spellings of known people, organisations and places, with aliases and roles.

A CSV file with the columns name,aliases,role (aliases separated by "|"), or JSON Lines with the
keys name, aliases (a list or a "|"-separated string) and role.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import ClaimcheckError
from claimcheck.ingest.documents import read_jsonl


@dataclass(frozen=True)
class ReferenceName:
    name: str  # the canonical spelling
    aliases: tuple[
        str, ...
    ] = ()  # other accepted spellings: "Putin", "Volodymyr Zelenskyy"
    role: str | None = None  # e.g. "German Chancellor"


@dataclass(frozen=True)
class Reference:
    names: tuple[ReferenceName, ...]


def load_reference(path: str | Path) -> Reference:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimcheckError(f"{path}: cannot read reference file ({error})") from None
    records = (
        read_jsonl(str(path), text)
        if path.suffix.lower() in (".jsonl", ".ndjson")
        else _csv(path, text)
    )
    names = tuple(_name(path, number, record) for number, record in records)
    if not names:
        raise ClaimcheckError(f"{path}: reference file has no names")
    return Reference(names)


def _csv(path: Path, text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "name" not in reader.fieldnames:
        raise ClaimcheckError(
            f"{path}: reference CSV needs a header with the columns name,aliases,role"
        )
    unknown = set(reader.fieldnames) - {"name", "aliases", "role"}
    if unknown:
        raise ClaimcheckError(
            f"{path}: unknown reference column(s): {', '.join(sorted(unknown))}"
        )
    return [(reader.line_num, row) for row in reader]


def _name(path: Path, number: int, record: dict) -> ReferenceName:
    if None in record:
        raise ClaimcheckError(f"{path}:{number}: more fields than the header has")
    name, aliases, role = (
        record.get("name"),
        record.get("aliases") or [],
        record.get("role") or None,
    )
    if not isinstance(name, str) or not name.strip():
        raise ClaimcheckError(f"{path}:{number}: missing name")
    if isinstance(aliases, str):
        aliases = aliases.split("|")
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) for alias in aliases
    ):
        raise ClaimcheckError(
            f"{path}:{number}: aliases must be a list of strings or a '|'-separated string"
        )
    if role is not None and not isinstance(role, str):
        raise ClaimcheckError(f"{path}:{number}: role must be a string")
    return ReferenceName(
        name.strip(),
        tuple(a.strip() for a in aliases if a.strip()),
        role.strip() if role else None,
    )
