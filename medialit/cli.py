"""The command line: ``python -m medialit COMMAND ...``.

Every command prints plain messages, never a traceback, and exits non-zero when something is
wrong with its input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from medialit.annotation import format_agreement, pass_agreement
from medialit.case import load_case
from medialit.paths import DataNotFoundError, data_dir
from medialit.problems import ProblemsError, display_name
from medialit.segment import derived_files
from medialit.validate import check_case


def _validate(args: argparse.Namespace) -> int:
    folder = Path(args.data) if args.data else data_dir()
    report = check_case(folder)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    if report.ok:
        print(f"The case in {display_name(folder)} is valid: {counts}.")
        return 0
    print(f"The case in {display_name(folder)} has {len(report.problems)} problem(s).", file=sys.stderr)
    return 1


def _rebuild_article(args: argparse.Namespace) -> int:
    folder = Path(args.data) if args.data else data_dir()
    seed = (folder / "source" / "article-seed.md").read_text(encoding="utf-8")
    for name, text in derived_files(seed).items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {display_name(folder / name)}")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    case = load_case(args.data)
    table = pass_agreement(
        case.annotation_pass("pass_a"), case.annotation_pass("pass_b"), case.passages.index, case.categories
    )
    print(format_agreement(table))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="python -m medialit",
        description="Between the Lines: check the case data, score learners' tags, and report on a class.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check the case data and print a summary")
    validate.add_argument("--data", help="the case folder (default: the course's data/)")
    validate.set_defaults(handler=_validate)
    rebuild = commands.add_parser(
        "rebuild-article",
        help="regenerate article.txt, passages.csv and links.csv from the seed (authors only)",
    )
    rebuild.add_argument("--data", help="the case folder (default: the course's data/)")
    rebuild.set_defaults(handler=_rebuild_article)
    agreement = commands.add_parser(
        "agreement", help="agreement (Cohen's kappa) between the key's two annotation passes"
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
