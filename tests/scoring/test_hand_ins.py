"""Which hand-ins a report counts: one learner is one name, by the same rule as the file names."""

from __future__ import annotations

from medialit.scoring.hand_ins import choose_hand_ins, newest_per_learner
from medialit.tagfile.model import TagSet


def test_a_full_width_name_is_the_same_learner_as_its_plain_form() -> None:
    older = TagSet("c", {}, learner="Ａｄａ", saved_at="2024-05-01T09:30:00+00:00", source="wide.json")
    newer = TagSet("c", {}, learner="ada", saved_at="2024-05-02T09:30:00+00:00", source="plain.json")
    kept, superseded = newest_per_learner([older, newer])
    assert kept == [newer]
    assert [problem.file for problem in superseded] == ["wide.json"]


def test_with_both_tests_the_other_test_is_not_left_out_and_the_post_test_is_scored() -> None:
    tagsets = [
        TagSet("c", {}, learner="Ada", exercise="pretest", source="pre.json"),
        TagSet("c", {}, learner="Ada", exercise="posttest", source="post.json"),
        TagSet("c", {}, learner="Bo", exercise="hedging", source="hedging.json"),
    ]
    exercises = ["article", "hedging", "pretest", "posttest"]
    hand_ins = choose_hand_ins(tagsets, exercises, tests=("pretest", "posttest"))
    assert hand_ins.exercise == "posttest" and hand_ins.tagsets == [tagsets[1]]
    assert [problem.file for problem in hand_ins.left_out] == ["hedging.json"]
    assert hand_ins.exercise_note.startswith(
        "Scored on posttest, the later of the two tests (pretest, posttest)"
    )
    asked = choose_hand_ins(tagsets, exercises, "pretest", ("pretest", "posttest"))
    assert asked.tagsets == [tagsets[0]] and [p.file for p in asked.left_out] == ["hedging.json"]
