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

from course import book_build_command
from medialit.paths import repo_root

ROOT = repo_root()
CHROMIUM_VARIABLE = "MEDIALIT_CHROMIUM"


def pytest_configure(config: pytest.Config) -> None:
    """Give Jupyter and matplotlib fresh folders, so nothing on the machine can leak in."""
    scratch = Path(tempfile.mkdtemp(prefix="medialit-tests-"))
    for variable in (
        "JUPYTER_DATA_DIR",
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_RUNTIME_DIR",
        "MPLCONFIGDIR",
        "IPYTHONDIR",
    ):
        folder = scratch / variable.lower()
        folder.mkdir()
        os.environ[variable] = str(folder)
    os.environ["JUPYTER_PLATFORM_DIRS"] = "1"
    os.environ["MPLBACKEND"] = "Agg"
    os.environ["PYTHONNOUSERSITE"] = "1"


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


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; skipped locally when absent, but a failure in CI."""
    path = os.environ.get(CHROMIUM_VARIABLE) or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    """A headless Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
