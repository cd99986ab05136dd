"""givedesk: a terminal giving desk."""

__all__ = ["__version__"]

__version__ = "0.1.0"
