"""Start Voila, JupyterLab or Notebook 7 on 127.0.0.1 for a browser test or a benchmark; always stop it.

>>> with voila_server(ROOT / "notebooks", work_dir=tmp_path) as server:  # doctest: +SKIP
...     page.goto(server.render_url("02_hedging.ipynb"))
>>> with jupyter_server("lab", ROOT / "notebooks", work_dir=tmp_path) as server:  # doctest: +SKIP
...     page.goto(server.notebook_url("02_hedging.ipynb"))

The server gets a copy of ``os.environ`` (so the test session's isolated ``JUPYTER_*`` folders
and its ``PYTHONPATH`` to this checkout, from ``tests/support.py``, apply), with
``MEDIALIT_WORK_DIR`` pointing to ``work_dir`` so the notebooks autosave there and never into
``notebooks/my-work``. Voila runs with this interpreter, so it finds the virtual environment's
``python3`` kernel in ``sys.prefix/share/jupyter/kernels`` and its own templates beside it.

Every wait is bounded; on leaving the ``with`` block the whole process group (Voila and the
kernels it started) is terminated, then killed if it does not stop.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

HOST = "127.0.0.1"
START_TIMEOUT = 90.0  # seconds for Voila to answer HTTP
STOP_TIMEOUT = 15.0  # seconds for Voila to shut down before it is killed
PORT_ATTEMPTS = 3  # another free port is tried if the chosen one was taken in between


class VoilaStartError(RuntimeError):
    """Voila did not start (or did not answer in time); the message holds the end of its log."""


@dataclass
class VoilaServer:
    """A running Voila server: its base URL, process, log file and the work folder it saves to."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    work_dir: Path

    app: str = "voila"

    def render_url(self, notebook: str) -> str:
        """The URL that executes and renders ``notebook`` (a path relative to the served folder)."""
        return f"{self.url}/voila/render/{quote(notebook)}"

    def notebook_url(self, notebook: str) -> str:
        """The URL that opens ``notebook`` in JupyterLab or Notebook 7."""
        prefix = "lab/tree" if self.app == "lab" else "notebooks"
        return f"{self.url}/{prefix}/{quote(notebook)}"

    def api(self, method: str, path: str) -> Any:
        """Send ``method`` to the server's REST API at ``path`` (``/api/...``); return the decoded JSON.

        Jupyter refuses a request that changes something unless it carries the ``_xsrf`` cookie
        the server hands out with a page, echoed in a header, as a browser would send it.
        """
        cookies = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
        opener.open(f"{self.url}/{'voila/tree' if self.app == 'voila' else 'tree'}", timeout=30).close()
        xsrf = next((cookie.value for cookie in cookies if cookie.name == "_xsrf"), "")
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"X-XSRFToken": urllib.parse.unquote(xsrf)}
        )
        with opener.open(request, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log(self, last: int = 4000) -> str:
        """The end of Voila's log (stdout and stderr together)."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-last:]
        except OSError:
            return ""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def voila_command(root: Path, port: int, extra_args: tuple[str, ...] = ()) -> list[str]:
    """The command line: this interpreter's Voila serving ``root`` on 127.0.0.1:``port``."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(root),
        "--no-browser",
        f"--Voila.ip={HOST}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        "--VoilaConfiguration.show_tracebacks=True",
        *extra_args,
    ]


def jupyter_command(app: str, root: Path, port: int) -> list[str]:
    """JupyterLab (``app="lab"``) or Notebook 7 (``"notebook"``) serving ``root``, no token, on 127.0.0.1."""
    module = "jupyterlab" if app == "lab" else "notebook"
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [
        sys.executable,
        "-m",
        module,
        "--no-browser",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=",
        "--expose-app-in-browser",  # window.jupyterapp: the tests read the kernel's state there
        *as_root,
    ]


