"""Answer keys name the sources a judgement rests on, and link them when told where the ledger is."""

from __future__ import annotations

import html

from medialit.case.loading import load_case
from medialit.rendering.printables import answer_key_html

CASE = load_case()
EXERCISES = CASE.exercise_ids[1:]


def rows_with_sources(exercise_id: str) -> list[str]:
    exercise = CASE.exercise(exercise_id)
    key = CASE.key[
        CASE.key["passage_id"].isin(exercise.passage_ids)
        & CASE.key["category"].isin(exercise.categories)
        & (CASE.key["sources"] != "")
    ]
    return sorted({part for sources in key["sources"] for part in sources.split(";")})


def test_answer_keys_name_sources_without_internal_ids() -> None:
    for exercise_id in EXERCISES:
        page = html.unescape(answer_key_html(CASE, exercise_id))
        for source_id in rows_with_sources(exercise_id):
            assert CASE.sources.at[source_id, "name"] in page
        assert not [source_id for source_id in CASE.sources.index if source_id in page]


def test_answer_keys_link_sources_to_the_addresses_given() -> None:
    exercise_id = next(exercise for exercise in EXERCISES if rows_with_sources(exercise))
    page = answer_key_html(CASE, exercise_id, lambda source_id: f"../../sources.html#source-{source_id}")
    for source_id in rows_with_sources(exercise_id):
        name = CASE.sources.at[source_id, "name"]
        assert f'<a href="../../sources.html#source-{source_id}">{name}</a>' in html.unescape(page)
