# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_severity import LogSeverity
from ..types import enum_member, json_list


@_attrs_define
class LogEvent:
    """One System Log event: who (`actor`) did what (`event_type`) to what (`target`), from where
    (`client`), with what `outcome`, and when (`published`). Okta sends null for much of an
    event, so most fields are optional; `debug_context.debug_data` is a read-only mapping.

    Attributes:
        uuid (str)
        published (datetime.datetime)
        event_type (str)
        severity (LogSeverity)
        actor (LogActor): Who acted: an admin or user (`User`), a service app (`PublicClientApp`), Okta itself
            (`SystemPrincipal`).
        outcome (LogOutcome)
        version (None | str)
        legacy_event_type (None | str)
        display_message (None | str)
        client (LogClient | None)
        target (list[LogTarget] | None)
        transaction (LogTransaction | None)
        debug_context (LogDebugContext | None)
        authentication_context (LogAuthenticationContext | None)
        security_context (LogSecurityContext | None)
        request (LogRequest | None)
    """

    uuid: str
    published: datetime.datetime
    event_type: str
    severity: LogSeverity
    actor: LogActor
    outcome: LogOutcome
    version: None | str = None
    legacy_event_type: None | str = None
    display_message: None | str = None
    client: LogClient | None = None
    target: list[LogTarget] | None = None
    transaction: LogTransaction | None = None
    debug_context: LogDebugContext | None = None
    authentication_context: LogAuthenticationContext | None = None
    security_context: LogSecurityContext | None = None
    request: LogRequest | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields Okta sent that the spec does not declare, kept as they came."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object; optional fields that are ``None`` (absent or null) are left out."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["uuid"] = self.uuid
        field_dict["published"] = self.published.isoformat()
        field_dict["eventType"] = self.event_type
        field_dict["severity"] = self.severity.value
        field_dict["actor"] = self.actor.to_dict()
        field_dict["outcome"] = self.outcome.to_dict()
        if self.version is not None:
            field_dict["version"] = self.version
        if self.legacy_event_type is not None:
            field_dict["legacyEventType"] = self.legacy_event_type
        if self.display_message is not None:
            field_dict["displayMessage"] = self.display_message
        if self.client is not None:
            field_dict["client"] = self.client.to_dict()
        if self.target is not None:
            field_dict["target"] = [item.to_dict() for item in self.target]
        if self.transaction is not None:
            field_dict["transaction"] = self.transaction.to_dict()
        if self.debug_context is not None:
            field_dict["debugContext"] = self.debug_context.to_dict()
        if self.authentication_context is not None:
            field_dict["authenticationContext"] = self.authentication_context.to_dict()
        if self.security_context is not None:
            field_dict["securityContext"] = self.security_context.to_dict()
        if self.request is not None:
            field_dict["request"] = self.request.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # noqa: E721 - fast path
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        uuid = d.pop("uuid")
        published = datetime.datetime.fromisoformat(d.pop("published"))
        event_type = d.pop("eventType")
        severity = enum_member(LogSeverity, d.pop("severity"))
        actor = LogActor.from_dict(d.pop("actor"))
        outcome = LogOutcome.from_dict(d.pop("outcome"))
        version = d.pop("version", None)
        legacy_event_type = d.pop("legacyEventType", None)
        display_message = d.pop("displayMessage", None)
        _client = d.pop("client", None)
        client = None if _client is None else LogClient.from_dict(_client)
        _target = d.pop("target", None)
        target = (
            None
            if _target is None
            else [LogTarget.from_dict(item) for item in json_list(_target)]
        )
        _transaction = d.pop("transaction", None)
        transaction = (
            None if _transaction is None else LogTransaction.from_dict(_transaction)
        )
        _debug_context = d.pop("debugContext", None)
        debug_context = (
            None
            if _debug_context is None
            else LogDebugContext.from_dict(_debug_context)
        )
        _authentication_context = d.pop("authenticationContext", None)
        authentication_context = (
            None
            if _authentication_context is None
            else LogAuthenticationContext.from_dict(_authentication_context)
        )
        _security_context = d.pop("securityContext", None)
        security_context = (
            None
            if _security_context is None
            else LogSecurityContext.from_dict(_security_context)
        )
        _request = d.pop("request", None)
        request = None if _request is None else LogRequest.from_dict(_request)
        if cls is LogEvent:
            # attrs' __init__ only assigns the fields: assigning them here saves a call that
            # costs more than they do, on every record. (A subclass's own __init__ runs below.)
            parsed_model = object.__new__(cls)
            parsed_model.uuid = uuid
            parsed_model.published = published
            parsed_model.event_type = event_type
            parsed_model.severity = severity
            parsed_model.actor = actor
            parsed_model.outcome = outcome
            parsed_model.version = version
            parsed_model.legacy_event_type = legacy_event_type
            parsed_model.display_message = display_message
            parsed_model.client = client
            parsed_model.target = target
            parsed_model.transaction = transaction
            parsed_model.debug_context = debug_context
            parsed_model.authentication_context = authentication_context
            parsed_model.security_context = security_context
            parsed_model.request = request
        else:
            parsed_model = cls(
                uuid,
                published,
                event_type,
                severity,
                actor,
                outcome,
                version,
                legacy_event_type,
                display_message,
                client,
                target,
                transaction,
                debug_context,
                authentication_context,
                security_context,
                request,
            )
        parsed_model.additional_properties = d
        return parsed_model

    def __repr__(self) -> str:
        return f"<LogEvent {self.uuid!s} {self.event_type!s} {self.published!s}>"


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.log_actor import LogActor  # noqa: E402
from ..models.log_authentication_context import LogAuthenticationContext  # noqa: E402
from ..models.log_client import LogClient  # noqa: E402
from ..models.log_debug_context import LogDebugContext  # noqa: E402
from ..models.log_outcome import LogOutcome  # noqa: E402
from ..models.log_request import LogRequest  # noqa: E402
from ..models.log_security_context import LogSecurityContext  # noqa: E402
from ..models.log_target import LogTarget  # noqa: E402
from ..models.log_transaction import LogTransaction  # noqa: E402
