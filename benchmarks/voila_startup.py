"""Print how long Voila takes from start to a rendered widget: the capstone beside a baseline.

.venv/bin/python benchmarks/voila_startup.py [--repeat 3]

Each run starts Voila as a subprocess on 127.0.0.1 (``tests/voila_server.py``), opens the
notebook in headless Chromium (Debian's, ``/usr/bin/chromium`` or ``$MEDIALIT_CHROMIUM``) and
stops the clock when the widget is visible: for the capstone, its "Attribution" checkbox; for
the baseline, the only widget of a one-cell notebook (an ipywidgets Checkbox) written to a
temporary folder at run time. Runs alternate between the two; the browser is started once,
before any clock. The target is a capstone median at most 1.3 times the baseline's.
A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat

from medialit.case.paths import repo_root

sys.path.insert(0, str(repo_root()))  # the tests' helpers, shared with the browser tests
from tests.support import CHROMIUM_ARGS, find_chromium, isolate_jupyter
from tests.voila_server import voila_server

TARGET_RATIO = 1.3
RENDER_TIMEOUT_MS = 180_000
BASELINE_LABEL = "Baseline checkbox"


def write_baseline(folder: Path) -> Path:
    """A one-widget notebook: a single ipywidgets Checkbox."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_code_cell(
            f'import ipywidgets as widgets\n\nwidgets.Checkbox(description="{BASELINE_LABEL}", indent=False)'
        )
    ]
    path = folder / "baseline.ipynb"
    nbformat.write(notebook, path)
    return path


def time_one(browser: Any, folder: Path, notebook: str, label: str) -> tuple[float, float]:
    """Seconds from starting Voila to ``label``'s checkbox being visible; also to Voila answering."""
    page = browser.new_page()
    try:
        start = time.perf_counter()
        with voila_server(folder) as server:
            answering = time.perf_counter() - start
            page.goto(server.render_url(notebook), timeout=RENDER_TIMEOUT_MS)
            page.get_by_role("checkbox", name=label, exact=True).wait_for(
                state="visible", timeout=RENDER_TIMEOUT_MS
            )
            rendered = time.perf_counter() - start
            page.close()  # before Voila stops, so the page does not wait on a dead kernel
    finally:
        if not page.is_closed():
            page.close()
    return rendered, answering


def line(name: str, runs: list[tuple[float, float]]) -> str:
    totals = [total for total, _ in runs]
    answering = statistics.median(a for _, a in runs)
    shown = ", ".join(f"{t:.2f}" for t in totals)
    return (
        f"{name:<26} median {statistics.median(totals):6.2f} s   runs [{shown}] s   "
        f"(Voila answering after {answering:.2f} s)"
    )


def main() -> None:
    """Time the capstone and the baseline alternately, then print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook (default 3)")
    repeat = max(1, parser.parse_args().repeat)

    root = repo_root()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as scratch_name:
        scratch = Path(scratch_name)
        isolate_jupyter(scratch)
        baseline_folder = scratch / "baseline"
        baseline_folder.mkdir()
        write_baseline(baseline_folder)
        cases: dict[str, Callable[[Any], tuple[float, float]]] = {
            "capstone (05_capstone)": lambda b: time_one(
                b, root / "notebooks", "05_capstone.ipynb", "Attribution"
            ),
            "baseline (one Checkbox)": lambda b: time_one(
                b, baseline_folder, "baseline.ipynb", BASELINE_LABEL
            ),
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        with sync_playwright() as playwright:
            chromium = find_chromium()
            if chromium is None:
                sys.exit("Debian's chromium is not installed (apt-get install chromium)")
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                for index in range(repeat):
                    for name, run in cases.items():
                        runs[name].append(run(browser))
                        print(f"  run {index + 1}/{repeat} {name}: {runs[name][-1][0]:.2f} s", flush=True)
            finally:
                browser.close()

    print("\nVoila start to rendered widget in headless Chromium (wall time):")
    for name, measured in runs.items():
        print(line(name, measured))
    capstone, baseline = (statistics.median(t for t, _ in measured) for measured in runs.values())
    ratio = capstone / baseline
    verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
    print(f"ratio capstone / baseline: {ratio:.2f}   (target: at most {TARGET_RATIO:.1f}; {verdict} target)")


if __name__ == "__main__":
    main()
