"""The merge rule for two tabs or kernels of one exercise (medialit.tagfile.merge), property-tested."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from medialit.tagfile.merge import edit_time_of, edit_times, instant, merge_tagsets, passage_ids
from medialit.tagfile.model import TagSet

PIDS = ["p001", "p002", "p003", "p004", "p005"]
CATEGORIES = ["hedging", "framing"]
#: Few times, so that ties are common; the first three are one instant written three ways.
TIMES = [
    "2024-05-01T09:30:00+00:00",
    "2024-05-01T11:30:00+02:00",
    "2024-05-01T09:30:00.000Z",
    "2024-05-01T09:30:00.001+00:00",
    "2024-05-01T09:31:00+00:00",
]


@st.composite
def tagsets(draw: st.DrawFn) -> TagSet:
    """A version of one file: any passages, tags, cue words, notes, confidence, edit times (or none)."""
    tags = draw(
        st.dictionaries(
            st.sampled_from(PIDS), st.lists(st.sampled_from(CATEGORIES), unique=True, max_size=2), max_size=5
        )
    )
    cues = {
        pid: {category: [draw(st.sampled_from(["apparently", "claimed"]))]}
        for pid, given_tags in tags.items()
        for category in given_tags[:1]
        if draw(st.booleans())
    }
    notes = draw(st.dictionaries(st.sampled_from(PIDS), st.sampled_from(["unsure", "check"]), max_size=3))
    confidence = draw(
        st.dictionaries(st.sampled_from(PIDS), st.sampled_from(["unsure", "fairly_sure", "sure"]), max_size=3)
    )
    edited = draw(st.dictionaries(st.sampled_from(PIDS), st.sampled_from(TIMES), max_size=5))
    return TagSet(
        case="chovanec-2018",
        tags=tags,
        cues=cues,
        notes=notes,
        confidence=confidence,
        edited=edited,
        saved_at=draw(st.sampled_from([*TIMES, None])),
        learner=draw(st.sampled_from([None, "Ada", "Bo"])),
        exercise=draw(st.sampled_from(["hedging", None])),
    )


def entry(tagset: TagSet, pid: str) -> tuple[object, ...]:
    """Everything one passage has: it travels as a whole."""
    return (tagset.tags.get(pid), tagset.cues.get(pid, {}), tagset.notes.get(pid), tagset.confidence.get(pid))


def content(tagset: TagSet) -> tuple[object, ...]:
    return (tagset.tags, tagset.cues, tagset.notes, tagset.confidence)


def at(tagset: TagSet, pid: str) -> int | None:
    return instant(edit_time_of(tagset, pid))


def later(first: int | None, second: int | None) -> bool:
    """Whether ``first`` is strictly later than ``second`` (a missing time is earlier than any)."""
    return first is not None and (second is None or first > second)


@given(tagsets(), tagsets())
def test_no_reviewed_passage_is_dropped_unless_the_other_side_removed_it_later(
    mine: TagSet, theirs: TagSet
) -> None:
    merged = merge_tagsets(mine, theirs).tagset
    for pid in mine.tags:
        assert pid in merged.tags or (pid not in theirs.tags and later(at(theirs, pid), at(mine, pid)))
    for pid in theirs.tags:
        assert pid in merged.tags or (pid not in mine.tags and not later(at(theirs, pid), at(mine, pid)))


@given(tagsets(), tagsets())
def test_each_passage_comes_whole_from_the_side_edited_later_and_the_saver_wins_ties(
    mine: TagSet, theirs: TagSet
) -> None:
    merged = merge_tagsets(mine, theirs).tagset
    for pid in set(passage_ids(mine)) | set(passage_ids(theirs)):
        winner = theirs if later(at(theirs, pid), at(mine, pid)) else mine
        assert entry(merged, pid) == entry(winner, pid)
        assert merged.edited.get(pid) == edit_time_of(winner, pid)
    assert set(passage_ids(merged)) <= set(passage_ids(mine)) | set(passage_ids(theirs))


@given(tagsets(), tagsets())
def test_the_merged_edit_time_of_a_passage_is_the_later_one(mine: TagSet, theirs: TagSet) -> None:
    merged = merge_tagsets(mine, theirs).tagset
    for pid, when in merged.edited.items():
        times = [t for t in (at(mine, pid), at(theirs, pid)) if t is not None]
        assert instant(when) == max(times)


@given(tagsets(), tagsets())
def test_merging_is_idempotent(mine: TagSet, theirs: TagSet) -> None:
    merged = merge_tagsets(mine, theirs).tagset
    for again in (merged, mine, theirs):
        twice = merge_tagsets(merged, again)
        assert (*content(twice.tagset), twice.tagset.edited) == (*content(merged), merged.edited)
        assert twice.taken == ()
    assert content(merge_tagsets(mine, mine).tagset) == content(mine)


@given(tagsets(), tagsets())
def test_without_ties_the_order_does_not_matter(mine: TagSet, theirs: TagSet) -> None:
    tied = [
        pid for pid in set(passage_ids(mine)) | set(passage_ids(theirs)) if at(mine, pid) == at(theirs, pid)
    ]
    one, other = merge_tagsets(mine, theirs).tagset, merge_tagsets(theirs, mine).tagset
    for pid in set(passage_ids(one)) | set(passage_ids(other)):
        if pid not in tied:
            assert entry(one, pid) == entry(other, pid)


@given(tagsets(), tagsets())
def test_taken_names_exactly_the_passages_the_other_side_changed(mine: TagSet, theirs: TagSet) -> None:
    result = merge_tagsets(mine, theirs)
    changed = sorted(
        pid
        for pid in set(passage_ids(mine)) | set(passage_ids(theirs))
        if entry(result.tagset, pid) != entry(mine, pid)
    )
    assert list(result.taken) == changed


@given(tagsets(), tagsets())
def test_the_inputs_are_left_alone_and_the_saver_keeps_its_name_and_time(
    mine: TagSet, theirs: TagSet
) -> None:
    before = copy.deepcopy((mine, theirs))
    merged = merge_tagsets(mine, theirs).tagset
    assert (mine, theirs) == before
    assert (merged.learner, merged.saved_at, merged.case, merged.exercise) == (
        mine.learner,
        mine.saved_at,
        mine.case,
        mine.exercise,
    )
    merged.tags.setdefault("p001", []).append("attribution")  # the merge shares no lists with its inputs
    assert (mine, theirs) == before


def test_an_unreview_in_one_tab_is_not_undone_by_the_other() -> None:
    tab_a = TagSet(case="c", tags={}, edited={"p001": "2024-05-01T09:31:00+00:00"}, saved_at=TIMES[4])
    tab_b = TagSet(
        case="c",
        tags={"p001": ["hedging"], "p002": []},
        edited={"p001": "2024-05-01T09:30:00+00:00", "p002": "2024-05-01T09:30:30+00:00"},
        saved_at=TIMES[4],
    )
    merged = merge_tagsets(tab_b, tab_a)
    assert merged.tagset.tags == {"p002": []}
    assert merged.tagset.edited["p001"] == "2024-05-01T09:31:00+00:00"  # the tombstone is kept
    assert merged.taken == ("p001",)
    assert merge_tagsets(tab_a, tab_b).tagset.tags == {"p002": []}


def test_a_file_without_edit_times_counts_as_edited_when_it_was_saved() -> None:
    old = TagSet(case="c", tags={"p001": ["hedging"], "p002": []}, saved_at="2024-05-01T09:30:00+00:00")
    assert edit_times(old) == {"p001": old.saved_at, "p002": old.saved_at}
    newer = TagSet(case="c", tags={"p001": []}, edited={"p001": "2024-05-01T09:30:01+00:00"}, saved_at=None)
    merged = merge_tagsets(old, newer).tagset
    assert merged.tags == {"p001": [], "p002": []}
    assert merged.edited == {"p001": "2024-05-01T09:30:01+00:00", "p002": old.saved_at}
    older = TagSet(case="c", tags={"p001": []}, edited={"p001": "2024-05-01T09:29:59+00:00"}, saved_at=None)
    assert merge_tagsets(old, older).tagset.tags == {"p001": ["hedging"], "p002": []}


def test_times_are_compared_as_instants_to_the_millisecond() -> None:
    assert instant("2024-05-01T11:30:00+02:00") == instant("2024-05-01T09:30:00Z")
    assert instant("2024-05-01T09:30:00.001999+00:00") == instant("2024-05-01T09:30:00.001+00:00")
    assert instant("2024-05-01T09:30:00.002+00:00") > instant("2024-05-01T09:30:00.001999+00:00")
    assert instant("not a time") is None and instant(None) is None


def test_a_confidence_travels_with_its_passage() -> None:
    older = TagSet(case="c", tags={"p001": ["hedging"]}, confidence={"p001": "unsure"}, saved_at=TIMES[0])
    newer = TagSet(
        case="c", tags={}, confidence={"p001": "sure"}, edited={"p001": TIMES[4]}, saved_at=TIMES[0]
    )
    merged = merge_tagsets(older, newer)
    assert merged.tagset.confidence == {"p001": "sure"} and merged.tagset.tags == {}
    assert merged.taken == ("p001",)
    assert edit_times(TagSet(case="c", tags={}, confidence={"p002": "sure"}, saved_at=TIMES[1])) == {
        "p002": TIMES[1]
    }
