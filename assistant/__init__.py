"""Tetsuzuki Assistant core: procedures, interview, formats and export, with no Qt."""

__version__ = "0.1.0"
