"""The notebooks' widgets: tagging widget and kernel watch, file picker, class box, exercise."""
