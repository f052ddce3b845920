"""Figures: real matplotlib figures with alt text and the colour-blind-safe palette."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from medialit.case.loading import load_case
from medialit.rendering.palette import OKABE_ITO, series_colours
from medialit.rendering.plots import article_strip_plot, category_scores_plot, heatmap_plot
from medialit.scoring.key import key_matrix

TITLE = "Where the key and the class put each technique"


@pytest.fixture(scope="module")
def case():
    return load_case()


def test_palette_is_okabe_ito_and_distinct():
    colours = series_colours(["a", "b", "c", "d", "e", "f", "g", "h"])
    assert set(colours.values()) == set(OKABE_ITO.values())
    assert len(set(series_colours(["a", "b", "c", "d"]).values())) == 4


def test_category_scores_plot(case, tmp_path):
    labels = {c: e["label"] for c, e in case.categories.items()}
    scores = pd.DataFrame(
        {"precision": [0.5, np.nan, 1, 0], "recall": [0.25, 0.5, 1, 0], "f1": [1 / 3, np.nan, 1, 0]},
        index=list(case.categories),
    )
    plot = category_scores_plot(scores, labels)
    assert isinstance(plot.figure, Figure)
    for label in labels.values():
        assert label in plot.alt
    assert "undefined" in plot.alt and "0.33" in plot.alt
    bar_colours = {to_hex(patch.get_facecolor()).upper() for patch in plot.figure.axes[0].patches}
    assert bar_colours <= {c.upper() for c in OKABE_ITO.values()}
    path = plot.save(tmp_path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_article_strip_plot(case, tmp_path):
    key = key_matrix(case)
    share = np.random.default_rng(0).random(key.clear.shape)
    share[0] = np.nan
    plot = article_strip_plot(key.passage_ids, key.categories, key.clear, key.arguable, share)
    assert len(plot.figure.axes) == len(key.categories)
    for c, category in enumerate(key.categories):
        assert f"{category}: the key tags {int(key.clear[:, c].sum())} passages clearly" in plot.alt
    assert plot.save(tmp_path).stat().st_size > 1000


@pytest.mark.parametrize("learners", [1, 5, 200])
def test_heatmap_plot(case, tmp_path, learners):
    values = np.random.default_rng(1).random((learners, 4))
    values[0, 0] = np.nan
    names = [f"<learner {i}>" for i in range(learners)]
    plot = heatmap_plot(names, list(case.categories), values)
    assert f"for {learners} learners" in plot.alt
    assert "undefined for 1 learners" in plot.alt
    assert plot.save(tmp_path).exists()


def test_the_strip_chart_legend_does_not_cover_its_title(case):
    key = key_matrix(case)
    share = np.random.default_rng(2).random(key.clear.shape)
    for categories in (key.categories, key.categories[:1]):
        columns = [key.categories.index(c) for c in categories]
        plot = article_strip_plot(
            key.passage_ids, categories, key.clear[:, columns], key.arguable[:, columns], share[:, columns]
        )
        renderer = FigureCanvasAgg(plot.figure).get_renderer()
        plot.figure.draw(renderer)  # lay the figure out, as saving it does
        (title,) = [t.get_window_extent(renderer) for t in plot.figure.texts if t.get_text() == TITLE]
        legends = plot.figure.legends + [a.get_legend() for a in plot.figure.axes if a.get_legend()]
        assert legends, "the strip chart has a legend"
        for legend in legends:
            box = legend.get_window_extent(renderer)
            assert not box.overlaps(title), (box, title)
            for axes in plot.figure.axes:
                assert not box.overlaps(axes.get_window_extent(renderer))


def test_a_one_category_heat_map_shows_its_numbers(case):
    values = np.array([[0.25], [np.nan], [0.8]])
    plot = heatmap_plot(["Ada", "Bo", "Cy"], ["hedging"], values)
    (axes, _colorbar) = plot.figure.axes
    assert [text.get_text() for text in axes.texts] == ["0.25", "undefined", "0.80"]


def test_the_heat_map_numbers_contrast_with_their_cells():
    from matplotlib.colors import to_rgb

    def luminance(colour):
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    values = np.linspace(0, 1, 21)[:, None]
    plot = heatmap_plot([str(v) for v in values[:, 0]], ["hedging"], values)
    axes = plot.figure.axes[0]
    image = axes.images[0]
    for text, value in zip(axes.texts, values[:, 0], strict=True):
        dark, light = sorted([luminance(image.cmap(image.norm(value))), luminance(text.get_color())])
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (value, text.get_color())
