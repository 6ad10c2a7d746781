"""Load the cookbook's programs (docs/cookbook/*.py, shown whole on the docs pages) as modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
COOKBOOK = ROOT / "docs" / "cookbook"


def load(name: str) -> ModuleType:
    """The program ``docs/cookbook/NAME.py``, imported once (at a test module's import, so that
    it is parsed at a shallow depth: see tests/conftest.py)."""
    module_name = f"cookbook_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, COOKBOOK / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
