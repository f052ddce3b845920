"""Shared fixtures: isolated Jupyter folders, the built book, a local web server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from course import book_build_command
from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.case.paths import repo_root
from tests.support import CHROMIUM_ARGS, find_chromium, isolate_jupyter

ROOT = repo_root()

# Property-based tests are deterministic everywhere: the same examples on every run and machine,
# no timing-based failures, and a reproduction blob printed with any failure.
settings.register_profile(
    "ci", derandomize=True, print_blob=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    """Give Jupyter and matplotlib fresh folders, so nothing on the machine can leak in."""
    isolate_jupyter(Path(tempfile.mkdtemp(prefix="medialit-tests-")))


@pytest.fixture(scope="session")
def case() -> Case:
    """The shipped case, loaded once."""
    return load_case()


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private work folder for autosaved tag files (``MEDIALIT_WORK_DIR``)."""
    folder = tmp_path / "work"
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Build the book once (warnings and notebook errors fail it); return ``_build/html``."""
    result = subprocess.run(
        book_build_command(Path(sys.executable)),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.fail(f"The book build failed:\n{result.stdout[-6000:]}\n{result.stderr[-6000:]}")
    return ROOT / "_build" / "html"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="session")
def book_server(built_book: Path) -> Iterator[str]:
    """Serve the built book on 127.0.0.1; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _required(path: str | None, message: str) -> str:
    """``path`` when the tool is there; else skipped locally, but a failure in CI."""
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; skipped locally when absent, but a failure in CI."""
    return _required(find_chromium(), "Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def node_path() -> str:
    """Debian's Node, for the parity test of the in-page exercise's script; as for Chromium."""
    return _required(
        shutil.which("node") or shutil.which("nodejs"), "Node is not installed (apt-get install nodejs)"
    )


#: How long a browser test's assertion waits for the state it expects (see ``browser``).
EXPECT_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    """A headless Chromium driven by Playwright.

    Assertions (``expect``) wait up to 30 s for the state they name, not Playwright's 5 s: a
    kernel's answer on a loaded two-core machine can take longer, and a wait on state that
    comes sooner returns sooner.
    """
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()
