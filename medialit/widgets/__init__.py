"""The notebooks' widgets: the tagging widget and its kernel watch, the upload box, the exercise."""
