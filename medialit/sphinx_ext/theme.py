"""The book theme's header and buttons, repaired at build time for accessibility.

- **One search box.** pydata-sphinx-theme 0.17 puts a search field in a page header unless
  ``navbar_persistent`` is set, and sphinx-book-theme's own empty default does not count as set,
  so a desktop page showed two search fields (header and sidebar). An empty ``navbar_persistent``
  drops the header again; the sidebar keeps its field, and narrow screens keep the theme's
  search icon in the article header.
- **Names that match what is shown.** The theme's search field button and colour-mode switch
  have an ``aria-label`` that leaves out words they show, which axe-core reports as
  ``label-content-name-mismatch`` (serious, WCAG 2.5.3). The templates in ``templates/``, put
  ahead of the theme's own, replace those two components.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

TEMPLATES = Path(__file__).parent / "templates"
#: The theme repaired; another theme (a test's small book) has neither the option nor the buttons.
THEME = "sphinx_book_theme"


def repair_theme(app: Sphinx, config: Config) -> None:
    """Drop the theme's header search field and put the repaired components first in line."""
    if config.html_theme != THEME:
        return
    config.html_theme_options.setdefault("navbar_persistent", [])
    config.templates_path.insert(0, str(TEMPLATES))
