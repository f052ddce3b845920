"""The notebooks' widgets: the tagging widget and its kernel watch, the file picker, the upload box, the exercise."""
