"""The roles that quote the article inline: ``{quote}`p012: words``` and ``{passage}`p012```."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from medialit.sphinx_ext.cases import book_cases
from medialit.sphinx_ext.nodes import quoted


class QuoteRole(SphinxRole):
    """``{quote}`p012: words``` — exact words from a passage, with a link to it."""

    def passage_text(self, passage_id: str) -> str | None:
        """The passage's text from the data (noted as a dependency), or ``None`` for an unknown id."""
        cases = book_cases(self.env)
        passages = cases.note(self.env, cases.of_passage(passage_id)).passages
        return str(passages.loc[passage_id, "text"]) if passage_id in passages.index else None

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """Check the words against the passage and render them."""
        passage_id, _, words = self.text.partition(":")
        passage_id, words = passage_id.strip(), words.strip()
        text = self.passage_text(passage_id)
        if text is None:
            return self.problem(f"unknown passage id {passage_id!r}")
        if not words or words not in text:
            return self.problem(f"the words {words!r} are not in passage {passage_id}")
        return [quoted(passage_id, words)], []

    def problem(self, message: str) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """A build warning, and the role's text marked as a problem."""
        error = self.inliner.reporter.warning(f"quote: {message}", line=self.lineno)
        return [nodes.problematic(self.rawtext, self.rawtext)], [error]


class PassageRole(QuoteRole):
    """``{passage}`p012``` — a whole passage inline, with a link to it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """Render the whole passage as a quote."""
        passage_id = self.text.strip()
        text = self.passage_text(passage_id)
        if text is None:
            return self.problem(f"unknown passage id {passage_id!r}")
        return [quoted(passage_id, text)], []
