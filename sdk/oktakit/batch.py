"""The bulk executor's old module name: ``oktakit.batch.MAX_CONCURRENCY`` still reads, with a
``DeprecationWarning``; use ``oktakit.bulk`` (or ``from oktakit import BulkReport, BulkFailure``)."""

import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bulk import MAX_CONCURRENCY, BulkFailure, BulkReport

__all__ = ["MAX_CONCURRENCY", "BulkFailure", "BulkReport"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"oktakit.batch is deprecated: import {name} from oktakit.bulk", DeprecationWarning, stacklevel=2
    )
    from . import bulk

    return getattr(bulk, name)


def __dir__() -> list[str]:
    return sorted(__all__)
