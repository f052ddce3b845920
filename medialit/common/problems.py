"""Problems found in a file: one plain sentence each, naming the file and the row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, where it is, and what it is."""

    file: str
    message: str
    row: int | None = None  # the line number in a CSV file (the header is line 1)

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}, line {self.row}"
        return f"{where}: {self.message}"


class ProblemsError(ValueError):
    """Raised when input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {problem}" for problem in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s):\n{shown}{more}")


def display_name(path: Path) -> str:
    """A short, readable name for a file in messages (relative to the current folder)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def error_text(error: Exception) -> str:
    """An unexpected error as one plain sentence, naming the file when there is one."""
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"Could not read or write a file{where}: {error.strerror or error}."
    return f"Unexpected error ({type(error).__name__}: {error})."
