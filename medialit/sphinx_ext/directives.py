"""The directives that show the case: a passage, a worked example, the whole article."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from medialit.case.labels import category_labels, subtype_label
from medialit.case.model import Case
from medialit.common.cues import find_span, split_cues
from medialit.sphinx_ext.cases import book_cases
from medialit.sphinx_ext.nodes import ARTICLE_LABEL, passage_block, quoted_list
from medialit.sphinx_ext.sources import source_link


class CaseDirective(SphinxDirective):
    """A directive that reads the case: every data file it reads is noted as a dependency."""

    def case_of(self, passage_id: str) -> Case:
        """The case ``passage_id`` belongs to, noted as a dependency of this page."""
        cases = book_cases(self.env)
        return cases.note(self.env, cases.of_passage(passage_id))

    def warning(self, message: str) -> list[nodes.Node]:
        """A build warning (an error with ``-W``) at this directive, prefixed with its name."""
        return [self.state.document.reporter.warning(f"{self.name}: {message}", line=self.lineno)]


class PassageDirective(CaseDirective):
    """A passage as a block quotation, with an optional highlighted cue."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"cue": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Render the passage, or warn about a wrong id or cue."""
        passage_id, cue = self.arguments[0], self.options.get("cue")
        passages = self.case_of(passage_id).passages
        if passage_id not in passages.index:
            return self.warning(f"unknown passage id {passage_id!r}")
        text = str(passages.at[passage_id, "text"])
        missing = [part for part in split_cues(cue or "") if find_span(text, part) is None]
        if missing:
            return self.warning(f"cue {missing[0]!r} is not in passage {passage_id}")
        return [passage_block(passage_id, text, cue)]


class WorkedExampleDirective(CaseDirective):
    """The key's judgement on one passage and category, shown as a worked example."""

    required_arguments = 2
    has_content = True

    def run(self) -> list[nodes.Node]:
        """Render the key's judgement, or warn when the key has none."""
        passage_id, category = self.arguments
        case = self.case_of(passage_id)
        key = case.key
        rows = key[(key["passage_id"] == passage_id) & (key["category"] == category)]
        if rows.empty:
            return self.warning(f"the key has no {category} tag on {passage_id}")
        row = rows.iloc[0]
        subtype = subtype_label(case, category, row["subtype"])
        box = nodes.container(classes=["worked-example"])
        box += passage_block(passage_id, str(case.passages.at[passage_id, "text"]), row["cue"])
        cues = split_cues(row["cue"])
        cue_text = f" Cue: {quoted_list(cues)}." if cues else ""
        facts = nodes.paragraph()
        facts += [
            nodes.strong(text=f"{category_labels(case, [category])[category]}: {subtype}"),
            nodes.Text(f" ({row['strength']}).{cue_text} "),
            nodes.Text(row["rationale"]),
        ]
        box += facts
        source_ids = [part.strip() for part in row.get("sources", "").split(";") if part.strip()]
        unknown = [source_id for source_id in source_ids if source_id not in case.sources.index]
        if unknown:
            return self.warning(f"the key's sources for {passage_id} name {unknown[0]!r}, not in the ledger")
        if source_ids:
            box += self.sources_line(case, source_ids)
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, box)
        return [box]

    def sources_line(self, case: Case, source_ids: list[str]) -> nodes.paragraph:
        """``Sources: <name>, <name>``, each name a link to its entry in the case's ledger."""
        case_name = book_cases(self.env).name_of(case)
        line = nodes.paragraph(classes=["worked-example-sources"])
        line += nodes.strong(text="Sources: ")
        for number, source_id in enumerate(source_ids):
            line += [nodes.Text(", ")] if number else []
            line += source_link(source_id, str(case.sources.at[source_id, "name"]), case_name)
        return line


class ArticleDirective(CaseDirective):
    """The whole article (or a further case, named as the argument), each passage an anchor."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Render every passage and register its anchor with the standard domain."""
        cases = book_cases(self.env)
        case = cases.note(self.env, cases.named(self.arguments[0]) if self.arguments else cases.case())
        std = self.env.get_domain("std")
        container = nodes.container(classes=["full-article"])
        paragraph_node: nodes.Element = nodes.paragraph()
        current = None
        for passage_id, row in case.passages.iterrows():
            if row["paragraph"] != current:
                current = row["paragraph"]
                paragraph_node = nodes.paragraph(classes=[f"article-{row['kind']}"])
                container += paragraph_node
            label = ARTICLE_LABEL.format(passage_id)
            target = nodes.inline("", "", ids=[label], classes=["passage"])
            target += [nodes.inline(passage_id, passage_id, classes=["passage-id"]), nodes.Text(" ")]
            target += nodes.Text(str(row["text"]) + " ")
            paragraph_node += target
            std.note_hyperlink_target(label, self.env.docname, label)  # type: ignore[attr-defined]
        return [container]
