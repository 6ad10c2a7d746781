"""The client tests' fixtures (a client, mocked Okta, a wire recorder) for the HTTP path's tests."""

from tests.client.conftest import mocked, okta, wire

__all__ = ["mocked", "okta", "wire"]
