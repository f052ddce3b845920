"""Tag files: the format's model, reading, the CSV form, storage and the work folder."""
