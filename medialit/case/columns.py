"""The columns of the case's CSV files, in order: the one place they are named."""

PASSAGE_COLUMNS = ("passage_id", "section", "paragraph", "kind", "start", "end", "has_link", "text")
LINK_COLUMNS = ("passage_id", "start", "end", "text")
KEY_COLUMNS = ("passage_id", "category", "subtype", "strength", "cue", "rationale", "check", "sources")
NOT_THIS_COLUMNS = ("passage_id", "category", "reason")
SOURCE_COLUMNS = (
    "source_id",
    "name",
    "who",
    "kind",
    "presented_as",
    "reporting_verbs",
    "passage_ids",
    "original_says",
    "verification",
    "reference",
)
#: The ledger's record of the second, independent check; required where a case's ledger has them.
SOURCE_CHECK_COLUMNS = ("where", "verdict", "second_check")
#: The primer's tables (``data/primer/``): the groups, the dated events and the places.
PRIMER_ACTOR_COLUMNS = ("actor_id", "short_name", "full_name", "who", "sources")
PRIMER_EVENT_COLUMNS = ("event_id", "date", "label", "event", "passage_ids", "key_words", "sources")
PRIMER_PLACE_COLUMNS = ("place_id", "place", "latitude", "longitude", "role", "coordinate_source", "sources")
