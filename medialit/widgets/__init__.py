"""The notebooks' widgets: the tagging widget, the instructor's upload box, the exercise."""
