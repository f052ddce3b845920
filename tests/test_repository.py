"""The repository keeps its promises: pins in one place, a lean Binder, two README commands."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)\s*==\s*([^\s;#]+)")


def pins(name: str) -> dict[str, str]:
    """The ``package==version`` lines of a requirements file (not following ``-r``)."""
    found = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def quick_start_commands() -> list[str]:
    """The commands in the README's Quick start, without clone and cd."""
    text = (ROOT / "README.md").read_text(encoding="utf-8") + "\n# end"
    section = re.search(r"^#+ *quick ?start.*?$(.*?)(?=^#+ )", text, re.S | re.M | re.I)
    assert section, "README has no Quick start section"
    commands = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", section.group(1), re.S):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ").strip()
            if line and not line.startswith("#") and not re.match(r"(git clone|cd )", line):
                commands.append(line)
    return commands


def test_no_version_is_pinned_twice() -> None:
    runtime, dev = pins("requirements.txt"), pins("requirements-dev.txt")
    assert runtime and dev
    assert not set(runtime) & set(dev), f"pinned in both files: {set(runtime) & set(dev)}"


def test_package_dependencies_are_names_pinned_only_in_requirements() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = pins("requirements.txt")
    for dependency in project["dependencies"]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+", dependency), f"{dependency} carries a version"
        assert dependency.lower() in runtime, f"{dependency} is not pinned in requirements.txt"


def test_binder_installs_only_the_learner_runtime() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == ["-r ../requirements.txt"]
    runtime = pins("requirements.txt")
    for tool in ("jupyter-book", "pytest", "playwright", "voila", "ruff", "scikit-learn"):
        assert tool not in runtime
    assert "-e ." in (ROOT / "requirements.txt").read_text()
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_readme_has_exactly_two_quick_start_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2, commands
    assert "build" in commands[0] and "test" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci
    assert "apt-get install" in ci and "chromium" in ci


def test_binder_badge_and_book_config_name_the_same_repository() -> None:
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    url = re.search(r"url:\s*https://github.com/(\S+)", config).group(1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"mybinder.org/v2/gh/{url}/" in readme
