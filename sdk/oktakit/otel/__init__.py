"""OpenTelemetry for oktakit: ``OktaClient(..., hooks=[OpenTelemetryHook()])``.

Needs ``pip install "oktakit[otel]"`` (the OpenTelemetry API; the application brings its SDK
and exporters). Spans and metrics follow OpenTelemetry's HTTP client conventions and add
Okta's operation, bucket and request id; they never hold a query value, a credential or a
profile value.
"""

from __future__ import annotations

from ._hook import OpenTelemetryHook

__all__ = ["OpenTelemetryHook"]
