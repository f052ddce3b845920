"""Problems found in a file: one plain sentence each, naming the file and the row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: How many problems each kind of message lists at most: the one place for these limits.
#: An error that lists a file's problems (the command line, a report's problem table).
LISTED_IN_ERROR = 20
#: The plain sentences the widget shows after an upload.
LISTED_IN_SENTENCES = 10
#: Why saved work could not be read, when an exercise starts.
LISTED_IN_RESUME_REASON = 3
#: What was skipped while resuming saved work.
LISTED_IN_RESUME_SKIPPED = 5


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
        shown = "\n".join(f"  - {problem}" for problem in problems[:LISTED_IN_ERROR])
        extra = len(problems) - LISTED_IN_ERROR
        more = f"\n  ... and {extra} more" if extra > 0 else ""
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
