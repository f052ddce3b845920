"""Two tabs or kernels of one exercise save to one file: every save merges, nothing is overwritten."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from medialit import load_case
from medialit.session.tagging import TaggingSession
from medialit.tagfile.model import TagSet
from medialit.tagfile.workspace import Workspace

HEDGING = load_case().exercise("hedging").passage_ids


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every edit one second after the one before, so "the newer edit" never depends on timing."""
    start = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
    ticks = (start + timedelta(seconds=n) for n in itertools.count())
    monkeypatch.setattr(
        "medialit.session.tagging.edit_time",
        lambda: next(ticks).isoformat(timespec="milliseconds"),
        raising=False,
    )


def session(case, folder: Path) -> TaggingSession:
    """One tab (one kernel) of the hedging exercise, saving to ``folder``."""
    spec = case.exercise("hedging")
    return TaggingSession(case, spec, Workspace.for_exercise(spec.exercise_id, folder=folder))


def on_disk(folder: Path) -> dict:
    return json.loads((folder / "hedging-tags.json").read_text(encoding="utf-8"))


def test_two_sessions_on_one_file_merge_instead_of_overwriting(tmp_path: Path, case) -> None:
    tab_a, tab_b = session(case, tmp_path), session(case, tmp_path)
    redrawn: list[int] = []
    tab_b.on_change(lambda: redrawn.append(tab_b.progress().reviewed))

    tab_a.tag("p044", "hedging")
    tab_b.no_technique("p045")
    assert on_disk(tmp_path)["tags"] == {"p044": ["hedging"], "p045": []}
    assert tab_b.tags_of("p044") == ["hedging"] and redrawn == [2]  # B took A's change on and redrew it
    assert tab_b.message == (
        "This exercise is also open in another tab or kernel; its changes to p044 were merged with yours."
    )

    tab_a.tag("p048", "hedging")
    assert on_disk(tmp_path)["tags"] == {"p044": ["hedging"], "p045": [], "p048": ["hedging"]}
    assert tab_a.is_no_technique("p045") and "p045" in tab_a.message
    tab_a.note("p049", "ask about this")  # A's own changes, nothing new from B: its message stays
    assert on_disk(tmp_path)["notes"] == {"p049": "ask about this"}


def test_on_a_tie_the_saving_session_wins(tmp_path: Path, case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "medialit.session.tagging.edit_time", lambda: "2024-05-01T09:30:00.000+00:00", raising=False
    )
    tab_a, tab_b = session(case, tmp_path), session(case, tmp_path)
    tab_a.tag("p044", "hedging")
    tab_b.tag("p045", "hedging")  # B had nothing for p044: A's p044 comes in
    assert on_disk(tmp_path)["tags"] == {"p044": ["hedging"], "p045": ["hedging"]}
    tab_b.no_technique("p044")  # the same edit time as A's p044: B, saving, wins the tie
    assert on_disk(tmp_path)["tags"] == {"p044": [], "p045": ["hedging"]}
    tab_a.tag("p048", "hedging")  # now A saves, and wins the tie on p044; B's p045 comes in
    assert on_disk(tmp_path)["tags"] == {"p044": ["hedging"], "p045": ["hedging"], "p048": ["hedging"]}


def test_an_unreview_in_one_tab_is_not_undone_by_the_other(tmp_path: Path, case) -> None:
    tab_a, tab_b = session(case, tmp_path), session(case, tmp_path)
    tab_a.tag("p044", "hedging")
    tab_b.tag("p045", "hedging")
    assert tab_b.tags_of("p044") == ["hedging"]  # B took A's p044 on
    tab_a.unreview("p044")
    tab_b.no_technique("p048")
    assert on_disk(tmp_path)["tags"] == {"p045": ["hedging"], "p048": []}
    assert not tab_b.is_reviewed("p044")
    assert "p044" in on_disk(tmp_path)["edited"]


