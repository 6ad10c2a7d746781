"""Text from a server (or the OS), made fit for a human's terminal or log line: the one place that
does it.

An ``errorSummary`` can hold anything: ANSI escape sequences that recolour or clear a terminal,
carriage returns that overwrite the line, bidirectional overrides that reorder what is shown,
lone surrogates (from ``"\\ud800"`` in JSON) that make ``print`` itself raise. ``printable``
removes the controls, turns line breaks and tabs into spaces, replaces lone surrogates with
U+FFFD, and shortens the text to a limit.
"""

from __future__ import annotations

import re

# Runs of line breaks and tabs (one space each); whole ANSI sequences (CSI: colours, cursor
# moves, clearing; OSC: titles, hyperlinks), so that no "[31m" is left behind; then single
# characters: C0 and C1 controls and DEL, the bidirectional marks, embeddings, overrides and
# isolates (the "Trojan Source" characters), lone surrogates.
_UNSAFE = re.compile(
    "[\t\n\v\f\r\x85\u2028\u2029]+|\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"
    "|[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_AS_SPACE = frozenset("\t\n\v\f\r\x85\u2028\u2029")


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char[0] in _AS_SPACE:  # a line break or a run of them
        return " "
    if len(char) > 1:  # an escape sequence
        return ""
    return "\ufffd" if "\ud800" <= char <= "\udfff" else ""


def printable(text: str, limit: int | None = None) -> str:
    """``text`` on one line, without control characters, at most ``limit`` characters long
    (a cut is marked with an ellipsis)."""
    text = str.__str__(text)  # a plain str, whatever the subclass does
    if limit is not None and len(text) > 4 * limit:
        text = text[: 4 * limit]  # nothing past this can survive the cut below
    if not text.isprintable():  # the common case costs one scan
        text = _UNSAFE.sub(_replacement, text)
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)] + "…"
    return text
