"""Authoring tools: the segmenter, sample data and the notebooks' Colab setup cell."""
