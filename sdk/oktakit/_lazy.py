"""Package namespaces whose names are imported on first use (PEP 562).

``import oktakit`` (and the pytest plugin that every pytest run of our users loads) then costs
next to nothing; the first ``oktakit.OktaClient`` imports aiohttp and the client.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_namespace(
    package: str, globals_: dict[str, Any], modules: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``modules`` maps each name to its module."""

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module, package), name)
        globals_[name] = value  # later lookups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted({*globals_, *modules})

    return __getattr__, __dir__
