"""The case: its model, loading, validation and the labels shown for it."""
