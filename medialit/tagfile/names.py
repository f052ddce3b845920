"""File names that keep learners apart: the autosave file and the download, one rule everywhere.

A learner is known by their name *as cleaned*, :func:`learner_key`: the name as the tag format
keeps it (:func:`~medialit.tagfile.model.clean_learner`), in Unicode NFKC form and case-folded,
so "Ada", "ADA" and a full-width "Ａｄａ" are one learner, while "Ada L." and "ada-l" are two.

A file name carries that learner as :func:`learner_part`: a readable :func:`slug` (letters,
marks and digits of every script, anything else a hyphen, at most :data:`SLUG_BYTES` bytes of
UTF-8) and the first 8 hex digits of the key's SHA-256, so two learners never share a file even
when their slugs are equal ("王芳" and "李明", "Ada L." and "ada-l")::

    hedging-tags.json                          no name
    hedging-josé-1a2b3c4d-tags.json            the autosave of "José"
    hedging-josé-1a2b3c4d-2024-05-01-tags.json its download, with the date of the work

The names hold no character that Windows or macOS reserve, are in NFC form (so macOS's NFD file
names match them) and stay far below the 255-byte limit of file systems. The book's in-page
exercise (``medialit/sphinx_ext/static/inpage.js``) names its downloads by the same rule; the
Node parity test (``tests/sphinx_ext/test_inpage_parity.py``) proves the two agree.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from medialit.tagfile.model import clean_learner, now_iso

SUFFIX = "-tags.json"
#: The suffix of a learner's lateral-reading answers (:mod:`medialit.tagfile.answer_store`).
ANSWERS_SUFFIX = "-answers.json"
SLUG_BYTES = 48  # of UTF-8: 16 CJK characters, 48 Latin letters
HASH_DIGITS = 8
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def learner_key(learner: str | None) -> str | None:
    """Who a name stands for: the cleaned name, NFKC-normalised and case-folded (``None`` if empty)."""
    cleaned = clean_learner(learner)
    if cleaned is None:
        return None
    cleaned = _LONE_SURROGATE.sub("\ufffd", cleaned)  # as UTF-8 encoders in browsers do
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", cleaned).casefold())
    return clean_learner(folded)  # NFKC can make spaces ("´" is a space and an accent)


def same_learner(first: str | None, second: str | None) -> bool:
    """True if two names stand for the same learner (or both are missing)."""
    return learner_key(first) == learner_key(second)


def slug(text: str) -> str:
    """A readable file-name fragment: runs of letters and digits (with their marks) joined by hyphens.

    ``"ada l."`` → ``"ada-l"``, ``"josé"`` → ``"josé"``, ``"王芳"`` → ``"王芳"``; cut to
    :data:`SLUG_BYTES` bytes of UTF-8 at a character boundary. Give it a :func:`learner_key`.
    """
    pieces: list[str] = []
    in_word = False
    for char in text:
        kind = unicodedata.category(char)[0]
        in_word = kind in "LN" or (kind == "M" and in_word)
        pieces.append(char if in_word else "-")
    words = "-".join(part for part in "".join(pieces).split("-") if part)
    cut = words.encode("utf-8")[:SLUG_BYTES].decode("utf-8", errors="ignore")
    return cut.strip("-")


def learner_part(learner: str | None) -> str | None:
    """The learner's part of a file name, ``<slug>-<hash>`` (just ``<hash>`` if no letter is left)."""
    key = learner_key(learner)
    if key is None:
        return None
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:HASH_DIGITS]
    readable = slug(key)
    return f"{readable}-{digest}" if readable else digest


def tag_file_name(exercise_id: str, learner: str | None = None, suffix: str = SUFFIX) -> str:
    """The autosave file's name: ``<exercise>-tags.json`` or ``<exercise>-<learner part>-tags.json``.

    ``suffix`` names another kind of work by the same rule (:data:`ANSWERS_SUFFIX`).
    """
    part = learner_part(learner)
    return f"{exercise_id}-{part}{suffix}" if part else f"{exercise_id}{suffix}"


def download_file_name(
    exercise_id: str, learner: str | None, saved_at: str | None, suffix: str = SUFFIX
) -> str:
    """The download's name, ``<exercise>-<learner part>-<YYYY-MM-DD>-tags.json``.

    The date is the day the work was last saved (``saved_at``), today if it never was; without
    a name the learner part is left out (``hedging-2024-05-01-tags.json``). ``suffix`` as for
    :func:`tag_file_name`.
    """
    day = (saved_at or "")[:10]
    if not _DATE.fullmatch(day):
        day = now_iso()[:10]
    part = learner_part(learner)
    return f"{exercise_id}-{part}-{day}{suffix}" if part else f"{exercise_id}-{day}{suffix}"
