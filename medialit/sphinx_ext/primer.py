"""The ``medialit-primer`` directive: the primer's map, timeline and tables, from the data.

``{medialit-primer} map`` and ``{medialit-primer} timeline`` draw the figure when the page is
read, write it under ``_generated/figures/`` in the source folder and show it as an image with
the alt text built from the data (:mod:`medialit.rendering.primer_figures`).
``{medialit-primer} actors`` and ``{medialit-primer} events`` are tables; each source is a
link to its ledger entry, or a citation of the primer's own sources in the bibliography.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList

from medialit.case.model import Case
from medialit.case.primer import Primer, has_primer, load_primer
from medialit.rendering.plots import Plot
from medialit.rendering.primer_figures import events_timeline, places_map
from medialit.sphinx_ext.cases import book_cases
from medialit.sphinx_ext.directives import CaseDirective
from medialit.sphinx_ext.nodes import ARTICLE_LABEL
from medialit.sphinx_ext.sources import source_label

#: Where the figures are written, relative to the book's source folder.
FIGURES_DIR = "_generated/figures"
PARTS = ("map", "timeline", "actors", "events")


def published(case: Case) -> datetime.date | None:
    """The date the case's article was first published, from the manifest."""
    dates = [entry["date"] for entry in case.manifest["published"] if entry["role"] == "original"]
    return datetime.date.fromisoformat(dates[0]) if dates else None


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


class PrimerDirective(CaseDirective):
    """The primer's map, timeline, table of actors or table of events."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Render the part named by the argument."""
        part = directives.choice(self.arguments[0], list(PARTS))
        cases = book_cases(self.env)
        case = cases.note(self.env, cases.case())
        if not has_primer(case):
            return self.warning("the case's manifest lists no primer")
        primer = load_primer(case)
        if part in ("map", "timeline"):
            plot = (
                places_map(primer.places)
                if part == "map"
                else events_timeline(primer.events, published(case))
            )
            return [self.image(plot)]
        lines = self.actor_lines(case, primer) if part == "actors" else self.event_lines(case, primer)
        container = nodes.container(classes=["primer-table"])
        self.state.nested_parse(StringList(lines, source=self.env.docname), self.content_offset, container)
        return [container]

    def image(self, plot: Plot) -> nodes.image:
        """Save the figure in the source folder; an image node with its alt text."""
        folder = Path(self.env.srcdir) / FIGURES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        plot.save(folder)
        return nodes.image(uri=f"/{FIGURES_DIR}/{plot.name}.png", alt=plot.alt, classes=["primer-figure"])

    def sources(self, case: Case, primer: Primer, source_ids: tuple[str, ...]) -> str:
        """Each source as MyST: a link to its ledger entry, or a citation."""
        parts = []
        for source_id in source_ids:
            if source_id in case.sources.index:
                name = _cell(str(case.sources.at[source_id, "name"])).replace("<", "\\<").replace("`", "")
                parts.append(f"{{ref}}`{name} <{source_label(source_id)}>`")
            elif source_id in primer.own_sources:
                parts.append(f"{{cite:p}}`{source_id}`")
        return "; ".join(parts)

    def actor_lines(self, case: Case, primer: Primer) -> list[str]:
        """The table of actors, as MyST lines."""
        lines = ["| Name | In full | Who they are | Sources |", "| --- | --- | --- | --- |"]
        for actor in primer.actors:
            lines.append(
                f"| **{actor.short_name}** | {_cell(actor.full_name)} | {_cell(actor.who)} | "
                f"{self.sources(case, primer, actor.sources)} |"
            )
        return lines

    def event_lines(self, case: Case, primer: Primer) -> list[str]:
        """The table of events, as MyST lines, each passage a link to it in the full article."""
        lines = ["| Date | What happened | Passages | Sources |", "| --- | --- | --- | --- |"]
        for event in primer.events:
            passages = ", ".join(f"{{ref}}`{pid} <{ARTICLE_LABEL.format(pid)}>`" for pid in event.passage_ids)
            lines.append(
                f"| {event.date_text} | {_cell(event.event)} | {passages} | "
                f"{self.sources(case, primer, event.sources)} |"
            )
        return lines
