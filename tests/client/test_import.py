"""Importing oktakit stays cheap, and every public name resolves."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
import types

import pytest

import oktakit
import oktakit_api.models


def imported_after(code: str) -> set[str]:
    """The modules loaded by a fresh interpreter after running ``code``."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(  # noqa: S603 - our own interpreter, our own script
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_import_oktakit_loads_no_models_no_operations_and_no_httpx() -> None:
    modules = imported_after("import oktakit")

    assert "oktakit" in modules
    assert set() == {m for m in modules if m.startswith("oktakit_api.models.")}
    assert set() == {m for m in modules if m.startswith("oktakit_api.api.")}
    assert set() == {m for m in modules if m == "httpx" or m.startswith("httpx.")}


def test_building_a_client_still_loads_no_models() -> None:
    modules = imported_after(
        """
        from oktakit import ApiToken, OktaClient
        OktaClient("https://acme.okta.com", auth=ApiToken("00abc"))
        """
    )

    assert "oktakit_api.models.user" not in modules


def test_one_operation_loads_only_the_models_it_needs() -> None:
    modules = imported_after(
        """
        from oktakit_api.operations import GET_AUTHENTICATOR
        GET_AUTHENTICATOR.build_request("aut1")
        """
    )

    assert "oktakit_api.models.authenticator" in modules
    assert "oktakit_api.models.user" not in modules


def test_the_public_names_are_sorted_and_all_resolve() -> None:
    assert sorted(oktakit.__all__) == oktakit.__all__
    assert len(set(oktakit.__all__)) == len(oktakit.__all__)
    for name in oktakit.__all__:
        assert getattr(oktakit, name) is not None


def test_every_exception_is_an_okta_error() -> None:
    exceptions = [getattr(oktakit, n) for n in oktakit.__all__ if n.endswith("Error")]

    assert 19 == len(exceptions)  # the tree drawn in oktakit.errors
    assert all(issubclass(e, oktakit.OktaError) for e in exceptions)
    assert issubclass(oktakit.InvalidArgumentError, ValueError)
    assert issubclass(oktakit.RequestTimeoutError, oktakit.TransportError)


def test_the_generated_models_resolve_every_name_lazily() -> None:
    names = list(oktakit_api.models.__all__)

    for name in names:
        model = getattr(oktakit_api.models, name)
        assert name == model.__name__
        module = importlib.import_module(model.__module__)
        assert model is getattr(module, name)
    assert "User" in names


def test_the_generated_models_package_loads_nothing_until_a_name_is_used() -> None:
    modules = imported_after(
        """
        import oktakit_api.models as models
        names = list(models.__all__)
        """
    )

    assert set() == {m for m in modules if m.startswith("oktakit_api.models.")}


def test_an_unknown_model_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = oktakit_api.models.NoSuchModel


def test_the_version_is_a_release_string() -> None:
    assert oktakit.__version__.count(".") >= 2
    assert importlib.import_module("oktakit._version").__version__ == oktakit.__version__


def test_import_oktakit_does_not_import_aiohttp_until_a_name_is_used() -> None:
    assert "aiohttp" not in imported_after("import oktakit")
    assert "aiohttp" in imported_after("import oktakit; oktakit.OktaClient")


def test_dir_of_the_lazy_packages_lists_every_public_name() -> None:
    import oktakit.testing

    assert set(oktakit.__all__) <= set(dir(oktakit))
    assert set(oktakit.testing.__all__) <= set(dir(oktakit.testing))


PUBLIC_MODULES = [
    "oktakit",
    "oktakit.auth",
    "oktakit.bulk",
    "oktakit.cli",
    "oktakit.keys",
    "oktakit.logs",
    "oktakit.models",
    "oktakit.permissions",
    "oktakit.testing",
]


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_module_has_a_sorted_all_whose_names_resolve(name: str) -> None:
    module = importlib.import_module(name)

    # ruff's order (RUF022): constants, then classes, then the rest; alphabetical in each
    assert sorted(module.__all__, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n)) == (
        module.__all__
    )
    assert len(set(module.__all__)) == len(module.__all__)
    for public in module.__all__:
        assert getattr(module, public) is not None


def test_oktakit_all_is_complete() -> None:
    """Every name the package resolves is in ``__all__``, and every public name of the modules it
    gathers from (errors, credentials, keys, bulk results) is exported at the top."""
    import oktakit.auth
    import oktakit.bulk
    import oktakit.errors
    import oktakit.keys

    helpers = {"TYPE_CHECKING", "lazy_namespace"}
    resolved = {name for name in dir(oktakit) if not name.startswith("_")} - helpers
    lazily = {name for name in resolved if not isinstance(getattr(oktakit, name), types.ModuleType)}
    gathered = {
        *(name for name in vars(oktakit.errors) if name.endswith("Error")),
        *oktakit.auth.__all__,
        *(name for name in oktakit.keys.__all__ if name != "ALGORITHMS"),
        *(name for name in oktakit.bulk.__all__ if name != "MAX_CONCURRENCY"),
    }

    assert set() == lazily - set(oktakit.__all__)
    assert set() == gathered - set(oktakit.__all__)
    # A custom credential is written against these (OktaClient(auth=...)).
    assert {"Auth", "Authorizer", "OrgConnection", "Resend"} <= set(oktakit.__all__)


def test_the_old_batch_module_still_reads_with_a_deprecation_warning() -> None:
    import oktakit.batch
    import oktakit.bulk

    with pytest.warns(DeprecationWarning, match=r"oktakit\.bulk"):
        assert oktakit.bulk.MAX_CONCURRENCY == oktakit.batch.MAX_CONCURRENCY


def test_the_simulator_exports_no_name_of_the_sdk() -> None:
    import oktakit.models
    import oktakit.testing

    assert set() == set(oktakit.testing.__all__) & {*oktakit.__all__, *oktakit.models.__all__}
