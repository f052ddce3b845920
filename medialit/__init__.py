"""Between the Lines: a media-literacy course built on one annotated article.

The package loads and validates the case (``data/``), reads and writes learners' tag files,
scores them against the annotated key, builds class reports and plots, and provides the tagging
widget used in the notebooks. ``python -m medialit --help`` lists the command-line tools.
"""

from medialit.case.loading import load_case
from medialit.case.model import Case

__all__ = ["Case", "load_case"]
__version__ = "0.1.0"
