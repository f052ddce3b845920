"""What the built book's pages show a reader: nothing of the build machine, and the course's own words.

These read the HTML that ``jupyter-book build`` wrote (the ``built_book`` fixture).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from medialit import load_case
from medialit.authoring.colab import FIRST_LINE
from medialit.case.loading import case_folders
from medialit.scoring.calibration import CONFIDENCE_LABELS, CONFIDENCE_LEVELS
from tests.conftest import ROOT

pytestmark = pytest.mark.book


def pages(built_book: Path) -> list[Path]:
    """Every page the book wrote (its own, not Sphinx's search and index pages)."""
    return sorted(path for folder in ("book", "notebooks") for path in (built_book / folder).glob("*.html"))


def text_of(page: Path) -> str:
    """A page's HTML with entities decoded, so words are found however they were escaped."""
    return html.unescape(page.read_text(encoding="utf-8"))


def test_no_page_shows_build_paths_or_the_builds_own_session(built_book: Path) -> None:
    # The build runs each notebook in a temporary folder with a work folder of its own: neither
    # that folder nor what the build's widget said about it may reach a reader.
    build_state = re.compile(
        r"/tmp/|medialit-book|saved automatically to my-work|Starting fresh|widget-state\+json"
        + "|"
        + re.escape(str(ROOT))
    )
    found = {page.name: build_state.findall(text_of(page)) for page in pages(built_book)}
    assert not {name: hits for name, hits in found.items() if hits}


def test_the_colab_setup_cell_is_not_on_any_page(built_book: Path) -> None:
    assert not [page.name for page in pages(built_book) if FIRST_LINE in text_of(page)]


def test_each_exercise_has_its_launch_links_beside_it(built_book: Path) -> None:
    for name in (
        "00b_pretest",
        "01_attribution",
        "02_hedging",
        "05_capstone",
        "05c_posttest",
        "06_other_side",
        "07_official_statements",
    ):
        page = text_of(built_book / "notebooks" / f"{name}.html")
        after = page[page.index('class="medialit-inpage"') :]
        box = after[: after.index("</div>", after.index("medialit-inpage-launch"))]
        assert (
            f"mybinder.org/v2/gh/between-the-lines-course/between-the-lines/main?urlpath=lab/tree/notebooks/{name}.ipynb"
            in box
        )
        assert (
            f"colab.research.google.com/github/between-the-lines-course/between-the-lines/blob/main/notebooks/{name}.ipynb"
            in box
        )


def test_the_lateral_notebook_page_says_its_widget_is_a_preview_and_links_the_tasks(built_book: Path) -> None:
    page = built_book / "notebooks" / "05b_lateral_reading.html"
    paragraphs = re.findall(r"<p>(.*?)</p>", text_of(page), flags=re.DOTALL)
    (said,) = [p for p in paragraphs if "only a preview" in p]
    hrefs = re.findall(r'href="([^"#]+)', said)
    assert [(page.parent / href).resolve() for href in hrefs] == [
        (built_book / "book" / "lateral-reading.html").resolve()
    ]


def test_keep_your_work_appears_once_per_notebook_page(built_book: Path) -> None:
    counts = {
        page.name: text_of(page).count("Keep your work.")
        for page in pages(built_book)
        if "notebooks" in page.parts
    }
    assert {name: count for name, count in counts.items() if count > 1} == {}
    assert counts["02_hedging.html"] == 1


def test_tables_show_every_word_and_no_raw_pandas_output(built_book: Path) -> None:
    page = text_of(built_book / "notebooks" / "00_start_here.html")
    assert "dtype:" not in page and "Name: " not in page
    for category in load_case().categories.values():
        assert category["definition"] in page, category["id"]
    hedging = text_of(built_book / "notebooks" / "02_hedging.html")
    assert load_case().categories["hedging"]["definition"] in hedging


def times() -> dict[str, str]:
    """The time estimates, stated once in ``_config.yml``."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return {key.removeprefix("time_"): value for key, value in config["parse"]["myst_substitutions"].items()}


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda path: path.name)
def test_each_notebook_states_the_time_the_configuration_gives(path: Path) -> None:
    overview = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
    assert f"**Time to learn**: {times()[path.stem]}." in overview


def test_the_book_renders_the_time_estimates_and_states_none_of_its_own(built_book: Path) -> None:
    intro = text_of(built_book / "book" / "intro.html")
    assert "{{" not in intro
    for name in (
        "case",
        "primer",
        "pretest",
        "01_attribution",
        "05_capstone",
        "posttest",
        "06_other_side",
        "official_statements",
        "07_official_statements",
    ):
        assert times()[name] in intro
    assert times()["primer"] in text_of(built_book / "book" / "primer.html")
    # Every estimate on a page comes from the configuration: no other "NN–NN min" is written.
    stated = re.compile(r"\d+–\d+ min")
    for page in ("intro", "instructors", "primer", "pretest", "posttest"):
        source = (ROOT / "book" / f"{page}.md").read_text(encoding="utf-8")
        assert not stated.findall(source), page


def printable_links(page: Path) -> list[tuple[str, str]]:
    """``(opening tag, address)`` of each link to a printable on ``page``."""
    tags = re.findall(r'<a [^>]*href="([^"]*_downloads/[^"]*)"[^>]*>', page.read_text(encoding="utf-8"))
    whole = re.findall(r'<a [^>]*href="[^"]*_downloads/[^"]*"[^>]*>', page.read_text(encoding="utf-8"))
    return list(zip(whole, tags, strict=True))


def test_worksheets_open_for_print_and_the_answer_keys_are_on_the_instructors_page(built_book: Path) -> None:
    learners = printable_links(built_book / "book" / "worksheets.html")
    instructors = printable_links(built_book / "book" / "instructors.html")
    assert learners and instructors
    assert all("/worksheet-" in href for _, href in learners)
    assert all("/answer-key-" in href for _, href in instructors)
    for tag, href in learners + instructors:
        assert " download" not in tag, tag  # opens in the browser, ready to print
        assert (built_book / "book" / href).resolve().is_file(), href


def test_printed_answer_keys_name_sources_not_ledger_ids(built_book: Path) -> None:
    ids = {
        source
        for sources in load_case().key["sources"].dropna()
        for source in re.findall(r"\w+", str(sources))
    }
    keys = sorted(built_book.glob("_downloads/*/answer-key-*.html"))
    assert keys and ids
    for key in keys:
        shown = re.sub(r'href="[^"]*"', "", key.read_text(encoding="utf-8"))
        assert not [source for source in ids if source in shown], key.name


def test_hedging_self_check_1_says_which_words_are_the_cue(built_book: Path) -> None:
    page = text_of(built_book / "book" / "hedging.html")
    question = page[page.index("<strong>1.</strong>") :]
    question = question[: question.index("</p>")]
    assert "essentially" in question


def test_no_chapter_shows_a_repository_file_as_bare_code() -> None:
    # A reader of the book cannot open `data/sources.csv`: a file the book shows is a link to its page.
    tracked = set(
        subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
    )
    bare = re.compile(r"(?<![`\[])`([^`\n]+)`(?![`\]])")
    found = {
        path.name: [
            span for span in bare.findall(path.read_text(encoding="utf-8")) if span.strip() in tracked
        ]
        for path in sorted((ROOT / "book").glob("*.md"))
    }
    assert {name: spans for name, spans in found.items() if spans} == {}


WORKED = re.compile(r"```\{medialit-worked-example\}\s+(\S+)\s+(\S+)\n(.*?)```", re.DOTALL)
#: A run of this many words shared with the key's rationale is the rationale said again.
REPEATED_WORDS = 6


def word_runs(text: str) -> set[tuple[str, ...]]:
    """Every run of :data:`REPEATED_WORDS` words in ``text``, lower-cased, roles' quoted words left out."""
    words = re.findall(r"[a-z0-9']+", re.sub(r"\{[a-z:-]+\}`[^`]*`", " ", text).lower().replace("’", "'"))
    return {tuple(words[i : i + REPEATED_WORDS]) for i in range(len(words) - REPEATED_WORDS + 1)}


def test_worked_examples_teach_without_repeating_the_keys_rationale() -> None:
    cases = [load_case(folder) for folder in case_folders()]
    repeated = {}
    for path in sorted((ROOT / "book").glob("*.md")):
        for passage_id, category, teaching in WORKED.findall(path.read_text(encoding="utf-8")):
            rows = [
                row
                for case in cases
                for row in case.key.itertuples()
                if (row.passage_id, row.category) == (passage_id, category)
            ]
            assert rows, f"{path.name}: no key row for {passage_id} {category}"
            shared = word_runs(teaching) & word_runs(str(rows[0].rationale))
            if shared:
                repeated[f"{path.name} {passage_id}"] = sorted(" ".join(run) for run in shared)
    assert repeated == {}


def test_the_reference_list_is_labelled_as_the_text_cites(built_book: Path) -> None:
    # "(Hyland, 1998)" in the text finds "[Hyland, 1998]" in the list, not "[7]"; and
    # "(Dunlap, 2016a)" finds "[Dunlap, 2016a]": the citation carries the list's letter.
    references = text_of(built_book / "book" / "references.html")
    labels = dict(
        re.findall(
            r'<div class="citation" id="([^"]+)"[^>]*>\s*'
            r'<span class="label"><span class="fn-bracket">\[</span>(.*?)<span',
            references,
        )
    )
    assert labels and not [label for label in labels.values() if label.isdigit()]
    cited, lettered = 0, 0
    for page in pages(built_book):
        for target, text in re.findall(r'href="(?:references\.html)?#(id\d+)"[^>]*>(.*?)</a>', text_of(page)):
            if target in labels and page.name != "references.html":
                cited += 1
                shown = re.sub(r"</?em>", "", text).replace("\xa0", " ")
                # A parenthetical citation links "Hyland, 1998"; a textual one, "Hyland (1998)", the year.
                whole_or_year = rf"(?:.*, )?{re.escape(shown)}" if shown[:1].isdigit() else re.escape(shown)
                assert re.fullmatch(whole_or_year, labels[target]), (page.name, shown, labels[target])
                lettered += bool(re.search(r"\d[a-z]$", shown))
    assert cited > 50 and lettered >= 2  # the two Dunlap 2016 entries are cited


def test_the_primer_shows_its_map_and_timeline_with_alt_text_and_its_tables(built_book: Path) -> None:
    page = text_of(built_book / "book" / "primer.html")
    images = dict(re.findall(r'<img alt="([^"]*)"[^>]*src="([^"]*primer_[a-z]+\.png)"', page))
    assert len(images) == 2, images
    by_file = {Path(src).name: alt for alt, src in images.items()}
    for place in ("Deir ez-Zor", "Raqqa", "al-Omar oil field"):
        assert place in by_file["primer_map.png"]
    assert "SDF alliance formed" in by_file["primer_timeline.png"]
    for src in images.values():
        assert (built_book / "book" / src).resolve().is_file(), src
    # The tables: every actor, and each event's passages linked into the full article.
    for name in ("SDF", "YPG", "SAA", "SOHR", "OIR"):
        assert f"<strong>{name}</strong>" in page
    assert 'href="case.html#passage-p040"' in page
    assert 'href="sources.html#source-sohr"' in page


def test_the_primer_comes_right_after_the_case_page() -> None:
    files = toc_order()
    assert files.index("book/primer") == files.index("book/case") + 1
    assert files.index("book/primer") < files.index("notebooks/00_start_here")
    for page in ("case", "intro"):
        assert "{doc}`primer`" in (ROOT / "book" / f"{page}.md").read_text(encoding="utf-8"), page


def toc_order() -> list[str]:
    """The chapters' files in the order ``_toc.yml`` lists them."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]


def test_the_pretest_comes_before_the_first_skill_and_the_post_test_after_the_capstone() -> None:
    files = toc_order()
    at = files.index
    assert at("book/pretest") == at("notebooks/00_start_here") + 1
    assert at("notebooks/00b_pretest") == at("book/pretest") + 1
    assert at("book/attribution") == at("notebooks/00b_pretest") + 1
    assert at("book/posttest") == at("notebooks/05_capstone") + 1
    assert at("notebooks/05c_posttest") == at("book/posttest") + 1


MARKDOWN_LINK = re.compile(r"\]\(([^)#]+\.(?:md|ipynb))")


def whats_next_targets(notebook: str) -> list[str]:
    """The documents a notebook's "What's next" section links to, as ``_toc.yml`` names them."""
    cells = json.loads((ROOT / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    section = text.split("## What's next", 1)[1].split("\n## ", 1)[0]
    folder = (ROOT / notebook).parent
    return [
        (folder / link).resolve().relative_to(ROOT).with_suffix("").as_posix()
        for link in MARKDOWN_LINK.findall(section)
    ]


@pytest.mark.parametrize(
    "notebook",
    [name for name in toc_order() if name.startswith("notebooks/") and not name.startswith("notebooks/9")],
)
def test_each_notebooks_whats_next_follows_the_books_order(notebook: str) -> None:
    """A learner's notebook sends on to the book's next chapter (or its notebook), and links only forward.

    The last learner's notebook, the one before the instructors' chapters, may send on without a link.
    """
    files = toc_order()
    at = files.index(notebook)
    targets = whats_next_targets(notebook)
    if files[at + 1] == "book/instructors" and not targets:
        return
    assert targets and targets[0] in files[at + 1 : at + 3], (notebook, targets)
    positions = [files.index(target) for target in targets]
    assert positions == sorted(positions), (notebook, targets)


def test_the_instructors_outcomes_table_lists_the_exercise_notebooks_in_the_books_order() -> None:
    text = (ROOT / "book" / "instructors.md").read_text(encoding="utf-8")
    table = text.split("## What learners should be able to do", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| [^|]+ \| (\d\w+) \|", table, flags=re.MULTILINE)
    in_book = [name.removeprefix("notebooks/") for name in toc_order() if re.match(r"notebooks/0", name)]
    assert listed == in_book


INPAGE = re.compile(r"```\{medialit-inpage\} (\S+)\n:case: (\S+)\n```")
TESTS = {"pretest": "00b_pretest", "posttest": "05c_posttest"}


@pytest.mark.parametrize(("exercise", "notebook"), TESTS.items())
def test_each_test_page_embeds_its_own_form_and_links_its_notebook(exercise: str, notebook: str) -> None:
    source = (ROOT / "book" / f"{exercise}.md").read_text(encoding="utf-8")
    assert INPAGE.findall(source) == [(exercise, "transfer")]
    assert f"```{{medialit-exercise}} {notebook}\n```" in source
    assert load_case("transfer").exercise(exercise).asks_confidence
    code = "".join(
        "".join(cell["source"])
        for cell in json.loads((ROOT / "notebooks" / f"{notebook}.ipynb").read_text(encoding="utf-8"))[
            "cells"
        ]
        if cell["cell_type"] == "code"
    )
    assert 'load_case("transfer")' in code and f'start("{exercise}", case=transfer' in code


@pytest.mark.parametrize(("exercise", "notebook"), TESTS.items())
def test_the_built_test_pages_hold_their_form_and_no_other(
    built_book: Path, exercise: str, notebook: str
) -> None:
    case_id = load_case("transfer").case_id
    for page in (built_book / "book" / f"{exercise}.html", built_book / "notebooks" / f"{notebook}.html"):
        forms = re.findall(
            r'<section class="medialit-inpage"[^>]*data-exercise="([^"]+)"', page.read_text("utf-8")
        )
        assert forms == [exercise], page.name
        assert f'data-case="{case_id}" data-exercise="{exercise}"' in page.read_text("utf-8")


def test_the_pages_state_the_confidence_levels_the_package_uses() -> None:
    # The levels are stated once, in medialit.scoring.calibration; the pages that explain them in
    # words must say the same numbers.
    posttest = (ROOT / "book" / "posttest.md").read_text(encoding="utf-8")
    instructors = (ROOT / "book" / "instructors.md").read_text(encoding="utf-8")
    for level, stated in CONFIDENCE_LEVELS.items():
        label = CONFIDENCE_LABELS[level]
        assert f"**{label}** stands for {round(stated * 100)}%" in posttest, label
        assert f'"{label}" {stated}' in instructors, label


def test_the_pretest_page_says_where_its_feedback_is_explained() -> None:
    """The pretest's feedback is explained on the post-test's page, and the pretest page links there."""
    pretest = (ROOT / "book" / "pretest.md").read_text(encoding="utf-8")
    posttest = (ROOT / "book" / "posttest.md").read_text(encoding="utf-8")
    labels = re.findall(r"\{ref\}`([\w-]+)`", pretest)
    assert {"posttest-skills", "posttest-confidence"} <= set(labels)
    assert all(f"({label})=\n## " in posttest for label in labels)
    assert "no wrong choice" not in pretest  # the confidence is scored
