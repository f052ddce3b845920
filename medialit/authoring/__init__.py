"""Authoring tools: the segmenter that cuts a case's source into passages, and sample data."""
