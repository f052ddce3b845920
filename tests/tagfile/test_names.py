"""File names keep learners apart: readable in every script, a hash of the full name, safe everywhere."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.tagfile import names
from medialit.tagfile.model import LEARNER_MAX
from medialit.tagfile.names import download_file_name, learner_key, same_learner, slug, tag_file_name

RESERVED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')  # Windows' reserved characters, and controls


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("王芳", "李明"),
        ("Ada L.", "ada-l"),
        ("José", "Jose"),
        ("Ana!", "Ana?"),
        ("👍", "👎"),
        ("a" * 60, "a" * 61),
    ],
)
def test_two_learners_never_share_a_file(first: str, second: str) -> None:
    assert tag_file_name("hedging", first) != tag_file_name("hedging", second)
    assert download_file_name("hedging", first, "2024-05-01") != download_file_name(
        "hedging", second, "2024-05-01"
    )


def test_names_stay_readable_in_every_script() -> None:
    assert re.fullmatch(r"hedging-josé-[0-9a-f]{8}-tags\.json", tag_file_name("hedging", "José"))
    assert re.fullmatch(r"hedging-王芳-[0-9a-f]{8}-tags\.json", tag_file_name("hedging", "王芳"))
    assert re.fullmatch(r"hedging-ada-l-[0-9a-f]{8}-tags\.json", tag_file_name("hedging", "Ada L."))
    assert re.fullmatch(r"hedging-हिन्दी-[0-9a-f]{8}-tags\.json", tag_file_name("hedging", "हिन्दी"))
    assert re.fullmatch(r"hedging-[0-9a-f]{8}-tags\.json", tag_file_name("hedging", "?!…"))
    assert tag_file_name("hedging") == tag_file_name("hedging", "  ") == "hedging-tags.json"


@pytest.mark.parametrize(
    "spelling",
    ["José", "JOSÉ", " josé ", "Jose\u0301", "ＪＯＳＥ\u0301", "jos\u00e9\n"],
    ids=["nfc", "capitals", "spaces", "nfd", "full-width", "line-break"],
)
def test_one_learner_however_the_name_is_typed(spelling: str) -> None:
    assert tag_file_name("hedging", spelling) == tag_file_name("hedging", "José")
    assert same_learner(spelling, "José")


def test_case_folding_is_full() -> None:
    assert same_learner("Straße", "STRASSE") and same_learner("ΟΔΟΣ", "οδοσ")
    assert not same_learner("Ada L.", "ada-l") and not same_learner("Ada", None)


def test_the_slug_keeps_letters_and_their_marks_and_is_cut_in_bytes() -> None:
    assert slug("ada l.") == "ada-l" and slug("../../etc") == "etc" and slug("-!-") == ""
    assert slug("❤\ufe0f ana") == "ana"  # a variation selector belongs to its symbol, not to a letter
    cut = slug("王" * 40)
    assert cut == "王" * 16 and len(cut.encode()) <= names.SLUG_BYTES


def test_download_is_named_for_the_exercise_the_learner_and_the_day_of_the_work() -> None:
    part = tag_file_name("capstone", "Ada Lovelace").removeprefix("capstone-").removesuffix("-tags.json")
    saved_at = "2024-05-01T23:30:00+02:00"
    assert download_file_name("capstone", "Ada Lovelace", saved_at) == f"capstone-{part}-2024-05-01-tags.json"
    assert download_file_name("capstone", None, saved_at) == "capstone-2024-05-01-tags.json"


@pytest.mark.parametrize("saved_at", [None, "", "not a time", "２０２４-05-01"])
def test_download_of_unsaved_work_has_today_s_date(
    monkeypatch: pytest.MonkeyPatch, saved_at: str | None
) -> None:
    monkeypatch.setattr(names, "now_iso", lambda: "2026-11-23T20:02:00+01:00")
    assert download_file_name("hedging", None, saved_at) == "hedging-2026-11-23-tags.json"


@given(st.text(max_size=250))
def test_every_name_is_safe_on_every_file_system(text: str) -> None:
    for name in (tag_file_name("selective_citation", text), download_file_name("hedging", text, None)):
        assert not RESERVED.search(name) and not name.startswith((".", " ")) and name.endswith("-tags.json")
        assert len(name.encode("utf-8")) <= 100  # room for ".bak", ".replaced-<time>.json", temporaries
        assert unicodedata.is_normalized("NFC", name)  # so macOS's NFD folders find it
    decomposed = unicodedata.normalize("NFD", text)
    if len(decomposed) <= LEARNER_MAX:  # a longer name is cut (by characters) before it is normalised
        assert tag_file_name("hedging", decomposed) == tag_file_name("hedging", text)
    key = learner_key(text)
    assert key is None or learner_key(key) == key  # the key of a key is itself
