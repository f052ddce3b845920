"""Problems found in a file: one plain sentence each, naming the file and the row.

A tag file's problem is written as the rest of a sentence whose subject is the file (or the line
of it): ``Problem("ada.json", "is not valid JSON")`` reads "ada.json is not valid JSON." as
:attr:`Problem.sentence`. ``str(problem)`` is the short form ``ada.json: is not valid JSON`` that
the case checks print, one per line, like a compiler.
"""

from __future__ import annotations

from collections import Counter
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
    #: For an entry that was left out: what it had ("an unknown passage id"), for :func:`left_out_summary`.
    kind: str = ""

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}, line {self.row}"
        return f"{where}: {self.message}"

    @property
    def sentence(self) -> str:
        """The problem as one sentence: "ada.json has ...", "Line 3 of class.csv has ..."."""
        subject = self.file if self.row is None else f"Line {self.row} of {self.file}"
        return f"{subject} {self.message}."


class ProblemsError(ValueError):
    """Raised when input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {problem}" for problem in problems[:LISTED_IN_ERROR])
        extra = len(problems) - LISTED_IN_ERROR
        more = f"\n  ... and {extra} more" if extra > 0 else ""
        super().__init__(f"{len(problems)} problem(s):\n{shown}{more}")


def sentences(problems: list[Problem], limit: int = LISTED_IN_SENTENCES) -> str:
    """The first ``limit`` problems as plain sentences, then how many more there are."""
    shown = " ".join(problem.sentence for problem in problems[:limit])
    extra = len(problems) - limit
    return shown + (f" {extra} more {'is' if extra == 1 else 'are'} not shown." if extra > 0 else "")


def left_out_summary(problems: list[Problem], file: str) -> str:
    """One sentence counting the entries of ``file`` that could not be used, by what they had.

    ``3 entries of ada.json could not be used and were left out: 2 with an unknown passage id,
    1 with an unknown category.``
    """
    count = len(problems)
    kinds = Counter(problem.kind or "another problem" for problem in problems)
    listed = ", ".join(f"{n} with {kind}" for kind, n in kinds.items())
    entries, were = ("entry", "was") if count == 1 else ("entries", "were")
    return f"{count} {entries} of {file} could not be used and {were} left out: {listed}."


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
