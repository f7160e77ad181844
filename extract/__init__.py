"""agenda-extract: UK council committee agenda packs (PDF) to validated JSON."""
__version__ = "0.2.0"
