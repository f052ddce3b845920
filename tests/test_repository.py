"""The repository keeps its promises: ranges in the metadata, exact pins once, a lean Binder."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from packaging.requirements import Requirement

import medialit
from tests.conftest import ROOT
from tests.support import pins


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


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_package_dependencies_are_ranges_and_pinned_exactly_in_requirements() -> None:
    """Ranges in the package metadata (a plain ``pip install`` resolves), exact pins in requirements*."""
    runtime, dev = pins("requirements.txt"), pins("requirements-dev.txt")
    declared = [(dependency, runtime) for dependency in project()["dependencies"]]
    for extra in project().get("optional-dependencies", {}).values():
        declared += [(dependency, runtime | dev) for dependency in extra]
    for dependency, pinned in declared:
        requirement = Requirement(dependency)
        name = requirement.name.lower()
        assert requirement.specifier, f"{dependency} has no version range"
        assert not any(spec.operator in ("==", "===") for spec in requirement.specifier), (
            f"{dependency}: pin exact versions in the requirement files, not in pyproject.toml"
        )
        assert any(spec.operator in (">=", ">", "~=") for spec in requirement.specifier), (
            f"{dependency} has no lower bound"
        )
        assert name in pinned, f"{name} is not pinned in the requirement files"
        assert requirement.specifier.contains(pinned[name]), f"{name}=={pinned[name]} is outside {dependency}"


def test_requirements_widgets7_has_colabs_ipywidgets_and_ipython_and_the_course_pins_otherwise() -> None:
    """``requirements-widgets7.txt`` (installed with ``--no-deps``): exact pins, no book or front end."""
    lines = [
        line.strip()
        for line in (ROOT / "requirements-widgets7.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    widgets7 = pins("requirements-widgets7.txt")
    assert len(widgets7) == len(lines) - 1 and "-e ." in lines, "every line but `-e .` is an exact pin"
    assert widgets7["ipywidgets"].startswith("7.7.") and widgets7["ipython"] == "7.34.0"
    for dependency in project()["dependencies"]:
        requirement = Requirement(dependency)
        name = requirement.name.lower()
        assert name in widgets7 and requirement.specifier.contains(widgets7[name]), f"{name} for {dependency}"
    course = pins("requirements.txt") | pins("requirements-dev.txt")
    differ = {name for name in set(widgets7) & set(course) if widgets7[name] != course[name]}
    assert differ == {"ipywidgets", "ipython"}, f"pinned differently from the course: {differ}"
    for heavy in ("jupyter-book", "jupyterlab", "notebook", "voila", "playwright", "widgetsnbextension"):
        assert heavy not in widgets7


def test_every_package_the_code_imports_is_declared() -> None:
    declared = {Requirement(d).name.lower() for d in project()["dependencies"]}
    for extra in project().get("optional-dependencies", {}).values():
        declared |= {Requirement(d).name.lower() for d in extra}
    distributions = importlib.metadata.packages_distributions()
    imported = set()
    for path in (ROOT / "medialit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "medialit"}
    for module in sorted(third_party):
        names = {name.lower() for name in distributions.get(module, [module])}
        assert names & declared, f"medialit imports {module}, which pyproject.toml does not declare"


def test_the_version_is_written_once() -> None:
    assert "version" in project()["dynamic"] and "version" not in project()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "medialit.__version__"}
    assert importlib.metadata.version("medialit") == medialit.__version__


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
