"""Feeds: the registry of sources, fetching, parsing and OPML."""
