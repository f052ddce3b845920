"""The plain-Python exercise: tagging, autosave on every change, resuming, restoring, checking."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from medialit import load_case
from medialit.authoring.sample import sample_class
from medialit.rendering.check import SCORE_COLUMNS, CheckResult
from medialit.rendering.passages import show_passage, worked_example
from medialit.tagfile.model import CUES_MAX, LEARNER_MAX, NOTE_MAX
from medialit.tagfile.names import download_file_name, tag_file_name
from medialit.tagfile.reading import load_tags
from medialit.tagfile.workspace import Workspace
from medialit.widgets.exercise import Exercise, start

N = len(load_case().exercise("hedging").passage_ids)  # the hedging exercise's size


def saved(exercise: Exercise) -> dict:
    return json.loads(exercise.path.read_text(encoding="utf-8"))


def test_start_prints_and_autosaves_every_change(
    work: Path, case, capsys: pytest.CaptureFixture[str]
) -> None:
    exercise = start("hedging", case=case)
    assert "Starting fresh" in capsys.readouterr().out
    assert exercise.path == work / "hedging-tags.json"
    assert not exercise.path.exists()  # nothing is written until something changes
    exercise.tag("p044", "hedging")
    assert saved(exercise)["tags"] == {"p044": ["hedging"]}
    assert exercise.cue("p044", "hedging", "apparent")
    assert saved(exercise)["cues"] == {"p044": {"hedging": ["apparent"]}}
    exercise.no_technique("p045")
    exercise.note("p045", "effectively = in effect?")
    data = saved(exercise)
    assert data["format"] == "medialit-tags/1" and data["tags"]["p045"] == []
    assert data["notes"] == {"p045": "effectively = in effect?"}
    assert str(exercise.progress()) == f"2 of {N} reviewed"
    load_tags(exercise.path, case)  # the file is valid


def test_learner_names_the_file(work: Path, case) -> None:
    exercise = start("hedging", learner="Ada", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    assert exercise.path == work / tag_file_name("hedging", "Ada")
    assert saved(exercise)["learner"] == "Ada"


@pytest.mark.parametrize(("first", "second"), [("王芳", "李明"), ("José", "Jose"), ("Ada L.", "ada-l")])
def test_two_learners_never_continue_each_other_s_work(work: Path, case, first: str, second: str) -> None:
    start("hedging", learner=first, case=case, quiet=True).tag("p044", "hedging")
    other = start("hedging", learner=second, case=case, quiet=True)
    assert other.tagset.tags == {} and other.learner == second
    other.tag("p051", "hedging")
    assert start("hedging", learner=first, case=case, quiet=True).tagset.tags == {"p044": ["hedging"]}
    assert len(list(work.glob("hedging-*-tags.json"))) == 2


def _file_of(work: Path, case, learner: str | None, tags: dict[str, list[str]]) -> Path:
    """A tag file at the autosave path of nobody, holding ``learner``'s work (as older versions left it)."""
    path = work / tag_file_name("hedging")
    work.mkdir(parents=True, exist_ok=True)
    data = {"format": "medialit-tags/1", "case": case.case_id, "saved_at": "2024-05-01T09:30:00+00:00"}
    path.write_text(json.dumps({**data, **({"learner": learner} if learner else {}), "tags": tags}), "utf-8")
    return path


def test_a_file_of_another_learner_is_not_continued(work: Path, case) -> None:
    ada_work = _file_of(work, case, "Ada", {"p044": ["hedging"]}).read_bytes()
    exercise = start("hedging", case=case, quiet=True)
    assert exercise.tagset.tags == {} and exercise.learner is None
    ada = work / tag_file_name("hedging", "Ada")
    assert ada.read_bytes() == ada_work  # moved to Ada's own file, as it was
    assert "belongs to “Ada”" in exercise.message and ada.name in exercise.message
    assert "type “Ada” as your name" in exercise.message
    exercise.tag("p051", "hedging")
    assert saved(exercise)["tags"] == {"p051": ["hedging"]} and ada.read_bytes() == ada_work


def test_a_named_learner_never_continues_another_name_s_file(work: Path, case) -> None:
    path = work / tag_file_name("hedging", "Bo")
    _file_of(work, case, "Ada", {"p044": ["hedging"]}).replace(path)  # copied by hand, say
    exercise = start("hedging", learner="Bo", case=case, quiet=True)
    assert exercise.tagset.tags == {} and exercise.path == path and not path.exists()
    assert load_tags(work / tag_file_name("hedging", "Ada"), case).tags == {"p044": ["hedging"]}
    assert "belongs to “Ada”" in exercise.message and "type" not in exercise.message


