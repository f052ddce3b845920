"""A learner's tagging session: its state and autosave, with no view."""