def voila_env(work_dir: Path) -> dict[str, str]:
    """The environment for Voila and its kernels: the current one, saving to ``work_dir``."""
    env = dict(os.environ)
    env["MEDIALIT_WORK_DIR"] = str(work_dir)
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("BROWSER", None)
    return env


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except (urllib.error.URLError, OSError):
        return False


def wait_until_answering(server: VoilaServer, timeout: float = START_TIMEOUT) -> None:
    """Poll the server until it answers; raise if it exits or time runs out."""
    deadline = time.monotonic() + timeout
    probe = "/voila/tree" if server.app == "voila" else "/api/status"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise VoilaStartError(f"Voila exited with code {server.process.returncode}:\n{server.log()}")
        if _answers(f"{server.url}{probe}"):
            return
        time.sleep(0.2)
    raise VoilaStartError(f"Voila did not answer on {server.url} within {timeout:.0f} s:\n{server.log()}")


def stop(process: subprocess.Popen[bytes], timeout: float = STOP_TIMEOUT) -> None:
    """Terminate Voila's process group (Voila and its kernels); kill it if it lingers."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=timeout)
    # Kernels may outlive a Voila that was already gone; the group id is still Voila's pid.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=timeout)


@contextlib.contextmanager
def voila_server(
    root: Path,
    work_dir: Path | None = None,
    extra_args: tuple[str, ...] = (),
    timeout: float = START_TIMEOUT,
) -> Iterator[VoilaServer]:
    """Serve the folder ``root`` with Voila on 127.0.0.1 and a free port; yield the server.

    ``work_dir`` (default: a new temporary folder) becomes ``MEDIALIT_WORK_DIR``. The server is
    always stopped on leaving the block, also after an error.
    """
    with _served(
        "voila", lambda port: voila_command(Path(root), port, extra_args), root, work_dir, timeout
    ) as server:
        yield server


@contextlib.contextmanager
def jupyter_server(
    app: str, root: Path, work_dir: Path | None = None, timeout: float = START_TIMEOUT
) -> Iterator[VoilaServer]:
    """Serve ``root`` with JupyterLab (``app="lab"``) or Notebook 7 (``"notebook"``), as Voila is served.

    Every cell is kept in the page (windowing mode "none"): by default JupyterLab leaves the cells
    scrolled out of view out of the page, and Run All Cells scrolls to the last cell, so the
    widget's cell, and the state the tests wait on, would not be in the page at all.
    """
    settings = Path(
        os.environ["JUPYTER_CONFIG_DIR"], "lab", "user-settings", "@jupyterlab", "notebook-extension"
    )
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}\n', encoding="utf-8")
    with _served(app, lambda port: jupyter_command(app, Path(root), port), root, work_dir, timeout) as server:
        yield server


@contextlib.contextmanager
def _served(
    app: str,
    command: Callable[[int], list[str]],
    root: Path,
    work_dir: Path | None,
    timeout: float,
) -> Iterator[VoilaServer]:
    with contextlib.ExitStack() as stack:
        if work_dir is None:
            work_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="medialit-work-")))
        work_dir.mkdir(parents=True, exist_ok=True)
        logs = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"medialit-{app}-")))
        server = None
        for attempt in range(PORT_ATTEMPTS):
            port = free_port()
            log_path = logs / f"{app}-{attempt}.log"
            with log_path.open("wb") as log:
                process = subprocess.Popen(
                    command(port),
                    cwd=str(root),
                    env=voila_env(work_dir),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group, so its kernels stop with it
                )
            server = VoilaServer(f"http://{HOST}:{port}", process, log_path, work_dir, app)
            try:
                wait_until_answering(server, timeout)
                break
            except VoilaStartError:
                stop(process)
                port_taken = "already in use" in server.log() or "Address" in server.log()
                if attempt + 1 == PORT_ATTEMPTS or not port_taken:
                    raise
        assert server is not None
        try:
            yield server
        finally:
            stop(server.process)