def test_a_file_with_no_name_is_the_learner_s_own(work: Path, case) -> None:
    _file_of(work, case, None, {"p044": ["hedging"]}).replace(work / tag_file_name("hedging", "Ada"))
    exercise = start("hedging", learner="ada", case=case, quiet=True)
    assert exercise.tagset.tags == {"p044": ["hedging"]} and exercise.learner == "ada"


def test_giving_a_name_moves_the_work_to_that_name_s_file(work: Path, case) -> None:
    exercise = start("hedging", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    exercise.tag("p048", "hedging")
    unnamed = exercise.path
    exercise.learner = "Ada"
    assert exercise.path == work / tag_file_name("hedging", "Ada")
    assert not unnamed.exists() and not Path(f"{unnamed}.bak").exists()
    assert saved(exercise)["learner"] == "Ada"
    assert saved(exercise)["tags"] == {"p044": ["hedging"], "p048": ["hedging"]}
    assert load_tags(Path(f"{exercise.path}.bak"), case).tags["p044"] == ["hedging"]
    assert exercise.message.startswith("Your work is now saved for “Ada” in ")
    assert exercise.message.endswith(f"{exercise.path.name}.")
    exercise.learner = "ADA "  # the same learner: the file stays
    assert exercise.path == work / tag_file_name("hedging", "Ada") and saved(exercise)["learner"] == "ADA"
    assert exercise.message.startswith("Your work stays saved for “ADA” in ")
    exercise.learner = "Ada Lovelace"
    shown = sorted(p.name for p in work.iterdir() if not p.name.startswith("."))  # not the saves' locks
    assert shown == sorted([exercise.path.name, f"{exercise.path.name}.bak"])
    exercise.learner = ""
    assert exercise.path == unnamed and "without a name" in exercise.message and saved(exercise)["tags"]
    again = start("hedging", case=case, quiet=True)
    assert again.tagset.tags == {"p044": ["hedging"], "p048": ["hedging"]}


def test_a_name_with_saved_work_continues_it_and_overwrites_nothing(work: Path, case) -> None:
    start("hedging", learner="Ada", case=case, quiet=True).tag("p051", "hedging")
    exercise = start("hedging", case=case, quiet=True)  # Ada, next time, before giving her name
    exercise.tag("p044", "hedging")
    unnamed = exercise.path
    exercise.learner = "Ada"
    assert exercise.path == work / tag_file_name("hedging", "Ada")
    assert exercise.tagset.tags == {"p051": ["hedging"]} and saved(exercise)["tags"] == {"p051": ["hedging"]}
    assert load_tags(unnamed, case).tags == {"p044": ["hedging"]}
    assert "nothing was overwritten" in exercise.message
    assert exercise.path.name in exercise.message and unnamed.name in exercise.message
    exercise.learner = None  # and back: each name's work is where it was
    assert exercise.path == unnamed and exercise.tagset.tags == {"p044": ["hedging"]}
    assert load_tags(work / tag_file_name("hedging", "Ada"), case).tags == {"p051": ["hedging"]}


def test_a_name_that_cannot_be_moved_to_is_explained(
    work: Path, case, monkeypatch: pytest.MonkeyPatch
) -> None:
    exercise = start("hedging", case=case, quiet=True)
    exercise.tag("p044", "hedging")

    def read_only(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Workspace, "move_to", read_only)
    exercise.learner = "Ada"
    assert exercise.learner is None and exercise.path == work / "hedging-tags.json"
    assert exercise.message.startswith("Your name was not changed: ")
    assert exercise.message.endswith("hedging-tags.json could not be renamed (Permission denied).")
    assert saved(exercise)["tags"] == {"p044": ["hedging"]}


def test_download_names_keep_learners_and_days_apart(work: Path, case) -> None:
    ada = start("hedging", learner="Ada L.", case=case, quiet=True)
    other = start("hedging", learner="ada-l", case=case, quiet=True)
    nobody = start("hedging", case=case, quiet=True)
    for exercise in (ada, other, nobody):
        exercise.tag("p044", "hedging")
        exercise.tagset.saved_at = "2024-05-01T09:30:00+02:00"
    assert ada.download_name() == download_file_name("hedging", "Ada L.", "2024-05-01")
    assert re.fullmatch(r"hedging-ada-l-[0-9a-f]{8}-2024-05-01-tags\.json", ada.download_name())
    assert ada.download_name() != other.download_name()
    assert nobody.download_name() == "hedging-2024-05-01-tags.json"


def test_tag_and_no_technique_clear_each_other(work: Path, case) -> None:
    exercise = start("article", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    exercise.cue("p044", "hedging", "apparent")
    exercise.no_technique("p044")
    assert exercise.is_no_technique("p044") and exercise.cues_of("p044", "hedging") == []
    exercise.tag("p044", "framing")
    assert not exercise.is_no_technique("p044") and exercise.tags_of("p044") == ["framing"]
    exercise.untag("p044", "framing")
    assert not exercise.is_reviewed("p044")


def test_wrong_ids_are_explained(work: Path, case) -> None:
    exercise = start("hedging", case=case, quiet=True)
    with pytest.raises(ValueError, match="not one of this exercise's passages"):
        exercise.tag("p001", "hedging")
    with pytest.raises(ValueError, match="not a category of this exercise"):
        exercise.tag("p044", "framing")


def test_cue_words_not_in_passage_are_refused_politely(
    work: Path, case, capsys: pytest.CaptureFixture[str]
) -> None:
    exercise = start("hedging", case=case, quiet=True)
    assert not exercise.cue("p044", "hedging", "certainly")
    out = capsys.readouterr().out
    assert "Sorry" in out and "“certainly”" in out
    assert exercise.cues_of("p044", "hedging") == []
    assert "“nope” is not in this passage" in exercise.set_cues("p044", "hedging", ["APPARENT", "nope"])
    assert exercise.cues_of("p044", "hedging") == ["APPARENT"] and exercise.tags_of("p044") == ["hedging"]


def test_resumes_from_autosave(work: Path, case, capsys: pytest.CaptureFixture[str]) -> None:
    first = start("hedging", case=case, quiet=True)
    first.tag("p044", "hedging")
    first.no_technique("p034")
    second = start("hedging", case=case)
    out = capsys.readouterr().out
    assert out.startswith("Resumed your work from") and f"2 of {N} passages reviewed" in out
    assert second.tags_of("p044") == ["hedging"] and second.is_no_technique("p034")


def test_crash_between_two_saves_loses_nothing(work: Path, case, monkeypatch: pytest.MonkeyPatch) -> None:
    exercise = start("hedging", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    exercise.tag("p048", "hedging")
    before = exercise.path.read_text(encoding="utf-8")

    real_replace = Path.replace

    def crash(self: Path, target: Path) -> Path:
        if Path(target) != exercise.path:  # the backup is made; the new version's rename fails
            return real_replace(self, target)
        assert self.read_text(encoding="utf-8")  # the new version was fully written first
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", crash)
        exercise.tag("p047", "hedging")
    assert "Could not save" in exercise.message and "Download my tags" in exercise.message
    assert exercise.path.read_text(encoding="utf-8") == before
    backup = exercise.path.with_name(exercise.path.name + ".bak")
    assert load_tags(backup, case).tags == json.loads(before)["tags"]
    assert not list(exercise.path.parent.glob(".*.tmp"))
    again = start("hedging", case=case, quiet=True)
    assert again.tagset.tags == {"p044": ["hedging"], "p048": ["hedging"]}


def test_corrupt_autosave_is_moved_aside(work: Path, case, capsys: pytest.CaptureFixture[str]) -> None:
    exercise = start("hedging", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    exercise.tag("p048", "hedging")
    exercise.path.write_text('{"format": "medialit-tags/1", "ca', encoding="utf-8")
    again = start("hedging", case=case)
    out = capsys.readouterr().out
    assert "could not be read" in out and "corrupt-" in out and ".bak" in out
    assert len(list(work.glob("hedging-tags.corrupt-*.json"))) == 1
    assert again.resumed_from_backup and again.moved_to is not None
    assert again.tagset.tags == {"p044": ["hedging"]}


def test_restore_json_backs_up_current_work(work: Path, case, tmp_path: Path) -> None:
    other = start("hedging", learner="Bo", case=case, quiet=True)
    other.tag("p051", "hedging")
    exercise = start("hedging", learner="Ada", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    message = exercise.restore(other.path.read_bytes(), "bo.json")
    assert message.startswith(f"Restored your work from bo.json: 1 of {N} reviewed")
    assert exercise.tagset.tags == {"p051": ["hedging"]} and saved(exercise)["tags"] == {"p051": ["hedging"]}
    assert saved(exercise)["learner"] == "Ada"  # the name given here wins, and names the file
    copies = list(work.glob(f"{exercise.path.name.removesuffix('.json')}.replaced-*.json"))
    assert len(copies) == 1 and json.loads(copies[0].read_text())["tags"] == {"p044": ["hedging"]}
    assert copies[0].name in message


def test_restore_without_a_name_takes_the_file_s_name_and_its_file(work: Path, case) -> None:
    bo = start("hedging", learner="Bo", case=case, quiet=True)
    bo.tag("p051", "hedging")
    download = bo.json_text().encode()
    bo.tag("p045", "hedging")  # Bo's autosave has moved on since the download
    exercise = start("hedging", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    message = exercise.restore(download, "bo.json")
    assert exercise.path == bo.path and exercise.learner == "Bo"
    assert saved(exercise)["tags"] == {"p051": ["hedging"]}
    copies = list(work.glob(f"{bo.path.name.removesuffix('.json')}.replaced-*.json"))
    assert len(copies) == 1 and load_tags(copies[0], case).tags == {"p051": ["hedging"], "p045": ["hedging"]}
    assert load_tags(work / "hedging-tags.json", case).tags == {"p044": ["hedging"]}
    assert "hedging-tags.json" in message and bo.path.name in message


def test_restore_csv_and_bad_files(work: Path, case) -> None:
    exercise = start("hedging", case=case, quiet=True)
    message = exercise.restore(b"learner,passage_id,category\nAda,p044,hedging\nAda,p045,\n", "ada.csv")
    assert f"2 of {N} reviewed" in message and exercise.learner == "Ada"
    for data, words in ((b"{", "not valid JSON"), (b"\xff\xfe", "not UTF-8"), (b"[]", "tag-file format")):
        message = exercise.restore(data, "bad.json")
        assert message.startswith("Nothing was restored") and words in message
    assert exercise.tagset.tags == {"p044": ["hedging"], "p045": []}
    message = exercise.restore(
        json.dumps(
            {
                "format": "medialit-tags/1",
                "case": case.case_id,
                "saved_at": "2024-05-01T09:30:00",
                "tags": {"p044": ["hedging"], "p999": []},
            }
        ).encode(),
        "typo.json",
    )
    assert "1 entry of typo.json could not be used and was left out" in message and "'p999'" in message


def test_check_returns_readable_result(work: Path, case) -> None:
    exercise = start("hedging", case=case, quiet=True)
    exercise.tag("p044", "hedging")
    exercise.tag("p034", "hedging")
    result = exercise.check()
    assert isinstance(result, CheckResult) and isinstance(result.feedback, pd.DataFrame)
    text = str(result)
    assert f"1 of {N}" not in text and f"reviewed 2 of {N}" in text and "Hedging" in text
    statuses = dict(zip(result.feedback["passage_id"], result.feedback["status"], strict=False))
    assert statuses["p044"] == "agreed" and statuses["p034"] == "extra" and statuses["p045"] == "arguable"
    assert list(result.scores.columns) == [*SCORE_COLUMNS.values(), "coverage"]
    assert next(iter(result.scores.columns)).endswith("(kappa)")
    page = result._repr_html_()
    assert '<mark class="cue">an apparent coalition attack</mark>' in page
    assert "arguable: a careful reader could go either way" in page and "never count against you" in page
    assert 'alt="Your scores by category' in page


def test_check_says_undefined(work: Path, case) -> None:
    result = start("hedging", case=case, quiet=True).check()
    assert len(result.scores) == 1 and (result.scores[SCORE_COLUMNS["precision"]] == "undefined").all()


def test_notebook_helpers_render_passages(case) -> None:
    assert "<mark" in str(show_passage("p044", "apparent", case)) and "(p044)" in str(show_passage("p044"))
    example = worked_example("hedging", avoid=case.exercise("hedging").passage_ids, case=case)
    assert "<mark" in example._repr_html_()
    assert not any(f"({pid})" in str(example) for pid in case.exercise("hedging").passage_ids)


def test_sample_class_is_reproducible(tmp_path: Path, case) -> None:
    first = sample_class(tmp_path / "a", n=3, seed=1, exercise="hedging", case=case)
    second = sample_class(tmp_path / "b", n=3, seed=1, exercise="hedging", case=case)
    other = sample_class(tmp_path / "c", n=3, seed=2, exercise="hedging", case=case)
    tags = [load_tags(p, case).tags for p in first]
    assert all(tags) and tags == [load_tags(p, case).tags for p in second]
    assert tags != [load_tags(p, case).tags for p in other]  # the seed, not a constant, decides
    assert all(load_tags(p, case).learner.startswith("Sample learner") for p in first)


@pytest.mark.parametrize("learner", ["Ada\n", "Ada\x07", "A" * 300])
def test_a_learner_name_that_breaks_the_format_does_not_lose_the_work(work: Path, case, learner: str) -> None:
    exercise = start("hedging", learner=learner, case=case, quiet=True)
    exercise.tag("p044", "hedging")
    load_tags(exercise.path, case)  # the saved file follows the format
    again = start("hedging", learner=learner, case=case, quiet=True)
    assert again.tagset.tags == {"p044": ["hedging"]}
    again.learner = learner  # the widget's name field
    load_tags(again.path, case)
    assert again.learner and len(again.learner) <= 200 and again.learner.isprintable()


def test_a_long_note_cue_list_or_name_is_cut_to_the_limit_and_said(
    work: Path, case, capsys: pytest.CaptureFixture[str]
) -> None:
    exercise = start("hedging", learner="C" * (LEARNER_MAX + 1), case=case, quiet=True)
    assert f"only its first {LEARNER_MAX} were kept" in exercise.message
    assert exercise.note("p044", "x" * (NOTE_MAX + 1)) is False
    assert (
        f"Only the first {NOTE_MAX:,} characters of your note on p044 were saved" in capsys.readouterr().out
    )
    assert saved(exercise)["notes"]["p044"] == "x" * NOTE_MAX
    assert exercise.note("p044", "fine") is True and capsys.readouterr().out == ""
    text = exercise.text("p044")
    phrases = list(dict.fromkeys(" ".join(text[: end + 1].split()) for end in range(len(text))))[
        : CUES_MAX + 1
    ]
    assert exercise.set_cues("p044", "hedging", phrases[:CUES_MAX]) == ""
    assert exercise.cue("p044", "hedging", phrases[CUES_MAX]) is False
    assert "the last phrase you gave was not kept" in capsys.readouterr().out
    assert exercise.cues_of("p044", "hedging") == phrases[:CUES_MAX]
    exercise.learner = "B" * (LEARNER_MAX + 5)
    assert f"has {LEARNER_MAX + 5} characters" in capsys.readouterr().out
    assert exercise.learner == "B" * LEARNER_MAX


def test_restore_keeps_another_exercises_file_only_when_asked(work: Path, case) -> None:
    capstone = start("capstone", case=case, quiet=True)
    for pid in capstone.passage_ids:
        capstone.no_technique(pid)
    exercise = start("hedging", case=case, quiet=True)
    exercise.tag("p034", "hedging")
    message = exercise.restore(capstone.path.read_bytes(), "capstone.json")
    assert message.startswith("Nothing was restored: capstone.json was made for the capstone exercise")
    assert "anyway=True" in message and exercise.tagset.tags == {"p034": ["hedging"]}
    message = exercise.restore(capstone.path.read_bytes(), "capstone.json", anyway=True)
    kept = [pid for pid in capstone.passage_ids if pid in exercise.passage_ids]
    left_out = len(capstone.passage_ids) - len(kept)
    assert exercise.tagset.tags == {pid: [] for pid in kept} and saved(exercise)["exercise"] == "hedging"
    assert f"{left_out} passages of capstone.json are not part of the hedging exercise" in message


def test_an_upload_without_an_exercise_keeps_this_exercises_passages_and_says_how_many_went(
    work: Path, case
) -> None:
    exercise = start("hedging", case=case, quiet=True)
    rows = "".join(f"{'Q' * (LEARNER_MAX + 1)},{pid},\n" for pid in ("p001", "p002", "p044"))
    message = exercise.restore(f"learner,passage_id,category\n{rows}".encode(), "old.csv")
    assert exercise.tagset.tags == {"p044": []}
    assert "2 passages of old.csv are not part of the hedging exercise, so they were left out" in message
    assert exercise.learner == "Q" * LEARNER_MAX and f"only its first {LEARNER_MAX} were kept" in message
    load_tags(exercise.path, case)  # the saved file follows the format


def test_after_a_restore_the_message_describes_it_not_starting_fresh(work: Path, case) -> None:
    exercise = start("hedging", case=case, quiet=True)
    assert "Starting fresh" in exercise.message
    refused = exercise.restore(b"{", "broken.json")
    assert refused.startswith("Nothing was restored") and "Starting fresh" in exercise.message
    said = exercise.restore(b"learner,passage_id,category\n,p044,hedging\n", "mine.csv")
    assert exercise.message == said and said.startswith(
        f"Restored your work from mine.csv: 1 of {N} reviewed"
    )


def test_a_restore_whose_save_fails_says_both(work: Path, case, monkeypatch) -> None:
    exercise = start("hedging", case=case, quiet=True)

    def full_disk(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", full_disk)
        said = exercise.restore(b"learner,passage_id,category\n,p044,hedging\n", "mine.csv")
    assert exercise.message.startswith(said) and "Could not save to " in exercise.message
    assert "No space left on device" in exercise.message
