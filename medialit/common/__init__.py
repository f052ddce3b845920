"""Generic helpers that know nothing of the course: problems, numbers as text, CSV, cue matching."""