def test_the_newer_edit_of_one_passage_wins_with_its_cue_words(tmp_path: Path, case) -> None:
    tab_a, tab_b = session(case, tmp_path), session(case, tmp_path)
    tab_a.tag("p044", "hedging")
    tab_b.no_technique("p044")  # later: B's version of p044 wins
    tab_a.tag("p045", "hedging")
    assert on_disk(tmp_path)["tags"] == {"p044": [], "p045": ["hedging"]}
    assert tab_a.is_no_technique("p044")


def test_a_file_made_unusable_meanwhile_is_moved_aside_and_the_work_saved(tmp_path: Path, case) -> None:
    tab = session(case, tmp_path)
    tab.tag("p044", "hedging")
    (tmp_path / "hedging-tags.json").write_text("{not json", encoding="utf-8")
    tab.tag("p045", "hedging")
    (aside,) = tmp_path.glob("hedging-tags.corrupt-*.json")
    assert aside.read_text(encoding="utf-8") == "{not json"
    assert on_disk(tmp_path)["tags"] == {"p044": ["hedging"], "p045": ["hedging"]}
    assert "could not be read" in tab.message and aside.name in tab.message


def test_a_file_that_vanished_resumes_from_its_backup(tmp_path: Path, case) -> None:
    tab = session(case, tmp_path)
    tab.tag("p044", "hedging")
    tab.tag("p045", "hedging")
    (tmp_path / "hedging-tags.json").unlink()
    again = session(case, tmp_path)
    assert again.tags_of("p044") == ["hedging"] and not again.is_reviewed("p045")
    assert again.resumed_from_backup and "was missing" in again.message and ".bak" in again.message
    assert on_disk(tmp_path)["tags"] == {"p044": ["hedging"]}  # put back in place at once


def test_an_older_file_without_edit_times_merges_as_edited_when_saved(tmp_path: Path, case) -> None:
    path = tmp_path / "hedging-tags.json"
    old = TagSet(case=case.case_id, tags={"p044": ["hedging"]}, saved_at="2024-05-01T09:30:00+00:00")
    Workspace(path).save(old)
    tab = session(case, tmp_path)
    assert tab.tagset.edited == {"p044": "2024-05-01T09:30:00+00:00"}
    other = json.loads(path.read_text(encoding="utf-8"))
    other["tags"]["p044"] = []  # another kernel of an older version, saving later, with no edit times
    other["saved_at"] = "2030-01-01T00:00:00+00:00"
    path.write_text(json.dumps(other), encoding="utf-8")
    tab.tag("p045", "hedging")
    assert on_disk(tmp_path)["tags"] == {"p044": [], "p045": ["hedging"]}


CHILD = textwrap.dedent(
    """
    import sys
    from medialit.case.loading import load_case
    from medialit.session.tagging import TaggingSession
    from medialit.tagfile.workspace import Workspace

    folder, parity = sys.argv[1], int(sys.argv[2])
    case = load_case()
    spec = case.exercise("hedging")
    tab = TaggingSession(case, spec, Workspace.for_exercise("hedging", folder=folder))
    print("ready", flush=True)
    sys.stdin.readline()  # both kernels have started before either changes anything
    for pid in spec.passage_ids[parity::2]:
        tab.no_technique(pid)
        tab.tag(pid, "hedging")
        tab.note(pid, f"seen by kernel {parity}")
    print(tab.message, flush=True)
    """
)


def test_two_kernels_making_many_changes_at_once_lose_none(tmp_path: Path) -> None:
    kernels = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path), str(parity)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for parity in (0, 1)
    ]
    for kernel in kernels:
        assert kernel.stdout.readline().strip() == "ready"
    for kernel in kernels:
        kernel.stdin.write("go\n")
        kernel.stdin.flush()
    for kernel in kernels:
        kernel.communicate(timeout=240)
        assert kernel.returncode == 0
    saved = on_disk(tmp_path)
    assert saved["tags"] == {pid: ["hedging"] for pid in HEDGING}
    assert saved["notes"] == {pid: f"seen by kernel {i % 2}" for i, pid in enumerate(HEDGING)}
