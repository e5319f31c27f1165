"""Plugins, the way llm has them: a pluggy PluginManager with the hooks in claimcheck.hookspecs.

The built-in verifiers, report formats and entity extractors are a plugin too (claimcheck.default_plugins,
registered here in code), so they take the same path as an installed plugin's: a package with an entry point
in the group "claimcheck" (examples/plugins/ has one). Plugins load once, on first use (a check, a report
format, an extractor, `claimcheck plugins`), never when the CLI starts, so `claimcheck --help` stays fast.
CLAIMCHECK_LOAD_PLUGINS limits which installed plugins load: entry point names separated by commas, or empty
for none (the built-in ones always load).

The pipeline and the CLI ask this module for what the plugins registered and pass it down (verify_pair,
extract_mentions, render); the layers below never import it.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

import pluggy

from claimcheck import hookspecs
from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:
    from claimcheck.analysis.entities import Extractor
    from claimcheck.verify import Verifier

GROUP = "claimcheck"  # the entry point group installed plugins declare
DEFAULT_PLUGINS = ("claimcheck.default_plugins",)
HOOKS = ("register_verifiers", "register_formats", "register_extractors")

pm = pluggy.PluginManager("claimcheck")
pm.add_hookspecs(hookspecs)

_loaded = False
# plugin name -> (distribution, version), for installed plugins
_distributions: dict[str, tuple[str, str]] = {}


def load_plugins() -> None:
    """Register the default plugins and the installed ones (once). A plugin that fails to import or does
    not fit the hooks is a ClaimcheckError naming it."""
    global _loaded
    if _loaded:
        return
    for name in DEFAULT_PLUGINS:
        if pm.get_plugin(name) is None:
            pm.register(importlib.import_module(name), name)
    wanted = os.environ.get("CLAIMCHECK_LOAD_PLUGINS")
    allowed = (
        None
        if wanted is None
        else {name.strip() for name in wanted.split(",") if name.strip()}
    )
    for dist in metadata.distributions():
        for entry_point in dist.entry_points:
            name = entry_point.name
            if (
                entry_point.group != GROUP
                or (allowed is not None and name not in allowed)
                or pm.get_plugin(name) is not None
                or pm.is_blocked(name)
            ):
                continue
            origin = f"{dist.metadata['Name']} {dist.version}"
            try:
                plugin = entry_point.load()
            except Exception as error:
                raise ClaimcheckError(
                    f"plugin {name!r} ({origin}) failed to import: {describe(error)} "
                    "(uninstall it, or leave it out with CLAIMCHECK_LOAD_PLUGINS)"
                ) from error
            if pm.is_registered(plugin):
                continue
            try:
                pm.register(plugin, name=name)
            except (pluggy.PluginValidationError, ValueError) as error:
                raise ClaimcheckError(
                    f"plugin {name!r} ({origin}): {describe(error)}"
                ) from error
            _distributions[name] = (dist.metadata["Name"], dist.version)
    try:
        pm.check_pending()  # a hookimpl named like no hook
    except pluggy.PluginValidationError as error:
        raise ClaimcheckError(
            f"plugin {pm.get_name(error.plugin)!r}: {describe(error)}"
        ) from error
    _loaded = True


def describe(error: BaseException) -> str:
    """An exception in one line."""
    return f"{type(error).__name__}: {' '.join(str(error).split())}".rstrip(": ")


@dataclass(frozen=True)
class Registered:
    plugin: str  # the plugin's name (an installed plugin's entry point name)
    name: str  # what it registered: a format's or an extractor's name; a verifier's module.function
    value: Callable[..., Any]


def registered(hook: str) -> list[Registered]:
    """What each plugin's implementation of `hook` registers: the default plugins' first, then the others in
    the order pluggy calls them. Hooks are called plainly (no hook wrappers)."""
    load_plugins()
    # in pluggy's call order (last registered first), the default plugins moved to the front
    impls = list(reversed(getattr(pm.hook, hook).get_hookimpls()))
    impls.sort(key=lambda impl: impl.plugin_name not in DEFAULT_PLUGINS)
    found: list[Registered] = []
    for impl in impls:
        plugin = impl.plugin_name

        def register(*args: Any, plugin: str = plugin) -> None:
            found.append(_checked(hook, plugin, args, found))

        try:
            impl.function(**{arg: register for arg in impl.argnames})
        except ClaimcheckError:
            raise
        except Exception as error:
            raise ClaimcheckError(
                f"plugin {plugin!r}: {hook} failed: {describe(error)}"
            ) from error
    return found


def _checked(
    hook: str, plugin: str, args: tuple, found: list[Registered]
) -> Registered:
    what = {
        "register_verifiers": "verifier",
        "register_formats": "report format",
        "register_extractors": "entity extractor",
    }[hook]
    named = hook != "register_verifiers"
    if len(args) != (2 if named else 1) or not callable(args[-1]):
        usage = "register(name, function)" if named else "register(function)"
        raise ClaimcheckError(f"plugin {plugin!r}: {hook} must call {usage}")
    function = args[-1]
    if not named:
        label = f"{function.__module__}.{getattr(function, '__qualname__', function)}"
        return Registered(plugin, label, function)
    name = args[0]
    if not isinstance(name, str) or not name.strip() or name != name.strip():
        raise ClaimcheckError(f"plugin {plugin!r}: {what} name {name!r} is not a name")
    taken = next((r for r in found if r.name == name), None)
    if taken:
        raise ClaimcheckError(
            f"plugin {plugin!r}: {what} {name!r} is registered already, by {taken.plugin!r}"
        )
    return Registered(plugin, name, function)


def verifiers() -> list[Verifier]:
    """Every verifier, for verify_pair: the built-in ones (in VERIFIERS' order), then the plugins'."""
    return [
        r.value if r.plugin in DEFAULT_PLUGINS else _guard_verifier(r)
        for r in registered("register_verifiers")
    ]


def formats() -> dict[str, Callable[..., str]]:
    """Render function of each report format, by name, for render()."""
    return {
        r.name: r.value if r.plugin in DEFAULT_PLUGINS else _guard_format(r)
        for r in registered("register_formats")
    }


def extractors() -> dict[str, Extractor]:
    """Entity mention extractor of each name, for extract_mentions()."""
    return {
        r.name: r.value if r.plugin in DEFAULT_PLUGINS else _guard_extractor(r)
        for r in registered("register_extractors")
    }


def check_format(name: str) -> str:
    """The name, when some plugin registered a report format of that name."""
    known = formats()
    if name not in known:
        raise ClaimcheckError(
            f"unknown report format {name!r} (known: {', '.join(known)})"
        )
    return name


def get_extractor(name: str | None = None) -> Extractor:
    """The extractor of this name, by default CLAIMCHECK_NER's, else "builtin"."""
    from claimcheck.analysis.entities import unknown_extractor

    name = name or os.environ.get("CLAIMCHECK_NER") or "builtin"
    known = extractors()
    if name not in known:
        raise ClaimcheckError(unknown_extractor(name, known))
    return known[name]


def get_plugins(all: bool = False) -> list[dict]:
    """Each plugin (the default ones too with `all`): name, version, the hooks it implements, and what it
    registers through each."""
    by_plugin: dict[str, dict[str, list[str]]] = {}
    for hook in HOOKS:
        for r in registered(hook):
            by_plugin.setdefault(r.plugin, {}).setdefault(hook, []).append(r.name)
    rows = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None or (not all and name in DEFAULT_PLUGINS):
            continue
        distribution, version = _distributions.get(name, (None, None))
        things = by_plugin.get(name, {})
        rows.append(
            {
                "name": name,
                "distribution": distribution,
                "version": version,
                "hooks": sorted(h.name for h in pm.get_hookcallers(plugin) or []),
                "verifiers": things.get("register_verifiers", []),
                "formats": things.get("register_formats", []),
                "extractors": things.get("register_extractors", []),
            }
        )
    return rows


def _guard_verifier(r: Registered) -> Verifier:
    """A plugin's verifier whose errors and wrong results are one-line ClaimcheckErrors naming the plugin."""
    from claimcheck.records import KINDS, Verdict

    @functools.wraps(r.value)
    def verify(a, b):
        try:
            verdict = r.value(a, b)
        except ClaimcheckError:
            raise
        except Exception as error:
            raise ClaimcheckError(
                f"plugin {r.plugin!r}: verifier {r.name} failed: {describe(error)}"
            ) from error
        if verdict is not None and not (
            isinstance(verdict, Verdict)
            and verdict.kind in KINDS
            and 0 <= verdict.score <= 1
        ):
            raise ClaimcheckError(
                f"plugin {r.plugin!r}: verifier {r.name} returned {verdict!r}, not None or a "
                f"claimcheck.records.Verdict scored 0 to 1 of a kind in {', '.join(KINDS)}"
            )
        return verdict

    return verify


def _guard_format(r: Registered) -> Callable[..., str]:
    @functools.wraps(r.value)
    def render(result) -> str:
        try:
            output = r.value(result)
        except ClaimcheckError:
            raise
        except Exception as error:
            raise ClaimcheckError(
                f"plugin {r.plugin!r}: report format {r.name!r} failed: {describe(error)}"
            ) from error
        if not isinstance(output, str):
            raise ClaimcheckError(
                f"plugin {r.plugin!r}: report format {r.name!r} returned "
                f"{type(output).__name__}, not str"
            )
        return output

    return render


def _guard_extractor(r: Registered) -> Extractor:
    from claimcheck.analysis.entities import Mention

    @functools.wraps(r.value)
    def extract(claims):
        try:
            mentions = list(r.value(claims))
        except ClaimcheckError:
            raise
        except Exception as error:
            raise ClaimcheckError(
                f"plugin {r.plugin!r}: entity extractor {r.name!r} failed: {describe(error)}"
            ) from error
        wrong = next((m for m in mentions if not isinstance(m, Mention)), None)
        if wrong is not None:
            raise ClaimcheckError(
                f"plugin {r.plugin!r}: entity extractor {r.name!r} returned "
                f"{type(wrong).__name__}, not claimcheck.analysis.entities.Mention"
            )
        return mentions

    return extract
