"""Write docs/cli.md, the command-line reference, from the Click commands themselves.

    python docs/gen_cli_reference.py            # rewrite docs/cli.md
    python docs/gen_cli_reference.py --check    # exit 1 if docs/cli.md is stale

Every command and subcommand registered on `claimcheck.cli.cli` (the model commands included) gets its usage
line, help text and options exactly as `--help` prints them, at a fixed width, in a fixed order, so the output
is the same on every machine. tests/test_docs.py fails when docs/cli.md differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

WIDTH = 100  # columns for every help page, whatever the terminal
TARGET = Path(__file__).resolve().parent / "cli.md"
HEADER = """\
# Command-line reference

Generated from the Click commands by `python docs/gen_cli_reference.py`; do not edit by hand
(`tests/test_docs.py` fails when this file is stale). Each section is the command's `--help`.
`--db` and `--lock-timeout` may also be given before the command (`claimcheck --db other.db findings`).
"""


def walk(
    command: click.Command, ctx: click.Context
) -> list[tuple[click.Context, click.Command]]:
    """The command and all its subcommands, depth first, subcommands in name order."""
    found = [(ctx, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is None:
                continue
            sub_ctx = click.Context(
                sub, info_name=name, parent=ctx, **sub.context_settings
            )
            found += walk(sub, sub_ctx)
    return found


def anchor(path: str) -> str:
    """The anchor GitHub gives a heading made of `path` (lower case, spaces to hyphens)."""
    return "".join(
        c for c in path.lower().replace(" ", "-") if c.isalnum() or c in "-_"
    )


def render() -> str:
    """docs/cli.md's text."""
    from claimcheck.cli import cli

    settings = {
        "terminal_width": WIDTH,
        "max_content_width": WIDTH,
        **cli.context_settings,
    }
    root = click.Context(cli, info_name="claimcheck", **settings)
    pages = walk(cli, root)
    contents, sections = [], []
    for ctx, command in pages:
        path = ctx.command_path
        depth = path.count(" ")
        summary = command.get_short_help_str(limit=WIDTH)
        contents.append(
            f"{'  ' * max(depth - 1, 0)}- [`{path}`](#{anchor(path)})"
            + (f": {summary}" if summary else "")
        )
        text = command.get_help(ctx).rstrip()
        sections.append(f"## {path}\n\n```text\n{text}\n```\n")
    return HEADER + "\n" + "\n".join(contents) + "\n\n" + "\n".join(sections)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text:
            print(
                f"{TARGET} is stale: run `python docs/gen_cli_reference.py`",
                file=sys.stderr,
            )
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(
        f"wrote {TARGET.relative_to(Path.cwd()) if TARGET.is_relative_to(Path.cwd()) else TARGET}"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(sys.argv[1:]))
