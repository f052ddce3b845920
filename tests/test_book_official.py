"""The official-statements chapter: its worked examples are clear key rows, its figures the data's."""

from __future__ import annotations

import re

from medialit import load_case
from medialit.scoring.annotation import pass_agreement, pass_pairs
from tests.conftest import ROOT

CHAPTER = ROOT / "book" / "official-statements.md"
CASE = load_case("official")
WORKED = re.compile(r"^```\{medialit-worked-example\}\s+(\S+)\s+(\S+)\s*$", re.M)


def chapter_text() -> str:
    """The chapter's source with its lines joined, so a sentence is found however it is wrapped."""
    return " ".join(CHAPTER.read_text(encoding="utf-8").split())


def test_every_worked_example_is_a_clear_judgement_of_the_official_key() -> None:
    worked = WORKED.findall(CHAPTER.read_text(encoding="utf-8"))
    assert len(worked) >= 8
    strengths = {(row.passage_id, row.category): row.strength for row in CASE.key.itertuples()}
    for passage_id, category in worked:
        assert passage_id in CASE.passages.index, f"no passage {passage_id} in the official case"
        strength = strengths.get((passage_id, category))
        assert strength == "clear", f"{passage_id} {category} is {strength}, not a clear key row"


def test_the_worked_examples_cover_all_four_skills() -> None:
    worked = WORKED.findall(CHAPTER.read_text(encoding="utf-8"))
    assert {category for _, category in worked} == set(CASE.categories)


def test_the_key_figures_are_the_datas() -> None:
    key = CASE.key
    clear = int((key["strength"] == "clear").sum())
    expected = (
        f"The key has {len(key)} rows ({clear} clear, {len(key) - clear} arguable) on "
        f'{key["passage_id"].nunique()} passages, and {len(CASE.not_this)} "not this" judgements'
    )
    assert expected in chapter_text()


def test_the_agreement_figures_are_the_datas() -> None:
    ((first, second),) = pass_pairs(CASE)
    kinds = CASE.passages["kind"]
    sentences = CASE.passages.index[kinds != "heading"]
    table = pass_agreement(
        CASE.annotation_pass(first), CASE.annotation_pass(second), sentences, CASE.categories
    )
    kappas = [f"{table.loc[category, 'kappa']:.2f}" for category in CASE.categories]
    labels = [str(category["label"]).lower() for category in CASE.categories.values()]
    parts = [f"{kappa} for {label}" for kappa, label in zip(kappas, labels, strict=True)]
    expected = (
        f"over the {len(sentences)} sentences (the {int((kinds == 'heading').sum())} headings, which nobody "
        f"tags, left out), was {', '.join(parts[:-1])} and {parts[-1]}."
    )
    assert expected in chapter_text()


def test_the_chapter_names_every_republication_it_copies_from() -> None:
    """A text copied from a repost, not from its issuer, is named as such (outlet "X, as ... by Y")."""
    text = chapter_text()
    assert "a stored copy of the original" not in text
    reposts = [entry["outlet"] for entry in CASE.manifest["published"] if ", as " in entry["outlet"]]
    assert len(reposts) == 5
    for outlet in reposts:
        republisher = outlet.split(" by ", 1)[1]
        assert republisher in text, f"the chapter does not say {outlet!r} is a republication"


def test_the_chapter_says_who_the_coalition_voices_are() -> None:
    """Gedney is a British officer, and the Raqqa release is the coalition's, not the US government's."""
    text = chapter_text()
    assert "Felix Gedney, a British Army officer" in text
    assert "the US government itself" not in text
    assert "in the US government's register" not in text


def test_the_spoken_estimate_is_not_called_a_written_finding() -> None:
    """'More likely than not' is the general's spoken wording as reported; the summary was not seen."""
    text = chapter_text()
    assert "A single adverb is enough to turn an estimate into a fact" not in text
    assert "the course could not check" in text
    assert "as one report quotes him" in text


def test_the_chapter_names_every_outlet_the_case_quotes() -> None:
    """Each outlet in case.json's `published` is named in the chapter's account of the texts.

    An outlet added to the case (as Sputnik International was) must reach the page that lists them.
    """
    text = chapter_text()
    names = (re.split(r" \(|,", entry["outlet"])[0] for entry in CASE.manifest["published"])
    outlets = {name.removeprefix("The ").removeprefix("US ") for name in names}
    assert "Sputnik International" in outlets
    missing = sorted(outlet for outlet in outlets if outlet not in text)
    assert not missing, f"the chapter does not name {missing}"


def test_the_chapter_does_not_deny_the_russian_state_media_it_quotes() -> None:
    """The case quotes Russian state media, so the chapter must not say it has none."""
    issuers = [str(entry.get("issuer", "")) for entry in CASE.manifest["published"]]
    assert any("Russian state media" in issuer for issuer in issuers)
    text = chapter_text()
    assert "No Russian state media" not in text
    assert "no English-language page from RT, TASS or Sputnik" not in text
