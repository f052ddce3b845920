"""Print how fast the book's in-page exercise is usable, and how many bytes it adds to a page.

.venv/bin/python benchmarks/inpage.py [--repeat 5]

Opens the built capstone page (``_build/html/notebooks/05_capstone.html``; build the book first)
from ``file://`` in headless Chromium with every other request refused, and stops the clock when
the exercise is usable (its "Attribution" checkbox is visible and enabled), measured in the page
from navigation start. Prints the median and best of the runs, and the bytes the component adds:
its script and stylesheet (before compression), and the capstone's JSON data in the page.
Targets: usable within 0.5 s of load; script and stylesheet together under 40 KB.
A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys

from medialit.case.paths import repo_root
from medialit.sphinx_ext import STATIC

sys.path.insert(0, str(repo_root()))  # the tests' helpers, shared with the browser tests
from tests.support import CHROMIUM_ARGS, find_chromium

PAGE = repo_root() / "_build" / "html" / "notebooks" / "05_capstone.html"
USABLE = "(() => { const box = document.querySelector('.medialit-inpage input[type=checkbox]');"
USABLE += " return box && !box.disabled && box.offsetParent !== null ? performance.now() : 0; })()"


def main() -> None:
    """Time the capstone page from navigation to a usable exercise; print the component's bytes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    script, style = (STATIC / name for name in ("inpage.js", "inpage.css"))
    size = script.stat().st_size + style.stat().st_size
    sizes = f"script {script.stat().st_size} B + stylesheet {style.stat().st_size} B"
    print(f"{sizes} = {size} B (target < 40960 B)")
    if not PAGE.exists():
        print(f"{PAGE} is missing: build the book first (python3 course.py build)")
        return
    data = re.search(r'class="medialit-inpage-data">(.*?)</script>', PAGE.read_text("utf-8"), re.S)
    print(f"capstone data in the page: {len(data.group(1).encode('utf-8')) if data else 0} B")
    chromium = find_chromium()
    if chromium is None:
        print("Debian's chromium is not installed; no timing")
        return
    from playwright.sync_api import sync_playwright

    times, parsed = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(args.repeat):
            context = browser.new_context()
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page = context.new_page()
            page.goto(PAGE.as_uri(), wait_until="commit")
            handle = page.wait_for_function(USABLE, polling="raf")
            times.append(float(handle.json_value()) / 1000)
            parsed.append(
                page.evaluate("performance.getEntriesByType('navigation')[0].domInteractive") / 1000
            )
            parsed.append(
                page.evaluate("performance.getEntriesByType('navigation')[0].domInteractive") / 1000
            )
            context.close()
        browser.close()
    median = statistics.median(times)
    best = min(times)
    print(f"navigation to usable capstone exercise: median {median * 1000:.0f} ms, best {best * 1000:.0f} ms")
    print(
        f"of which the page's HTML parsed (domInteractive): median {statistics.median(parsed) * 1000:.0f} ms"
    )
    print("(target: usable within 500 ms)")


if __name__ == "__main__":
    main()
