"""The command line: ``python -m medialit COMMAND ...``.

Every command prints plain messages, never a traceback, and exits non-zero when something is
wrong with its input: 0 when all went well, 1 when the input had problems (each is printed, as a
sentence, on stderr, before any result on stdout), 2 for a usage error (:data:`EXIT_CODES`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.authoring.rebuild import case_derived_files
from medialit.case.labels import category_labels
from medialit.case.loading import case_folders, load_case
from medialit.case.model import Case, ExerciseSpec
from medialit.case.paths import DataNotFoundError
from medialit.case.validation import check_case
from medialit.common.problems import Problem, ProblemsError, display_name, error_text, left_out_summary
from medialit.rendering.text import agreement_markdown

if TYPE_CHECKING:
    from medialit.tagfile.model import TagSet

#: Set this variable to see the traceback of an unexpected error (for developers).
DEBUG_VARIABLE = "MEDIALIT_DEBUG"

#: What the exit codes mean (shown by ``--help`` and in the README).
EXIT_CODES = (
    "Exit codes: 0 when all went well; 1 when the input had problems (a file that could not be "
    "used or, for score and validate FILE, entries of the tag file that were left out, or, for "
    "report, a folder mixing cases; each is listed on stderr before the result on stdout); 2 for a "
    "usage error, such as an unknown exercise, a missing case folder, or tag files for a case the "
    "course does not list."
)


class UsageError(Exception):
    """A command was given arguments it cannot use (exit code 2)."""


class RefusedError(Exception):
    """The input cannot be used as a whole, and nothing was written (exit code 1)."""


#: How many files of each case a refusal of a folder mixing cases names.
FILES_NAMED = 5


def _problems(problems: list[Problem], prefix: str = "") -> None:
    for problem in problems:
        print(f"{prefix}{problem.sentence}", file=sys.stderr)


def _exercise(case: Case, exercise_id: str) -> ExerciseSpec:
    try:
        return case.exercise(exercise_id)
    except KeyError as error:
        raise UsageError(error.args[0]) from None


def _validate(args: argparse.Namespace) -> int:
    if args.file:
        return _validate_tags(args)
    folders = [Path(args.data)] if args.data else case_folders()
    failed = 0
    for folder in folders:
        report = check_case(folder)
        for problem in report.problems:
            print(problem, file=sys.stderr)
        counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
        if report.ok:
            print(f"The case in {display_name(folder)} is valid: {counts}.")
        else:
            failed += 1
            print(
                f"The case in {display_name(folder)} has {len(report.problems)} problem(s).", file=sys.stderr
            )
    return 1 if failed else 0


def _rebuild_article(args: argparse.Namespace) -> int:
    folders = [Path(args.data)] if args.data else case_folders()
    for folder in folders:
        for name, text in case_derived_files(folder).items():
            (folder / name).write_text(text, encoding="utf-8", newline="")
            print(f"wrote {display_name(folder / name)}")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    print(agreement_markdown(load_case(args.data)))
    return 0


def _load_tag_file(args: argparse.Namespace) -> tuple[Case, Path, TagSet | None]:
    """The case, and the tags of the learner's file ``args.file`` (``None`` if it cannot be used).

    Every entry that was left out is listed, and counted, on stderr; so is why a file cannot be used.
    """
    from medialit.tagfile.reading import load_tags

    case = load_case(args.data)
    path = Path(args.file)
    try:
        tagset = load_tags(path, case)
    except ProblemsError as error:
        _problems(error.problems)
        count = len(error.problems)
        print(f"{display_name(path)} cannot be used: {count} problem{'s' * (count != 1)}.", file=sys.stderr)
        return case, path, None
    _problems(tagset.problems)
    if tagset.problems:
        print(left_out_summary(tagset.problems, display_name(path)), file=sys.stderr)
    return case, path, tagset


def _validate_tags(args: argparse.Namespace) -> int:
    case, path, tagset = _load_tag_file(args)
    if tagset is None:
        return 1
    tags = sum(len(categories) for categories in tagset.tags.values())
    summary = f"{tagset.label}, {len(tagset.tags)} passage(s) reviewed, {tags} tag(s)"
    if tagset.problems:
        print(f"The rest of {display_name(path)} can be used: {summary}.", file=sys.stderr)
        return 1
    print(f"{display_name(path)} is a valid tag file for {case.case_id}: {summary}.")
    return 0


def _score(args: argparse.Namespace) -> int:
    from medialit.rendering.text import format_score, not_scored_sentence
    from medialit.scoring.learner import feedback, score

    case, path, tagset = _load_tag_file(args)
    if tagset is None:
        return 1
    exercise = _exercise(case, args.exercise or tagset.exercise or "article")
    outside = [pid for pid in tagset.tags if pid not in exercise.passage_ids]
    if outside:
        why = not_scored_sentence(display_name(path), len(outside), exercise.exercise_id, tagset.exercise)
        print(why, file=sys.stderr)
    result = score(tagset, case, exercise)
    if args.format == "json":
        data = {"file": display_name(path), **result.to_json(), "not_scored": outside}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(format_score(result, feedback(tagset, case, exercise), category_labels(case)))
    return 1 if tagset.problems else 0


def _named_files(files: list[str]) -> str:
    more = len(files) - FILES_NAMED
    return ", ".join(files[:FILES_NAMED]) + (f" and {more} more" if more > 0 else "")


def _report_case(folder: Path, data: str | None) -> Case:
    """The case of a class report: the one given with ``--data``, else the one the files are for.

    Raises :class:`RefusedError` when the files are for more than one case, and
    :class:`UsageError` when they are for a case the course does not list.
    """
    from medialit.case.loading import read_manifest
    from medialit.tagfile.folder import recorded_cases

    if data:
        return load_case(data)
    cases = recorded_cases(folder)
    if len(cases) > 1:
        listing = "; ".join(f"{case} in {_named_files(files)}" for case, files in cases.items())
        raise RefusedError(
            f"The folder {display_name(folder)} holds tag files of {len(cases)} cases ({listing}), "
            "so no report was written: give each case's files a folder of their own."
        )
    if not cases:
        return load_case()
    (case_id,) = cases
    folders = {read_manifest(path)["case"]: path for path in case_folders()}
    if case_id not in folders:
        known = ", ".join(folders)
        raise UsageError(
            f"the files in {display_name(folder)} are for the case {case_id!r}, which is not one of "
            f"the course's cases ({known}); give its folder with --data"
        )
    return load_case(folders[case_id])


def _report(args: argparse.Namespace) -> int:
    """Write a class report; exit 1 if a file could not be used or was left out (another exercise)."""
    from medialit.rendering.report_files import write_report
    from medialit.rendering.text import totals_line
    from medialit.scoring.class_report import class_report
    from medialit.tagfile.folder import load_folder

    case = _report_case(Path(args.folder), args.data)
    if args.exercise:
        _exercise(case, args.exercise)
    try:
        files = load_folder(Path(args.folder), case)
    except ProblemsError as error:
        _problems(error.problems)
        return 1
    report = class_report(files, case, args.exercise)
    _problems(report.errors)
    _problems(report.left_out, "left out: ")
    _problems(report.warnings, "warning: ")
    for note in report.notes:
        print(note, file=sys.stderr)
    write_report(report, Path(args.out), plots=not args.no_plots)
    written = ["index.html", *(["gains.csv"] if report.before_after else [])]
    print(f"{totals_line(report)}; wrote {' and '.join(display_name(Path(args.out) / n) for n in written)}")
    return 1 if report.errors or report.left_out or report.learners.empty else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="python -m medialit",
        description="Between the Lines: check the case data, score learners' tags, and report on a class.",
        epilog=EXIT_CODES,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate", help="check the case data, or a learner's tag file, and print a summary"
    )
    validate.add_argument("file", nargs="?", metavar="FILE", help="a learner's tag file (.json or .csv)")
    validate.add_argument("--data", help="the case folder (default: the course's data/)")
    validate.set_defaults(handler=_validate)
    score = commands.add_parser(
        "score",
        help="score a learner's tag file against the key",
        description="Score a learner's tag file against the key. The problems of the file come first, "
        "on stderr: each entry that could not be used (an unknown passage or category, cue words not "
        "in the passage, ...) and how many were left out, and how many reviewed passages are not part "
        "of the exercise scored; then the score, on stdout (with --format json, the problems are in "
        "the JSON too).",
        epilog=EXIT_CODES.replace("0 when all went well", "0 when every entry of the file was used"),
    )
    score.add_argument("file", metavar="FILE", help="a learner's tag file (.json, or .csv with one learner)")
    score.add_argument(
        "--exercise",
        metavar="NAME",
        help="the exercise (default: the one the file records, else article)",
    )
    score.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    score.add_argument("--data", help="the case folder (default: the course's data/)")
    score.set_defaults(handler=_score)
    report = commands.add_parser(
        "report",
        help="a class report from a folder of learners' tag files",
        description=(
            "A class report from a folder of learners' tag files. Backups and other copies the "
            "work folder keeps are skipped, and a learner who handed in twice counts once (the "
            "newest file). A folder with both tests (pretest and posttest) is reported on the "
            "post-test, and gets gains.csv, calibration.csv and a Before and after section. The "
            "exit code is 1 when a file could not be used, was left out because it records another "
            "exercise, or the folder mixes cases."
        ),
    )
    report.add_argument("folder", metavar="DIR", help="the folder of tag files (.json and .csv)")
    report.add_argument("--out", required=True, metavar="OUT", help="the folder to write the report to")
    report.add_argument(
        "--exercise",
        metavar="NAME",
        help="the exercise (default: the one the files record, else article; posttest when they record "
        "both tests); files of another are left out",
    )
    report.add_argument("--no-plots", action="store_true", help="skip the figures (faster)")
    report.add_argument(
        "--data", help="the case folder (default: the course's case the files are for, else the main one)"
    )
    report.set_defaults(handler=_report)
    rebuild = commands.add_parser(
        "rebuild-article",
        help="regenerate article.txt, passages.csv and links.csv from the seed (authors only)",
    )
    rebuild.add_argument("--data", help="the case folder (default: the course's data/)")
    rebuild.set_defaults(handler=_rebuild_article)
    agreement = commands.add_parser(
        "agreement",
        help="agreement (Cohen's kappa) between the key's annotation passes, and of each with the key",
    )
    agreement.add_argument("--data", help="the case folder (default: the course's data/)")
    agreement.set_defaults(handler=_agreement)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit code."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except DataNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    except ProblemsError as error:
        print(f"The case data is not valid: {error}", file=sys.stderr)
        return 1
    except UsageError as error:
        print(f"python -m medialit {args.command}: {error}", file=sys.stderr)
        return 2
    except RefusedError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except OSError as error:
        print(error_text(error), file=sys.stderr)
        return 1
    except Exception as error:  # the last resort: a plain message, never a traceback
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(f"{error_text(error)} Set {DEBUG_VARIABLE}=1 for details.", file=sys.stderr)
        return 1
