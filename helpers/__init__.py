"""Helpers for the TikTok–Oracle notebook suite: the logic behind every notebook, unit-tested."""

__version__ = "0.1.0"
