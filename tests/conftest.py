"""Shared test setup: no network, fixed Hypothesis profile, helpers to make small fact bases."""
from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

settings.register_profile("ci", max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and not host.startswith("/"):
        msg = f"tests must not touch the network (tried {address!r})"
        raise RuntimeError(msg)
    _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def mini_facts(tmp_path: Path) -> Iterator[Path]:
    """A copy of the small valid fact base in tests/fixtures/mini, to modify freely."""
    target = tmp_path / "facts"
    shutil.copytree(FIXTURES / "mini", target)
    yield target
