"""`check_case` and `python -m medialit validate` on the shipped data and on broken copies."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.case.paths import data_dir
from medialit.case.validation import check_case


@pytest.fixture
def case_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped case, to break."""
    return Path(shutil.copytree(data_dir(), tmp_path / "data"))


def edit_row(path: Path, index: int, **changes: str) -> None:
    """Change cells of data row ``index`` (0 is the first row after the header)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        columns = list(rows[0])
    rows[index].update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def append_row(path: Path, index: int) -> None:
    """Repeat data row ``index`` at the end of the file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(rows[index + 1])


def messages(folder: Path) -> list[str]:
    return [str(problem) for problem in check_case(folder).problems]


def test_shipped_case_is_valid() -> None:
    report = check_case(data_dir())
    assert report.ok, "\n".join(str(problem) for problem in report.problems)
    assert report.counts["passages"] > 100 and report.counts["key rows"] > 100


def test_cli_validate_prints_a_summary() -> None:
    result = subprocess.run([sys.executable, "-m", "medialit", "validate"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stdout and "passages" in result.stdout


def test_unknown_passage_id_in_key(case_copy: Path) -> None:
    edit_row(case_copy / "key.csv", 3, passage_id="p999")
    assert any("key.csv, line 5: unknown passage id p999" in m for m in messages(case_copy))


def test_unknown_category_in_key(case_copy: Path) -> None:
    edit_row(case_copy / "key.csv", 0, category="propaganda")
    assert any("key.csv, line 2: unknown category 'propaganda'" in m for m in messages(case_copy))


def test_unknown_subtype_in_key(case_copy: Path) -> None:
    edit_row(case_copy / "key.csv", 0, subtype="sarcasm")
    assert any("key.csv, line 2: unknown subtype 'sarcasm'" in m for m in messages(case_copy))


def test_cue_not_in_its_passage(case_copy: Path) -> None:
    edit_row(case_copy / "key.csv", 1, cue="words that are nowhere")
    assert any(
        "key.csv, line 3: cue 'words that are nowhere' is not in the text" in m for m in messages(case_copy)
    )


def test_bad_strength_is_reported(case_copy: Path) -> None:
    edit_row(case_copy / "key.csv", 2, strength="maybe")
    assert any("key.csv, line 4: its strength is 'maybe'" in m for m in messages(case_copy))


def test_duplicate_key_judgement(case_copy: Path) -> None:
    append_row(case_copy / "key.csv", 0)
    assert any("key.csv" in m and "duplicate passage_id/category" in m for m in messages(case_copy))


def test_duplicate_passage_id_and_overlapping_offsets(case_copy: Path) -> None:
    append_row(case_copy / "passages.csv", 4)
    found = messages(case_copy)
    assert any("passages.csv, line 155: duplicate passage_id p005" in m for m in found)
    assert any("passages.csv, line 155: p005: offsets" in m and "overlap" in m for m in found)


def test_passage_text_that_drifts_from_the_article(case_copy: Path) -> None:
    edit_row(case_copy / "passages.csv", 9, start="1410")
    assert any(
        "passages.csv, line 11: p010: text does not match the article" in m for m in messages(case_copy)
    )


def test_link_outside_its_passage(case_copy: Path) -> None:
    edit_row(case_copy / "links.csv", 0, passage_id="p001")
    assert any("links.csv, line 2: link" in m and "is not inside p001" in m for m in messages(case_copy))


def test_source_ledger_with_unknown_passage(case_copy: Path) -> None:
    edit_row(case_copy / "sources.csv", 0, passage_ids="p010;p998")
    assert any("sources.csv, line 2: unknown passage id(s) p998" in m for m in messages(case_copy))


def test_key_row_naming_an_unknown_source(case_copy: Path) -> None:
    edit_row(case_copy / "key.csv", 0, sources="sohr;nobody_2020")
    assert any(
        "key.csv, line 2: sources names nobody_2020, not in the source ledger" in m
        for m in messages(case_copy)
    )


def test_every_cue_of_a_row_must_be_in_its_passage(case_copy: Path) -> None:
    rows = list(csv.DictReader((case_copy / "key.csv").open(encoding="utf-8")))
    first = rows[0]["cue"].split(" | ")[0]
    edit_row(case_copy / "key.csv", 0, cue=f"{first} | words the article never uses")
    found = messages(case_copy)
    assert any("cue 'words the article never uses' is not in the text of" in m for m in found)
    assert not any(f"cue {first!r}" in m for m in found)


def test_not_this_judgements_are_checked(case_copy: Path) -> None:
    key = list(csv.DictReader((case_copy / "key.csv").open(encoding="utf-8")))
    edit_row(case_copy / "not_this.csv", 0, passage_id=key[0]["passage_id"], category=key[0]["category"])
    edit_row(case_copy / "not_this.csv", 1, category="propaganda")
    edit_row(case_copy / "not_this.csv", 2, reason="too short")
    found = messages(case_copy)
    assert any(
        f"not_this.csv, line 2: {key[0]['passage_id']} {key[0]['category']} is also tagged" in m
        for m in found
    )
    assert any("not_this.csv, line 3: unknown category 'propaganda'" in m for m in found)
    assert any("not_this.csv, line 4" in m and "'too short', is shorter than 20" in m for m in found)


def test_ledger_that_records_a_second_check_records_it_everywhere(case_copy: Path) -> None:
    edit_row(case_copy / "sources.csv", 0, verdict="probably")
    edit_row(case_copy / "sources.csv", 1, second_check="")
    found = messages(case_copy)
    assert any("sources.csv, line 2" in m and "probably" in m for m in found)
    assert any("sources.csv, line 3" in m and "second_check" in m for m in found)


def test_taxonomy_that_breaks_its_schema(case_copy: Path) -> None:
    taxonomy = json.loads((case_copy / "taxonomy.json").read_text(encoding="utf-8"))
    del taxonomy["categories"][0]["definition"]
    (case_copy / "taxonomy.json").write_text(json.dumps(taxonomy), encoding="utf-8")
    assert any(
        "taxonomy.json" in m and "has no definition" in m and "required property" not in m
        for m in messages(case_copy)
    )


def test_missing_and_malformed_files(case_copy: Path) -> None:
    (case_copy / "links.csv").unlink()
    (case_copy / "taxonomy.json").write_text("{not json", encoding="utf-8")
    (case_copy / "sources.csv").write_bytes(b"\xff\xfe broken")
    found = messages(case_copy)
    assert any("links.csv: file is missing" in m for m in found)
    assert any("taxonomy.json, line 1: is not valid JSON" in m for m in found)
    assert any("sources.csv: is not UTF-8 text" in m for m in found)


def test_cli_fails_clearly_on_a_broken_copy(case_copy: Path) -> None:
    edit_row(case_copy / "key.csv", 0, category="propaganda")
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "validate", "--data", str(case_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "unknown category 'propaganda'" in result.stderr
    assert "Traceback" not in result.stderr
