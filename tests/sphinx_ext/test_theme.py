"""The theme repair: no header search field unless the book asks for one; our templates first."""

from __future__ import annotations

from types import SimpleNamespace

from medialit.sphinx_ext.theme import TEMPLATES, THEME, repair_theme


def _config(theme: str = THEME, **theme_options: object) -> SimpleNamespace:
    return SimpleNamespace(
        html_theme=theme,
        html_theme_options=dict(theme_options),
        templates_path=["_templates", "/theme/components"],
    )


def test_the_header_search_field_is_dropped_and_the_repaired_templates_come_first() -> None:
    config = _config(repository_url="https://example.org/repo")
    repair_theme(None, config)
    assert config.html_theme_options == {
        "repository_url": "https://example.org/repo",
        "navbar_persistent": [],
    }
    assert config.templates_path == [str(TEMPLATES), "_templates", "/theme/components"]
    assert {path.name for path in TEMPLATES.iterdir()} == {"search-button-field.html", "theme-switcher.html"}


def test_a_header_the_book_asks_for_is_kept() -> None:
    config = _config(navbar_persistent=["search-button"])
    repair_theme(None, config)
    assert config.html_theme_options["navbar_persistent"] == ["search-button"]


def test_another_theme_is_left_alone() -> None:
    config = _config("alabaster")
    repair_theme(None, config)
    assert config.html_theme_options == {}
    assert config.templates_path == ["_templates", "/theme/components"]
