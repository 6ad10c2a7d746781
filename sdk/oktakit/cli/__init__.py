"""The ``oktakit`` command line: ``sim``, ``keys``, ``check``, ``permissions``, ``bulk`` and ``logs``."""

from ._main import build_parser, main

__all__ = ["build_parser", "main"]
