# Generated from okta_spec/openapi.yaml by openapi-python-client 0.29.1 with the
# templates in okta_spec/templates. Do not edit: change the spec and run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.href_object import HrefObject


T = TypeVar("T", bound="UserLinks")


@_attrs_define
class UserLinks:
    """The operations currently allowed on the user, as links.

    Attributes:
        self_ (HrefObject | Unset): A link to a related resource or operation.
        activate (HrefObject | Unset): A link to a related resource or operation.
        reactivate (HrefObject | Unset): A link to a related resource or operation.
        deactivate (HrefObject | Unset): A link to a related resource or operation.
        suspend (HrefObject | Unset): A link to a related resource or operation.
        unsuspend (HrefObject | Unset): A link to a related resource or operation.
        unlock (HrefObject | Unset): A link to a related resource or operation.
        reset_factors (HrefObject | Unset): A link to a related resource or operation.
        reset_password (HrefObject | Unset): A link to a related resource or operation.
        expire_password (HrefObject | Unset): A link to a related resource or operation.
        forgot_password (HrefObject | Unset): A link to a related resource or operation.
        change_password (HrefObject | Unset): A link to a related resource or operation.
        change_recovery_question (HrefObject | Unset): A link to a related resource or operation.
        schema (HrefObject | Unset): A link to a related resource or operation.
        type_ (HrefObject | Unset): A link to a related resource or operation.
    """

    self_: HrefObject | Unset = UNSET
    activate: HrefObject | Unset = UNSET
    reactivate: HrefObject | Unset = UNSET
    deactivate: HrefObject | Unset = UNSET
    suspend: HrefObject | Unset = UNSET
    unsuspend: HrefObject | Unset = UNSET
    unlock: HrefObject | Unset = UNSET
    reset_factors: HrefObject | Unset = UNSET
    reset_password: HrefObject | Unset = UNSET
    expire_password: HrefObject | Unset = UNSET
    forgot_password: HrefObject | Unset = UNSET
    change_password: HrefObject | Unset = UNSET
    change_recovery_question: HrefObject | Unset = UNSET
    schema: HrefObject | Unset = UNSET
    type_: HrefObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        self_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.self_, Unset):
            self_ = self.self_.to_dict()

        activate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.activate, Unset):
            activate = self.activate.to_dict()

        reactivate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reactivate, Unset):
            reactivate = self.reactivate.to_dict()

        deactivate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deactivate, Unset):
            deactivate = self.deactivate.to_dict()

        suspend: dict[str, Any] | Unset = UNSET
        if not isinstance(self.suspend, Unset):
            suspend = self.suspend.to_dict()

        unsuspend: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unsuspend, Unset):
            unsuspend = self.unsuspend.to_dict()

        unlock: dict[str, Any] | Unset = UNSET
        if not isinstance(self.unlock, Unset):
            unlock = self.unlock.to_dict()

        reset_factors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reset_factors, Unset):
            reset_factors = self.reset_factors.to_dict()

        reset_password: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reset_password, Unset):
            reset_password = self.reset_password.to_dict()

        expire_password: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expire_password, Unset):
            expire_password = self.expire_password.to_dict()

        forgot_password: dict[str, Any] | Unset = UNSET
        if not isinstance(self.forgot_password, Unset):
            forgot_password = self.forgot_password.to_dict()

        change_password: dict[str, Any] | Unset = UNSET
        if not isinstance(self.change_password, Unset):
            change_password = self.change_password.to_dict()

        change_recovery_question: dict[str, Any] | Unset = UNSET
        if not isinstance(self.change_recovery_question, Unset):
            change_recovery_question = self.change_recovery_question.to_dict()

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        type_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self_ is not UNSET:
            field_dict["self"] = self_
        if activate is not UNSET:
            field_dict["activate"] = activate
        if reactivate is not UNSET:
            field_dict["reactivate"] = reactivate
        if deactivate is not UNSET:
            field_dict["deactivate"] = deactivate
        if suspend is not UNSET:
            field_dict["suspend"] = suspend
        if unsuspend is not UNSET:
            field_dict["unsuspend"] = unsuspend
        if unlock is not UNSET:
            field_dict["unlock"] = unlock
        if reset_factors is not UNSET:
            field_dict["resetFactors"] = reset_factors
        if reset_password is not UNSET:
            field_dict["resetPassword"] = reset_password
        if expire_password is not UNSET:
            field_dict["expirePassword"] = expire_password
        if forgot_password is not UNSET:
            field_dict["forgotPassword"] = forgot_password
        if change_password is not UNSET:
            field_dict["changePassword"] = change_password
        if change_recovery_question is not UNSET:
            field_dict["changeRecoveryQuestion"] = change_recovery_question
        if schema is not UNSET:
            field_dict["schema"] = schema
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Okta data is checked, not trusted: dict() would turn a list of pairs into a model.
        if not isinstance(src_dict, Mapping):
            raise TypeError(
                f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        _self_ = d.pop("self", UNSET)
        self_: HrefObject | Unset
        if isinstance(_self_, Unset):
            self_ = UNSET
        else:
            self_ = HrefObject.from_dict(_self_)

        _activate = d.pop("activate", UNSET)
        activate: HrefObject | Unset
        if isinstance(_activate, Unset):
            activate = UNSET
        else:
            activate = HrefObject.from_dict(_activate)

        _reactivate = d.pop("reactivate", UNSET)
        reactivate: HrefObject | Unset
        if isinstance(_reactivate, Unset):
            reactivate = UNSET
        else:
            reactivate = HrefObject.from_dict(_reactivate)

        _deactivate = d.pop("deactivate", UNSET)
        deactivate: HrefObject | Unset
        if isinstance(_deactivate, Unset):
            deactivate = UNSET
        else:
            deactivate = HrefObject.from_dict(_deactivate)

        _suspend = d.pop("suspend", UNSET)
        suspend: HrefObject | Unset
        if isinstance(_suspend, Unset):
            suspend = UNSET
        else:
            suspend = HrefObject.from_dict(_suspend)

        _unsuspend = d.pop("unsuspend", UNSET)
        unsuspend: HrefObject | Unset
        if isinstance(_unsuspend, Unset):
            unsuspend = UNSET
        else:
            unsuspend = HrefObject.from_dict(_unsuspend)

        _unlock = d.pop("unlock", UNSET)
        unlock: HrefObject | Unset
        if isinstance(_unlock, Unset):
            unlock = UNSET
        else:
            unlock = HrefObject.from_dict(_unlock)

        _reset_factors = d.pop("resetFactors", UNSET)
        reset_factors: HrefObject | Unset
        if isinstance(_reset_factors, Unset):
            reset_factors = UNSET
        else:
            reset_factors = HrefObject.from_dict(_reset_factors)

        _reset_password = d.pop("resetPassword", UNSET)
        reset_password: HrefObject | Unset
        if isinstance(_reset_password, Unset):
            reset_password = UNSET
        else:
            reset_password = HrefObject.from_dict(_reset_password)

        _expire_password = d.pop("expirePassword", UNSET)
        expire_password: HrefObject | Unset
        if isinstance(_expire_password, Unset):
            expire_password = UNSET
        else:
            expire_password = HrefObject.from_dict(_expire_password)

        _forgot_password = d.pop("forgotPassword", UNSET)
        forgot_password: HrefObject | Unset
        if isinstance(_forgot_password, Unset):
            forgot_password = UNSET
        else:
            forgot_password = HrefObject.from_dict(_forgot_password)

        _change_password = d.pop("changePassword", UNSET)
        change_password: HrefObject | Unset
        if isinstance(_change_password, Unset):
            change_password = UNSET
        else:
            change_password = HrefObject.from_dict(_change_password)

        _change_recovery_question = d.pop("changeRecoveryQuestion", UNSET)
        change_recovery_question: HrefObject | Unset
        if isinstance(_change_recovery_question, Unset):
            change_recovery_question = UNSET
        else:
            change_recovery_question = HrefObject.from_dict(_change_recovery_question)

        _schema = d.pop("schema", UNSET)
        schema: HrefObject | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = HrefObject.from_dict(_schema)

        _type_ = d.pop("type", UNSET)
        type_: HrefObject | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = HrefObject.from_dict(_type_)

        user_links = cls(
            self_=self_,
            activate=activate,
            reactivate=reactivate,
            deactivate=deactivate,
            suspend=suspend,
            unsuspend=unsuspend,
            unlock=unlock,
            reset_factors=reset_factors,
            reset_password=reset_password,
            expire_password=expire_password,
            forgot_password=forgot_password,
            change_password=change_password,
            change_recovery_question=change_recovery_question,
            schema=schema,
            type_=type_,
        )

        user_links.additional_properties = d
        return user_links

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class rather than at the top, so models that refer to each other still
# import, and rather than inside the methods, where the import would run on every call.
from ..models.href_object import HrefObject  # noqa: E402
