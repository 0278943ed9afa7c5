"""nigao (拟稿): draft county education-bureau documents from reusable skeletons."""

__version__ = "0.1.0"
