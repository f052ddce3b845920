"""Rendering: text, HTML (one set of jinja2 templates), plots and printables."""
