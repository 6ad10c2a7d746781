"""The ``oktakit`` command line: ``sim``, ``keys``, ``check``, ``permissions`` and ``bulk``."""

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
